import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { createCore } from '../../../src-main/core/api';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { createReviewer } from '../../../src-main/services/reviewers';
import { loadDecisions, correctDecision } from '../../../src-main/services/decisions';
import { readyToRelease, releaseDecisions, saveReleaseFeedback } from '../../../src-main/services/panels/release';
import { panelDashboard } from '../../../src-main/services/panels/dashboard';
import { exportDecisions } from '../../../src-main/services/export/decisions';
import { feedbackPdf } from '../../../src-main/services/export/feedback-pdf';
import { attemptTrails } from '../../../src-main/services/credit/trail';
import { candidateAttainments } from '../../../src-main/services/credit/attainments';
import { statusCounts } from '../../../src-main/services/queue';
import { portfolios } from '../../../src-main/db/schema';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { tempDir, tempServices } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';
import { onTestDatabase } from '../../support/dialect';

let ctx: Services;
let admin: Reviewer;
let lead: Reviewer;
let r1: Reviewer;
let r2: Reviewer;
let moderator: Reviewer;

const mk = (name: string, roles: Reviewer['roles'] = ['reviewer']) =>
  createReviewer(ctx, { name, email: `${name.toLowerCase()}@example.nz`, school: `${name} School`, district: 'South', roles }, admin);

beforeEach(async () => {
  ctx = await tempServices();
  ({ admin } = await reviewSetup(ctx, 3, 2));
  await ctx.db.run("UPDATE reviewers SET max_load = 0 WHERE email = 'rangi@example.nz' OR id = ?", [admin.id]);
  r1 = await mk('Hine');
  r2 = await mk('Tom');
  lead = await mk('Lena', ['lead']);
  moderator = await mk('Moana', ['moderator']);
});
afterEach(() => ctx.close());

async function score(portfolioId: string, who: Reviewer, levels: Record<string, number>, feedback: string, minutes: number) {
  const state = await startReview(ctx, portfolioId, who);
  await saveDraft(ctx, { reviewId: state.review!.id, levels, feedback, comments: {}, activeMsDelta: minutes * 60_000 }, who);
  return await submitReview(ctx, state.review!.id, 0, who);
}
const row = async (id: string) => (await ctx.db.get('SELECT status, outcome FROM portfolios WHERE id = ?', [id])) as { status: string; outcome: string | null };
const err = async (fn: () => unknown): Promise<ApiError> => {
  try {
    await fn();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected an error');
};
/** Two agreeing passes on P-1: Hine 30 minutes, Tom 45. */
const agree = async (id = 'P-1') => {
  const a = await score(id, r1, { planning: 4, reflection: 3 }, 'Strong plan.\n\nKeep going.', 30);
  const b = await score(id, r2, { planning: 3, reflection: 3 }, 'Clear reflection.\n\nKeep going.', 45);
  return [a.review!.id, b.review!.id] as const;
};

describe('reconciled decisions wait for release', () => {
  it('are held as ready: no outcome, no export, no feedback PDF, no credit, counted as ready to release', async () => {
    await agree();
    expect(await row('P-1')).toEqual({ status: 'ready', outcome: null });
    expect((await statusCounts(ctx)).byStatus.ready).toBe(1);
    expect((await panelDashboard(ctx)).counts).toMatchObject({ ready_to_release: 1, decided: 0 });
    // Waiting for the lead counts toward days waiting, not as a portfolio in review.
    expect((await panelDashboard(ctx)).waiting.find((w) => w.portfolio === 'P-1')).toMatchObject({ status: 'ready' });
    const file = await exportDecisions(ctx, 'csv', {}, admin);
    expect(file.count).toBe(0);
    expect((await row('P-1')).status).toBe('ready');
    await expect(feedbackPdf(ctx, 'P-1', admin)).rejects.toThrow('P-1 has no released decision yet');
    const p = (await ctx.db.orm.select().from(portfolios).all()).filter((x) => x.id === 'P-1');
    expect((await attemptTrails(ctx, p))[0]!.decisions).toEqual([]);
    expect(await candidateAttainments(ctx, 'C-1')).toEqual([]);
  });

  it('name no reviewer as author: sources are the two reviews, time on task is their sum, feedback merged once per paragraph', async () => {
    const [a, b] = await agree();
    const d = (await loadDecisions(ctx, 'P-1'))[0]!;
    expect(d).toMatchObject({ source: 'reconciled', releasedAt: null, decidedBy: 'system:reconciliation', decidedByName: 'Reconciliation of 2 reviews' });
    expect(d.decidedBy).not.toBe(r2.id);
    expect(d.sources).toEqual([
      { reviewId: a, reviewerId: r1.id, reviewerName: 'Hine' },
      { reviewId: b, reviewerId: r2.id, reviewerName: 'Tom' },
    ]);
    expect(d.timeOnTaskMs).toBe(75 * 60_000);
    expect(d.feedback).toBe('Strong plan.\n\nKeep going.\n\nClear reflection.');
    expect(d.reason).toMatch(new RegExp(`reconciled from reviews #${a} \\(Hine\\) and #${b} \\(Tom\\)`));
  });

  it('the lead edits one merged text, sees both originals, releases; then it is decided, exported with no reviewer as author, and counts for credit', async () => {
    await agree();
    const [item] = await readyToRelease(ctx, lead);
    expect(item!.originals.map((o) => [o.reviewerName, o.feedback])).toEqual([
      ['Hine', 'Strong plan.\n\nKeep going.'],
      ['Tom', 'Clear reflection.\n\nKeep going.'],
    ]);
    await saveReleaseFeedback(ctx, 'P-1', 'A strong plan and a clear reflection.', lead);
    expect((await readyToRelease(ctx, lead))[0]!.decision.feedback).toBe('A strong plan and a clear reflection.');
    expect(await releaseDecisions(ctx, { items: [{ portfolioId: 'P-1' }], confirm: false }, lead)).toEqual({ released: ['P-1'] });
    expect(await row('P-1')).toEqual({ status: 'decided', outcome: 'pass' });
    const d = await loadDecisions(ctx, 'P-1');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ source: 'reconciled', feedback: 'A strong plan and a clear reflection.', releasedBy: lead.id });
    const audit = (await ctx.db.all("SELECT actor, details FROM audit_log WHERE action = 'decision.release'")) as { actor: string; details: string }[];
    expect(audit.map((x) => x.actor)).toEqual([lead.id]);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ revision: 1, outcome: 'pass', sources: d[0]!.sources.map((s) => s.reviewId) });
    const csv = (await exportDecisions(ctx, 'csv', {}, admin)).content;
    const [header, line] = csv.trim().split(/\r?\n/);
    const cols = header!.split(',');
    const cells = line!.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    expect(cells[cols.indexOf('reviewer_id')]).toBe('');
    expect(cells[cols.indexOf('source')]).toBe('reconciled');
    expect(cells[cols.indexOf('time_on_task_minutes')]).toBe('75.0');
    const json = JSON.parse((await exportDecisions(ctx, 'json', {}, admin)).content) as {
      decisions: { reviewer: { id: string }; source: string; feedback: string }[];
    };
    expect(json.decisions[0]).toMatchObject({ reviewer: { id: '' }, source: 'reconciled', feedback: 'A strong plan and a clear reflection.' });
    expect((await candidateAttainments(ctx, 'C-1')).map((x) => x.code)).toEqual(['TST-8']);
  });

  it('releases many at once, all or nothing: a Not yet without feedback stops the whole release', async () => {
    await agree('P-1');
    await score('P-2', r1, { planning: 2, reflection: 2 }, 'Not yet.', 10);
    await score('P-2', r2, { planning: 2, reflection: 2 }, 'Not yet.', 10);
    expect((await row('P-2')).status).toBe('ready');
    await saveReleaseFeedback(ctx, 'P-2', '  ', lead);
    const e = await err(() => releaseDecisions(ctx, { items: [{ portfolioId: 'P-1' }, { portfolioId: 'P-2' }], confirm: false }, lead));
    expect(e.code).toBe('bad_request');
    expect(e.issues).toEqual(['P-2: Feedback to the candidate is required for Not yet']);
    expect((await row('P-1')).status).toBe('ready');
    await releaseDecisions(ctx, { items: [{ portfolioId: 'P-1' }, { portfolioId: 'P-2', feedback: 'Not yet: deepen the reflection.' }], confirm: false }, lead);
    expect([await row('P-1'), await row('P-2')]).toEqual([
      { status: 'decided', outcome: 'pass' },
      { status: 'decided', outcome: 'not_yet' },
    ]);
    expect((await err(() => releaseDecisions(ctx, { items: [{ portfolioId: 'P-1' }], confirm: false }, lead))).message).toBe(
      'P-1 is not ready to release (it is decided)',
    );
  });

  it('flags a paragraph pasted twice in the merged feedback until the lead confirms', async () => {
    await agree();
    const twice = 'Good plan.\n\nGood  plan!\n\nMore to do.';
    const e = await err(() => releaseDecisions(ctx, { items: [{ portfolioId: 'P-1', feedback: twice }], confirm: false }, lead));
    expect(e.code).toBe('conflict');
    expect(e.issues).toEqual(['P-1: This paragraph appears twice: “Good  plan!”']);
    expect((await row('P-1')).status).toBe('ready');
    await releaseDecisions(ctx, { items: [{ portfolioId: 'P-1', feedback: twice }], confirm: true }, lead);
    expect((await row('P-1')).status).toBe('decided');
  });

  it('a correction waits until the decision is released', async () => {
    await agree();
    expect(
      (await err(() => correctDecision(ctx, { portfolioId: 'P-1', levels: { planning: 3, reflection: 3 }, comments: {}, feedback: 'x', reason: 'y' }, lead)))
        .message,
    ).toMatch(/ready to release/);
  });
});

describe('who may release', () => {
  it('reviewers and moderators are refused; leads and admins may list, edit and release', async () => {
    await agree('P-1');
    await agree('P-2');
    const core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
    const calls = [
      ['release.list', {}],
      ['release.saveFeedback', { portfolioId: 'P-1', feedback: 'x', feedbackVersion: 1 }],
      ['release.release', { items: [{ portfolioId: 'P-1' }] }],
    ] as const;
    for (const who of [r1, moderator])
      for (const [method, input] of calls) {
        const e = (await core.handle(method, input, { actor: who.id }).catch((x: unknown) => x)) as ApiError;
        expect(e.code, `${who.name} ${method}`).toBe('forbidden');
      }
    expect((await row('P-1')).status).toBe('ready');
    for (const [who, id] of [
      [lead, 'P-1'],
      [admin, 'P-2'],
    ] as const) {
      expect(((await core.handle('release.list', {}, { actor: who.id })) as unknown[]).length).toBeGreaterThan(0);
      await core.handle('release.saveFeedback', { portfolioId: id, feedback: 'Well done.', feedbackVersion: 1 }, { actor: who.id });
      expect(await core.handle('release.release', { items: [{ portfolioId: id }] }, { actor: who.id })).toEqual({ released: [id] });
    }
    expect([(await row('P-1')).status, (await row('P-2')).status]).toEqual(['decided', 'decided']);
  });
});

describe('release from the command line', () => {
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(await onTestDatabase([...argv, '--data', ctx.dataDir, '--actor', 'cli:lead']), {
      out: (t) => out.push(t),
      err: (t) => err.push(t),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('lists what is ready, refuses bad input with exit 2, releases with a feedback file, audited under the actor', async () => {
    const [a, b] = await agree('P-1');
    await agree('P-2');
    const listed = await cli('release', 'list', '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({
        portfolio: 'P-1',
        outcome: 'pass',
        sources: [
          { review: a, reviewer: r1.id },
          { review: b, reviewer: r2.id },
        ],
      }),
      expect.objectContaining({ portfolio: 'P-2' }),
    ]);
    expect((await cli('release')).code).toBe(2);
    expect((await cli('release', 'P-3')).err).toMatch(/P-3 is not ready to release/);
    const file = path.join(tempDir(), 'feedback.txt');
    fs.writeFileSync(file, 'Edited by the lead.');
    expect(await cli('release', 'P-1', '--feedback-file', file)).toMatchObject({ code: 0, out: 'released 1 decision: P-1' });
    expect((await loadDecisions(ctx, 'P-1'))[0]!.feedback).toBe('Edited by the lead.');
    expect(await cli('release', '--all')).toMatchObject({ code: 0, out: 'released 1 decision: P-2' });
    expect(await ctx.db.all("SELECT actor FROM audit_log WHERE action = 'decision.release'")).toEqual([{ actor: 'cli:lead' }, { actor: 'cli:lead' }]);
  });
});

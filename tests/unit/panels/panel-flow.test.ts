import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import { openReview, saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { createReviewer, getReviewer } from '../../../src-main/services/reviewers';
import { allocateAll, listAssignments, reassign } from '../../../src-main/services/panels/assignments';
import { moderate, moderationCase, moderationQueue, requestThirdReview } from '../../../src-main/services/panels/moderation';
import { setPolicy } from '../../../src-main/services/panels/policies';
import { attemptHistory } from '../../../src-main/services/panels/history';
import { importPath } from '../../../src-main/services/import/importer';
import { ImportError } from '../../../src-main/services/import/problems';
import { loadDecisions } from '../../../src-main/services/decisions';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { makePdf, PNG_1x1, tempDir, tempServices, writePackageFolder } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';

let ctx: Services;
let admin: Reviewer;
let r1: Reviewer;
let r2: Reviewer;
let r3: Reviewer;
let moderator: Reviewer;

const mk = (name: string, roles: Reviewer['roles'] = ['reviewer'], school = `${name} School`) =>
  createReviewer(ctx, { name, email: `${name.toLowerCase()}@example.nz`, school, district: 'South', roles }, admin);

beforeEach(async () => {
  ctx = await tempServices();
  ({ admin } = await reviewSetup(ctx, 3, 2));
  // reviewSetup's own reviewer stays out of the way: give it no load capacity.
  await ctx.db.run("UPDATE reviewers SET max_load = 0 WHERE email = 'rangi@example.nz'");
  await ctx.db.run('UPDATE reviewers SET max_load = 0 WHERE id = ?', [admin.id]);
  r1 = await mk('Hine');
  r2 = await mk('Tom');
  r3 = await mk('Mere');
  moderator = await mk('Moana', ['moderator']);
});
afterEach(() => ctx.close());

async function score(portfolioId: string, who: Reviewer, levels: Record<string, number>, feedback = 'Feedback') {
  const state = await startReview(ctx, portfolioId, who);
  expect(state.readOnlyReason).toBe(null);
  await saveDraft(ctx, { reviewId: state.review!.id, levels, feedback, comments: { planning: `${who.name} on planning` }, activeMsDelta: 60_000 }, who);
  return await submitReview(ctx, state.review!.id, 0, who);
}
const status = async (id: string) =>
  (await ctx.db.get('SELECT status, outcome FROM portfolios WHERE id = ?', [id])) as { status: string; outcome: string | null };
const err = async (fn: () => unknown): Promise<ApiError> => {
  try {
    await fn();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected an error');
};

describe('double review', () => {
  it('agreeing reviews become a reconciled decision ready to release: lower level per criterion, feedback merged', async () => {
    await score('P-1', r1, { planning: 4, reflection: 3 }, 'Strong plan.');
    expect((await status('P-1')).status).toBe('in_review');
    const state = await score('P-1', r2, { planning: 3, reflection: 3 }, 'Clear reflection.');
    expect(await status('P-1')).toEqual({ status: 'ready', outcome: null });
    expect(state.decision).toMatchObject({ source: 'reconciled', outcome: 'pass', total: 6, feedback: 'Strong plan.\n\nClear reflection.', releasedAt: null });
    expect(state.decision!.levels.map((l) => l.score)).toEqual([3, 3]);
    expect(state.decision!.levels[0]!.comment).toBe('Hine on planning\n\nTom on planning');
  });

  it('outcomes that differ go to moderation with the reason', async () => {
    await score('P-1', r1, { planning: 3, reflection: 3 });
    await score('P-1', r2, { planning: 3, reflection: 2 });
    expect((await status('P-1')).status).toBe('scored');
    expect((await moderationQueue(ctx)).map((m) => [m.portfolio, m.reason])).toEqual([['P-1', 'outcomes differ (Pass vs Not yet)']]);
  });

  it('a criterion further apart than the tolerance goes to moderation even when outcomes agree', async () => {
    await setPolicy(ctx, 'TST-8', { tolerance: 0 }, admin);
    await score('P-1', r1, { planning: 4, reflection: 3 });
    await score('P-1', r2, { planning: 3, reflection: 3 });
    expect((await moderationQueue(ctx))[0]!.reason).toBe('Planning: 4 vs 3');
    await setPolicy(ctx, 'TST-8', { tolerance: 1 }, admin);
    await score('P-2', r1, { planning: 4, reflection: 3 });
    await score('P-2', r2, { planning: 3, reflection: 3 });
    expect((await status('P-2')).status).toBe('ready');
  });

  it('the moderator decides from both reviews side by side; the decision is audited', async () => {
    await score('P-1', r1, { planning: 2, reflection: 4 }, 'a');
    await score('P-1', r2, { planning: 4, reflection: 4 }, 'b');
    const c = await moderationCase(ctx, 'P-1', moderator);
    expect(c.reason).toBe('Planning: 2 vs 4; outcomes differ (Not yet vs Pass)');
    expect(c.reviews.map((r) => r.levels.planning)).toEqual([2, 4]);
    expect((await err(() => moderate(ctx, { portfolioId: 'P-1', levels: { planning: 2 }, comments: {}, feedback: '', note: 'x' }, moderator))).issues).toEqual([
      'Reflection: not scored',
    ]);
    const d = await moderate(
      ctx,
      { portfolioId: 'P-1', levels: { planning: 3, reflection: 4 }, comments: {}, feedback: 'Moderated pass', note: 'Plan meets proficient' },
      moderator,
    );
    expect(d).toMatchObject({ source: 'moderation', outcome: 'pass', decidedBy: moderator.id, reason: 'Plan meets proficient' });
    expect(await status('P-1')).toEqual({ status: 'decided', outcome: 'pass' });
    expect(await moderationQueue(ctx)).toEqual([]);
    expect(await ctx.db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'moderation.decide'")).toEqual({ n: 1 });
  });

  it('a third review can be asked for; the case returns to moderation with all three', async () => {
    await score('P-1', r1, { planning: 2, reflection: 4 });
    await score('P-1', r2, { planning: 4, reflection: 4 });
    await requestThirdReview(ctx, 'P-1', 'Need a tie-breaker', moderator);
    expect((await status('P-1')).status).toBe('in_review');
    const alloc = await allocateAll(ctx, admin);
    expect(alloc.assigned.filter((a) => a.portfolio === 'P-1')).toEqual([{ portfolio: 'P-1', reviewer: r3.id }]);
    await score('P-1', r3, { planning: 3, reflection: 4 });
    expect((await status('P-1')).status).toBe('scored');
    const c = await moderationCase(ctx, 'P-1', moderator);
    expect(c.status).toBe('open');
    expect(c.reviews).toHaveLength(3);
    expect(c.reason).toMatch(/^Third review in; /);
  });
});

describe('blind, independent review', () => {
  it('refuses other reviews until the reviewer has submitted (API 403), shows only that they exist', async () => {
    const core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
    await score('P-1', r1, { planning: 3, reflection: 3 });
    const mine = await startReview(ctx, 'P-1', r2);
    expect(mine.peers).toEqual([{ status: 'submitted' }]);
    expect(mine.peerReviews).toBe(null);
    const refused = (await core.handle('review.peers', { portfolioId: 'P-1' }, { actor: r2.id }).catch((e: unknown) => e)) as ApiError;
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.code).toBe('forbidden');
    await saveDraft(ctx, { reviewId: mine.review!.id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 0 }, r2);
    await submitReview(ctx, mine.review!.id, 0, r2);
    const peers = (await core.handle('review.peers', { portfolioId: 'P-1' }, { actor: r2.id })) as { reviewerId: string }[];
    expect(peers.map((p) => p.reviewerId)).toEqual([r1.id]);
  });
});

describe('roles are enforced in the services', () => {
  it('a reviewer cannot allocate, moderate or reassign; a moderator who reviewed cannot moderate', async () => {
    const core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
    for (const [method, input] of [
      ['assignments.allocate', {}],
      ['moderation.list', {}],
      ['panel.dashboard', {}],
      ['assignments.reassign', { portfolioId: 'P-1', from: r1.id, to: r2.id }],
      ['policy.set', { credential: 'TST-8', policy: { reviews_required: 1 } }],
    ] as const) {
      const e = (await core.handle(method, input, { actor: r1.id }).catch((x: unknown) => x)) as ApiError;
      expect(e.code, method).toBe('forbidden');
    }
    const both = await mk('Both', ['reviewer', 'moderator']);
    await score('P-1', both, { planning: 2, reflection: 2 }, 'x');
    await score('P-1', r1, { planning: 4, reflection: 4 });
    expect((await err(() => moderationCase(ctx, 'P-1', both))).message).toMatch(/reviewed P-1 and cannot moderate it/);
  });
});

describe('allocation and assignments in the database', () => {
  it('allocates, audits, and a reviewer cannot open a portfolio with a conflict of interest', async () => {
    const sameSchool = await mk('Kowhai', ['reviewer'], 'Kowhai School');
    const result = await allocateAll(ctx, admin);
    expect(result.unallocated).toEqual([]);
    expect((await listAssignments(ctx)).filter((a) => a.reviewer === sameSchool.id)).toEqual([]);
    expect(await listAssignments(ctx)).toHaveLength(6);
    expect((await openReview(ctx, 'P-1', sameSchool)).readOnlyReason).toMatch(/conflict of interest/);
    const a = (await listAssignments(ctx)).find((x) => x.portfolio === 'P-1')!;
    const all = await listAssignments(ctx);
    await reassign(ctx, 'P-1', a.reviewer, [r1, r2, r3].find((r) => !all.some((x) => x.portfolio === 'P-1' && x.reviewer === r.id))!.id, admin);
    expect(await ctx.db.get("SELECT count(*) AS n FROM audit_log WHERE action IN ('assignment.create', 'assignment.release')")).toEqual({ n: 8 });
  });
});

describe('resubmissions', () => {
  it('link to the earlier attempt, show its decision and the evidence diff, and stop at the maximum attempts', async () => {
    await setPolicy(ctx, 'TST-8', { reviews_required: 1, max_attempts: 2 }, admin);
    await score('P-1', r1, { planning: 2, reflection: 2 }, 'Not yet: deepen it');
    const work = tempDir();
    const pdf = await makePdf(3);
    const newPdf = await makePdf(4, 'Revised plan');
    await writePackageFolder(path.join(work, 'P-1b'), {
      id: 'P-1b',
      attempt: 2,
      resubmission_of: 'P-1',
      candidate: { id: 'C-1', name: 'Aroha Ngātai', email: 'c1@example.nz' },
      files: {
        'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' },
        'revised.pdf': { bytes: newPdf, media_type: 'application/pdf', kind: 'pdf' },
        'wall.png': { bytes: PNG_1x1, media_type: 'image/png', kind: 'image' },
      },
    });
    await importPath(ctx, path.join(work, 'P-1b'), { actor: 'test' });
    expect((await status('P-1')).status).toBe('returned');
    const h = await attemptHistory(ctx, 'P-1b');
    expect(h.attempts.map((a) => [a.id, a.decision?.outcome ?? null])).toEqual([
      ['P-1', 'not_yet'],
      ['P-1b', null],
    ]);
    expect(h.attempts[0]!.decision!.feedback).toBe('Not yet: deepen it');
    expect(h.changes.map((c) => [c.evidenceId, c.change])).toEqual([
      ['E1', 'unchanged'],
      ['E2', 'new'],
      ['E3', 'new'],
    ]);
    await writePackageFolder(path.join(work, 'P-1c'), {
      id: 'P-1c',
      attempt: 3,
      resubmission_of: 'P-1b',
      candidate: { id: 'C-1', name: 'Aroha Ngātai', email: 'c1@example.nz' },
    });
    const e = await importPath(ctx, path.join(work, 'P-1c'), { actor: 'test' }).catch((x) => x);
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).problems.map((p) => p.reason)).toContain('attempt 3 is beyond the maximum of 2 attempts for TST-8');
  });
});

describe('anonymous review', () => {
  it('hides the candidate from reviewers in the queue, the portfolio and exports, not from leads', async () => {
    await setPolicy(ctx, 'TST-8', { anonymous: true, reviews_required: 1 }, admin);
    const core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
    const asReviewer = (await core.handle('queue.list', { limit: 5 }, { actor: r1.id })) as {
      rows: { candidate: { name: string; email: string; school: string } }[];
    };
    expect(asReviewer.rows[0]!.candidate).toMatchObject({ email: '', school: '(withheld)' });
    expect(asReviewer.rows[0]!.candidate.name).toMatch(/^Candidate [A-Z2-7]{8}$/);
    const detail = (await core.handle('portfolio.get', { id: 'P-1' }, { actor: r1.id })) as { candidate: { name: string }; evidence: { fileName: string }[] };
    expect(detail.candidate.name).not.toContain('Ngātai');
    expect(detail.evidence[0]!.fileName).toBe('E1.pdf');
    await score('P-1', r1, { planning: 3, reflection: 3 });
    const csv = (await core.handle('export.decisions', { format: 'csv' }, { actor: r1.id })) as { content: string };
    expect(csv.content).not.toContain('Ngātai');
    expect(csv.content).not.toContain('c1@example.nz');
    const asLead = (await core.handle('portfolio.get', { id: 'P-1' }, { actor: admin.id })) as { candidate: { name: string } };
    expect(asLead.candidate.name).toBe('Aroha Ngātai');
    expect((await getReviewer(ctx, admin.id))!.roles).toContain('admin');
    expect(await loadDecisions(ctx, 'P-1')).toHaveLength(1);
  });
});

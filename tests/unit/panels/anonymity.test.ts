/**
 * Anonymous review holds for every query a viewer can make: for rows under anonymous review, a reviewer or moderator
 * searches, filters, sorts, counts and exports as if name, ids, email, school and district did not exist; leads,
 * admins and approvers see everything. Driven through the core, as both shells call it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/api';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import type { Services } from '../../../src-main/core/services';
import type { QueuePage, QueueQuery } from '../../../src-shared/contracts/queue';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { Role } from '../../../src-shared/domain/roles';
import { tempServices } from '../../support/fixtures';
import { anonymitySetup, ROLES_BLIND, ROLES_SEEING } from '../../support/anonymity';

let ctx: Services;
let core: Core;
let people: Record<Role, Reviewer>;

beforeEach(async () => {
  ctx = await tempServices();
  ({ people } = await anonymitySetup(ctx));
  core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
});
afterEach(() => ctx.close());

const list = async (role: Role, q: QueueQuery) => (await core.handle('queue.list', { limit: 50, ...q }, { actor: people[role].id })) as QueuePage;
const ids = async (role: Role, q: QueueQuery) => {
  const page = await list(role, q);
  expect(page.total, `total for ${JSON.stringify(q)}`).toBe(page.rows.length);
  return page.rows.map((r) => r.id).sort();
};
const pseudonymOf = async (id: string) => (await list('reviewer', {})).rows.find((r) => r.id === id)!.candidate.name;

describe.each(ROLES_BLIND)('a %s (identity withheld)', (role) => {
  it('search never matches a hidden name, candidate id or email, only the portfolio id and the pseudonym', async () => {
    expect(await ids(role, { search: 'Aroha' })).toEqual(['P-3']);
    expect(await ids(role, { search: 'ngata aroha' })).toEqual(['P-3']);
    expect(await ids(role, { search: 'Zoe' })).toEqual([]);
    expect(await ids(role, { search: 'Adams' })).toEqual([]);
    expect(await ids(role, { search: 'zoe@rimu.school.nz' })).toEqual([]);
    expect(await ids(role, { search: 'C-4' })).toEqual([]);
    expect(await ids(role, { search: 'P-4' })).toEqual(['P-4']);
    const p1 = await pseudonymOf('P-1');
    // The pseudonym finds the anonymous portfolio, never the same candidate's named one (P-3).
    expect(await ids(role, { search: p1 })).toEqual(['P-1']);
    expect(await ids(role, { search: p1.split(' ')[1]!.slice(0, 5) })).toEqual(['P-1']);
  });

  it('the district filter does not match a withheld district, and the facets do not offer one known only from hidden rows', async () => {
    expect(await ids(role, { district: 'Secret Bay' })).toEqual([]);
    expect(await ids(role, { district: 'Hidden Valley' })).toEqual(['P-3']);
    expect(await ids(role, { district: 'North' })).toEqual(['P-2']);
    const facets = (await core.handle('queue.facets', {}, { actor: people[role].id })) as { districts: string[] };
    expect(facets.districts).toEqual(['Hidden Valley', 'North']);
  });

  it('sorting by candidate orders hidden rows by the pseudonym shown, not the real name', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const names = (await list(role, { sort: 'candidate', dir })).rows.map((r) => r.candidate.name);
      const sorted = [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase(), 'en'));
      expect(names).toEqual(dir === 'asc' ? sorted : sorted.reverse());
    }
  });

  it('rows, search hits and counts carry nothing of the hidden candidate', async () => {
    const everything = JSON.stringify([
      await list(role, {}),
      await list(role, { search: 'P' }),
      await core.handle('queue.counts', {}, { actor: people[role].id }),
    ]);
    for (const secret of ['Zoe', 'Adams', 'zoe@rimu', 'C-4', 'Rimu School', 'Secret Bay', 'Abe Zulu', 'C-5']) expect(everything).not.toContain(secret);
  });

  it('the portfolio page says identity is withheld and does not point at where the evidence names the candidate', async () => {
    const detail = (await core.handle('portfolio.get', { id: 'P-4' }, { actor: people[role].id })) as {
      identity: { withheld: boolean; anonymousReview: boolean; findings: unknown[] };
    };
    expect(detail.identity).toEqual({ anonymousReview: true, withheld: true, findings: [] });
  });
});

describe.each(ROLES_SEEING)('a %s (sees identity)', (role) => {
  it('searches, filters and sorts by the real identity', async () => {
    expect(await ids(role, { search: 'Aroha' })).toEqual(['P-1', 'P-3']);
    expect(await ids(role, { search: 'zoe@rimu.school.nz' })).toEqual(['P-4']);
    expect(await ids(role, { district: 'Secret Bay' })).toEqual(['P-4']);
    const facets = (await core.handle('queue.facets', {}, { actor: people[role].id })) as { districts: string[] };
    expect(facets.districts).toEqual(['Hidden Valley', 'North', 'Secret Bay']);
    expect((await list(role, { sort: 'candidate' })).rows.map((r) => r.candidate.name)).toEqual([
      'Abe Zulu',
      'Aroha Ngata',
      'Aroha Ngata',
      'Ben Walker',
      'Zoe Adams',
    ]);
  });
});

describe('a viewer with no profile', () => {
  it('is treated as one who may not see identity', async () => {
    const page = (await core.handle('queue.list', { search: 'Zoe' }, { actor: null })) as QueuePage;
    expect(page).toEqual({ total: 0, rows: [] });
  });
});

async function review(portfolioId: string, who: Reviewer) {
  const state = await startReview(ctx, portfolioId, who);
  await saveDraft(ctx, { reviewId: state.review!.id, levels: { planning: 3, reflection: 3 }, feedback: 'Solid.', comments: {}, activeMsDelta: 60_000 }, who);
  await submitReview(ctx, state.review!.id, 0, who);
}
type ExportFile = { content: string; count: number; fileName: string };
const exportAs = async (role: Role, filter: Record<string, unknown> = {}) =>
  (await core.handle('export.decisions', { format: 'json', filter }, { actor: people[role].id })) as ExportFile;
const status = async (id: string) => ((await ctx.db.get('SELECT status FROM portfolios WHERE id = ?', [id])) as { status: string }).status;

describe('exports', () => {
  beforeEach(async () => {
    await review('P-4', people.reviewer); // anonymous: decided by the single review
    await review('P-2', people.reviewer);
  });

  it.each(ROLES_BLIND)('a %s exports only their own reviews, identity withheld, and marks nothing exported', async (role) => {
    const file = await exportAs(role);
    const json = JSON.parse(file.content) as { decisions: { portfolio: string; candidate: { name: string }; reviewer: { id: string }; source: string }[] };
    if (role === 'reviewer') {
      expect(json.decisions.map((d) => d.portfolio).sort()).toEqual(['P-2', 'P-4']);
      expect(json.decisions.every((d) => d.reviewer.id === people.reviewer.id && d.source === 'review')).toBe(true);
      expect(json.decisions.find((d) => d.portfolio === 'P-4')!.candidate.name).toBe(await pseudonymOf('P-4'));
    } else expect(json.decisions).toEqual([]);
    for (const secret of ['Zoe', 'Adams', 'zoe@rimu', '"C-4"', 'Rimu School', 'Secret Bay']) expect(file.content).not.toContain(secret);
    expect([await status('P-2'), await status('P-4')]).toEqual(['decided', 'decided']);
    expect(file.fileName).toMatch(/^my-reviews-/);
  });

  it('a reviewer filtering their export by a hidden name or district gets nothing', async () => {
    expect((await exportAs('reviewer', { search: 'Zoe' })).count).toBe(0);
    expect((await exportAs('reviewer', { district: 'Secret Bay' })).count).toBe(0);
    expect((await exportAs('reviewer', { search: 'P-4' })).count).toBe(1);
  });

  it.each(['lead', 'admin'] as const)('a %s exports the programme decisions with identities and marks them exported', async (role) => {
    const file = await exportAs(role);
    expect(file.fileName).toMatch(/^decisions-/);
    expect(file.count).toBe(2);
    expect(file.content).toContain('zoe@rimu.school.nz');
    expect([await status('P-2'), await status('P-4')]).toEqual(['exported', 'exported']);
  });

  it('an approver sees identities but is not the programme: own reviews only (none)', async () => {
    expect((await exportAs('approver')).count).toBe(0);
    expect([await status('P-2'), await status('P-4')]).toEqual(['decided', 'decided']);
  });

  it('the feedback report: a reviewer only for a portfolio they reviewed, with the pseudonym; others refused in words', async () => {
    const mine = (await core.handle('export.feedbackPdf', { portfolioId: 'P-4' }, { actor: people.reviewer.id })) as ExportFile;
    const { pdfText } = await import('../../support/pdf-text');
    const text = (await pdfText(Buffer.from(mine.content, 'base64'))).join('\n');
    expect(text).toContain(await pseudonymOf('P-4'));
    for (const secret of ['Zoe', 'Adams', 'Rimu School', 'Secret Bay', 'C-4']) expect(text).not.toContain(secret);
    await expect(core.handle('export.feedbackPdf', { portfolioId: 'P-4' }, { actor: people.moderator.id })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('only of a portfolio they reviewed'),
    });
    await expect(core.handle('export.feedbackPdf', { portfolioId: 'P-4' }, { actor: people.lead.id })).resolves.toMatchObject({ count: 1 });
  });
});

describe('error messages', () => {
  it('do not tell a reviewer that a hidden candidate shares their school (conflict of interest); a lead is told', async () => {
    const admin = people.admin;
    const { createReviewer } = await import('../../../src-main/services/reviewers');
    const colleague = await createReviewer(
      ctx,
      { name: 'Kiri Colleague', email: 'kiri@rimu.school.nz', school: 'Rimu School', district: 'Secret Bay', roles: ['reviewer'] },
      admin,
    );
    const state = (await core.handle('review.open', { portfolioId: 'P-4' }, { actor: colleague.id })) as { readOnlyReason: string | null };
    expect(state.readOnlyReason).toBe('Not assigned to you: Kiri Colleague may not review this portfolio under its review policy; ask the panel lead.');
    // Open review: the same conflict is named as what it is.
    const open = (await core.handle(
      'review.open',
      { portfolioId: 'P-3' },
      {
        actor: (
          await createReviewer(
            ctx,
            { name: 'Hone Colleague', email: 'hone@kowhai.school.nz', school: 'Kowhai School', district: 'Far', roles: ['reviewer'] },
            admin,
          )
        ).id,
      },
    )) as {
      readOnlyReason: string | null;
    };
    expect(open.readOnlyReason).toMatch(/conflict of interest with this candidate/);
    await startReview(ctx, 'P-4', people.reviewer);
    await expect(
      core.handle('assignments.reassign', { portfolioId: 'P-4', from: people.reviewer.id, to: colleague.id }, { actor: people.lead.id }),
    ).rejects.toMatchObject({
      message: 'Kiri Colleague has a conflict of interest with this candidate',
    });
  });
});

describe('moderation and assignment lists', () => {
  it('show reviewers and moderators the pseudonym, leads the name', async () => {
    const mine = (await core.handle('assignments.mine', {}, { actor: people.reviewer.id })) as { row: { candidate: { name: string } } }[];
    await core.handle('assignments.claimNext', {}, { actor: people.reviewer.id });
    const after = (await core.handle('assignments.mine', {}, { actor: people.reviewer.id })) as {
      row: { id: string; candidate: { name: string; district: string } };
    }[];
    expect(after.length).toBeGreaterThan(mine.length);
    for (const a of after)
      if (a.row.id !== 'P-2' && a.row.id !== 'P-3')
        expect(a.row.candidate).toMatchObject({ name: expect.stringMatching(/^Candidate /), district: '(withheld)' });
  });
});

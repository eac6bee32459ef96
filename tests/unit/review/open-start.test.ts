import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import type { Services } from '../../../src-main/core/services';
import { createReviewer } from '../../../src-main/services/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { client, DIALECTS, newPlace, raceQueue } from '../../support/race';

const open: Services[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

/** Every table's row count: what a read must leave as it was. */
async function rowCounts(ctx: Services): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await ctx.db.tableNames()) out[t] = (await ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM "${t}"`))!.n;
  return out;
}

describe.each(DIALECTS)('opening and starting a review on %s', (dialect) => {
  async function queue() {
    const ctx = await client(await newPlace(dialect));
    open.push(ctx);
    const people = await raceQueue(ctx, 2, 2);
    return { ctx, core: createCore(ctx, { name: 'EW', version: 't', shell: 'browser' }), ...people };
  }

  it('opening a portfolio only reads: no draft, no claim, no status change, no audit entry, however often', async () => {
    const { ctx, core, reviewers } = await queue();
    const before = await rowCounts(ctx);
    for (let i = 0; i < 3; i++) {
      const state = (await core.handle('review.open', { portfolioId: 'B-1' }, { actor: reviewers[0]!.id })) as {
        review: unknown;
        readOnly: boolean;
        canStart: boolean;
      };
      expect(state).toMatchObject({ review: null, readOnly: false, canStart: true });
    }
    expect(await rowCounts(ctx)).toEqual(before);
    expect(await ctx.db.get('SELECT status FROM portfolios WHERE id = ?', ['B-1'])).toEqual({ status: 'submitted' });
  });

  it('starting claims the free place and creates the draft in one go; then opening shows that draft', async () => {
    const { ctx, core, reviewers } = await queue();
    const me = { actor: reviewers[0]!.id };
    const started = (await core.handle('review.start', { portfolioId: 'B-1' }, me)) as {
      review: { id: number; status: string; revision: number };
      canStart: boolean;
    };
    expect(started).toMatchObject({ review: { status: 'draft', revision: 1 }, canStart: false });
    expect(await ctx.db.all('SELECT portfolio_id, reviewer_id, status FROM assignments')).toEqual([
      { portfolio_id: 'B-1', reviewer_id: me.actor, status: 'assigned' },
    ]);
    expect(await ctx.db.get('SELECT status FROM portfolios WHERE id = ?', ['B-1'])).toEqual({ status: 'in_review' });
    expect(
      (await ctx.db.all<{ action: string }>("SELECT action FROM audit_log WHERE action IN ('assignment.create', 'review.start') ORDER BY id")).map(
        (a) => a.action,
      ),
    ).toEqual(['assignment.create', 'review.start']);
    expect(((await core.handle('review.open', { portfolioId: 'B-1' }, me)) as { review: { id: number } }).review.id).toBe(started.review.id);
  });

  it('a start that is not allowed is refused with the reason opening gives, and writes nothing', async () => {
    const { ctx, core, reviewers, admin } = await queue();
    await core.handle('review.start', { portfolioId: 'B-1' }, { actor: reviewers[0]!.id });
    const late = { actor: reviewers[1]!.id };
    const state = (await core.handle('review.open', { portfolioId: 'B-1' }, late)) as { readOnlyReason: string; canStart: boolean };
    expect(state).toMatchObject({ readOnlyReason: 'Not assigned to you: B-1 already has the reviewers it needs.', canStart: false });
    const before = await rowCounts(ctx);
    const err = (await core.handle('review.start', { portfolioId: 'B-1' }, late).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect([err.code, err.message]).toEqual(['forbidden', state.readOnlyReason]);
    expect(await rowCounts(ctx)).toEqual(before);
    // No reviewer role: told so on opening, refused on starting.
    const lead = await createReviewer(ctx, { name: 'Lena Lead', email: 'lena@example.nz', school: '', district: '', roles: ['lead'] }, admin);
    const leadState = (await core.handle('review.open', { portfolioId: 'B-2' }, { actor: lead.id })) as { readOnlyReason: string; canStart: boolean };
    expect(leadState).toMatchObject({ readOnlyReason: 'Only reviewers score portfolios; your profile has no reviewer role.', canStart: false });
    const withLead = await rowCounts(ctx);
    expect(await core.handle('review.start', { portfolioId: 'B-2' }, { actor: lead.id }).catch((e: unknown) => (e as ApiError).message)).toBe(
      leadState.readOnlyReason,
    );
    expect(await rowCounts(ctx)).toEqual(withLead);
  });
});

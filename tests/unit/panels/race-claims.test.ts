import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import type { Services } from '../../../src-main/core/services';
import { ApiError } from '../../../src-shared/contracts/errors';
import { atOnce, client, DIALECTS, newPlace, raceQueue } from '../../support/race';

const PORTFOLIOS = 40;
const CLIENTS = 50;

const open: Services[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

const core = (ctx: Services) => createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });

describe.each(DIALECTS)('claiming at once on %s', (dialect) => {
  it(`${CLIENTS} clients on their own connections claim next from ${PORTFOLIOS} portfolios: each claimed once, the rest told nothing is left`, async () => {
    const place = await newPlace(dialect);
    const setup = await client(place);
    open.push(setup);
    const { reviewers } = await raceQueue(setup, PORTFOLIOS, CLIENTS);
    const clients: Services[] = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(await client(place));
    open.push(...clients);
    const results = await atOnce(
      clients.map((c, i) => () => core(c).handle('assignments.claimNext', {}, { actor: reviewers[i]!.id }) as Promise<{ id: string | null }>),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const ids = results.map((r) => (r as PromiseFulfilledResult<{ id: string | null }>).value.id);
    const claimed = ids.filter((id): id is string => id !== null);
    expect(claimed).toHaveLength(PORTFOLIOS);
    expect(new Set(claimed).size).toBe(PORTFOLIOS);
    expect(ids.filter((id) => id === null)).toHaveLength(CLIENTS - PORTFOLIOS);
    const rows = await setup.db.all<{ portfolio_id: string; reviewer_id: string }>(
      "SELECT portfolio_id, reviewer_id FROM assignments WHERE status = 'assigned' ORDER BY portfolio_id",
    );
    expect(rows).toHaveLength(PORTFOLIOS);
    expect(new Set(rows.map((r) => r.portfolio_id)).size).toBe(PORTFOLIOS);
    // Each client got the portfolio its assignment names.
    for (const [i, id] of ids.entries()) if (id) expect(rows.find((r) => r.portfolio_id === id)!.reviewer_id).toBe(reviewers[i]!.id);
  }, 120_000);

  it('reviewers starting the same portfolio at once: one claims it and gets the draft, the others are refused in words', async () => {
    const place = await newPlace(dialect);
    const setup = await client(place);
    open.push(setup);
    const { reviewers } = await raceQueue(setup, 1, 8);
    const clients: Services[] = [];
    for (let i = 0; i < reviewers.length; i++) clients.push(await client(place));
    open.push(...clients);
    const results = await atOnce(clients.map((c, i) => () => core(c).handle('review.start', { portfolioId: 'B-1' }, { actor: reviewers[i]!.id })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      const err = (r as PromiseRejectedResult).reason as ApiError;
      expect(err).toBeInstanceOf(ApiError);
      expect(err.code).toBe('forbidden');
      expect(err.message).toMatch(/^Not assigned to you: B-1 already has the reviewers it needs\.$/);
    }
    expect(await setup.db.all("SELECT portfolio_id FROM assignments WHERE status = 'assigned'")).toEqual([{ portfolio_id: 'B-1' }]);
    expect(await setup.db.all('SELECT portfolio_id, status FROM reviews')).toEqual([{ portfolio_id: 'B-1', status: 'draft' }]);
  }, 120_000);

  it('one reviewer starting a portfolio in two windows at once gets one draft', async () => {
    const place = await newPlace(dialect);
    const setup = await client(place);
    open.push(setup);
    const { reviewers } = await raceQueue(setup, 1, 1);
    const [a, b] = [await client(place), await client(place)];
    open.push(a, b);
    const me = { actor: reviewers[0]!.id };
    const results = await atOnce([a, b].map((c) => () => core(c).handle('review.start', { portfolioId: 'B-1' }, me) as Promise<{ review: { id: number } }>));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const [x, y] = results.map((r) => (r as PromiseFulfilledResult<{ review: { id: number } }>).value.review.id);
    expect(x).toBe(y);
    expect(await setup.db.all('SELECT count(*) AS n FROM reviews')).toEqual([{ n: 1 }]);
    expect(await setup.db.all('SELECT count(*) AS n FROM assignments')).toEqual([{ n: 1 }]);
  }, 120_000);
});

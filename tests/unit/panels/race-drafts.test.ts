import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import type { Services } from '../../../src-main/core/services';
import { ApiError } from '../../../src-shared/contracts/errors';
import { atOnce, client, DIALECTS, newPlace, NOW, raceQueue } from '../../support/race';

const open: Services[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

const core = (ctx: Services) => createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
const TEN = NOW.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

describe.each(DIALECTS)('one draft saved from two windows at once on %s', (dialect) => {
  it('both based on the same revision: one save wins, the other is refused with conflict naming who saved it and when', async () => {
    const place = await newPlace(dialect);
    const setup = await client(place);
    open.push(setup);
    const { reviewers } = await raceQueue(setup, 1, 1);
    const me = { actor: reviewers[0]!.id };
    const { review } = (await core(setup).handle('review.start', { portfolioId: 'B-1' }, me)) as { review: { id: number; revision: number } };
    const windows = [await client(place), await client(place)];
    open.push(...windows);
    const results = await atOnce(
      windows.map(
        (w, i) => () =>
          core(w).handle(
            'review.save',
            { reviewId: review.id, revision: review.revision, levels: { planning: i + 2 }, feedback: `window ${i}` },
            me,
          ) as Promise<{ revision: number }>,
      ),
    );
    const won = results.findIndex((r) => r.status === 'fulfilled');
    expect(won).toBeGreaterThanOrEqual(0);
    const lost = results[1 - won]!;
    expect(lost.status).toBe('rejected');
    const err = (lost as PromiseRejectedResult).reason as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('conflict');
    expect(err.message).toBe(`You saved this draft at ${TEN} in another window after this one loaded it; reload to see those changes`);
    expect((results[won] as PromiseFulfilledResult<{ revision: number }>).value.revision).toBe(review.revision + 1);
    // Nothing of the refused save was written: the draft is the winner's.
    const stored = (await core(setup).handle('review.open', { portfolioId: 'B-1' }, me)) as {
      review: { levels: Record<string, number>; feedback: string; revision: number };
    };
    expect(stored.review).toMatchObject({ levels: { planning: won + 2 }, feedback: `window ${won}`, revision: review.revision + 1 });
    // The loser reloads and saves on the new revision.
    await core(windows[1 - won]!).handle('review.save', { reviewId: review.id, revision: stored.review.revision, levels: { reflection: 3 } }, me);
  }, 120_000);
});

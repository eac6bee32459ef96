import { describe, expect, it } from 'vitest';
import { isQualified, setThreshold, qualificationOverview } from '../../../src-main/services/calibration/qualification';
import { closeRound } from '../../../src-main/services/calibration/rounds';
import { qualifiedCredentials } from '../../../src-main/services/panels/qualification';
import { anchor, calibrationWorld, round, score } from './setup';

/** References of P-1…P-5 are all (3, 3): a reviewer's exact share is easy to set by hand. */
async function fiveAnchors() {
  const w = await calibrationWorld(7, 4);
  for (let i = 1; i <= 5; i++) await anchor(w, `P-${i}`, 3, 3);
  await round(w, 'May', ['P-1', 'P-2', 'P-3', 'P-4', 'P-5'], w.reviewers);
  w.clock.now = new Date('2026-05-10T00:00:00Z');
  return w;
}

describe('qualification', () => {
  it('needs 70 % exact agreement and no criterion more than one level off (defaults)', async () => {
    const w = await fiveAnchors();
    const [a, b, c, d] = w.reviewers;
    // a: 7 of 10 exact, the rest one level off → exactly 70 %: qualified.
    for (const [p, x, y] of [
      ['P-1', 3, 3],
      ['P-2', 3, 3],
      ['P-3', 3, 3],
      ['P-4', 3, 4],
      ['P-5', 2, 4],
    ] as const)
      await score(w, a!, p, x, y);
    // b: 8 of 10 exact, but one criterion two levels off.
    for (const [p, x, y] of [
      ['P-1', 3, 3],
      ['P-2', 3, 3],
      ['P-3', 3, 3],
      ['P-4', 3, 3],
      ['P-5', 1, 4],
    ] as const)
      await score(w, b!, p, x, y);
    // c: 6 of 10 exact.
    for (const [p, x, y] of [
      ['P-1', 3, 3],
      ['P-2', 3, 3],
      ['P-3', 3, 3],
      ['P-4', 4, 4],
      ['P-5', 4, 4],
    ] as const)
      await score(w, c!, p, x, y);
    // d: only four of the five anchors.
    for (const p of ['P-1', 'P-2', 'P-3', 'P-4']) await score(w, d!, p, 3, 3);

    // While the round is open, only a reviewer who finished it counts.
    expect(await isQualified(w.ctx, a!.id, 'TST-8')).toEqual({ qualified: true, reason: '"May": exact agreement 70 %, at most 1 level off' });
    expect(await isQualified(w.ctx, d!.id, 'TST-8')).toEqual({ qualified: false, reason: 'no finished calibration round on this credential’s rubric' });
    await closeRound(w.ctx, 1, w.lead);
    expect(await isQualified(w.ctx, b!.id, 'TST-8')).toEqual({ qualified: false, reason: '"May": 2 levels off on Planning (P-5); at most 1 allowed' });
    expect(await isQualified(w.ctx, c!.id, 'TST-8')).toEqual({ qualified: false, reason: '"May": exact agreement 60 % is below 70 %' });
    expect(await isQualified(w.ctx, d!.id, 'TST-8')).toEqual({ qualified: false, reason: '"May": scored 4 of 5 anchors' });
    expect(await isQualified(w.ctx, a!.id, 'NOPE')).toMatchObject({ qualified: false });

    // Thresholds are configurable per credential, over the global ones.
    await setThreshold(w.ctx, 'TST-8', { minExact: 0.6, maxOff: 1 }, w.lead);
    expect((await isQualified(w.ctx, c!.id, 'TST-8')).qualified).toBe(true);
    await setThreshold(w.ctx, null, { minExact: 0.8, maxOff: 2 }, w.lead);
    expect((await isQualified(w.ctx, b!.id, 'TST-8')).qualified).toBe(false); // the credential's own threshold still applies
    await setThreshold(w.ctx, 'TST-8', null, w.lead);
    expect(await isQualified(w.ctx, b!.id, 'TST-8')).toEqual({ qualified: true, reason: '"May": exact agreement 80 %, at most 2 levels off' });
    expect((await isQualified(w.ctx, a!.id, 'TST-8')).qualified).toBe(false);
    await expect(setThreshold(w.ctx, null, null, a!)).rejects.toThrow(/needs the role/);

    // Panel allocation sees the same answer.
    expect(await qualifiedCredentials(w.ctx, b!.id)).toEqual(new Set(['TST-8']));
    expect(await qualifiedCredentials(w.ctx, a!.id)).toEqual(new Set());
    const overview = await qualificationOverview(w.ctx, w.lead);
    expect(overview.global).toEqual({ minExact: 0.8, maxOff: 2 });
    expect(overview.reviewers.map((r) => [r.id, r.results[0]!.qualified])).toEqual([
      ['R-a', false],
      ['R-b', true],
      ['R-c', false],
      ['R-d', false],
    ]);
  });

  it('goes by the latest finished round', async () => {
    const w = await fiveAnchors();
    const [a] = w.reviewers;
    for (const p of ['P-1', 'P-2', 'P-3', 'P-4', 'P-5']) await score(w, a!, p, 3, 3);
    await closeRound(w.ctx, 1, w.lead);
    expect((await isQualified(w.ctx, a!.id, 'TST-8')).qualified).toBe(true);
    await anchor(w, 'P-6', 3, 3);
    await anchor(w, 'P-7', 3, 3);
    await round(w, 'August', ['P-6', 'P-7'], [a!], '2026-08-01T00:00:00Z', '2026-08-31T00:00:00Z');
    w.clock.now = new Date('2026-08-05T00:00:00Z');
    await score(w, a!, 'P-6', 1, 3);
    // Still open and unfinished: May counts.
    expect((await isQualified(w.ctx, a!.id, 'TST-8')).qualified).toBe(true);
    await score(w, a!, 'P-7', 3, 3);
    expect(await isQualified(w.ctx, a!.id, 'TST-8')).toEqual({ qualified: false, reason: '"August": 2 levels off on Planning (P-6); at most 1 allowed' });
  });
});

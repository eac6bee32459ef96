import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  againstReference,
  agreementReport,
  alphaBootstrap,
  cohensKappa,
  fleissKappa,
  krippendorffAlpha,
  mulberry32,
  pairKappas,
  pairwiseAgreement,
  type AlphaMetric,
  type Rating,
} from '../../../src-shared/stats';

const METRICS: AlphaMetric[] = ['nominal', 'ordinal', 'interval'];
const UNITS = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
const RATERS = ['ana', 'ben', 'cai', 'dee', 'eli'];

/** Ratings with at most one score per (unit, rater), as the input model says. */
const ratingsArb = (scores = fc.integer({ min: 1, max: 4 })) =>
  fc.uniqueArray(fc.record({ unit: fc.constantFrom(...UNITS), rater: fc.constantFrom(...RATERS), score: scores }), {
    selector: (r) => `${r.unit}\u0000${r.rater}`,
    maxLength: 40,
  });

/** Fails on any NaN or ±Infinity anywhere in a result. */
function expectAllFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
  }
}

/** Alpha straight from the definition (Krippendorff 2011): every ordered pair of values within each unit. */
function naiveAlpha(ratings: Rating[], metric: AlphaMetric): number | null {
  const byUnit = new Map<string, number[]>();
  for (const r of ratings) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r.score]);
  const units = [...byUnit.values()].filter((v) => v.length >= 2);
  const values = units.flat();
  const n = values.length;
  if (n < 2) return null;
  const levels = [...new Set(values)].sort((a, b) => a - b);
  const freq = (v: number) => values.filter((x) => x === v).length;
  const delta = (a: number, b: number): number => {
    if (a === b) return 0;
    if (metric === 'nominal') return 1;
    if (metric === 'interval') return (a - b) ** 2;
    const [lo, hi] = a < b ? [a, b] : [b, a];
    const between = levels.filter((g) => g >= lo && g <= hi).reduce((s, g) => s + freq(g), 0);
    return (between - (freq(lo) + freq(hi)) / 2) ** 2;
  };
  let observed = 0;
  for (const u of units) {
    let s = 0;
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) s += delta(u[i]!, u[j]!);
    observed += s / (u.length - 1);
  }
  let expected = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) expected += delta(values[i]!, values[j]!);
  if (expected === 0) return null;
  return 1 - (observed / n) / (expected / (n * (n - 1)));
}

/** Weighted kappa from the textbook definition, 1 - Σ v·p_o / Σ v·p_e with disagreement weights v. */
function naiveWeightedKappa(pairs: Array<[number, number]>, power: 0 | 1 | 2): number | null {
  const n = pairs.length;
  const levels = [...new Set(pairs.flat())].sort((a, b) => a - b);
  const span = levels[levels.length - 1]! - levels[0]!;
  const v = (a: number, b: number) => (power === 0 ? (a === b ? 0 : 1) : (Math.abs(a - b) / span) ** power);
  if (power > 0 && span === 0) return null;
  let observed = 0;
  for (const [a, b] of pairs) observed += v(a, b);
  let expected = 0;
  for (const [a] of pairs) for (const [, b] of pairs) expected += v(a, b);
  expected /= n;
  if (expected === 0) return null;
  return 1 - observed / expected;
}

/** Shuffles and renames units and raters (a bijection), returning the renamed data and the rater renaming. */
function relabel(ratings: Rating[], seed: number): { ratings: Rating[]; raterName: Map<string, string> } {
  const random = mulberry32(seed);
  const rename = (ids: string[], prefix: string) => {
    const shuffled = shuffle(ids, random);
    return new Map(ids.map((id, i) => [id, `${prefix}${shuffled[i]}`]));
  };
  const unitName = rename(UNITS, 'unit-');
  const raterName = rename(RATERS, 'x-');
  const renamed = ratings.map((r) => ({ unit: unitName.get(r.unit)!, rater: raterName.get(r.rater)!, score: r.score }));
  return { ratings: shuffle(renamed, random), raterName };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const expectSameStat = (a: number | null, b: number | null) => (a === null ? expect(b).toBeNull() : expect(b).toBeCloseTo(a, 9));

describe('agrees with the textbook definitions', () => {
  it('Krippendorff alpha equals the pair-by-pair definition, for every metric', () => {
    fc.assert(
      fc.property(ratingsArb(), (ratings) => {
        for (const metric of METRICS) expectSameStat(naiveAlpha(ratings, metric), krippendorffAlpha(ratings, metric));
      }),
    );
  });

  it("Cohen's kappas equal 1 - observed/expected disagreement", () => {
    const pairsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(pairsArb, (pairs) => {
        const k = cohensKappa(pairs);
        expectSameStat(naiveWeightedKappa(pairs, 0), k.kappa);
        expectSameStat(naiveWeightedKappa(pairs, 1), k.kappa_linear);
        expectSameStat(naiveWeightedKappa(pairs, 2), k.kappa_quadratic);
      }),
    );
  });
});

describe('perfect agreement gives 1 wherever the statistic is defined', () => {
  const perfectArb = fc
    .array(fc.record({ truth: fc.integer({ min: 1, max: 5 }), raters: fc.subarray(RATERS, { minLength: 2 }) }), { minLength: 2, maxLength: 8 })
    .filter((units) => new Set(units.map((u) => u.truth)).size >= 2)
    .map((units) => units.flatMap((u, i) => u.raters.map((rater) => ({ unit: `u${i}`, rater, score: u.truth }))));

  it('alpha (all metrics), pairwise agreement, pair kappas and Fleiss kappa', () => {
    fc.assert(
      fc.property(perfectArb, (ratings) => {
        for (const metric of METRICS) expect(krippendorffAlpha(ratings, metric)).toBe(1);
        expect(pairwiseAgreement(ratings)).toMatchObject({ exact: 1, adjacent: 1 });
        for (const pair of pairKappas(ratings)) {
          for (const k of [pair.kappa, pair.kappa_linear, pair.kappa_quadratic]) if (k !== null) expect(k).toBe(1);
        }
        const fleiss = fleissKappa(ratings);
        if (fleiss !== null) expect(fleiss).toBe(1);
        expect(alphaBootstrap(ratings, 'ordinal', { resamples: 50 })).toEqual([1, 1]);
      }),
    );
  });
});

describe('results do not depend on the order or the names of units and raters', () => {
  it('reordering and relabelling leaves every statistic unchanged', () => {
    fc.assert(
      fc.property(ratingsArb(), fc.integer(), (ratings, seed) => {
        const { ratings: moved, raterName } = relabel(ratings, seed);
        for (const metric of METRICS) expectSameStat(krippendorffAlpha(ratings, metric), krippendorffAlpha(moved, metric));
        expectSameStat(fleissKappa(ratings), fleissKappa(moved));
        expect(pairwiseAgreement(moved)).toEqual(pairwiseAgreement(ratings));

        // Pair kappas: same pairs and values once the renaming is applied to the original.
        const key = (raters: string[]) => [...raters].sort().join('|');
        const before = new Map(pairKappas(ratings).map((p) => [key(p.raters.map((r) => raterName.get(r)!)), p]));
        const after = pairKappas(moved);
        expect(after.length).toBe(before.size);
        for (const p of after) {
          const q = before.get(key(p.raters))!;
          expect(p.units).toBe(q.units);
          expectSameStat(q.kappa, p.kappa);
          expectSameStat(q.kappa_linear, p.kappa_linear);
          expectSameStat(q.kappa_quadratic, p.kappa_quadratic);
        }
      }),
    );
  });

  it('reordering alone leaves even the bootstrap interval unchanged (units are resampled in id order)', () => {
    fc.assert(
      fc.property(ratingsArb(), fc.integer(), (ratings, seed) => {
        const moved = shuffle(ratings, mulberry32(seed));
        expect(alphaBootstrap(moved, 'interval', { resamples: 30 })).toEqual(alphaBootstrap(ratings, 'interval', { resamples: 30 }));
      }),
    );
  });
});

describe('chance-level ratings', () => {
  it('uniform random scores on a large sample give alpha and Fleiss kappa near 0 (seeded)', () => {
    const random = mulberry32(20240601);
    const ratings: Rating[] = [];
    for (let u = 0; u < 3000; u++) {
      for (const rater of ['a', 'b', 'c']) ratings.push({ unit: `u${u}`, rater, score: 1 + Math.floor(random() * 4) });
    }
    for (const metric of METRICS) expect(Math.abs(krippendorffAlpha(ratings, metric)!)).toBeLessThan(0.05);
    expect(Math.abs(fleissKappa(ratings)!)).toBeLessThan(0.05);
    for (const pair of pairKappas(ratings)) expect(Math.abs(pair.kappa!)).toBeLessThan(0.05);
  });
});

describe('degenerate inputs give null, never NaN, Infinity or an exception', () => {
  const none = { kappa: null, kappa_linear: null, kappa_quadratic: null };

  it('no ratings', () => {
    expect(pairwiseAgreement([])).toEqual({ units: 0, exact: null, adjacent: null });
    expect(cohensKappa([])).toEqual(none);
    expect(pairKappas([])).toEqual([]);
    expect(fleissKappa([])).toBeNull();
    for (const metric of METRICS) expect(krippendorffAlpha([], metric)).toBeNull();
    expect(alphaBootstrap([], 'ordinal')).toBeNull();
    expect(againstReference([], new Map())).toEqual([]);
    expect(agreementReport([])).toEqual({ criteria: [] });
  });

  it('one unit', () => {
    const oneUnit = [{ unit: 'u', rater: 'a', score: 1 }, { unit: 'u', rater: 'b', score: 3 }];
    expect(pairKappas(oneUnit)).toEqual([]);
    // A single unit with two different scores: alpha is defined (observed = expected disagreement), as is Fleiss.
    for (const metric of METRICS) expect(krippendorffAlpha(oneUnit, metric)).toBe(0);
    expect(alphaBootstrap(oneUnit, 'nominal')).toEqual([0, 0]);
    expect(fleissKappa(oneUnit)).not.toBeNull();
    const oneUnitAgreeing = oneUnit.map((r) => ({ ...r, score: 2 }));
    for (const metric of METRICS) expect(krippendorffAlpha(oneUnitAgreeing, metric)).toBeNull();
    expect(fleissKappa(oneUnitAgreeing)).toBeNull();
  });

  it('one category', () => {
    const same = ['u1', 'u2', 'u3'].flatMap((unit) => ['a', 'b'].map((rater) => ({ unit, rater, score: 3 })));
    for (const metric of METRICS) expect(krippendorffAlpha(same, metric)).toBeNull();
    expect(fleissKappa(same)).toBeNull();
    expect(pairKappas(same)).toEqual([{ raters: ['a', 'b'], units: 3, ...none }]);
    expect(cohensKappa([[3, 3]])).toEqual(none);
    expect(alphaBootstrap(same, 'ordinal')).toBeNull();
    expect(pairwiseAgreement(same)).toEqual({ units: 3, exact: 1, adjacent: 1 });
  });

  it('a single rater', () => {
    const solo = ['u1', 'u2', 'u3'].map((unit, i) => ({ unit, rater: 'a', score: i }));
    expect(pairwiseAgreement(solo)).toEqual({ units: 0, exact: null, adjacent: null });
    expect(pairKappas(solo)).toEqual([]);
    expect(fleissKappa(solo)).toBeNull();
    for (const metric of METRICS) expect(krippendorffAlpha(solo, metric)).toBeNull();
    expect(alphaBootstrap(solo, 'interval')).toBeNull();
  });

  it('any input at all, including non-finite scores, yields only finite numbers or null', () => {
    const anyScore = fc.oneof(fc.integer({ min: -3, max: 6 }), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0.5));
    const rowsArb = fc.array(
      fc.record({ unit: fc.constantFrom('', 'u1', 'u2', 'u3'), rater: fc.constantFrom('', 'a', 'b', 'c'), criterion: fc.constantFrom('c1', 'c2'), score: anyScore }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const ratings = rows.map(({ unit, rater, score }) => ({ unit, rater, score }));
        expectAllFinite(pairwiseAgreement(ratings));
        expectAllFinite(cohensKappa(rows.map((r, i): [number, number] => [r.score, rows[(i + 1) % rows.length]!.score])));
        expectAllFinite(pairKappas(ratings));
        expectAllFinite(fleissKappa(ratings));
        for (const metric of METRICS) {
          expectAllFinite(krippendorffAlpha(ratings, metric));
          expectAllFinite(alphaBootstrap(ratings, metric, { resamples: 20 }));
        }
        expectAllFinite(againstReference(ratings, new Map([['u1', 2], ['u2', Number.NaN]])));
        expectAllFinite(agreementReport(rows, { resamples: 20 }));
      }),
    );
  });
});

describe('bootstrap', () => {
  /** 80 portfolios, 4 raters each, who agree with a latent score most of the time. */
  function panel(seed: number): Rating[] {
    const random = mulberry32(seed);
    const ratings: Rating[] = [];
    for (let u = 0; u < 80; u++) {
      const truth = 1 + Math.floor(random() * 4);
      for (const rater of ['a', 'b', 'c', 'd']) {
        const score = random() < 0.75 ? truth : Math.min(4, Math.max(1, truth + (random() < 0.5 ? -1 : 1)));
        ratings.push({ unit: `portfolio-${u}`, rater, score });
      }
    }
    return ratings;
  }

  it('is reproducible for the same seed and its interval contains the point estimate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer(), fc.constantFrom(...METRICS), (dataSeed, seed, metric) => {
        const ratings = panel(dataSeed);
        const first = alphaBootstrap(ratings, metric, { resamples: 200, seed })!;
        expect(alphaBootstrap(ratings, metric, { resamples: 200, seed })).toEqual(first);
        const alpha = krippendorffAlpha(ratings, metric)!;
        expect(first[0]).toBeLessThanOrEqual(alpha);
        expect(alpha).toBeLessThanOrEqual(first[1]);
        expect(first[1] - first[0]).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });

  it('defaults to 1000 resamples with seed 1', () => {
    const ratings = panel(3);
    expect(alphaBootstrap(ratings, 'ordinal')).toEqual(alphaBootstrap(ratings, 'ordinal', { resamples: 1000, seed: 1 }));
  });
});

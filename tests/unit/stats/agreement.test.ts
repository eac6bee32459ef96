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
  type Rating,
  type RatingRow,
} from '../../../src-shared/stats';

const r = (unit: string, rater: string, score: number): Rating => ({ unit, rater, score });

describe('pairwiseAgreement', () => {
  it('pools every rater pair of every unit', () => {
    // u1: scores 2,2,3 → pairs (2,2) exact, (2,3)×2 adjacent; u2: 1,4 → neither; u3: one rating, no pair.
    const ratings = [r('u1', 'a', 2), r('u1', 'b', 2), r('u1', 'c', 3), r('u2', 'a', 1), r('u2', 'b', 4), r('u3', 'a', 3)];
    expect(pairwiseAgreement(ratings)).toEqual({ units: 2, exact: 1 / 4, adjacent: 3 / 4 });
  });

  it('is null without pairs', () => {
    expect(pairwiseAgreement([])).toEqual({ units: 0, exact: null, adjacent: null });
    expect(pairwiseAgreement([r('u1', 'a', 1), r('u2', 'a', 2)])).toEqual({ units: 0, exact: null, adjacent: null });
  });

  it('counts a rater once per unit (the last entry wins) and ignores non-finite scores', () => {
    const ratings = [r('u1', 'a', 1), r('u1', 'a', 3), r('u1', 'b', 3), r('u1', 'c', Number.NaN)];
    expect(pairwiseAgreement(ratings)).toEqual({ units: 1, exact: 1, adjacent: 1 });
  });
});

describe('cohensKappa', () => {
  it('is 1 for perfect agreement, weighted or not', () => {
    expect(cohensKappa([[1, 1], [2, 2], [4, 4]])).toEqual({ kappa: 1, kappa_linear: 1, kappa_quadratic: 1 });
  });

  it('is null when undefined: no pairs, or one category only', () => {
    const none = { kappa: null, kappa_linear: null, kappa_quadratic: null };
    expect(cohensKappa([])).toEqual(none);
    expect(cohensKappa([[3, 3], [3, 3]])).toEqual(none);
    // More levels declared, but both raters used only one: chance agreement is still total.
    expect(cohensKappa([[3, 3], [3, 3]], [1, 2, 3, 4])).toEqual(none);
  });

  it('weights by score difference: unused declared levels change nothing', () => {
    const pairs: Array<[number, number]> = [[1, 2], [2, 2], [3, 1], [3, 3], [2, 3], [1, 1]];
    const plain = cohensKappa(pairs);
    const declared = cohensKappa(pairs, [0, 1, 2, 3, 4, 5]);
    expect(declared.kappa).toBeCloseTo(plain.kappa!, 12);
    expect(declared.kappa_linear).toBeCloseTo(plain.kappa_linear!, 12);
    expect(declared.kappa_quadratic).toBeCloseTo(plain.kappa_quadratic!, 12);
  });

  it('a larger disagreement costs more under quadratic weights than linear', () => {
    const nearMiss = cohensKappa([[1, 1], [2, 2], [3, 3], [4, 4], [1, 2], [3, 4]]);
    const farMiss = cohensKappa([[1, 1], [2, 2], [3, 3], [4, 4], [1, 4], [4, 1]]);
    expect(nearMiss.kappa_quadratic!).toBeGreaterThan(farMiss.kappa_quadratic!);
    expect(farMiss.kappa_quadratic!).toBeLessThan(farMiss.kappa_linear!);
  });
});

describe('pairKappas', () => {
  it('covers every pair of raters with at least 2 common units, raters sorted within and across pairs', () => {
    const ratings = [
      r('u1', 'zoe', 1), r('u1', 'amy', 1), r('u1', 'max', 2),
      r('u2', 'zoe', 2), r('u2', 'amy', 2), r('u2', 'max', 2),
      r('u3', 'zoe', 3), r('u3', 'amy', 3),
    ];
    const pairs = pairKappas(ratings);
    expect(pairs.map((p) => [p.raters, p.units])).toEqual([
      [['amy', 'max'], 2],
      [['amy', 'zoe'], 3],
      [['max', 'zoe'], 2],
    ]);
    expect(pairs[1]).toMatchObject({ kappa: 1, kappa_linear: 1, kappa_quadratic: 1 });
  });

  it('leaves out pairs with a single common unit', () => {
    expect(pairKappas([r('u1', 'a', 1), r('u1', 'b', 2), r('u2', 'a', 1), r('u3', 'b', 1)])).toEqual([]);
  });
});

describe('fleissKappa', () => {
  it('is null unless every unit has the same number (>= 2) of ratings', () => {
    expect(fleissKappa([])).toBeNull();
    expect(fleissKappa([r('u1', 'a', 1), r('u2', 'a', 2)])).toBeNull();
    expect(fleissKappa([r('u1', 'a', 1), r('u1', 'b', 2), r('u2', 'a', 2)])).toBeNull();
    expect(fleissKappa([r('u1', 'a', 1), r('u1', 'b', 1), r('u2', 'a', 1), r('u2', 'b', 1)])).toBeNull(); // one category
    expect(fleissKappa([r('u1', 'a', 1), r('u1', 'b', 1), r('u2', 'a', 2), r('u2', 'b', 2)])).toBe(1);
  });
});

describe('krippendorffAlpha', () => {
  it('is null with no pairable values or a single value among them', () => {
    for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
      expect(krippendorffAlpha([], metric)).toBeNull();
      expect(krippendorffAlpha([r('u1', 'a', 1), r('u2', 'b', 2)], metric)).toBeNull();
      // The 4 is on an unpaired unit, so the pairable values are all 2.
      expect(krippendorffAlpha([r('u1', 'a', 2), r('u1', 'b', 2), r('u2', 'a', 4)], metric)).toBeNull();
    }
  });

  it('the ordinal metric depends on ranks, not on score gaps; the interval metric does not', () => {
    const base = [r('u1', 'a', 1), r('u1', 'b', 2), r('u2', 'a', 2), r('u2', 'b', 3), r('u3', 'a', 3), r('u3', 'b', 3), r('u4', 'a', 1), r('u4', 'b', 1)];
    const stretched = base.map((x) => ({ ...x, score: x.score === 3 ? 30 : x.score }));
    expect(krippendorffAlpha(stretched, 'ordinal')).toBeCloseTo(krippendorffAlpha(base, 'ordinal')!, 12);
    expect(krippendorffAlpha(stretched, 'interval')).not.toBeCloseTo(krippendorffAlpha(base, 'interval')!, 3);
  });
});

describe('alphaBootstrap', () => {
  it('is null when alpha is undefined or no resamples are asked for', () => {
    expect(alphaBootstrap([], 'ordinal')).toBeNull();
    const ok = [r('u1', 'a', 1), r('u1', 'b', 1), r('u2', 'a', 2), r('u2', 'b', 3)];
    expect(alphaBootstrap(ok, 'ordinal', { resamples: 0 })).toBeNull();
  });

  it('different seeds give (slightly) different intervals', () => {
    const random = mulberry32(42);
    const ratings: Rating[] = [];
    for (let u = 0; u < 60; u++) {
      const truth = 1 + Math.floor(random() * 4);
      for (const rater of ['a', 'b', 'c']) ratings.push(r(`u${u}`, rater, random() < 0.7 ? truth : 1 + Math.floor(random() * 4)));
    }
    expect(alphaBootstrap(ratings, 'interval', { seed: 1, resamples: 200 })).not.toEqual(alphaBootstrap(ratings, 'interval', { seed: 2, resamples: 200 }));
  });
});

describe('againstReference', () => {
  it('reports each rater against the reference, signed difference positive when lenient', () => {
    const reference = new Map([['u1', 2], ['u2', 3], ['u3', 1], ['u4', 4]]);
    const ratings = [
      r('u1', 'lenient', 3), r('u2', 'lenient', 4), r('u3', 'lenient', 1), r('u4', 'lenient', 4),
      r('u1', 'exact', 2), r('u2', 'exact', 3), r('u3', 'exact', 1), r('u4', 'exact', 4),
      r('u9', 'unmatched', 2),
    ];
    const [exact, lenient, unmatched] = againstReference(ratings, reference);
    expect(exact).toEqual({ rater: 'exact', units: 4, exact: 1, adjacent: 1, mean_signed_difference: 0, kappa_quadratic: 1 });
    expect(lenient).toMatchObject({ rater: 'lenient', units: 4, exact: 0.5, adjacent: 1, mean_signed_difference: 0.5 });
    expect(lenient!.kappa_quadratic!).toBeGreaterThan(0);
    expect(lenient!.kappa_quadratic!).toBeLessThan(1);
    expect(unmatched).toEqual({ rater: 'unmatched', units: 0, exact: null, adjacent: null, mean_signed_difference: null, kappa_quadratic: null });
  });

  it('severe raters get a negative mean signed difference', () => {
    const [severe] = againstReference([r('u1', 's', 1), r('u2', 's', 2)], new Map([['u1', 2], ['u2', 4]]));
    expect(severe!.mean_signed_difference).toBe(-1.5);
  });
});

describe('agreementReport', () => {
  const rows: RatingRow[] = [
    { unit: 'p1', rater: 'a', criterion: 'reflection', score: 3 },
    { unit: 'p1', rater: 'b', criterion: 'reflection', score: 3 },
    { unit: 'p1', rater: 'a', criterion: 'planning', score: 2 },
    { unit: 'p1', rater: 'b', criterion: 'planning', score: 2 },
    { unit: 'p2', rater: 'a', criterion: 'reflection', score: 1 },
    { unit: 'p2', rater: 'b', criterion: 'reflection', score: 2 },
    { unit: 'p2', rater: 'a', criterion: 'planning', score: 2 },
    { unit: 'p2', rater: 'b', criterion: 'planning', score: 2 },
    { unit: 'p3', rater: 'a', criterion: 'reflection', score: 4 },
    { unit: 'p3', rater: 'b', criterion: 'reflection', score: 4 },
  ];

  it('reports criteria in first-seen order with exactly the documented fields', () => {
    const report = agreementReport(rows);
    expect(report.criteria.map((c) => c.criterion)).toEqual(['reflection', 'planning']);
    const reflection = report.criteria[0]!;
    expect(Object.keys(reflection).sort()).toEqual(
      ['adjacent', 'alpha_interval', 'alpha_nominal', 'alpha_ordinal', 'alpha_ordinal_ci', 'criterion', 'exact', 'fleiss_kappa', 'pairs', 'units'].sort(),
    );
    const reflectionRatings = rows.filter((x) => x.criterion === 'reflection');
    expect(reflection).toMatchObject({
      units: 3,
      exact: 2 / 3,
      adjacent: 1,
      fleiss_kappa: fleissKappa(reflectionRatings),
      alpha_nominal: krippendorffAlpha(reflectionRatings, 'nominal'),
      alpha_ordinal: krippendorffAlpha(reflectionRatings, 'ordinal'),
      alpha_interval: krippendorffAlpha(reflectionRatings, 'interval'),
      alpha_ordinal_ci: alphaBootstrap(reflectionRatings, 'ordinal'),
      pairs: pairKappas(reflectionRatings),
    });
    expect(Object.keys(reflection.pairs[0]!).sort()).toEqual(['kappa', 'kappa_linear', 'kappa_quadratic', 'raters', 'units']);
  });

  it('a criterion scored the same by everyone has agreement 1 and null chance-corrected statistics', () => {
    const planning = agreementReport(rows).criteria[1]!;
    expect(planning).toEqual({
      criterion: 'planning',
      units: 2,
      exact: 1,
      adjacent: 1,
      fleiss_kappa: null,
      alpha_nominal: null,
      alpha_ordinal: null,
      alpha_interval: null,
      alpha_ordinal_ci: null,
      pairs: [{ raters: ['a', 'b'], units: 2, kappa: null, kappa_linear: null, kappa_quadratic: null }],
    });
  });

  it('is empty for no rows', () => {
    expect(agreementReport([])).toEqual({ criteria: [] });
  });
});

/**
 * Published values reproduced to three decimals. Each test names its source; where a value was cross-checked in
 * public software (test suites of fast-krippendorff, statsmodels, R irr, SAS output), that is noted too.
 */
import { describe, expect, it } from 'vitest';
import { cohensKappa, fleissKappa, krippendorffAlpha, type Rating } from '../../../src-shared/stats';

/** Rows are observers, columns units; '*' is a missing value. */
function fromMatrix(rows: string[]): Rating[] {
  return rows.flatMap((row, o) =>
    row
      .trim()
      .split(/\s+/)
      .flatMap((v, u) => (v === '*' ? [] : [{ unit: `u${u + 1}`, rater: `observer-${o + 1}`, score: Number(v) }])),
  );
}

/** Expands a contingency table (rows: rater 1's level, columns: rater 2's level) into rating pairs. */
function pairsFromTable(table: number[][], levels: number[]): Array<[number, number]> {
  return table.flatMap((row, i) => row.flatMap((n, j) => Array.from({ length: n }, (): [number, number] => [levels[i]!, levels[j]!])));
}

describe("Krippendorff (2011) 'Computing Krippendorff's Alpha-Reliability', example C: 4 observers × 12 units, missing data", () => {
  // The canonical reliability data matrix (also the `nmm` example of R irr::kripp.alpha).
  const ratings = fromMatrix([
    '1 2 3 3 2 1 4 1 2 * * *',
    '1 2 3 3 2 2 4 1 2 5 * 3',
    '* 3 3 3 2 3 4 2 2 5 1 *',
    '1 2 3 3 2 4 4 1 2 5 1 *',
  ]);

  it('nominal alpha = 0.743 (exactly 113/152)', () => {
    expect(krippendorffAlpha(ratings, 'nominal')).toBeCloseTo(113 / 152, 12);
    expect(krippendorffAlpha(ratings, 'nominal')!.toFixed(3)).toBe('0.743');
  });

  it('ordinal alpha = 0.815 (also asserted by fast-krippendorff test_ordinal_metric)', () => {
    expect(krippendorffAlpha(ratings, 'ordinal')!.toFixed(3)).toBe('0.815');
  });

  it('interval alpha = 0.849', () => {
    expect(krippendorffAlpha(ratings, 'interval')!.toFixed(3)).toBe('0.849');
  });

  it('unit 12, rated by one observer only, carries no pairable value: dropping it changes nothing', () => {
    const without12 = ratings.filter((r) => r.unit !== 'u12');
    for (const metric of ['nominal', 'ordinal', 'interval'] as const) {
      expect(krippendorffAlpha(without12, metric)).toBeCloseTo(krippendorffAlpha(ratings, metric)!, 12);
    }
  });
});

describe("Fleiss (1971) kappa: Wikipedia 'Fleiss' kappa' worked example, 10 subjects × 14 raters, 5 categories", () => {
  // n_ij: how many of the 14 raters put subject i in category j (also statsmodels test_fleiss_kappa, table1).
  const counts = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];
  const ratings: Rating[] = counts.flatMap((row, s) => {
    let rater = 0;
    return row.flatMap((n, c) => Array.from({ length: n }, () => ({ unit: `subject-${s + 1}`, rater: `r${rater++}`, score: c + 1 })));
  });

  it('kappa = 0.210 (P̄ = 0.378, P̄e = 0.213)', () => {
    expect(fleissKappa(ratings)!.toFixed(3)).toBe('0.210');
  });
});

describe("Cohen's kappa, unweighted", () => {
  it('Cohen (1960, p. 45): 200 items, 3 categories → kappa = 0.492', () => {
    const pairs = pairsFromTable(
      [
        [88, 14, 18],
        [10, 40, 10],
        [2, 6, 12],
      ],
      [1, 2, 3],
    );
    expect(cohensKappa(pairs).kappa!.toFixed(3)).toBe('0.492');
  });

  it('SAS PROC FREQ AGREE example (statsmodels UnweightedCohens, table10) → simple kappa = 0.484 (0.4842)', () => {
    const pairs = pairsFromTable(
      [
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ],
      [0, 1, 2],
    );
    expect(cohensKappa(pairs).kappa).toBeCloseTo(0.4842, 4);
  });
});

describe("Cohen's kappa, weighted", () => {
  it('SAS PROC FREQ AGREE example: weighted kappa with Cicchetti-Allison (= linear) weights = 0.470 (0.4701)', () => {
    const pairs = pairsFromTable(
      [
        [0, 4, 1],
        [0, 8, 0],
        [0, 1, 5],
      ],
      [0, 1, 2],
    );
    expect(cohensKappa(pairs).kappa_linear).toBeCloseTo(0.4701, 4);
  });

  describe('R irr::kappa2 on the irr `anxiety` data, raters 2 and 3 (values from the statsmodels test_cohens_kappa_irr)', () => {
    // Columns rater2 and rater3 of irr's `anxiety` data set (20 subjects).
    const rater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4];
    const rater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2];
    // kappa2 weighs the *observed levels* as equally spaced ranks: here 1, 2, 3, 4, 6 (nobody used 5). Our weights
    // use score differences, so relabel 6 → 5 to put the levels 1 apart, exactly as kappa2 treats them.
    const asRanks = (s: number) => (s === 6 ? 5 : s);
    const pairs = rater2.map((a, i): [number, number] => [asRanks(a), asRanks(rater3[i]!)]);

    it('unweighted kappa = -0.006 (-0.006289308)', () => {
      expect(cohensKappa(pairs).kappa).toBeCloseTo(-0.006289308, 8);
    });

    it('"equal" (linear) weights: kappa = 0.146 (0.1459075)', () => {
      expect(cohensKappa(pairs).kappa_linear).toBeCloseTo(0.1459075, 7);
    });

    it('"squared" (quadratic) weights: kappa = 0.252 (0.2520325)', () => {
      expect(cohensKappa(pairs).kappa_quadratic).toBeCloseTo(0.2520325, 7);
    });

    it('unweighted kappa does not depend on the level labels', () => {
      expect(cohensKappa(rater2.map((a, i): [number, number] => [a, rater3[i]!])).kappa).toBeCloseTo(-0.006289308, 8);
    });
  });
});

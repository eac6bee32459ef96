import { compareStrings } from './order';
import { buildRatingTable, type RatingTable } from './rating-table';
import type { KappaResult, Rating } from './types';

/** Cohen's kappa for one pair of raters over the units both rated. */
export interface PairKappa extends KappaResult {
  /** The two raters, sorted. */
  raters: [string, string];
  /** Units both raters rated. */
  units: number;
}

const NO_KAPPA: KappaResult = { kappa: null, kappa_linear: null, kappa_quadratic: null };

/**
 * Cohen's kappa for two raters, unweighted and with linear (1 - |i-j| / (max-min)) and quadratic
 * (1 - ((i-j) / (max-min))^2) agreement weights, the distance between two levels being the difference of their
 * scores. `categories` lists the possible scores; scores seen in `pairs` are added to it, and pairs with a
 * non-finite score are ignored. Declaring unused levels changes no result: their margins are zero, and the
 * (max - min) scale cancels out of weighted kappa, which equals 1 - observed / expected mean (squared) distance.
 *
 * Each value is null, never NaN, when it is undefined: no pairs, or chance agreement is already total (both raters
 * gave one and the same score to everything, e.g. a single category).
 */
export function cohensKappa(pairs: ReadonlyArray<readonly [number, number]>, categories: readonly number[] = []): KappaResult {
  const finite = pairs.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  const scoreSet = new Set<number>(categories.filter((c) => Number.isFinite(c)));
  for (const [a, b] of finite) scoreSet.add(a).add(b);
  const scores = [...scoreSet].sort((x, y) => x - y);
  const index = new Map<number, number>(scores.map((s, i) => [s, i]));
  const c = scores.length;
  const table = new Float64Array(c * c);
  for (const [a, b] of finite) table[index.get(a)! * c + index.get(b)!]!++;
  return kappaFromTable(table, scores);
}

/**
 * The three kappas from a contingency table (`table[i * C + j]`: how often rater 1 gave `scores[i]` and rater 2
 * `scores[j]`). Computed as (N·Σw·n - Σw·r·c) / (N² - Σw·r·c), which keeps the unweighted case in exact integer
 * arithmetic, so perfect agreement gives exactly 1.
 */
export function kappaFromTable(table: Float64Array, scores: readonly number[]): KappaResult {
  const c = scores.length;
  const rows = new Float64Array(c);
  const cols = new Float64Array(c);
  let n = 0;
  for (let i = 0; i < c; i++) {
    for (let j = 0; j < c; j++) {
      const x = table[i * c + j]!;
      rows[i]! += x;
      cols[j]! += x;
      n += x;
    }
  }
  if (n === 0) return NO_KAPPA;
  const span = c > 0 ? scores[c - 1]! - scores[0]! : 0;
  const unweighted = (i: number, j: number) => (i === j ? 1 : 0);
  const linear = (i: number, j: number) => 1 - Math.abs(scores[i]! - scores[j]!) / span;
  const quadratic = (i: number, j: number) => 1 - ((scores[i]! - scores[j]!) / span) ** 2;
  const kappaWith = (weight: (i: number, j: number) => number): number | null => {
    let observed = 0;
    let chance = 0;
    for (let i = 0; i < c; i++) {
      for (let j = 0; j < c; j++) {
        const w = weight(i, j);
        observed += w * table[i * c + j]!;
        chance += w * rows[i]! * cols[j]!;
      }
    }
    const denominator = n * n - chance;
    // Weighted sums are not exact integers: treat a denominator that is zero up to rounding as zero.
    if (!(denominator > 1e-12 * n * n)) return null;
    return (n * observed - chance) / denominator;
  };
  return {
    kappa: kappaWith(unweighted),
    kappa_linear: span > 0 ? kappaWith(linear) : null,
    kappa_quadratic: span > 0 ? kappaWith(quadratic) : null,
  };
}

/**
 * Cohen's kappas for every pair of raters with at least 2 units in common, sorted by the (sorted) rater pair.
 * The levels are all scores given on this criterion.
 */
export function pairKappas(ratings: readonly Rating[]): PairKappa[] {
  return pairKappasOf(buildRatingTable(ratings));
}

export function pairKappasOf(table: RatingTable): PairKappa[] {
  const raterCount = table.raters.length;
  // Rank of each rater in sorted order, so each pair is keyed (and reported) with its raters sorted.
  const byName = table.raters.map((name, i) => ({ name, i })).sort((a, b) => compareStrings(a.name, b.name));
  const rank = new Int32Array(raterCount);
  byName.forEach(({ i }, r) => (rank[i] = r));

  // Per pair (key = rankA * raterCount + rankB), the category indices of the two raters, interleaved.
  const common = new Map<number, number[]>();
  for (let u = 0; u < table.units.length; u++) {
    const start = table.unitStart[u]!;
    const end = table.unitStart[u + 1]!;
    for (let i = start; i < end; i++) {
      for (let j = i + 1; j < end; j++) {
        let a = rank[table.raterIdx[i]!]!;
        let b = rank[table.raterIdx[j]!]!;
        let ca = table.categoryIdx[i]!;
        let cb = table.categoryIdx[j]!;
        if (a > b) [a, b, ca, cb] = [b, a, cb, ca];
        const key = a * raterCount + b;
        let list = common.get(key);
        if (!list) common.set(key, (list = []));
        list.push(ca, cb);
      }
    }
  }

  const c = table.scores.length;
  const out: PairKappa[] = [];
  for (const key of [...common.keys()].sort((x, y) => x - y)) {
    const list = common.get(key)!;
    const units = list.length / 2;
    if (units < 2) continue;
    const counts = new Float64Array(c * c);
    for (let k = 0; k < list.length; k += 2) counts[list[k]! * c + list[k + 1]!]!++;
    const a = byName[Math.floor(key / raterCount)]!.name;
    const b = byName[key % raterCount]!.name;
    out.push({ raters: [a, b], units, ...kappaFromTable(counts, table.scores) });
  }
  return out;
}

import { buildRatingTable, type RatingTable } from './rating-table';
import type { Rating } from './types';

/**
 * Fleiss' (1971) kappa for many raters, nominal categories.
 *
 * Null (never NaN) when it is undefined: no units; units do not all have the same number of ratings (Fleiss'
 * formula assumes a fixed number per unit: use Krippendorff's alpha for incomplete designs); that number is below 2;
 * or only one category was used (chance agreement is total).
 */
export function fleissKappa(ratings: readonly Rating[]): number | null {
  return fleissKappaOf(buildRatingTable(ratings));
}

export function fleissKappaOf(table: RatingTable): number | null {
  const units = table.units.length;
  if (units === 0) return null;
  const m = table.unitStart[1]! - table.unitStart[0]!;
  if (m < 2) return null;
  const c = table.scores.length;
  const categoryTotals = new Float64Array(c);
  const unitCounts = new Int32Array(c);
  // Σ over units and categories of n_ij², from which the mean pairwise agreement P̄ follows.
  let sumSquares = 0;
  for (let u = 0; u < units; u++) {
    const start = table.unitStart[u]!;
    const end = table.unitStart[u + 1]!;
    if (end - start !== m) return null;
    for (let i = start; i < end; i++) unitCounts[table.categoryIdx[i]!]!++;
    for (let i = start; i < end; i++) {
      const k = table.categoryIdx[i]!;
      const n = unitCounts[k]!;
      if (n === 0) continue; // already counted for this unit
      sumSquares += n * n;
      categoryTotals[k]! += n;
      unitCounts[k] = 0;
    }
  }
  const total = units * m;
  let totalsSquared = 0;
  for (let k = 0; k < c; k++) totalsSquared += categoryTotals[k]! * categoryTotals[k]!;
  // 1 - P_e = (T² - Σ n_j²) / T², an exact integer test for "one category only".
  if (total * total - totalsSquared <= 0) return null;
  const observed = (sumSquares - total) / (total * (m - 1));
  const chance = totalsSquared / (total * total);
  return (observed - chance) / (1 - chance);
}

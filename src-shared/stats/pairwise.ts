import { buildRatingTable, type RatingTable } from './rating-table';
import type { Rating } from './types';

export interface PairwiseAgreement {
  /** Units rated by at least two raters (the only ones that contribute pairs). */
  units: number;
  /** Share of rater pairs on the same unit giving the same score; null when there is no such pair. */
  exact: number | null;
  /** Share of rater pairs on the same unit whose scores differ by at most 1; null when there is no such pair. */
  adjacent: number | null;
}

/**
 * Exact and adjacent (|a - b| <= 1) agreement over every pair of raters on the same unit, all pairs pooled: a unit
 * with 4 raters contributes 6 pairs, one with 2 raters contributes 1, so heavily-rated units weigh more, as they
 * hold more evidence about how raters agree.
 */
export function pairwiseAgreement(ratings: readonly Rating[]): PairwiseAgreement {
  return pairwiseAgreementOf(buildRatingTable(ratings));
}

export function pairwiseAgreementOf(table: RatingTable): PairwiseAgreement {
  let units = 0;
  let pairs = 0;
  let exactPairs = 0;
  let adjacentPairs = 0;
  const scores: number[] = [];
  for (let u = 0; u < table.units.length; u++) {
    const start = table.unitStart[u]!;
    const m = table.unitStart[u + 1]! - start;
    if (m < 2) continue;
    units++;
    pairs += (m * (m - 1)) / 2;
    scores.length = 0;
    for (let i = start; i < start + m; i++) scores.push(table.scores[table.categoryIdx[i]!]!);
    scores.sort((a, b) => a - b);
    // Sorted scores: pairs within distance d of scores[i] are the run that follows it (two pointers, O(m)).
    let sameEnd = 0;
    let nearEnd = 0;
    for (let i = 0; i < m; i++) {
      if (sameEnd <= i) sameEnd = i + 1;
      while (sameEnd < m && scores[sameEnd] === scores[i]) sameEnd++;
      if (nearEnd <= i) nearEnd = i + 1;
      while (nearEnd < m && scores[nearEnd]! - scores[i]! <= 1) nearEnd++;
      exactPairs += sameEnd - i - 1;
      adjacentPairs += nearEnd - i - 1;
    }
  }
  return {
    units,
    exact: pairs > 0 ? exactPairs / pairs : null,
    adjacent: pairs > 0 ? adjacentPairs / pairs : null,
  };
}

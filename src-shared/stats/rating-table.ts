import type { Rating } from './types';

/**
 * Ratings of one criterion indexed by integers, so the statistics can count into typed arrays instead of hashing
 * strings in their inner loops. Ratings are grouped per unit (compressed-row layout): the ratings of unit `u` are
 * positions `unitStart[u] .. unitStart[u + 1] - 1` of `raterIdx` / `categoryIdx`.
 */
export interface RatingTable {
  /** Unit ids, in first-seen order. */
  units: string[];
  /** Rater ids, in first-seen order. */
  raters: string[];
  /** The distinct scores, ascending; `categoryIdx` points into this. */
  scores: number[];
  unitStart: Int32Array;
  raterIdx: Int32Array;
  categoryIdx: Int32Array;
}

/**
 * Builds the index. Entries whose score is not a finite number are ignored (a statistic must not turn one bad cell
 * into NaN), and when a rater has several entries for the same unit the last one counts: one rater, one vote.
 */
export function buildRatingTable(ratings: readonly Rating[]): RatingTable {
  const unitIds = new Map<string, number>();
  const raterIds = new Map<string, number>();
  const scoreSet = new Set<number>();
  const kept: Rating[] = [];
  const unitOf: number[] = [];
  const raterOf: number[] = [];
  for (const r of ratings) {
    if (typeof r.score !== 'number' || !Number.isFinite(r.score)) continue;
    let u = unitIds.get(r.unit);
    if (u === undefined) unitIds.set(r.unit, (u = unitIds.size));
    let v = raterIds.get(r.rater);
    if (v === undefined) raterIds.set(r.rater, (v = raterIds.size));
    kept.push(r);
    unitOf.push(u);
    raterOf.push(v);
    scoreSet.add(r.score);
  }

  // Last entry per (unit, rater) wins; keys are numbers (unit * raterCount + rater), cheaper than string keys.
  const raterCount = raterIds.size;
  const lastIndex = new Map<number, number>();
  for (let i = 0; i < kept.length; i++) lastIndex.set(unitOf[i]! * raterCount + raterOf[i]!, i);

  const scores = [...scoreSet].sort((a, b) => a - b);
  const categoryOfScore = new Map<number, number>(scores.map((s, i) => [s, i]));

  const unitCount = unitIds.size;
  const unitStart = new Int32Array(unitCount + 1);
  for (const i of lastIndex.values()) unitStart[unitOf[i]! + 1]!++;
  for (let u = 0; u < unitCount; u++) unitStart[u + 1]! += unitStart[u]!;
  const fill = unitStart.slice(0, unitCount);
  const raterIdx = new Int32Array(lastIndex.size);
  const categoryIdx = new Int32Array(lastIndex.size);
  // Map iteration follows insertion order of the first entry of each key, so units keep first-seen rater order.
  for (const i of lastIndex.values()) {
    const at = fill[unitOf[i]!]!++;
    raterIdx[at] = raterOf[i]!;
    categoryIdx[at] = categoryOfScore.get(kept[i]!.score)!;
  }
  return { units: [...unitIds.keys()], raters: [...raterIds.keys()], scores, unitStart, raterIdx, categoryIdx };
}

/** How many ratings unit `u` has. */
export function ratingsOfUnit(table: RatingTable, u: number): number {
  return table.unitStart[u + 1]! - table.unitStart[u]!;
}

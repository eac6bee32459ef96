import { cohensKappa } from './cohen';
import { compareStrings } from './order';
import type { Rating } from './types';

/** How one reviewer's scores compare with reference (e.g. moderated or expert) scores. */
export interface ReferenceAgreement {
  rater: string;
  /** Units the rater scored that have a reference score. */
  units: number;
  /** Share of those units scored exactly as the reference; null when `units` is 0. */
  exact: number | null;
  /** Share within 1 point of the reference; null when `units` is 0. */
  adjacent: number | null;
  /** Mean of (rater - reference): positive means lenient, negative severe; null when `units` is 0. */
  mean_signed_difference: number | null;
  /** Quadratic-weighted Cohen's kappa against the reference; null when undefined (see cohensKappa). */
  kappa_quadratic: number | null;
}

/**
 * Each rater's agreement with reference scores, one entry per rater found in `ratings` (sorted by rater), including
 * raters none of whose units have a reference score (units 0, statistics null). Entries with a non-finite score on
 * either side are ignored; if a rater has several entries for a unit, the last counts.
 */
export function againstReference(ratings: readonly Rating[], reference: ReadonlyMap<string, number>): ReferenceAgreement[] {
  const byRater = new Map<string, Map<string, number>>();
  for (const r of ratings) {
    let scores = byRater.get(r.rater);
    if (!scores) byRater.set(r.rater, (scores = new Map()));
    if (Number.isFinite(r.score)) scores.set(r.unit, r.score);
  }
  return [...byRater.keys()].sort(compareStrings).map((rater) => {
    const pairs: Array<[number, number]> = [];
    for (const [unit, score] of byRater.get(rater)!) {
      const ref = reference.get(unit);
      if (ref !== undefined && Number.isFinite(ref)) pairs.push([score, ref]);
    }
    const units = pairs.length;
    if (units === 0) return { rater, units, exact: null, adjacent: null, mean_signed_difference: null, kappa_quadratic: null };
    let exact = 0;
    let adjacent = 0;
    let difference = 0;
    for (const [score, ref] of pairs) {
      if (score === ref) exact++;
      if (Math.abs(score - ref) <= 1) adjacent++;
      difference += score - ref;
    }
    return {
      rater,
      units,
      exact: exact / units,
      adjacent: adjacent / units,
      mean_signed_difference: difference / units,
      kappa_quadratic: cohensKappa(pairs).kappa_quadratic,
    };
  });
}

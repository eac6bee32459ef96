/** One score given by one rater to one unit (portfolio) on one criterion. A unit a rater did not rate has no entry. */
export interface Rating {
  unit: string;
  rater: string;
  score: number;
}

/** A rating in long format, as in a ratings CSV: several criteria at once. */
export interface RatingRow extends Rating {
  criterion: string;
}

/**
 * Krippendorff's levels of measurement. `ordinal` uses the marginal-frequency-based distance (ranks, not score
 * gaps); `interval` uses squared score differences.
 */
export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

/** Unweighted, linear-weighted and quadratic-weighted Cohen's kappa; null where undefined. */
export interface KappaResult {
  kappa: number | null;
  kappa_linear: number | null;
  kappa_quadratic: number | null;
}

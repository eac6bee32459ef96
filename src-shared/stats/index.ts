/**
 * Inter-rater agreement statistics for rubric scoring. Pure functions (no Node, DOM or Electron), safe in any
 * process. Degenerate inputs (no ratings, a single unit, rater or category, ...) give null, never NaN or
 * Infinity, and nothing here throws except parseRatingsCsv on a malformed file; each function's JSDoc says when
 * it returns null.
 */
export type { AlphaMetric, KappaResult, Rating, RatingRow } from './types';
export { pairwiseAgreement, type PairwiseAgreement } from './pairwise';
export { cohensKappa, pairKappas, type PairKappa } from './cohen';
export { fleissKappa } from './fleiss';
export { krippendorffAlpha } from './krippendorff';
export { alphaBootstrap, type BootstrapOptions } from './bootstrap';
export { againstReference, type ReferenceAgreement } from './reference';
export { agreementReport, type AgreementReport, type CriterionAgreement } from './report';
export { parseRatingsCsv, RatingsCsvError } from './ratings-csv';
export { mulberry32, Mulberry32 } from './prng';
export { AMBIGUOUS_RULE, MIN_UNITS_FOR_COEFFICIENTS, MIN_UNITS_FOR_INTERVAL, TOO_FEW_UNITS, TOO_FEW_UNITS_FOR_INTERVAL, withheldFor, type Withheld } from './minimums';

/**
 * How many units a statistic needs before a report shows it. The statistics themselves (and `cli agreement
 * --json`) give raw values from any number of units; the calibration reports (app, PDF, CSV) apply these minimums
 * so that nobody reads a coefficient or an interval from two portfolios as a result.
 */

/** Fewer units than this: no reliability coefficient (Krippendorff's alpha, Fleiss' kappa) is reported. */
export const MIN_UNITS_FOR_COEFFICIENTS = 3;
/** Fewer units than this: the 95 % bootstrap interval of alpha is not reported (it would only mirror the few units drawn). */
export const MIN_UNITS_FOR_INTERVAL = 10;

/** What a report shows in place of a withheld coefficient, and of a withheld interval. */
export const TOO_FEW_UNITS = 'too few units';
export const TOO_FEW_UNITS_FOR_INTERVAL = 'too few units for an interval';

/** Which of a criterion's statistics a report withholds for want of units: its coefficients (and so its interval), its interval only, or none. */
export type Withheld = 'coefficients' | 'interval' | null;

export function withheldFor(units: number): Withheld {
  if (units < MIN_UNITS_FOR_COEFFICIENTS) return 'coefficients';
  if (units < MIN_UNITS_FOR_INTERVAL) return 'interval';
  return null;
}

/** How the most ambiguous criterion is chosen, in the words every report states it with. */
export const AMBIGUOUS_RULE = `lowest Krippendorff’s ordinal α among the rubric’s criteria rated on at least ${MIN_UNITS_FOR_COEFFICIENTS} units (ties: lower exact agreement)`;

import { alphaBootstrapOf, type BootstrapOptions } from './bootstrap';
import { pairKappasOf, type PairKappa } from './cohen';
import { fleissKappaOf } from './fleiss';
import { alphaOf, alphaProfiles } from './krippendorff';
import { pairwiseAgreementOf } from './pairwise';
import { buildRatingTable } from './rating-table';
import type { Rating, RatingRow } from './types';

/** Agreement on one rubric criterion. Every statistic is null (never NaN) where it is undefined. */
export interface CriterionAgreement {
  criterion: string;
  /** Units rated by at least two raters on this criterion. */
  units: number;
  exact: number | null;
  adjacent: number | null;
  fleiss_kappa: number | null;
  alpha_nominal: number | null;
  alpha_ordinal: number | null;
  alpha_interval: number | null;
  /** 95 % percentile bootstrap interval of the ordinal alpha (1000 resamples, seed 1 unless told otherwise). */
  alpha_ordinal_ci: [number, number] | null;
  pairs: PairKappa[];
}

export interface AgreementReport {
  criteria: CriterionAgreement[];
}

/**
 * Every agreement statistic, per criterion (criteria in first-seen order; numbers unrounded). Each criterion's
 * ratings are indexed once and shared by all the statistics.
 */
export function agreementReport(rows: readonly RatingRow[], bootstrap: BootstrapOptions = {}): AgreementReport {
  const byCriterion = new Map<string, Rating[]>();
  for (const { unit, rater, criterion, score } of rows) {
    let list = byCriterion.get(criterion);
    if (!list) byCriterion.set(criterion, (list = []));
    list.push({ unit, rater, score });
  }
  const criteria = [...byCriterion].map(([criterion, ratings]): CriterionAgreement => {
    const table = buildRatingTable(ratings);
    const profiles = alphaProfiles(table);
    const { units, exact, adjacent } = pairwiseAgreementOf(table);
    return {
      criterion,
      units,
      exact,
      adjacent,
      fleiss_kappa: fleissKappaOf(table),
      alpha_nominal: alphaOf(profiles, 'nominal'),
      alpha_ordinal: alphaOf(profiles, 'ordinal'),
      alpha_interval: alphaOf(profiles, 'interval'),
      alpha_ordinal_ci: alphaBootstrapOf(profiles, 'ordinal', bootstrap),
      pairs: pairKappasOf(table),
    };
  });
  return { criteria };
}

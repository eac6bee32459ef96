import type { ReviewPolicy } from '../../../../../src-shared/domain/panel/policy';

export const RESUBMISSION_LABEL: Record<ReviewPolicy['resubmission_reviewers'], string> = {
  prefer_earlier: 'Prefer the earlier reviewers',
  require_new: 'Require new reviewers',
  any: 'Anyone eligible',
};

const FIELD: { [K in keyof ReviewPolicy]: { label: string; show(v: ReviewPolicy[K]): string } } = {
  reviews_required: { label: 'Reviews per portfolio', show: String },
  tolerance: { label: 'Tolerance', show: (v) => `${v} level${v === 1 ? '' : 's'}` },
  anonymous: { label: 'Anonymous review', show: (v) => (v ? 'on' : 'off') },
  coi_same_school: { label: 'Same school is a conflict', show: (v) => (v ? 'yes' : 'no') },
  coi_same_district: { label: 'Same district is a conflict', show: (v) => (v ? 'yes' : 'no') },
  resubmission_reviewers: { label: 'Resubmissions', show: (v) => RESUBMISSION_LABEL[v] },
  max_attempts: { label: 'Maximum attempts', show: String },
  qualified_only: { label: 'Qualified reviewers only', show: (v) => (v ? 'yes' : 'no') },
  final_levels: { label: 'Final levels of agreeing reviews', show: (v) => (v === 'lower' ? 'the lower' : 'the higher') },
};

/** What changed from one policy version to the next, e.g. "Reviews per portfolio 1 → 2". */
export function policyChanges(before: ReviewPolicy | undefined, after: ReviewPolicy): string[] {
  const keys = Object.keys(FIELD) as (keyof ReviewPolicy)[];
  if (!before) return keys.map((k) => `${FIELD[k].label}: ${(FIELD[k].show as (v: unknown) => string)(after[k])}`);
  return keys
    .filter((k) => before[k] !== after[k])
    .map((k) => {
      const show = FIELD[k].show as (v: unknown) => string;
      return `${FIELD[k].label}: ${show(before[k])} → ${show(after[k])}`;
    });
}

import type { Rubric } from '../rubric';
import { OUTCOME_LABEL } from '../rubric';

export interface SubmittedReview {
  levels: Record<string, number | null>;
  comments: Record<string, string>;
  outcome: 'pass' | 'not_yet' | null;
  feedback: string;
}

/**
 * Why independent reviews cannot simply become the decision, in words a moderator reads at a glance
 * ("Reflection: 2 vs 4; outcomes differ"), or null when they agree within the tolerance.
 */
export function disagreement(rubric: Rubric, reviews: SubmittedReview[], tolerance: number): string | null {
  const parts: string[] = [];
  for (const c of rubric.criteria) {
    const scores = reviews.map((r) => r.levels[c.id]).filter((s): s is number => typeof s === 'number');
    if (scores.length < 2) continue;
    if (Math.max(...scores) - Math.min(...scores) > tolerance) parts.push(`${c.title}: ${scores.join(' vs ')}`);
  }
  const outcomes = new Set(reviews.map((r) => r.outcome));
  if (outcomes.size > 1) parts.push(`outcomes differ (${reviews.map((r) => (r.outcome ? OUTCOME_LABEL[r.outcome] : '—')).join(' vs ')})`);
  return parts.length ? parts.join('; ') : null;
}

/** Per-criterion final levels of agreeing reviews: the lower (default) or higher of the scores given. */
export function reconciledLevels(rubric: Rubric, reviews: SubmittedReview[], rule: 'lower' | 'higher'): Record<string, number> {
  const pick = rule === 'lower' ? Math.min : Math.max;
  return Object.fromEntries(
    rubric.criteria.map((c) => [c.id, pick(...reviews.map((r) => r.levels[c.id]).filter((s): s is number => typeof s === 'number'))]),
  );
}

/** Comments and feedback of several reviews joined into one text for the lead to edit before release. */
export function joinTexts(texts: string[]): string {
  return [...new Set(texts.map((t) => t.trim()).filter(Boolean))].join('\n\n');
}

/**
 * The author recorded for a reconciled decision: the reconciliation itself, never one of its reviewers (the reviews
 * it came from are recorded as its sources). Not a reviewer id, so no profile can ever be credited with it.
 */
export const RECONCILIATION_ACTOR = 'system:reconciliation';

export function reconciliationAuthor(reviews: number): string {
  return `Reconciliation of ${reviews} reviews`;
}

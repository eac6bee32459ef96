import { evaluateDecision, type LevelChoice, type Rubric } from './rubric';

/** What must be true before a review can be submitted, in the reviewer's words; the renderer and the service both check it. */
export function submitProblems(rubric: Rubric, levels: Record<string, number | null | undefined>, feedback: string): string[] {
  const problems = rubric.criteria.filter((c) => levels[c.id] == null).map((c) => `${c.title}: not scored`);
  if (problems.length) return problems;
  const preview = evaluateDecision(rubric, levels as LevelChoice);
  if (preview.outcome === 'not_yet' && !feedback.trim()) problems.push('Feedback to the candidate is required for Not yet');
  return problems;
}

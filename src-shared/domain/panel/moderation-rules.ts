import { submitProblems } from '../review-rules';
import type { LevelChoice, Rubric } from '../rubric';
import { duplicateParagraphs, outcomeMismatch, type SourceFeedback } from './feedback-checks';

/** What stops a moderation from being recorded: the review rules, plus a note saying why for the record. */
export function moderationProblems(rubric: Rubric, levels: LevelChoice | Record<string, number | null | undefined>, feedback: string, note: string): string[] {
  const problems = submitProblems(rubric, levels, feedback);
  if (!note.trim()) problems.push('A moderation note is required: say why these are the final levels');
  return problems;
}

/**
 * What the moderator confirms before recording: feedback that reads as written for the other outcome (see
 * outcomeMismatch for the rule) and paragraphs pasted twice.
 */
export function moderationWarnings(outcome: 'pass' | 'not_yet', feedback: string, reviews: SourceFeedback[]): string[] {
  return [...outcomeMismatch(outcome, feedback, reviews), ...duplicateParagraphs(feedback)];
}

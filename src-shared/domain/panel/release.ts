import { duplicateParagraphs } from './feedback-checks';

/** What stops a reconciled decision from going out: a Not yet must carry feedback for the candidate. */
export function releaseProblems(outcome: 'pass' | 'not_yet' | 'withdrawn', feedback: string): string[] {
  return outcome === 'not_yet' && !feedback.trim() ? ['Feedback to the candidate is required for Not yet'] : [];
}

/** What the lead confirms before releasing: the merged feedback repeats a paragraph (both reviewers wrote or pasted it). */
export function releaseWarnings(feedback: string): string[] {
  return duplicateParagraphs(feedback);
}

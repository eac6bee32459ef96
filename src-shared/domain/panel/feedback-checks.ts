import { OUTCOME_LABEL } from '../rubric';

/** Paragraphs are separated by blank lines; compared ignoring case, punctuation and spacing. */
export function normaliseParagraph(p: string): string {
  return p
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Paragraphs that appear more than once (a paste done twice), each named once by its first words. */
export function duplicateParagraphs(text: string): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const p of paragraphs(text)) {
    const key = normaliseParagraph(p);
    if (!key) continue;
    if (seen.has(key) && !twice.some((t) => normaliseParagraph(t) === key)) twice.push(p);
    seen.add(key);
  }
  return twice.map((p) => `This paragraph appears twice: “${p.length > 60 ? `${p.slice(0, 60)}…` : p}”`);
}

/** Feedback of several reviews as one text for the lead to edit: each distinct paragraph once, in order. */
export function mergeFeedback(texts: string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of texts.flatMap(paragraphs)) {
    const key = normaliseParagraph(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out.join('\n\n');
}

/** Words that only make sense in feedback for a Not yet. */
const NOT_YET_PHRASES = ['not yet', 'resubmit', 'resubmission', 'does not yet', 'not met', 'not meet'];
/** Words that only make sense in feedback for a Pass. */
const PASS_PHRASES = ['congratulations', 'you have passed', 'well done on passing', 'meets all criteria'];

export interface SourceFeedback {
  feedback: string;
  outcome: 'pass' | 'not_yet' | null;
}

/**
 * Feedback written for the other outcome. The rule, in order:
 * 1. the feedback (a paragraph of it) was copied from a review whose outcome differs from the recorded one; or
 * 2. for a Pass, it says "not yet", "resubmit", "resubmission", "does not yet", "not met" or "not meet";
 *    for a Not yet, it says "congratulations", "you have passed", "well done on passing" or "meets all criteria"
 *    (whole words, any case, punctuation ignored).
 * Returns the warnings to confirm before recording; none when the feedback fits.
 */
export function outcomeMismatch(outcome: 'pass' | 'not_yet', feedback: string, sources: SourceFeedback[] = []): string[] {
  const warnings: string[] = [];
  const mine = new Set(paragraphs(feedback).map(normaliseParagraph).filter(Boolean));
  for (const s of sources) {
    if (!s.outcome || s.outcome === outcome) continue;
    if (paragraphs(s.feedback).some((p) => mine.has(normaliseParagraph(p)))) {
      warnings.push(`The feedback was copied from a review that recorded ${OUTCOME_LABEL[s.outcome]}, but the outcome is ${OUTCOME_LABEL[outcome]}.`);
      break;
    }
  }
  const text = ` ${normaliseParagraph(feedback)} `;
  const phrases = outcome === 'pass' ? NOT_YET_PHRASES : PASS_PHRASES;
  const found = phrases.filter((ph) => text.includes(` ${ph} `));
  if (found.length) warnings.push(`The feedback says “${found.join('”, “')}” but the outcome is ${OUTCOME_LABEL[outcome]}.`);
  return warnings;
}

import type { Criterion } from '../../../../src-shared/domain/rubric';

export type Agreement = 'agree' | 'within' | 'apart' | 'incomplete';

/** How far apart the reviewers' levels on one criterion are, judged as the service does (score difference vs tolerance). */
export function criterionAgreement(scores: (number | null | undefined)[], tolerance: number): { kind: Agreement; spread: number } {
  const given = scores.filter((s): s is number => typeof s === 'number');
  if (given.length < 2) return { kind: 'incomplete', spread: 0 };
  const spread = Math.max(...given) - Math.min(...given);
  return { kind: spread === 0 ? 'agree' : spread > tolerance ? 'apart' : 'within', spread };
}

export const AGREEMENT_BADGE: Record<Agreement, { color: string; label: (spread: number) => string }> = {
  agree: { color: 'teal', label: () => 'Same level' },
  within: { color: 'yellow', label: (n) => `${n} apart, within tolerance` },
  apart: { color: 'red', label: (n) => `${n} levels apart` },
  incomplete: { color: 'gray', label: () => 'Not comparable' },
};

export function levelText(criterion: Criterion, score: number | null | undefined): string {
  if (score == null) return 'Not scored';
  const level = criterion.levels.find((l) => l.score === score);
  return level ? `${level.label} (${score})` : String(score);
}

/** "A", "B", "C": how the side-by-side view names reviews compactly. */
export const reviewLetter = (i: number) => String.fromCharCode(65 + i);

/** Which end of a disagreement a score is: the highest and lowest of differing scores are emphasised. */
export function emphasisOf(scores: (number | null | undefined)[], score: number | null | undefined, kind: Agreement): 'high' | 'low' | undefined {
  if ((kind !== 'apart' && kind !== 'within') || typeof score !== 'number') return undefined;
  const given = scores.filter((s): s is number => typeof s === 'number');
  return score === Math.max(...given) ? 'high' : score === Math.min(...given) ? 'low' : undefined;
}

/** The video keyboard map, kept apart from the player so it reads as a table and can be tested without a browser. */
export type VideoCommand =
  | { kind: 'toggle' }
  | { kind: 'pause' }
  | { kind: 'seekBy'; seconds: number }
  | { kind: 'markStart' }
  | { kind: 'markEnd' }
  | { kind: 'clearRange' };

export const SEEK_STEP_S = 5;
export const JUMP_STEP_S = 10;

export function commandFor(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): VideoCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
      return { kind: 'toggle' };
    case 'ArrowLeft':
      return { kind: 'seekBy', seconds: -SEEK_STEP_S };
    case 'ArrowRight':
      return { kind: 'seekBy', seconds: SEEK_STEP_S };
    case 'j':
    case 'J':
      return { kind: 'seekBy', seconds: -JUMP_STEP_S };
    case 'k':
    case 'K':
      return { kind: 'pause' };
    case 'l':
    case 'L':
      return { kind: 'seekBy', seconds: JUMP_STEP_S };
    case 'i':
    case 'I':
      return { kind: 'markStart' };
    case 'o':
    case 'O':
      return { kind: 'markEnd' };
    case 'Escape':
      return { kind: 'clearRange' };
    default:
      return null;
  }
}

export interface Range {
  start: number | null;
  end: number | null;
}

/** Marking keeps start <= end: an end before the start becomes the start (and the old start the end). */
export function mark(range: Range, which: 'start' | 'end', t: number): Range {
  if (which === 'start') return range.end !== null && t > range.end ? { start: range.end, end: t } : { ...range, start: t };
  if (range.start !== null && t < range.start) return { start: t, end: range.start };
  return { ...range, end: t };
}

export const roundTime = (t: number): number => Math.max(0, Math.round(t * 100) / 100);

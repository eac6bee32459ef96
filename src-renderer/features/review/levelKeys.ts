import type { KeyboardEvent } from 'react';
import type { Criterion } from '../../../src-shared/domain/rubric';

interface LevelKeys {
  criterion: Criterion;
  readOnly: boolean;
  onLevel(score: number): void;
  onMove(delta: -1 | 1): void;
  /** C cites the viewer's current place (the reviewer's card only). */
  onCite?(): void;
}

/**
 * The keyboard of a focused criterion (reviewer's card or moderator's picker): 1..n picks a level, ↑/↓ move between
 * criteria, C cites. Typing in a comment box and modified keys are left alone.
 */
export function levelKeyHandler(k: LevelKeys) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if ((e.target as HTMLElement).closest('textarea, input')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= k.criterion.levels.length && !k.readOnly) {
      e.preventDefault();
      k.onLevel(k.criterion.levels[n - 1]!.score);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      k.onMove(e.key === 'ArrowDown' ? 1 : -1);
    } else if ((e.key === 'c' || e.key === 'C') && !k.readOnly && k.onCite) {
      e.preventDefault();
      k.onCite();
    }
  };
}

import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, STATUSES, TransitionError } from '../../../src-shared/domain/status';

describe('queue status life cycle', () => {
  it('follows submitted → in_review → scored → decided → exported', () => {
    expect(canTransition('submitted', 'in_review')).toBe(true);
    expect(canTransition('in_review', 'scored')).toBe(true);
    expect(canTransition('scored', 'decided')).toBe(true);
    expect(canTransition('decided', 'exported')).toBe(true);
    expect(canTransition('exported', 'exported')).toBe(true);
    expect(canTransition('decided', 'returned')).toBe(true);
  });

  it('refuses skipping review or reopening a decision', () => {
    expect(canTransition('submitted', 'decided')).toBe(false);
    expect(canTransition('decided', 'in_review')).toBe(false);
    expect(canTransition('exported', 'submitted')).toBe(false);
    expect(() => assertTransition('submitted', 'exported')).toThrow(TransitionError);
    expect(() => assertTransition('submitted', 'exported')).toThrow('a portfolio that is submitted cannot become exported');
  });

  it('withdrawn is final', () => {
    for (const s of STATUSES) expect(canTransition('withdrawn', s)).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type AllocationPortfolio, type AllocationReviewer } from '../../../src-shared/domain/panel/allocation';
import { DEFAULT_POLICY, type ReviewPolicy } from '../../../src-shared/domain/panel/policy';

const reviewer = (id: string, over: Partial<AllocationReviewer> = {}): AllocationReviewer => ({
  id,
  school: `School ${id}`,
  district: 'North',
  load: 0,
  maxLoad: 10,
  conflicts: new Set(),
  qualified: new Set(),
  ...over,
});
const portfolio = (id: string, over: Partial<AllocationPortfolio> = {}): AllocationPortfolio => ({
  id,
  credential: 'EMP-8',
  candidateId: `C-${id}`,
  school: 'Kowhai School',
  district: 'North',
  needed: 2,
  taken: new Set(),
  earlierReviewers: [],
  ...over,
});
const policy = (p: Partial<ReviewPolicy> = {}) => () => ({ ...DEFAULT_POLICY, ...p });

describe('allocation', () => {
  it('gives each portfolio the required number of distinct reviewers', () => {
    const r = allocate([portfolio('P-1'), portfolio('P-2')], [reviewer('A'), reviewer('B'), reviewer('C')], policy());
    expect(r.unallocated).toEqual([]);
    for (const p of ['P-1', 'P-2']) {
      const names = r.assigned.filter((a) => a.portfolio === p).map((a) => a.reviewer);
      expect(names).toHaveLength(2);
      expect(new Set(names).size).toBe(2);
    }
  });

  it('never assigns a reviewer from the same school', () => {
    const r = allocate([portfolio('P-1', { needed: 1 })], [reviewer('A', { school: 'Kowhai School' }), reviewer('B')], policy());
    expect(r.assigned).toEqual([{ portfolio: 'P-1', reviewer: 'B' }]);
  });

  it('excludes the same district only when the policy says so', () => {
    const rs = [reviewer('A', { district: 'North' }), reviewer('B', { district: 'South' })];
    expect(allocate([portfolio('P-1', { needed: 2 })], rs, policy()).assigned).toHaveLength(2);
    const strict = allocate([portfolio('P-1', { needed: 1 })], rs, policy({ coi_same_district: true }));
    expect(strict.assigned).toEqual([{ portfolio: 'P-1', reviewer: 'B' }]);
  });

  it('honours declared reviewer–candidate conflicts', () => {
    const r = allocate([portfolio('P-1', { needed: 1 })], [reviewer('A', { conflicts: new Set(['C-P-1']) }), reviewer('B')], policy());
    expect(r.assigned).toEqual([{ portfolio: 'P-1', reviewer: 'B' }]);
  });

  it('balances by open load and respects the maximum load', () => {
    const rs = [reviewer('A', { load: 3 }), reviewer('B', { load: 0, maxLoad: 1 }), reviewer('C', { load: 1 })];
    const r = allocate([portfolio('P-1', { needed: 1 }), portfolio('P-2', { needed: 1 }), portfolio('P-3', { needed: 1 })], rs, policy());
    expect(r.assigned).toEqual([
      { portfolio: 'P-1', reviewer: 'B' },
      { portfolio: 'P-2', reviewer: 'C' },
      { portfolio: 'P-3', reviewer: 'C' },
    ]);
  });

  it('reports portfolios it cannot allocate, with the reason, and assigns them nobody', () => {
    const rs = [reviewer('A', { school: 'Kowhai School' }), reviewer('B'), reviewer('C', { load: 10 })];
    const r = allocate([portfolio('P-017')], rs, policy());
    expect(r.assigned).toEqual([]);
    expect(r.unallocated).toEqual([{ portfolio: 'P-017', reason: 'P-017: 1 eligible reviewer, 2 required (1 with a conflict of interest, 1 at maximum load)' }]);
  });

  it('prefers the earlier reviewers of a resubmission, or requires new ones', () => {
    const rs = [reviewer('A'), reviewer('B'), reviewer('Z', { load: 5 })];
    const resub = portfolio('P-2', { needed: 1, earlierReviewers: ['Z'] });
    expect(allocate([resub], rs, policy()).assigned).toEqual([{ portfolio: 'P-2', reviewer: 'Z' }]);
    expect(allocate([resub], rs, policy({ resubmission_reviewers: 'require_new' })).assigned).toEqual([{ portfolio: 'P-2', reviewer: 'A' }]);
  });

  it('uses only qualified reviewers when the policy requires it', () => {
    const rs = [reviewer('A'), reviewer('B', { qualified: new Set(['EMP-8']) })];
    expect(allocate([portfolio('P-1', { needed: 1 })], rs, policy({ qualified_only: true })).assigned).toEqual([{ portfolio: 'P-1', reviewer: 'B' }]);
  });

  it('is deterministic: the same input in any reviewer order gives the same allocation', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(['A', 'B', 'C', 'D', 'E', 'F'], { minLength: 6, maxLength: 6 }), (order) => {
        const ps = Array.from({ length: 8 }, (_, i) => portfolio(`P-${i}`, { school: i % 2 ? 'School A' : 'School C' }));
        const base = allocate(ps, ['A', 'B', 'C', 'D', 'E', 'F'].map((id) => reviewer(id, { maxLoad: 4 })), policy());
        const shuffled = allocate(ps, order.map((id) => reviewer(id, { maxLoad: 4 })), policy());
        expect(shuffled).toEqual(base);
        const loads = new Map<string, number>();
        for (const a of base.assigned) loads.set(a.reviewer, (loads.get(a.reviewer) ?? 0) + 1);
        expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
      }),
      { numRuns: 30 },
    );
  });
});

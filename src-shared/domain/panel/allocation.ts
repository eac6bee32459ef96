import type { ReviewPolicy } from './policy';

export interface AllocationPortfolio {
  id: string;
  credential: string;
  candidateId: string;
  school: string;
  district: string;
  /** Reviewers still to find for this portfolio. */
  needed: number;
  /** Reviewers already on it (assigned or submitted): never twice. */
  taken: ReadonlySet<string>;
  /** Reviewers of the earlier attempt, for resubmissions. */
  earlierReviewers: readonly string[];
}

export interface AllocationReviewer {
  id: string;
  school: string;
  district: string;
  /** Open (assigned, not yet submitted) reviews. */
  load: number;
  maxLoad: number;
  conflicts: ReadonlySet<string>;
  /** Credentials this reviewer is qualified for by calibration (consulted only when a policy asks for it). */
  qualified: ReadonlySet<string>;
}

export interface AllocationResult {
  assigned: { portfolio: string; reviewer: string }[];
  unallocated: { portfolio: string; reason: string }[];
}

type Exclusion = 'conflict' | 'full' | 'unqualified' | 'earlier' | 'taken';

const norm = (s: string) => s.trim().toLowerCase();

/** Why a reviewer may not take a portfolio under its policy, or null if they may. */
export function exclusion(p: AllocationPortfolio, r: AllocationReviewer, policy: ReviewPolicy): Exclusion | null {
  if (p.taken.has(r.id)) return 'taken';
  if (r.conflicts.has(p.candidateId)) return 'conflict';
  if (policy.coi_same_school && r.school && norm(r.school) === norm(p.school)) return 'conflict';
  if (policy.coi_same_district && r.district && norm(r.district) === norm(p.district)) return 'conflict';
  if (policy.qualified_only && !r.qualified.has(p.credential)) return 'unqualified';
  if (policy.resubmission_reviewers === 'require_new' && p.earlierReviewers.includes(r.id)) return 'earlier';
  if (r.load >= r.maxLoad) return 'full';
  return null;
}

const EXCLUSION_WORDS: Record<Exclusion, string> = {
  conflict: 'with a conflict of interest',
  full: 'at maximum load',
  unqualified: 'not qualified',
  earlier: 'reviewed the earlier attempt',
  taken: 'already on it',
};

/**
 * Gives every portfolio the reviewers it still needs: distinct, eligible (no conflict of interest, within maximum
 * load, qualified where required), preferring earlier reviewers of a resubmission when the policy says so, then the
 * least loaded, then by id — so the same input always gives the same allocation. A portfolio that cannot get all the
 * reviewers it needs gets none, and is reported with the reason.
 */
export function allocate(
  portfolios: readonly AllocationPortfolio[],
  reviewers: readonly AllocationReviewer[],
  policyOf: (credential: string) => ReviewPolicy,
): AllocationResult {
  const load = new Map(reviewers.map((r) => [r.id, r.load]));
  const result: AllocationResult = { assigned: [], unallocated: [] };
  const ordered = [...reviewers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of portfolios) {
    if (p.needed <= 0) continue;
    const policy = policyOf(p.credential);
    const counts = new Map<Exclusion, number>();
    const eligible: AllocationReviewer[] = [];
    for (const r of ordered) {
      const why = exclusion(p, { ...r, load: load.get(r.id)! }, policy);
      if (why) counts.set(why, (counts.get(why) ?? 0) + 1);
      else eligible.push(r);
    }
    if (eligible.length < p.needed) {
      const details = [...counts].filter(([k]) => k !== 'taken').map(([k, n]) => `${n} ${EXCLUSION_WORDS[k]}`);
      result.unallocated.push({
        portfolio: p.id,
        reason: `${p.id}: ${eligible.length} eligible reviewer${eligible.length === 1 ? '' : 's'}, ${p.needed} required${details.length ? ` (${details.join(', ')})` : ''}`,
      });
      continue;
    }
    const prefer = policy.resubmission_reviewers === 'prefer_earlier' ? new Set(p.earlierReviewers) : new Set<string>();
    eligible.sort((a, b) => Number(prefer.has(b.id)) - Number(prefer.has(a.id)) || load.get(a.id)! - load.get(b.id)! || (a.id < b.id ? -1 : 1));
    for (const r of eligible.slice(0, p.needed)) {
      result.assigned.push({ portfolio: p.id, reviewer: r.id });
      load.set(r.id, load.get(r.id)! + 1);
    }
  }
  return result;
}

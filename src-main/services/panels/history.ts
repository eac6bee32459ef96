import { and, asc, eq } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { AttemptHistory } from '../../../src-shared/contracts/panels';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { portfolios } from '../../db/schema';
import { type ServiceContext, transaction } from '../context';
import { loadDecisions } from '../decisions';
import { portfolioEvidence, setStatus } from '../portfolios';
import { requireRole } from '../reviewers';

/**
 * Every attempt of this candidate at this credential up to this one, with its decision, and how this attempt's
 * evidence compares with the previous attempt's: new, changed (same item id, other bytes) or unchanged (same sha256).
 */
export async function attemptHistory(ctx: ServiceContext, portfolioId: string): Promise<AttemptHistory> {
  const p = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, portfolioId)).get();
  if (!p) throw new ApiError('not_found', `no portfolio ${portfolioId}`);
  const all = (
    await ctx.db.orm
      .select()
      .from(portfolios)
      .where(and(eq(portfolios.candidateId, p.candidateId), eq(portfolios.credentialCode, p.credentialCode)))
      .orderBy(asc(portfolios.attempt))
      .all()
  ).filter((a) => a.attempt <= p.attempt);
  const attempts = await mapInOrder(all, async (a) => ({
    id: a.id,
    attempt: a.attempt,
    submittedAt: a.submittedAt,
    status: a.status,
    decision: (await loadDecisions(ctx, a.id)).at(-1) ?? null,
    evidence: await portfolioEvidence(ctx, a.id),
  }));
  const current = attempts.at(-1)!.evidence;
  const previous = attempts.length > 1 ? attempts.at(-2)!.evidence : null;
  if (!previous) return { attempts, changes: [], removed: [] };
  const previousShas = new Set(previous.map((e) => e.sha256));
  const changes = current.map((e) => ({
    evidenceId: e.id,
    title: e.title,
    change: previousShas.has(e.sha256)
      ? ('unchanged' as const)
      : previous.some((x) => x.id === e.id || x.title === e.title)
        ? ('changed' as const)
        : ('new' as const),
  }));
  const currentShas = new Set(current.map((e) => e.sha256));
  const removed = previous.filter((e) => !currentShas.has(e.sha256) && !current.some((x) => x.id === e.id || x.title === e.title));
  return { attempts, changes, removed };
}

/** A lead sends a Not yet back to the candidate for resubmission. */
export async function returnToCandidate(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<void> {
  requireRole(actor, 'lead', 'admin');
  const p = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, portfolioId)).get();
  if (!p) throw new ApiError('not_found', `no portfolio ${portfolioId}`);
  if (p.outcome !== 'not_yet') throw new ApiError('conflict', `${portfolioId} is not a Not yet decision`);
  await transaction(ctx, async (ctx) => setStatus(ctx, portfolioId, 'returned', actor.id));
}

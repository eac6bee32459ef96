import { asc } from 'drizzle-orm';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { reviewerConflicts } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { getReviewer } from '../reviewers';

export async function listConflicts(ctx: ServiceContext) {
  return await ctx.db.orm
    .select({ reviewerId: reviewerConflicts.reviewerId, candidateId: reviewerConflicts.candidateId, reason: reviewerConflicts.reason })
    .from(reviewerConflicts)
    .orderBy(asc(reviewerConflicts.reviewerId), asc(reviewerConflicts.candidateId))
    .all();
}

/** A declared reviewer–candidate conflict (a reviewer declares their own; a lead or admin anyone's). */
export async function declareConflict(ctx: ServiceContext, reviewerId: string, candidateId: string, reason: string, actor: Reviewer): Promise<void> {
  if (actor.id !== reviewerId && !actor.roles.some((r) => r === 'lead' || r === 'admin'))
    throw new ApiError('forbidden', 'only a lead or admin can declare a conflict for someone else');
  if (!(await getReviewer(ctx, reviewerId))) throw new ApiError('not_found', `no reviewer ${reviewerId}`);
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm
      .insert(reviewerConflicts)
      .values({ reviewerId, candidateId, reason, createdAt: nowIso(ctx) })
      .onConflictDoNothing()
      .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'conflict.declare',
      entityType: 'reviewer',
      entityId: reviewerId,
      details: { candidate: candidateId, reason },
    });
  });
}

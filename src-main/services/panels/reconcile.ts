import { and, eq, sql } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { evaluateDecision, type Rubric } from '../../../src-shared/domain/rubric';
import { disagreement, joinTexts, RECONCILIATION_ACTOR, reconciledLevels, type SubmittedReview } from '../../../src-shared/domain/panel/reconcile';
import { mergeFeedback } from '../../../src-shared/domain/panel/feedback-checks';
import { moderations, portfolios, reviews } from '../../db/schema';
import { nowIso, type ServiceContext } from '../context';
import { audit } from '../audit';
import { loadRubric } from '../rubrics';
import { recordDecision } from '../decisions';
import { setStatus } from '../portfolios';
import { toReviewView } from '../reviews';
import { currentPolicy } from './policies';
import { markSubmitted, reviewsRequired } from './assignments';
import { lockRow } from '../locks';

export async function submittedReviews(ctx: ServiceContext, portfolioId: string) {
  return await ctx.db.orm
    .select()
    .from(reviews)
    .where(and(eq(reviews.portfolioId, portfolioId), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
    .orderBy(reviews.submittedAt, reviews.id)
    .all();
}

async function openModeration(ctx: ServiceContext, portfolioId: string, reason: string, actor: string): Promise<void> {
  const now = nowIso(ctx);
  await ctx.db.orm
    .insert(moderations)
    .values({ portfolioId, status: 'open', reason, openedAt: now, updatedBy: actor, updatedAt: now })
    .onConflictDoUpdate({
      target: moderations.portfolioId,
      set: {
        status: 'open',
        reason,
        openedAt: now,
        resolvedBy: null,
        resolvedAt: null,
        revision: sql`${moderations.revision} + 1`,
        updatedBy: actor,
        updatedAt: now,
      },
    })
    .run();
  await audit(ctx, { actor, action: 'moderation.open', entityType: 'portfolio', entityId: portfolioId, details: { reason } });
}

/**
 * After a production review is submitted (inside its transaction): once every required review is in, agreeing
 * reviews become a reconciled decision held for release (levels by the policy's rule, feedback merged for the lead
 * to edit and release); disagreeing ones, or any after a third review was asked for, go to the moderation queue.
 * The portfolio's row is locked first: of two reviews submitted at once, the second waits and then sees both.
 */
export async function afterReviewSubmitted(ctx: ServiceContext, portfolioId: string, reviewerId: string): Promise<void> {
  await lockRow(ctx, 'portfolios', portfolioId);
  await markSubmitted(ctx, portfolioId, reviewerId);
  const p = (await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, portfolioId)).get())!;
  const policy = await currentPolicy(ctx, p.credentialCode);
  const rubric = (await loadRubric(ctx, p.rubricId, p.rubricVersion))!;
  const rows = await submittedReviews(ctx, portfolioId);
  if (rows.length < (await reviewsRequired(ctx, portfolioId, p.credentialCode))) return;
  const views = await mapInOrder(rows, (r) => toReviewView(ctx, r));
  const submitted: SubmittedReview[] = views.map((v) => ({ levels: v.levels, comments: v.comments, outcome: v.outcome, feedback: v.feedback }));
  if (views.length === 1) {
    const v = views[0]!;
    await recordDecision(ctx, {
      portfolioId,
      outcome: v.outcome!,
      total: rows[0]!.total,
      feedback: v.feedback,
      source: 'review',
      reviewId: v.id,
      decidedBy: reviewerId,
      reason: null,
      levels: rubric.criteria.map((c) => ({ criterionId: c.id, score: v.levels[c.id]!, comment: v.comments[c.id] ?? '' })),
    });
    return;
  }
  const moderation = await ctx.db.orm.select().from(moderations).where(eq(moderations.portfolioId, portfolioId)).get();
  const reason = moderation?.status === 'third_review' ? `Third review in; ${moderation.reason}` : disagreement(rubric, submitted, policy.tolerance);
  const levels = reconciledLevels(rubric, submitted, policy.final_levels);
  const preview = evaluateDecision(rubric, levels);
  const outcomesAgree = new Set(submitted.map((s) => s.outcome)).size === 1;
  const finalReason =
    reason ?? (outcomesAgree && preview.outcome !== submitted[0]!.outcome ? 'reconciled levels give a different outcome than the reviewers' : null);
  if (finalReason) {
    if (p.status === 'in_review') await setStatus(ctx, portfolioId, 'scored', reviewerId, { reason: finalReason });
    await openModeration(ctx, portfolioId, finalReason, reviewerId);
    return;
  }
  await holdReconciled(ctx, portfolioId, rubric, views, levels, preview.total, preview.outcome!);
}

/** The reconciled decision, authored by no reviewer: it records the reviews it came from and waits for a lead. */
async function holdReconciled(
  ctx: ServiceContext,
  portfolioId: string,
  rubric: Rubric,
  views: Awaited<ReturnType<typeof toReviewView>>[],
  levels: Record<string, number>,
  total: number,
  outcome: 'pass' | 'not_yet',
): Promise<void> {
  await recordDecision(ctx, {
    portfolioId,
    outcome,
    total,
    feedback: mergeFeedback(views.map((v) => v.feedback)),
    source: 'reconciled',
    reviewId: null,
    decidedBy: RECONCILIATION_ACTOR,
    reason: `reconciled from reviews ${views.map((v) => `#${v.id} (${v.reviewerName})`).join(' and ')}: ${views.length} independent reviews agreed within tolerance`,
    levels: rubric.criteria.map((c) => ({ criterionId: c.id, score: levels[c.id]!, comment: joinTexts(views.map((v) => v.comments[c.id] ?? '')) })),
    heldFrom: views.map((v) => v.id),
  });
}

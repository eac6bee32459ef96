/**
 * How calibration plugs into the normal reviewer workbench: an anchor portfolio is scored as a calibration review
 * (never a decision about a candidate), and after submitting the reviewer sees the reference beside their levels.
 */
import { eq } from 'drizzle-orm';
import { format } from 'date-fns';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ReferenceLevel } from '../../../src-shared/contracts/review';
import { calibrationSubmissions, portfolios, type reviews } from '../../db/schema';
import type { ServiceContext } from '../context';
import { audit } from '../audit';
import { loadRubric } from '../rubrics';
import { roundStatus } from './common';
import { referencesOf } from './anchors';
import { roundsWith } from './rounds';

export async function isAnchorPortfolio(ctx: ServiceContext, portfolioId: string): Promise<boolean> {
  return (await ctx.db.orm.select({ a: portfolios.isAnchor }).from(portfolios).where(eq(portfolios.id, portfolioId)).get())?.a === true;
}

const day = (iso: string) => format(new Date(iso), 'd MMM yyyy');

/** The round in which this reviewer may score this anchor right now, if any. */
async function openRoundFor(ctx: ServiceContext, portfolioId: string, reviewerId: string) {
  return (await roundsWith(ctx, portfolioId, reviewerId)).find((r) => roundStatus(r, ctx.now()) === 'open');
}

/** Why this reviewer may not score this anchor now (not in an open round, …), or null when they may. */
export async function calibrationRefusal(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<string | null> {
  const rounds = await roundsWith(ctx, portfolioId, actor.id);
  if (rounds.some((r) => roundStatus(r, ctx.now()) === 'open')) return null;
  const scheduled = rounds.find((r) => roundStatus(r, ctx.now()) === 'scheduled');
  if (scheduled) return `This anchor belongs to the calibration round "${scheduled.name}", which opens on ${day(scheduled.opensAt)}.`;
  const closed = rounds.at(-1);
  if (closed) return `The calibration round "${closed.name}" closed on ${day(closed.closedAt ?? closed.closesAt)}; this anchor can no longer be scored in it.`;
  return 'This is an anchor portfolio (a calibration exemplar): it is scored only by the reviewers of an open calibration round.';
}

/**
 * Called inside the submit transaction of a calibration review: records which round the scores belong to. A round
 * that closed while the reviewer was scoring refuses the submission (the error rolls the transaction back).
 */
export async function onCalibrationSubmitted(ctx: ServiceContext, review: typeof reviews.$inferSelect, actor: Reviewer): Promise<void> {
  const round = await openRoundFor(ctx, review.portfolioId, actor.id);
  if (!round)
    throw new ApiError('conflict', (await calibrationRefusal(ctx, review.portfolioId, actor)) ?? 'no open calibration round includes this anchor for you');
  await ctx.db.orm
    .insert(calibrationSubmissions)
    .values({ reviewId: review.id, roundId: round.id, portfolioId: review.portfolioId, reviewerId: actor.id, submittedAt: ctx.now().toISOString() })
    .run();
  await audit(ctx, {
    actor: actor.id,
    action: 'calibration.review.submit',
    entityType: 'review',
    entityId: String(review.id),
    details: { anchor: review.portfolioId, round: round.id },
  });
}

/**
 * The reference levels and rationales, in rubric order, shown to a reviewer only after they submitted their
 * calibration review (reviews.ts asks only for submitted calibration reviews; the check here is a second guard).
 */
export async function referenceFor(ctx: ServiceContext, review: typeof reviews.$inferSelect): Promise<ReferenceLevel[] | null> {
  if (review.kind !== 'calibration' || review.status !== 'submitted') return null;
  const refs = await referencesOf(ctx, review.portfolioId);
  if (refs.size === 0) return null;
  const rubric = await loadRubric(ctx, review.rubricId, review.rubricVersion);
  const order = rubric ? rubric.criteria.map((c) => c.id) : [...refs.keys()];
  return order.flatMap((criterionId) => {
    const r = refs.get(criterionId);
    return r ? [{ criterionId, score: r.score, rationale: r.rationale }] : [];
  });
}

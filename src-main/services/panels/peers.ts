import { and, eq, ne } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ReviewView } from '../../../src-shared/contracts/review';
import { reviews } from '../../db/schema';
import type { ServiceContext } from '../context';
import { toReviewView } from '../reviews';

/** Blind review: may this person read the other reviews of this portfolio? */
export async function peersVisible(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<boolean> {
  if (actor.roles.some((r) => r === 'moderator' || r === 'lead' || r === 'admin')) return true;
  return (
    (await ctx.db.orm
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.portfolioId, portfolioId), eq(reviews.reviewerId, actor.id), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
      .get()) !== undefined
  );
}

async function otherReviews(ctx: ServiceContext, portfolioId: string, actor: Reviewer) {
  return await ctx.db.orm
    .select()
    .from(reviews)
    .where(and(eq(reviews.portfolioId, portfolioId), eq(reviews.kind, 'review'), ne(reviews.reviewerId, actor.id)))
    .orderBy(reviews.id)
    .all();
}

/** Only that the other reviews exist and how far they are: what a reviewer may know before submitting. */
export async function peerSummaries(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<{ status: 'draft' | 'submitted' }[]> {
  return (await otherReviews(ctx, portfolioId, actor)).map((r) => ({ status: r.status }));
}

/** The other reviews in full, refused (403) until the reviewer has submitted their own. */
export async function peerReviews(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<ReviewView[]> {
  if (!(await peersVisible(ctx, portfolioId, actor)))
    throw new ApiError('forbidden', 'Blind review: the other reviews of this portfolio open once you have submitted your own.');
  return await mapInOrder(
    (await otherReviews(ctx, portfolioId, actor)).filter((r) => r.status === 'submitted'),
    (r) => toReviewView(ctx, r),
  );
}

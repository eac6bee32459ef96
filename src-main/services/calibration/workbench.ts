/**
 * How calibration plugs into the normal reviewer workbench: an anchor portfolio is scored as a calibration review
 * (never a decision about a candidate), and after submitting the reviewer sees the reference beside their levels.
 */
import { eq } from 'drizzle-orm';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ReferenceLevel } from '../../../src-shared/contracts/review';
import { portfolios, type reviews } from '../../db/schema';
import type { ServiceContext } from '../context';
import { audit } from '../audit';

export function isAnchorPortfolio(ctx: ServiceContext, portfolioId: string): boolean {
  return ctx.handle.db.select({ a: portfolios.isAnchor }).from(portfolios).where(eq(portfolios.id, portfolioId)).get()?.a === true;
}

/** Why this reviewer may not score this anchor now (not in an open round, …), or null when they may. */
export function calibrationRefusal(_ctx: ServiceContext, _portfolioId: string, _actor: Reviewer): string | null {
  return 'This is an anchor portfolio; it is scored only in a calibration round.';
}

/** Called inside the submit transaction of a calibration review. */
export function onCalibrationSubmitted(ctx: ServiceContext, review: typeof reviews.$inferSelect, actor: Reviewer): void {
  audit(ctx, { actor: actor.id, action: 'calibration.review.submit', entityType: 'review', entityId: String(review.id), details: { anchor: review.portfolioId } });
}

/** The reference levels and rationales, shown to a reviewer only after they submitted their calibration review. */
export function referenceFor(_ctx: ServiceContext, _review: typeof reviews.$inferSelect): ReferenceLevel[] | null {
  return null;
}

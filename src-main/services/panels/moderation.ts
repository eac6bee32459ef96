import { eq } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ReviewView } from '../../../src-shared/contracts/review';
import { evaluateDecision, invalidLevels } from '../../../src-shared/domain/rubric';
import { moderationProblems, moderationWarnings } from '../../../src-shared/domain/panel/moderation-rules';
import { moderations, portfolios } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { loadRubric } from '../rubrics';
import { recordDecision } from '../decisions';
import { setStatus } from '../portfolios';
import { requireRole, reviewerName } from '../reviewers';
import { lockRow } from '../locks';
import { requireCurrent } from '../stale';
import { toReviewView } from '../reviews';
import { portfolioRowsFor } from '../queue';
import type { PortfolioRow } from '../../../src-shared/contracts/queue';
import { submittedReviews } from './reconcile';

export interface ModerationItem {
  portfolio: string;
  status: 'open' | 'third_review' | 'resolved';
  reason: string;
  openedAt: string;
  row: PortfolioRow;
}

/** The moderation queue, oldest first, in one query (it is read on every visit to the page). */
export async function moderationQueue(ctx: ServiceContext, includeResolved = false): Promise<ModerationItem[]> {
  type Extra = { moderation: ModerationItem['status']; reason: string; openedAt: string };
  const rows = await portfolioRowsFor<Extra>(
    ctx,
    `SELECT p.seq, m.status, m.reason, m.opened_at FROM moderations m ${ctx.db.fn.joinInOrder} portfolios p ON p.id = m.portfolio_id
     ${includeResolved ? '' : "WHERE m.status <> 'resolved'"} ORDER BY m.opened_at, m.portfolio_id`,
    [],
    'sel.status AS extra_moderation, sel.reason AS extra_reason, sel.opened_at AS extra_openedAt',
  );
  return rows.map(({ moderation, reason, openedAt, ...row }) => ({ portfolio: row.id, status: moderation, reason, openedAt, row }));
}

/** A moderator may not moderate a portfolio they reviewed themselves. Inside a transaction the case's row is locked. */
async function requireModerator(ctx: ServiceContext, portfolioId: string, actor: Reviewer) {
  if (ctx.db.inTransaction) await lockRow(ctx, 'moderations', portfolioId);
  requireRole(actor, 'moderator', 'lead', 'admin');
  const m = await ctx.db.orm.select().from(moderations).where(eq(moderations.portfolioId, portfolioId)).get();
  if (!m) throw new ApiError('not_found', `${portfolioId} is not in the moderation queue`);
  if ((await submittedReviews(ctx, portfolioId)).some((r) => r.reviewerId === actor.id))
    throw new ApiError('forbidden', `${actor.name} reviewed ${portfolioId} and cannot moderate it`);
  return m;
}

export interface ModerationCase {
  portfolio: string;
  status: 'open' | 'third_review' | 'resolved';
  reason: string;
  reviews: ReviewView[];
  note: string | null;
  revision: number;
}

/** Both (or all three) reviews side by side, for a moderator. */
export async function moderationCase(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<ModerationCase> {
  const m = await requireModerator(ctx, portfolioId, actor);
  return {
    portfolio: portfolioId,
    status: m.status,
    reason: m.reason,
    note: m.note,
    revision: m.revision,
    reviews: await mapInOrder(await submittedReviews(ctx, portfolioId), (r) => toReviewView(ctx, r)),
  };
}

type ModerationRow = typeof moderations.$inferSelect;

/** What last changed a case, for the refusal of a write made on an earlier revision of it. */
async function lastChange(ctx: ServiceContext, m: ModerationRow) {
  const did = m.status === 'resolved' ? 'recorded the moderation' : m.status === 'third_review' ? 'asked for a third review' : 'reopened this case';
  const byId = m.updatedBy ?? m.resolvedBy ?? '';
  return { byId, byName: byId ? await reviewerName(ctx, byId) : 'Someone', did, at: m.updatedAt ?? m.resolvedAt };
}

/** The case as the moderator saw it (`revision`), still there and open; else `conflict`, naming who changed it. */
async function openCase(ctx: ServiceContext, portfolioId: string, revision: number | undefined, actor: Reviewer): Promise<ModerationRow> {
  const m = await requireModerator(ctx, portfolioId, actor);
  await requireCurrent(revision, m.revision, () => lastChange(ctx, m), actor, ctx.now());
  if (m.status !== 'open') throw new ApiError('conflict', `${portfolioId} is ${m.status === 'resolved' ? 'already decided' : 'waiting for a third review'}`);
  return m;
}

/**
 * The moderator's final levels, outcome (from the rubric's rule), feedback and note: recorded as the decision.
 * Decided and written in one transaction on the case's locked row; a decision made on an earlier revision of the
 * case (`revision`: reopened, or decided by another moderator since) is refused with `conflict`.
 */
export async function moderate(
  ctx: ServiceContext,
  input: {
    portfolioId: string;
    levels: Record<string, number>;
    comments: Record<string, string>;
    feedback: string;
    note: string;
    confirm?: boolean;
    revision?: number;
  },
  actor: Reviewer,
) {
  return await transaction(ctx, async (ctx) => {
    const m = await openCase(ctx, input.portfolioId, input.revision, actor);
    const p = (await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, input.portfolioId)).get())!;
    const rubric = (await loadRubric(ctx, p.rubricId, p.rubricVersion))!;
    const invalid = invalidLevels(rubric, input.levels);
    const problems = invalid.length ? invalid : moderationProblems(rubric, input.levels, input.feedback, input.note);
    if (problems.length) throw new ApiError('bad_request', 'the moderation cannot be recorded yet', problems);
    const preview = evaluateDecision(rubric, input.levels);
    const sources = (await submittedReviews(ctx, input.portfolioId)).map((r) => ({ feedback: r.feedback, outcome: r.outcome }));
    const warnings = moderationWarnings(preview.outcome!, input.feedback, sources);
    if (warnings.length && !input.confirm) throw new ApiError('conflict', 'the moderation was not recorded: confirm it despite these warnings', warnings);
    const decision = await recordDecision(ctx, {
      portfolioId: input.portfolioId,
      outcome: preview.outcome!,
      total: preview.total,
      feedback: input.feedback,
      source: 'moderation',
      reviewId: null,
      decidedBy: actor.id,
      reason: input.note.trim(),
      levels: rubric.criteria.map((c) => ({ criterionId: c.id, score: input.levels[c.id]!, comment: input.comments[c.id] ?? '' })),
    });
    const now = nowIso(ctx);
    await ctx.db.orm
      .update(moderations)
      .set({ status: 'resolved', resolvedBy: actor.id, resolvedAt: now, note: input.note, revision: m.revision + 1, updatedBy: actor.id, updatedAt: now })
      .where(eq(moderations.portfolioId, input.portfolioId))
      .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'moderation.decide',
      entityType: 'portfolio',
      entityId: input.portfolioId,
      details: { outcome: preview.outcome, note: input.note, ...(warnings.length ? { confirmed: warnings } : {}) },
    });
    return decision;
  });
}

/** The moderator asks for one more independent review; the portfolio goes back into review for allocation. */
export async function requestThirdReview(ctx: ServiceContext, portfolioId: string, note: string, actor: Reviewer, revision?: number): Promise<void> {
  await transaction(ctx, async (ctx) => {
    const m = await openCase(ctx, portfolioId, revision, actor);
    if ((await submittedReviews(ctx, portfolioId)).length >= 3) throw new ApiError('conflict', `${portfolioId} already has three reviews`);
    const now = nowIso(ctx);
    await ctx.db.orm
      .update(moderations)
      .set({ status: 'third_review', note, revision: m.revision + 1, updatedBy: actor.id, updatedAt: now })
      .where(eq(moderations.portfolioId, portfolioId))
      .run();
    await setStatus(ctx, portfolioId, 'in_review', actor.id, { reason: 'third review requested' });
    await audit(ctx, { actor: actor.id, action: 'moderation.third_review', entityType: 'portfolio', entityId: portfolioId, details: { note } });
  });
}

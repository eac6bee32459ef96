import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { mapInOrder } from './in-order';
import { ApiError } from '../../src-shared/contracts/errors';
import type { DecisionView } from '../../src-shared/contracts/review';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import { evaluateDecision, invalidLevels, type Outcome } from '../../src-shared/domain/rubric';
import { reconciliationAuthor } from '../../src-shared/domain/panel/reconcile';
import { decisionLevels, decisionSources, decisions, portfolios, reviews } from '../db/schema';
import { nowIso, type ServiceContext, transaction } from './context';
import { audit } from './audit';
import { loadRubric } from './rubrics';
import { reviewerName, requireRole } from './reviewers';
import { setStatus } from './portfolios';
import { anchorsOf } from './anchors';
import { lockRow } from './locks';
import { requireCurrent } from './stale';

type DecisionRow = typeof decisions.$inferSelect;

export async function toDecisionView(ctx: ServiceContext, d: DecisionRow): Promise<DecisionView> {
  const sources = await sourceReviews(ctx, d);
  return {
    id: d.id,
    portfolioId: d.portfolioId,
    revision: d.revision,
    outcome: d.outcome,
    total: d.total,
    feedback: d.feedback,
    source: d.source,
    reviewId: d.reviewId,
    decidedBy: d.decidedBy,
    // A reconciled decision is nobody's (also those recorded before 0005 under the second reviewer's id).
    decidedByName: d.source === 'reconciled' ? reconciliationAuthor(sources.length) : await reviewerName(ctx, d.decidedBy),
    decidedAt: d.decidedAt,
    reason: d.reason,
    releasedAt: d.releasedAt,
    releasedBy: d.releasedBy,
    feedbackVersion: d.feedbackVersion,
    sources:
      d.source === 'reconciled'
        ? await mapInOrder(sources, async (r) => ({ reviewId: r.id, reviewerId: r.reviewerId, reviewerName: await reviewerName(ctx, r.reviewerId) }))
        : [],
    levels: await ctx.db.orm
      .select({ criterionId: decisionLevels.criterionId, score: decisionLevels.score, comment: decisionLevels.comment })
      .from(decisionLevels)
      .where(eq(decisionLevels.decisionId, d.id))
      .orderBy(asc(decisionLevels.criterionId))
      .all(),
    anchors: await decisionAnchors(ctx, d),
    // A reconciled decision took the time of every review it came from; a moderation's own time is not recorded.
    timeOnTaskMs: sources.length ? sources.reduce((sum, r) => sum + r.activeMs, 0) : null,
  };
}

/**
 * The reviews a decision stands on: its own review, or for a reconciled one the reviews recorded as its sources
 * (decisions reconciled before sources were recorded fall back to every submitted review of the portfolio).
 */
async function sourceReviews(ctx: ServiceContext, d: DecisionRow): Promise<{ id: number; reviewerId: string; activeMs: number }[]> {
  const columns = { id: reviews.id, reviewerId: reviews.reviewerId, activeMs: reviews.activeMs };
  if (d.reviewId !== null) return await ctx.db.orm.select(columns).from(reviews).where(eq(reviews.id, d.reviewId)).all();
  if (d.source !== 'reconciled') return [];
  const recorded = await ctx.db.orm
    .select(columns)
    .from(decisionSources)
    .innerJoin(reviews, eq(reviews.id, decisionSources.reviewId))
    .where(eq(decisionSources.decisionId, d.id))
    .orderBy(asc(reviews.submittedAt), asc(reviews.id))
    .all();
  if (recorded.length) return recorded;
  return await ctx.db.orm
    .select(columns)
    .from(reviews)
    .where(and(eq(reviews.portfolioId, d.portfolioId), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
    .orderBy(asc(reviews.submittedAt), asc(reviews.id))
    .all();
}

/** The evidence behind a decision: its review's citations, or for a reconciled or moderated one those of every review. */
async function decisionAnchors(ctx: ServiceContext, d: DecisionRow) {
  if (d.reviewId !== null) return anchorsOf(ctx, d.reviewId);
  return (
    await mapInOrder(
      await ctx.db.orm
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(eq(reviews.portfolioId, d.portfolioId), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
        .orderBy(asc(reviews.id))
        .all(),
      (r) => anchorsOf(ctx, r.id),
    )
  ).flat();
}

/** Every revision of a portfolio's decision, oldest first; the last one is in force. */
export async function loadDecisions(ctx: ServiceContext, portfolioId: string): Promise<DecisionView[]> {
  return await mapInOrder(await ctx.db.orm.select().from(decisions).where(eq(decisions.portfolioId, portfolioId)).orderBy(asc(decisions.revision)).all(), (d) =>
    toDecisionView(ctx, d),
  );
}

/** The latest revision, released or not (a reconciled decision waiting for release is one). */
export async function currentDecision(ctx: ServiceContext, portfolioId: string): Promise<DecisionRow | undefined> {
  return await ctx.db.orm.select().from(decisions).where(eq(decisions.portfolioId, portfolioId)).orderBy(desc(decisions.revision)).limit(1).get();
}

/** The decision in force for the candidate: the latest released revision (what exports, feedback and credit use). */
export async function releasedDecision(ctx: ServiceContext, portfolioId: string): Promise<DecisionView | undefined> {
  const row = await ctx.db.orm
    .select()
    .from(decisions)
    .where(and(eq(decisions.portfolioId, portfolioId), isNotNull(decisions.releasedAt)))
    .orderBy(desc(decisions.revision))
    .limit(1)
    .get();
  return row && (await toDecisionView(ctx, row));
}

export interface NewDecision {
  portfolioId: string;
  outcome: Outcome;
  total: number | null;
  feedback: string;
  source: DecisionRow['source'];
  reviewId: number | null;
  decidedBy: string;
  reason: string | null;
  levels: { criterionId: string; score: number; comment: string }[];
  /**
   * A reconciled decision is held for release by a lead: recorded with the reviews it came from, the portfolio
   * waits as `ready` and nothing reaches the candidate (outcome, exports, feedback, credit) until it is released.
   */
  heldFrom?: number[];
}

/**
 * Appends the next revision of a portfolio's decision (never an update: UNIQUE(portfolio, revision) makes a racing
 * second writer fail rather than overwrite) and moves the portfolio to decided, or to ready when it is held for
 * release. Call inside a transaction.
 */
export async function recordDecision(ctx: ServiceContext, d: NewDecision): Promise<DecisionView> {
  const previous = await currentDecision(ctx, d.portfolioId);
  const now = nowIso(ctx);
  const row = await ctx.db.orm
    .insert(decisions)
    .values({
      portfolioId: d.portfolioId,
      revision: (previous?.revision ?? 0) + 1,
      outcome: d.outcome,
      total: d.total,
      feedback: d.feedback,
      source: d.source,
      reviewId: d.reviewId,
      decidedBy: d.decidedBy,
      decidedAt: now,
      reason: d.reason,
      releasedAt: d.heldFrom ? null : now,
      releasedBy: d.heldFrom ? null : d.decidedBy,
    })
    .returning()
    .get();
  for (const l of d.levels)
    await ctx.db.orm
      .insert(decisionLevels)
      .values({ decisionId: row.id, ...l })
      .run();
  for (const reviewId of d.heldFrom ?? []) await ctx.db.orm.insert(decisionSources).values({ decisionId: row.id, reviewId }).run();
  const p = (await ctx.db.orm.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, d.portfolioId)).get())!;
  if (d.heldFrom) await setStatus(ctx, d.portfolioId, 'ready', d.decidedBy);
  else {
    await ctx.db.orm.update(portfolios).set({ outcome: d.outcome, updatedAt: now }).where(eq(portfolios.id, d.portfolioId)).run();
    if (p.status !== 'decided') await setStatus(ctx, d.portfolioId, 'decided', d.decidedBy);
  }
  await audit(ctx, {
    actor: d.decidedBy,
    action: previous ? 'decision.revise' : 'decision.create',
    entityType: 'portfolio',
    entityId: d.portfolioId,
    details: {
      revision: row.revision,
      outcome: d.outcome,
      source: d.source,
      ...(d.heldFrom ? { held_for_release: true, sources: d.heldFrom } : {}),
      ...(previous ? { previous: { revision: previous.revision, outcome: previous.outcome }, reason: d.reason } : {}),
    },
  });
  return toDecisionView(ctx, row);
}

/**
 * A correction of a decided portfolio: a new revision with a reason, by the reviewer who decided it or a
 * moderator, lead or admin. The outcome follows from the corrected levels by the rubric's rule. Decided in one
 * transaction on the portfolio's locked row; a correction made on an older revision than the one in force
 * (`revision`) is refused with `conflict`, naming who recorded the newer one.
 */
export async function correctDecision(
  ctx: ServiceContext,
  input: { portfolioId: string; levels: Record<string, number>; comments: Record<string, string>; feedback: string; reason: string; revision?: number },
  actor: Reviewer,
): Promise<DecisionView> {
  return await transaction(ctx, async (ctx) => {
    await lockRow(ctx, 'portfolios', input.portfolioId);
    const current = await currentDecision(ctx, input.portfolioId);
    if (!current) throw new ApiError('conflict', `${input.portfolioId} has no decision to correct`);
    await requireCurrent(
      input.revision,
      current.revision,
      async () => ({
        byId: current.decidedBy,
        byName: (await toDecisionView(ctx, current)).decidedByName,
        did: `recorded revision ${current.revision} of this decision`,
        at: current.decidedAt,
      }),
      actor,
      ctx.now(),
    );
    if (current.releasedAt === null)
      throw new ApiError('conflict', `${input.portfolioId} is ready to release: a lead edits its feedback and releases it; corrections come after release`);
    if (current.decidedBy !== actor.id) requireRole(actor, 'moderator', 'lead', 'admin');
    const p = (await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, input.portfolioId)).get())!;
    const rubric = (await loadRubric(ctx, p.rubricId, p.rubricVersion))!;
    const problems = invalidLevels(rubric, input.levels);
    for (const c of rubric.criteria) if (input.levels[c.id] === undefined) problems.push(`${c.title}: not scored`);
    if (problems.length) throw new ApiError('bad_request', 'the corrected scores do not fit the rubric', problems);
    const preview = evaluateDecision(rubric, input.levels);
    return recordDecision(ctx, {
      portfolioId: input.portfolioId,
      outcome: preview.outcome!,
      total: preview.total,
      feedback: input.feedback,
      source: 'correction',
      reviewId: current.reviewId,
      decidedBy: actor.id,
      reason: input.reason,
      levels: rubric.criteria.map((c) => ({ criterionId: c.id, score: input.levels[c.id]!, comment: input.comments[c.id] ?? '' })),
    });
  });
}

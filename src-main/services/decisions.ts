import { and, asc, desc, eq } from 'drizzle-orm';
import { ApiError } from '../../src-shared/contracts/errors';
import type { DecisionView } from '../../src-shared/contracts/review';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import { evaluateDecision, invalidLevels, type Outcome } from '../../src-shared/domain/rubric';
import { decisionLevels, decisions, portfolios, reviews } from '../db/schema';
import { nowIso, type ServiceContext } from './context';
import { audit } from './audit';
import { loadRubric } from './rubrics';
import { reviewerName, requireRole } from './reviewers';
import { setStatus } from './portfolios';
import { anchorsOf } from './anchors';

type DecisionRow = typeof decisions.$inferSelect;

function toDecisionView(ctx: ServiceContext, d: DecisionRow): DecisionView {
  const review = d.reviewId === null ? undefined : ctx.handle.db.select({ activeMs: reviews.activeMs }).from(reviews).where(eq(reviews.id, d.reviewId)).get();
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
    decidedByName: reviewerName(ctx, d.decidedBy),
    decidedAt: d.decidedAt,
    reason: d.reason,
    levels: ctx.handle.db
      .select({ criterionId: decisionLevels.criterionId, score: decisionLevels.score, comment: decisionLevels.comment })
      .from(decisionLevels)
      .where(eq(decisionLevels.decisionId, d.id))
      .all(),
    anchors: decisionAnchors(ctx, d),
    timeOnTaskMs: review?.activeMs ?? null,
  };
}

/** The evidence behind a decision: its review's citations, or for a reconciled or moderated one those of every review. */
function decisionAnchors(ctx: ServiceContext, d: DecisionRow) {
  if (d.reviewId !== null) return anchorsOf(ctx, d.reviewId);
  return ctx.handle.db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.portfolioId, d.portfolioId), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
    .all()
    .flatMap((r) => anchorsOf(ctx, r.id));
}

/** Every revision of a portfolio's decision, oldest first; the last one is in force. */
export function loadDecisions(ctx: ServiceContext, portfolioId: string): DecisionView[] {
  return ctx.handle.db
    .select()
    .from(decisions)
    .where(eq(decisions.portfolioId, portfolioId))
    .orderBy(asc(decisions.revision))
    .all()
    .map((d) => toDecisionView(ctx, d));
}

export function currentDecision(ctx: ServiceContext, portfolioId: string): DecisionRow | undefined {
  return ctx.handle.db.select().from(decisions).where(eq(decisions.portfolioId, portfolioId)).orderBy(desc(decisions.revision)).limit(1).get();
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
}

/**
 * Appends the next revision of a portfolio's decision (never an update: UNIQUE(portfolio, revision) makes a racing
 * second writer fail rather than overwrite) and moves the portfolio to decided. Call inside a transaction.
 */
export function recordDecision(ctx: ServiceContext, d: NewDecision): DecisionView {
  const previous = currentDecision(ctx, d.portfolioId);
  const now = nowIso(ctx);
  const row = ctx.handle.db
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
    })
    .returning()
    .get();
  for (const l of d.levels) ctx.handle.db.insert(decisionLevels).values({ decisionId: row.id, ...l }).run();
  const p = ctx.handle.db.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, d.portfolioId)).get()!;
  ctx.handle.db.update(portfolios).set({ outcome: d.outcome, updatedAt: now }).where(eq(portfolios.id, d.portfolioId)).run();
  if (p.status !== 'decided') setStatus(ctx, d.portfolioId, 'decided', d.decidedBy);
  audit(ctx, {
    actor: d.decidedBy,
    action: previous ? 'decision.revise' : 'decision.create',
    entityType: 'portfolio',
    entityId: d.portfolioId,
    details: {
      revision: row.revision,
      outcome: d.outcome,
      source: d.source,
      ...(previous ? { previous: { revision: previous.revision, outcome: previous.outcome }, reason: d.reason } : {}),
    },
  });
  return toDecisionView(ctx, row);
}

/**
 * A correction of a decided portfolio: a new revision with a reason, by the reviewer who decided it or a
 * moderator, lead or admin. The outcome follows from the corrected levels by the rubric's rule.
 */
export function correctDecision(
  ctx: ServiceContext,
  input: { portfolioId: string; levels: Record<string, number>; comments: Record<string, string>; feedback: string; reason: string },
  actor: Reviewer,
): DecisionView {
  const current = currentDecision(ctx, input.portfolioId);
  if (!current) throw new ApiError('conflict', `${input.portfolioId} has no decision to correct`);
  if (current.decidedBy !== actor.id) requireRole(actor, 'moderator', 'lead', 'admin');
  const p = ctx.handle.db.select().from(portfolios).where(eq(portfolios.id, input.portfolioId)).get()!;
  const rubric = loadRubric(ctx, p.rubricId, p.rubricVersion)!;
  const problems = invalidLevels(rubric, input.levels);
  for (const c of rubric.criteria) if (input.levels[c.id] === undefined) problems.push(`${c.title}: not scored`);
  if (problems.length) throw new ApiError('bad_request', 'the corrected scores do not fit the rubric', problems);
  const preview = evaluateDecision(rubric, input.levels);
  return ctx.handle.sqlite.transaction(() =>
    recordDecision(ctx, {
      portfolioId: input.portfolioId,
      outcome: preview.outcome!,
      total: preview.total,
      feedback: input.feedback,
      source: 'correction',
      reviewId: current.reviewId,
      decidedBy: actor.id,
      reason: input.reason,
      levels: rubric.criteria.map((c) => ({ criterionId: c.id, score: input.levels[c.id]!, comment: input.comments[c.id] ?? '' })),
    }),
  )();
}

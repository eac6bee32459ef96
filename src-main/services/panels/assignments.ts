import { and, eq, inArray, ne } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { allocate, exclusion, type AllocationPortfolio, type AllocationResult, type AllocationReviewer } from '../../../src-shared/domain/panel/allocation';
import { assignments, moderations, portfolios, reviewerConflicts, reviews } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { getReviewer, listReviewers, requireRole } from '../reviewers';
import { currentPolicy } from './policies';
import { seesIdentity } from './anonymity';
import { qualifiedCredentials } from './qualification';
import { lockRow } from '../locks';

export type AssignmentRow = typeof assignments.$inferSelect;

/** Assignments still in force on a portfolio (assigned or submitted; released ones are history). */
export async function activeAssignments(ctx: ServiceContext, portfolioId: string): Promise<AssignmentRow[]> {
  return await ctx.db.orm
    .select()
    .from(assignments)
    .where(and(eq(assignments.portfolioId, portfolioId), ne(assignments.status, 'released')))
    .all();
}

export async function assignmentOf(ctx: ServiceContext, portfolioId: string, reviewerId: string): Promise<AssignmentRow | undefined> {
  return (await activeAssignments(ctx, portfolioId)).find((a) => a.reviewerId === reviewerId);
}

/** Reviews a portfolio needs in all: the policy's number, plus one per third review a moderator asked for. */
export async function reviewsRequired(ctx: ServiceContext, portfolioId: string, credential: string): Promise<number> {
  const thirds = (
    await ctx.db.orm
      .select({ id: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.portfolioId, portfolioId), eq(assignments.reason, 'third'), ne(assignments.status, 'released')))
      .all()
  ).length;
  const open = await ctx.db.orm.select({ s: moderations.status }).from(moderations).where(eq(moderations.portfolioId, portfolioId)).get();
  return (await currentPolicy(ctx, credential)).reviews_required + Math.max(thirds, open?.s === 'third_review' ? 1 : 0);
}

async function earlierReviewers(ctx: ServiceContext, resubmissionOf: string | null): Promise<string[]> {
  if (!resubmissionOf) return [];
  return (
    await ctx.db.orm
      .selectDistinct({ id: reviews.reviewerId })
      .from(reviews)
      .where(and(eq(reviews.portfolioId, resubmissionOf), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
      .all()
  ).map((r) => r.id);
}

/** The allocation view of reviewers: open load, declared conflicts, calibration qualifications. */
async function allocationReviewers(ctx: ServiceContext): Promise<AllocationReviewer[]> {
  const load = new Map<string, number>();
  for (const a of await ctx.db.orm.select({ r: assignments.reviewerId }).from(assignments).where(eq(assignments.status, 'assigned')).all())
    load.set(a.r, (load.get(a.r) ?? 0) + 1);
  const conflicts = new Map<string, Set<string>>();
  for (const c of await ctx.db.orm.select().from(reviewerConflicts).all()) {
    if (!conflicts.has(c.reviewerId)) conflicts.set(c.reviewerId, new Set());
    conflicts.get(c.reviewerId)!.add(c.candidateId);
  }
  return await mapInOrder(
    (await listReviewers(ctx)).filter((r) => r.active && r.roles.includes('reviewer')),
    async (r) => ({
      id: r.id,
      school: r.school,
      district: r.district,
      load: load.get(r.id) ?? 0,
      maxLoad: r.maxLoad,
      conflicts: conflicts.get(r.id) ?? new Set(),
      qualified: await qualifiedCredentials(ctx, r.id),
    }),
  );
}

type PortfolioRow = typeof portfolios.$inferSelect;

async function allocationPortfolio(ctx: ServiceContext, p: PortfolioRow): Promise<AllocationPortfolio> {
  const active = await activeAssignments(ctx, p.id);
  return {
    id: p.id,
    credential: p.credentialCode,
    candidateId: p.candidateId,
    school: p.school,
    district: p.district,
    needed: (await reviewsRequired(ctx, p.id, p.credentialCode)) - active.length,
    taken: new Set(active.map((a) => a.reviewerId)),
    earlierReviewers: await earlierReviewers(ctx, p.resubmissionOf),
  };
}

async function insertAssignment(
  ctx: ServiceContext,
  portfolioId: string,
  reviewerId: string,
  by: string,
  reason: 'review' | 'third',
  how: string,
): Promise<AssignmentRow> {
  const row = await ctx.db.orm
    .insert(assignments)
    .values({ portfolioId, reviewerId, status: 'assigned', reason, assignedAt: nowIso(ctx), assignedBy: by })
    .returning()
    .get();
  await audit(ctx, { actor: by, action: 'assignment.create', entityType: 'portfolio', entityId: portfolioId, details: { reviewer: reviewerId, reason, how } });
  return row;
}

/** Portfolios that may wait for reviewers (as SQL on table portfolios): submitted or in review, anchors aside. */
const WAITING = "status IN ('submitted', 'in_review') AND is_anchor = 0";

/** A new assignment is a third review while a moderator waits for one. */
async function reasonFor(ctx: ServiceContext, portfolioId: string): Promise<'review' | 'third'> {
  return (await ctx.db.orm.select({ s: moderations.status }).from(moderations).where(eq(moderations.portfolioId, portfolioId)).get())?.s === 'third_review'
    ? 'third'
    : 'review';
}

/** Portfolios waiting for reviewers: submitted or in review (including third reviews), oldest first. */
async function portfoliosNeedingReviewers(ctx: ServiceContext): Promise<PortfolioRow[]> {
  const received = new Set((await ctx.db.all<{ id: string }>('SELECT portfolio_id AS id FROM received_bundle_items')).map((r) => r.id));
  return (
    await ctx.db.orm
      .select()
      .from(portfolios)
      .where(and(inArray(portfolios.status, ['submitted', 'in_review']), eq(portfolios.isAnchor, false)))
      .orderBy(portfolios.submittedAt, portfolios.id)
      .all()
  ).filter((p) => !received.has(p.id));
}

/** Allocates every portfolio that lacks reviewers (lead or admin); deterministic for the same data. */
export async function allocateAll(ctx: ServiceContext, actor: Reviewer): Promise<AllocationResult> {
  requireRole(actor, 'lead', 'admin');
  // Decided and written in one transaction on locked rows (every waiting portfolio, then every reviewer): two leads
  // allocating at once, or a reviewer claiming meanwhile, cannot both place the same free seat or overfill a load.
  return transaction(ctx, async (ctx) => {
    await ctx.db.all(`SELECT id FROM portfolios WHERE ${WAITING} ORDER BY submitted_at, id ${ctx.db.fn.forUpdate}`);
    await ctx.db.all(`SELECT id FROM reviewers ORDER BY id ${ctx.db.fn.forUpdate}`);
    const waiting: AllocationPortfolio[] = [];
    for (const p of await portfoliosNeedingReviewers(ctx)) waiting.push(await allocationPortfolio(ctx, p));
    const policies = new Map<string, Awaited<ReturnType<typeof currentPolicy>>>();
    for (const code of new Set(waiting.map((w) => w.credential))) policies.set(code, await currentPolicy(ctx, code));
    const result = allocate(waiting, await allocationReviewers(ctx), (c) => policies.get(c)!);
    for (const a of result.assigned) await insertAssignment(ctx, a.portfolio, a.reviewer, actor.id, await reasonFor(ctx, a.portfolio), 'allocate');
    await audit(ctx, {
      actor: actor.id,
      action: 'allocation.run',
      entityType: 'panel',
      entityId: 'allocation',
      details: { assigned: result.assigned.length, unallocated: result.unallocated },
    });
    return result;
  });
}

/**
 * Why `reviewer` may not take `portfolio` now, or null, in words for `reader` (by default the reviewer). Under
 * anonymous review a reader who may not see identity is not told of a conflict of interest: it would say that the
 * candidate shares their school or district.
 */
export async function eligibilityProblem(ctx: ServiceContext, portfolioId: string, reviewer: Reviewer, reader: Reviewer = reviewer): Promise<string | null> {
  const p = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, portfolioId)).get();
  if (!p) return `no portfolio ${portfolioId}`;
  if (!reviewer.roles.includes('reviewer')) return `${reviewer.name} has no reviewer role`;
  return problemWith(
    ctx,
    p,
    reviewer,
    (await allocationReviewers(ctx)).find((r) => r.id === reviewer.id),
    reader,
  );
}

/** eligibilityProblem on a portfolio row, with the reviewer's allocation view already read (undefined: not active). */
async function problemWith(
  ctx: ServiceContext,
  p: PortfolioRow,
  reviewer: Reviewer,
  ar: AllocationReviewer | undefined,
  reader: Reviewer,
): Promise<string | null> {
  const ap = await allocationPortfolio(ctx, p);
  if (!ar) return `${reviewer.name} is not an active reviewer`;
  const why = exclusion(ap, ar, await currentPolicy(ctx, p.credentialCode));
  if (!why && ap.needed <= 0) return `${p.id} already has the reviewers it needs`;
  const words = {
    taken: `${reviewer.name} is already on ${p.id}`,
    conflict:
      !seesIdentity(reader) && (await currentPolicy(ctx, p.credentialCode)).anonymous
        ? `${reviewer.name} may not review this portfolio under its review policy; ask the panel lead`
        : `${reviewer.name} has a conflict of interest with this candidate`,
    full: `${reviewer.name} is at their maximum load`,
    unqualified: `${reviewer.name} is not qualified for this credential`,
    earlier: `${reviewer.name} reviewed the earlier attempt; this credential requires new reviewers`,
  } as const;
  return why ? words[why] : null;
}

/**
 * A reviewer takes an open place on a portfolio themselves (claim), checked like allocation. Decided and written in
 * one transaction on the portfolio's and the reviewer's locked rows, so two claims of the last place (or of more
 * than the reviewer's load) cannot both go through.
 */
export async function claim(ctx: ServiceContext, portfolioId: string, reviewer: Reviewer): Promise<AssignmentRow> {
  return await transaction(ctx, async (ctx) => {
    await lockRow(ctx, 'portfolios', portfolioId);
    await lockRow(ctx, 'reviewers', reviewer.id);
    const problem = await eligibilityProblem(ctx, portfolioId, reviewer);
    if (problem) throw new ApiError('forbidden', problem);
    return insertAssignment(ctx, portfolioId, reviewer.id, reviewer.id, await reasonFor(ctx, portfolioId), 'claim');
  });
}

/**
 * The oldest portfolio this reviewer may claim, claimed for them; null when there is none. One transaction: on
 * PostgreSQL each candidate portfolio is locked as it is read, skipping those another claim holds, so reviewers
 * claiming at once each get a different one; on SQLite the write transaction runs one claim at a time.
 */
export async function claimNext(ctx: ServiceContext, reviewer: Reviewer): Promise<string | null> {
  return await transaction(ctx, async (ctx) => {
    await lockRow(ctx, 'reviewers', reviewer.id);
    if (!reviewer.roles.includes('reviewer')) return null;
    const ar = (await allocationReviewers(ctx)).find((r) => r.id === reviewer.id);
    if (!ar) return null;
    let after: PortfolioRow | undefined;
    for (;;) {
      const keyset = after ? 'AND (submitted_at > ? OR (submitted_at = ? AND id > ?))' : '';
      const next = await ctx.db.get<{ id: string }>(
        `SELECT id FROM portfolios WHERE ${WAITING} ${keyset} AND id NOT IN (SELECT portfolio_id FROM received_bundle_items)
         ORDER BY submitted_at, id LIMIT 1 ${ctx.db.fn.forUpdateSkipLocked}`,
        after ? [after.submittedAt, after.submittedAt, after.id] : [],
      );
      if (!next) return null;
      after = (await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, next.id)).get())!;
      if (await problemWith(ctx, after, reviewer, ar, reviewer)) continue;
      await insertAssignment(ctx, after.id, reviewer.id, reviewer.id, await reasonFor(ctx, after.id), 'claim');
      return after.id;
    }
  });
}

/**
 * Moves an open assignment to another reviewer (lead or admin); the draft of the first stays as history. Decided
 * and written in one transaction on the portfolio's and the new reviewer's locked rows.
 */
export async function reassign(ctx: ServiceContext, portfolioId: string, fromReviewer: string, toReviewer: string, actor: Reviewer): Promise<AssignmentRow> {
  requireRole(actor, 'lead', 'admin');
  return await transaction(ctx, async (ctx) => {
    await lockRow(ctx, 'portfolios', portfolioId);
    await lockRow(ctx, 'reviewers', toReviewer);
    const current = await assignmentOf(ctx, portfolioId, fromReviewer);
    if (!current || current.status !== 'assigned') throw new ApiError('conflict', `${fromReviewer} has no open assignment on ${portfolioId}`);
    const target = await getReviewer(ctx, toReviewer);
    if (!target) throw new ApiError('not_found', `no reviewer ${toReviewer}`);
    await ctx.db.orm
      .update(assignments)
      .set({ status: 'released', closedAt: nowIso(ctx) })
      .where(eq(assignments.id, current.id))
      .run();
    const problem = await eligibilityProblem(ctx, portfolioId, target, actor);
    if (problem) throw new ApiError('conflict', problem);
    await audit(ctx, {
      actor: actor.id,
      action: 'assignment.release',
      entityType: 'portfolio',
      entityId: portfolioId,
      details: { reviewer: fromReviewer, to: toReviewer },
    });
    return insertAssignment(ctx, portfolioId, toReviewer, actor.id, current.reason, 'reassign');
  });
}

export async function markSubmitted(ctx: ServiceContext, portfolioId: string, reviewerId: string): Promise<void> {
  await ctx.db.orm
    .update(assignments)
    .set({ status: 'submitted', closedAt: nowIso(ctx) })
    .where(and(eq(assignments.portfolioId, portfolioId), eq(assignments.reviewerId, reviewerId), eq(assignments.status, 'assigned')))
    .run();
}

export interface AssignmentView {
  portfolio: string;
  reviewer: string;
  status: 'assigned' | 'submitted' | 'released';
  reason: 'review' | 'third';
  assignedAt: string;
}

export async function listAssignments(ctx: ServiceContext, filter: { reviewer?: string; includeReleased?: boolean } = {}): Promise<AssignmentView[]> {
  return (
    await ctx.db.orm
      .select()
      .from(assignments)
      .where(
        and(filter.reviewer ? eq(assignments.reviewerId, filter.reviewer) : undefined, filter.includeReleased ? undefined : ne(assignments.status, 'released')),
      )
      .orderBy(assignments.assignedAt, assignments.id)
      .all()
  ).map((a) => ({ portfolio: a.portfolioId, reviewer: a.reviewerId, status: a.status, reason: a.reason, assignedAt: a.assignedAt }));
}

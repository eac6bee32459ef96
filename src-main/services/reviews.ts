import { and, asc, desc, eq } from 'drizzle-orm';
import { ApiError } from '../../src-shared/contracts/errors';
import type { Anchor, AnchorTarget } from '../../src-shared/contracts/anchors';
import { anchorsOf } from './anchors';
import type { ReviewState, ReviewView } from '../../src-shared/contracts/review';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import { evaluateDecision, invalidLevels, type LevelChoice, type Rubric } from '../../src-shared/domain/rubric';
import { submitProblems } from '../../src-shared/domain/review-rules';
import { anchors, evidence, portfolios, reviewScores, reviews } from '../db/schema';
import { nowIso, type ServiceContext, transaction } from './context';
import { audit } from './audit';
import { lockRow } from './locks';
import { requireCurrent } from './stale';
import { loadRubric } from './rubrics';
import { reviewerName } from './reviewers';
import { setStatus } from './portfolios';
import { currentDecision, loadDecisions } from './decisions';
import { calibrationRefusal, onCalibrationSubmitted, referenceFor } from './calibration/workbench';
import { assignmentOf, claim, eligibilityProblem, markSubmitted } from './panels/assignments';
import { afterReviewSubmitted } from './panels/reconcile';
import { peerReviews, peerSummaries, peersVisible } from './panels/peers';
import { isReceivedBundleItem } from './panels/received';

type ReviewRow = typeof reviews.$inferSelect;

export async function toReviewView(ctx: ServiceContext, row: ReviewRow): Promise<ReviewView> {
  const scores = await ctx.db.orm.select().from(reviewScores).where(eq(reviewScores.reviewId, row.id)).orderBy(asc(reviewScores.criterionId)).all();
  return {
    id: row.id,
    portfolioId: row.portfolioId,
    reviewerId: row.reviewerId,
    reviewerName: await reviewerName(ctx, row.reviewerId),
    kind: row.kind,
    status: row.status,
    levels: Object.fromEntries(scores.map((s) => [s.criterionId, s.score])),
    comments: Object.fromEntries(scores.map((s) => [s.criterionId, s.comment])),
    anchors: await anchorsOf(ctx, row.id),
    feedback: row.feedback,
    outcome: row.outcome,
    activeMs: row.activeMs,
    startedAt: row.startedAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    revision: row.revision,
  };
}

async function portfolioOrThrow(ctx: ServiceContext, id: string) {
  const p = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, id)).get();
  if (!p) throw new ApiError('not_found', `no portfolio ${id}`);
  return p;
}

async function rubricOf(ctx: ServiceContext, p: { rubricId: string; rubricVersion: number }): Promise<Rubric> {
  const rubric = await loadRubric(ctx, p.rubricId, p.rubricVersion);
  if (!rubric) throw new ApiError('internal', `rubric ${p.rubricId}@${p.rubricVersion} is missing`);
  return rubric;
}

/** The reviewer's own draft, checked: theirs, still a draft, and the portfolio not yet decided. */
async function ownDraft(ctx: ServiceContext, reviewId: number, actor: Reviewer): Promise<ReviewRow> {
  const row = await ctx.db.orm.select().from(reviews).where(eq(reviews.id, reviewId)).get();
  if (!row) throw new ApiError('not_found', `no review ${reviewId}`);
  if (row.reviewerId !== actor.id) throw new ApiError('forbidden', 'this review belongs to another reviewer');
  if (row.status !== 'draft') throw new ApiError('conflict', 'this review was already submitted; it is read-only');
  if (await currentDecision(ctx, row.portfolioId))
    throw new ApiError('conflict', `${row.portfolioId} is already decided; corrections are made as a new revision`);
  return row;
}

async function reviewState(
  ctx: ServiceContext,
  portfolioId: string,
  row: ReviewRow | undefined,
  readOnlyReason: string | null,
  actor: Reviewer,
): Promise<ReviewState> {
  const revisions = await loadDecisions(ctx, portfolioId);
  const decision = revisions.at(-1) ?? null;
  const review = row ? await toReviewView(ctx, row) : null;
  const reason =
    readOnlyReason ??
    (decision
      ? `Decided (revision ${decision.revision}); a correction is a new, audited revision.`
      : review?.status === 'submitted'
        ? 'You submitted this review.'
        : null);
  const reference = row && row.kind === 'calibration' && row.status === 'submitted' ? await referenceFor(ctx, row) : null;
  const peers = await peerSummaries(ctx, portfolioId, actor);
  const peerFull = peers.length && (await peersVisible(ctx, portfolioId, actor)) ? await peerReviews(ctx, portfolioId, actor) : null;
  return {
    review,
    reference,
    peers,
    peerReviews: peerFull,
    decision,
    revisions,
    readOnly: reason !== null,
    readOnlyReason: reason,
    canStart: !review && reason === null,
  };
}

async function findOwnReview(ctx: ServiceContext, portfolioId: string, reviewerId: string, kind: ReviewRow['kind']): Promise<ReviewRow | undefined> {
  return await ctx.db.orm
    .select()
    .from(reviews)
    .where(and(eq(reviews.portfolioId, portfolioId), eq(reviews.reviewerId, reviewerId), eq(reviews.kind, kind)))
    .orderBy(desc(reviews.id))
    .get();
}

type PortfolioRecord = Awaited<ReturnType<typeof portfolioOrThrow>>;

/** Why `actor` may not start a review of `p` now (in words, with the error a start gets), or null. */
async function startRefusal(ctx: ServiceContext, p: PortfolioRecord, kind: ReviewRow['kind'], actor: Reviewer): Promise<ApiError | null> {
  const refusal = kind === 'calibration' ? await calibrationRefusal(ctx, p.id, actor) : null;
  if (refusal) return new ApiError('conflict', refusal);
  if (!actor.roles.includes('reviewer')) return new ApiError('forbidden', 'Only reviewers score portfolios; your profile has no reviewer role.');
  if (p.status === 'withdrawn') return new ApiError('conflict', 'This portfolio was withdrawn.');
  if (p.status === 'returned') return new ApiError('conflict', 'Returned to the candidate for resubmission.');
  if (p.status === 'scored') return new ApiError('conflict', 'All reviews are in; the portfolio is with the moderator.');
  // A reviewer works on what they are assigned; starting on an unassigned portfolio claims a free place if they are eligible.
  const problem = (await mustClaim(ctx, p, kind, actor)) ? await eligibilityProblem(ctx, p.id, actor) : null;
  return problem ? new ApiError('forbidden', `Not assigned to you: ${problem}.`) : null;
}

async function mustClaim(ctx: ServiceContext, p: PortfolioRecord, kind: ReviewRow['kind'], actor: Reviewer): Promise<boolean> {
  return kind === 'review' && !(await assignmentOf(ctx, p.id, actor.id));
}

const kindOf = (p: PortfolioRecord): ReviewRow['kind'] => (p.isAnchor ? 'calibration' : 'review');

/**
 * The reviewer's view of a portfolio's review: their review if they have one, the decision, and whether they may
 * start one (`canStart`) or why not. Only reads: opening a portfolio claims nothing and starts no draft.
 */
export async function openReview(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<ReviewState> {
  const p = await portfolioOrThrow(ctx, portfolioId);
  const existing = await findOwnReview(ctx, portfolioId, actor.id, kindOf(p));
  if (existing || (await currentDecision(ctx, portfolioId))) return reviewState(ctx, portfolioId, existing, null, actor);
  const refusal = await startRefusal(ctx, p, kindOf(p), actor);
  return reviewState(ctx, portfolioId, undefined, refusal?.message ?? null, actor);
}

/**
 * Starts the reviewer's review of a portfolio: claims a free place on it if they hold none and creates their draft
 * (moving the portfolio into review), decided and written in one transaction, with the portfolio's row locked so a
 * second start (another reviewer's, or the same one's in another window) waits and then sees this one. Starting a
 * review that exists gives it back; a start that is not allowed is refused with the reason openReview gives.
 */
export async function startReview(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<ReviewState> {
  const row = await transaction(ctx, async (ctx) => {
    await lockRow(ctx, 'portfolios', portfolioId);
    const p = await portfolioOrThrow(ctx, portfolioId);
    const kind = kindOf(p);
    const existing = await findOwnReview(ctx, portfolioId, actor.id, kind);
    if (existing) return existing;
    const decided = await currentDecision(ctx, portfolioId);
    if (decided) throw new ApiError('conflict', `${portfolioId} is already decided (revision ${decided.revision}); a correction is a new, audited revision`);
    const refusal = await startRefusal(ctx, p, kind, actor);
    if (refusal) throw refusal;
    if (await mustClaim(ctx, p, kind, actor)) await claim(ctx, portfolioId, actor);
    const now = nowIso(ctx);
    const created = await ctx.db.orm
      .insert(reviews)
      .values({
        portfolioId,
        reviewerId: actor.id,
        kind,
        rubricId: p.rubricId,
        rubricVersion: p.rubricVersion,
        status: 'draft',
        startedAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    await audit(ctx, { actor: actor.id, action: 'review.start', entityType: 'review', entityId: String(created.id), details: { portfolio: portfolioId } });
    if (kind === 'review' && p.status === 'submitted') await setStatus(ctx, portfolioId, 'in_review', actor.id);
    return created;
  });
  return reviewState(ctx, portfolioId, row, null, actor);
}

/** The refusal of a draft write based on an older revision: the reviewer saved it since, in another window. */
async function requireCurrentDraft(ctx: ServiceContext, row: ReviewRow, basedOn: number | undefined, actor: Reviewer): Promise<void> {
  await requireCurrent(
    basedOn,
    row.revision,
    async () => ({ byId: row.reviewerId, byName: await reviewerName(ctx, row.reviewerId), did: 'saved this draft', at: row.updatedAt }),
    actor,
    ctx.now(),
  );
}

/**
 * Autosave: applies whatever changed since the last save, if the draft is still at the revision the save was based
 * on (`revision`; a save from a page that loaded it before another save is refused with `conflict`). Level changes
 * are audited one by one. Returns the draft's new revision, the basis of the next save.
 */
export async function saveDraft(
  ctx: ServiceContext,
  input: {
    reviewId: number;
    revision?: number;
    levels?: Record<string, number | null>;
    comments?: Record<string, string>;
    feedback?: string;
    activeMsDelta: number;
  },
  actor: Reviewer,
): Promise<{ updatedAt: string; revision: number }> {
  return await transaction(ctx, async (ctx) => {
    await lockRow(ctx, 'reviews', input.reviewId);
    const row = await ownDraft(ctx, input.reviewId, actor);
    await requireCurrentDraft(ctx, row, input.revision, actor);
    const rubric = await rubricOf(ctx, row);
    const problems = invalidLevels(rubric, { ...(input.levels ?? {}) } as LevelChoice);
    for (const id of Object.keys(input.comments ?? {})) if (!rubric.criteria.some((c) => c.id === id)) problems.push(`unknown criterion "${id}"`);
    if (problems.length) throw new ApiError('bad_request', 'these scores do not fit the rubric', problems);
    const now = nowIso(ctx);
    const db = ctx.db.orm;
    const current = new Map((await db.select().from(reviewScores).where(eq(reviewScores.reviewId, row.id)).all()).map((s) => [s.criterionId, s]));
    for (const [criterionId, score] of Object.entries(input.levels ?? {})) {
      const before = current.get(criterionId)?.score ?? null;
      if (before === score) continue;
      await db
        .insert(reviewScores)
        .values({ reviewId: row.id, criterionId, score })
        .onConflictDoUpdate({ target: [reviewScores.reviewId, reviewScores.criterionId], set: { score } })
        .run();
      await audit(ctx, {
        actor: actor.id,
        action: 'review.score',
        entityType: 'review',
        entityId: String(row.id),
        details: { portfolio: row.portfolioId, criterion: criterionId, from: before, to: score },
      });
    }
    for (const [criterionId, comment] of Object.entries(input.comments ?? {}))
      await db
        .insert(reviewScores)
        .values({ reviewId: row.id, criterionId, score: null, comment })
        .onConflictDoUpdate({ target: [reviewScores.reviewId, reviewScores.criterionId], set: { comment } })
        .run();
    const revision = row.revision + 1;
    await db
      .update(reviews)
      .set({ updatedAt: now, revision, activeMs: row.activeMs + input.activeMsDelta, ...(input.feedback !== undefined ? { feedback: input.feedback } : {}) })
      .where(eq(reviews.id, row.id))
      .run();
    return { updatedAt: now, revision };
  });
}

export async function addAnchor(
  ctx: ServiceContext,
  input: { reviewId: number; criterionId: string; evidenceId: string; target: AnchorTarget },
  actor: Reviewer,
): Promise<Anchor> {
  const row = await ownDraft(ctx, input.reviewId, actor);
  const rubric = await rubricOf(ctx, row);
  if (!rubric.criteria.some((c) => c.id === input.criterionId)) throw new ApiError('bad_request', `unknown criterion "${input.criterionId}"`);
  const item = await ctx.db.orm
    .select()
    .from(evidence)
    .where(and(eq(evidence.portfolioId, row.portfolioId), eq(evidence.evidenceId, input.evidenceId)))
    .get();
  if (!item) throw new ApiError('bad_request', `${row.portfolioId} has no evidence "${input.evidenceId}"`);
  const t = input.target;
  if (t.kind === 'pdf_page' && item.kind !== 'pdf') throw new ApiError('bad_request', `${item.title} is not a PDF: a page cannot be cited`);
  if (t.kind === 'video_time' && item.kind !== 'video') throw new ApiError('bad_request', `${item.title} is not a video: a time cannot be cited`);
  if (t.kind === 'video_time' && t.endS !== undefined && t.endS < t.startS) throw new ApiError('bad_request', 'a video range must end after it starts');
  return await transaction(ctx, async (ctx) => {
    const created = await ctx.db.orm
      .insert(anchors)
      .values({
        reviewId: row.id,
        criterionId: input.criterionId,
        evidenceId: input.evidenceId,
        kind: t.kind,
        page: t.kind === 'pdf_page' ? t.page : null,
        quote: t.kind === 'pdf_page' ? (t.quote ?? null) : null,
        startS: t.kind === 'video_time' ? t.startS : null,
        endS: t.kind === 'video_time' ? (t.endS ?? null) : null,
        createdAt: nowIso(ctx),
      })
      .returning({ id: anchors.id })
      .get();
    await audit(ctx, {
      actor: actor.id,
      action: 'review.anchor.add',
      entityType: 'review',
      entityId: String(row.id),
      details: { anchor: created.id, criterion: input.criterionId, evidence: input.evidenceId, target: t },
    });
    return (await anchorsOf(ctx, row.id)).find((a) => a.id === created.id)!;
  });
}

export async function removeAnchor(ctx: ServiceContext, reviewId: number, anchorId: number, actor: Reviewer): Promise<void> {
  const row = await ownDraft(ctx, reviewId, actor);
  await transaction(ctx, async (ctx) => {
    const gone = await ctx.db.orm
      .delete(anchors)
      .where(and(eq(anchors.id, anchorId), eq(anchors.reviewId, row.id)))
      .run();
    if (gone.changes === 0) throw new ApiError('not_found', `no anchor ${anchorId} on this review`);
    await audit(ctx, { actor: actor.id, action: 'review.anchor.remove', entityType: 'review', entityId: String(row.id), details: { anchor: anchorId } });
  });
}

/**
 * Submits a review: validates it, freezes it, and (with one review per portfolio) records the decision from it, if
 * the draft is still at the revision the page based it on (`revision`). All in one transaction, with the
 * portfolio's row locked: a decision never exists without its review or the other way round, and of two reviewers
 * submitting a portfolio's last two reviews at once the second waits and then reconciles both.
 */
export async function submitReview(ctx: ServiceContext, reviewId: number, activeMsDelta: number, actor: Reviewer, revision?: number): Promise<ReviewState> {
  const portfolioId = await transaction(ctx, async (ctx) => {
    const found = await ctx.db.orm.select({ portfolioId: reviews.portfolioId }).from(reviews).where(eq(reviews.id, reviewId)).get();
    if (found) await lockRow(ctx, 'portfolios', found.portfolioId);
    await lockRow(ctx, 'reviews', reviewId);
    const row = await ownDraft(ctx, reviewId, actor);
    await requireCurrentDraft(ctx, row, revision, actor);
    const rubric = await rubricOf(ctx, row);
    const view = await toReviewView(ctx, row);
    const problems = submitProblems(rubric, view.levels, view.feedback);
    if (problems.length) throw new ApiError('bad_request', 'this review cannot be submitted yet', problems);
    const preview = evaluateDecision(rubric, view.levels as LevelChoice);
    const now = nowIso(ctx);
    await ctx.db.orm
      .update(reviews)
      .set({
        status: 'submitted',
        outcome: preview.outcome,
        total: preview.total,
        submittedAt: now,
        updatedAt: now,
        revision: row.revision + 1,
        activeMs: row.activeMs + activeMsDelta,
      })
      .where(eq(reviews.id, row.id))
      .run();
    // Drafts are not logged save by save (keystrokes, half-formed thoughts); what was submitted is, with the time on task.
    const comments = Object.fromEntries(Object.entries(view.comments).filter(([, c]) => c.trim() !== ''));
    await audit(ctx, {
      actor: actor.id,
      action: 'review.submit',
      entityType: 'review',
      entityId: String(row.id),
      details: {
        portfolio: row.portfolioId,
        outcome: preview.outcome,
        total: preview.total,
        feedback: view.feedback,
        comments,
        active_ms: row.activeMs + activeMsDelta,
      },
    });
    if (row.kind === 'calibration') await onCalibrationSubmitted(ctx, row, actor);
    else if (await isReceivedBundleItem(ctx, row.portfolioId)) {
      // Scored offline from a review bundle: the panel decides once the lead imports the results.
      await markSubmitted(ctx, row.portfolioId, actor.id);
      await setStatus(ctx, row.portfolioId, 'scored', actor.id, { reason: 'offline review done; export the results for the lead' });
    } else await afterReviewSubmitted(ctx, row.portfolioId, actor.id);
    return row.portfolioId;
  });
  return reviewState(ctx, portfolioId, await ctx.db.orm.select().from(reviews).where(eq(reviews.id, reviewId)).get(), null, actor);
}

/**
 * The next portfolio for this reviewer after `after`, in queue order (oldest first, wrapping around): their own open
 * assignments first, then portfolios with a free place they are eligible for. Null when nothing is left.
 */
export async function nextPortfolio(ctx: ServiceContext, after: string | undefined, actor: Reviewer): Promise<string | null> {
  const pick = async (rows: { id: string; at: string }[]) => {
    const pool = rows.filter((r) => r.id !== after);
    const current = after ? await ctx.db.orm.select({ at: portfolios.submittedAt }).from(portfolios).where(eq(portfolios.id, after)).get() : undefined;
    const later = current ? pool.find((c) => c.at > current.at || (c.at === current.at && c.id > after!)) : undefined;
    return (later ?? pool[0])?.id ?? null;
  };
  const mine = (await ctx.db.all(
    `SELECT p.id, p.submitted_at AS at FROM assignments a JOIN portfolios p ON p.id = a.portfolio_id
       WHERE a.reviewer_id = ? AND a.status = 'assigned' AND p.status IN ('submitted', 'in_review')
       ORDER BY p.submitted_at, p.id`,
    [actor.id],
  )) as { id: string; at: string }[];
  if (mine.some((m) => m.id !== after)) return pick(mine);
  const open = (await ctx.db.all(
    `SELECT p.id, p.submitted_at AS at FROM portfolios p WHERE p.status IN ('submitted', 'in_review') AND p.is_anchor = 0 ORDER BY p.submitted_at, p.id`,
  )) as { id: string; at: string }[];
  const eligible: typeof open = [];
  for (const o of open) if (!(await eligibilityProblem(ctx, o.id, actor))) eligible.push(o);
  return pick(eligible);
}

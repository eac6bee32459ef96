import { and, eq, inArray, isNull } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { ReleaseItem } from '../../../src-shared/contracts/release';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { DecisionView } from '../../../src-shared/contracts/review';
import { releaseProblems, releaseWarnings } from '../../../src-shared/domain/panel/release';
import { decisions, portfolios, reviews } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { toDecisionView } from '../decisions';
import { setStatus } from '../portfolios';
import { requireRole, reviewerName } from '../reviewers';
import { lockRow } from '../locks';
import { requireCurrent } from '../stale';
import { toReviewView } from '../reviews';
import { portfolioRow } from '../queue';
import { Anonymizer } from './anonymity';

type DecisionRow = typeof decisions.$inferSelect;

/** The unreleased decision of a portfolio that is ready to release, or a conflict saying why there is none. Inside a transaction the portfolio's row is locked. */
async function heldDecision(ctx: ServiceContext, portfolioId: string): Promise<DecisionRow> {
  if (ctx.db.inTransaction) await lockRow(ctx, 'portfolios', portfolioId);
  const p = await ctx.db.orm.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, portfolioId)).get();
  if (!p) throw new ApiError('not_found', `no portfolio ${portfolioId}`);
  const d = await ctx.db.orm
    .select()
    .from(decisions)
    .where(and(eq(decisions.portfolioId, portfolioId), isNull(decisions.releasedAt)))
    .get();
  if (p.status !== 'ready' || !d) throw new ApiError('conflict', `${portfolioId} is not ready to release (it is ${p.status.replace('_', ' ')})`);
  return d;
}

async function releaseItem(ctx: ServiceContext, d: DecisionRow, anon: Anonymizer): Promise<ReleaseItem> {
  const decision = await toDecisionView(ctx, d);
  const ids = decision.sources.map((s) => s.reviewId);
  const originals = ids.length ? await ctx.db.orm.select().from(reviews).where(inArray(reviews.id, ids)).orderBy(reviews.submittedAt, reviews.id).all() : [];
  return {
    portfolio: d.portfolioId,
    row: await anon.row((await portfolioRow(ctx, d.portfolioId))!),
    decision,
    originals: await mapInOrder(originals, (r) => toReviewView(ctx, r)),
  };
}

/** Leads and admins: reconciled decisions waiting for release, oldest first, each with the reviews it came from. */
export async function readyToRelease(ctx: ServiceContext, actor: Reviewer, portfolioId?: string): Promise<ReleaseItem[]> {
  requireRole(actor, 'lead', 'admin');
  const anon = new Anonymizer(ctx, actor);
  if (portfolioId) return [await releaseItem(ctx, await heldDecision(ctx, portfolioId), anon)];
  const held = await ctx.db.orm
    .select({ d: decisions })
    .from(decisions)
    .innerJoin(portfolios, eq(portfolios.id, decisions.portfolioId))
    .where(and(isNull(decisions.releasedAt), eq(portfolios.status, 'ready')))
    .orderBy(decisions.decidedAt, decisions.portfolioId)
    .all();
  return await mapInOrder(held, ({ d }) => releaseItem(ctx, d, anon));
}

/** Refuses an edit or release of held feedback made on an older version of it (another lead saved since). */
async function requireCurrentFeedback(ctx: ServiceContext, d: DecisionRow, basedOn: number | undefined, actor: Reviewer): Promise<void> {
  const byId = d.feedbackEditedBy ?? '';
  await requireCurrent(
    basedOn,
    d.feedbackVersion,
    async () => ({ byId, byName: byId ? await reviewerName(ctx, byId) : 'Someone', did: `edited the feedback of ${d.portfolioId}`, at: d.feedbackEditedAt }),
    actor,
    ctx.now(),
  );
}

/**
 * The lead's edit of the merged feedback, kept until release. The held row is the one revision that is still a
 * draft (nothing has gone out), so it is edited in place; the audit log keeps each edit. An edit made on an older
 * version of the feedback (`feedbackVersion`) is refused with `conflict`, naming the lead who saved since.
 */
export async function saveReleaseFeedback(
  ctx: ServiceContext,
  portfolioId: string,
  feedback: string,
  actor: Reviewer,
  feedbackVersion?: number,
): Promise<DecisionView> {
  requireRole(actor, 'lead', 'admin');
  return await transaction(ctx, async (ctx) => {
    const d = await heldDecision(ctx, portfolioId);
    await requireCurrentFeedback(ctx, d, feedbackVersion, actor);
    if (d.feedback === feedback) return toDecisionView(ctx, d);
    const edit = { feedback, feedbackVersion: d.feedbackVersion + 1, feedbackEditedBy: actor.id, feedbackEditedAt: nowIso(ctx) };
    await ctx.db.orm.update(decisions).set(edit).where(eq(decisions.id, d.id)).run();
    await audit(ctx, {
      actor: actor.id,
      action: 'decision.feedback_edit',
      entityType: 'portfolio',
      entityId: portfolioId,
      details: { revision: d.revision, chars: { before: d.feedback.length, after: feedback.length } },
    });
    return toDecisionView(ctx, { ...d, ...edit });
  });
}

/**
 * Releases reconciled decisions, all or nothing: each goes out with its merged feedback (or the text given), the
 * portfolio becomes decided with its outcome, and the release is audited. A Not yet without feedback is refused;
 * a paragraph written twice is refused until confirmed.
 */
export async function releaseDecisions(
  ctx: ServiceContext,
  input: { items: { portfolioId: string; feedback?: string; feedbackVersion?: number }[]; confirm: boolean },
  actor: Reviewer,
): Promise<{ released: string[] }> {
  requireRole(actor, 'lead', 'admin');
  const ids = input.items.map((i) => i.portfolioId);
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (twice.length) throw new ApiError('bad_request', `each portfolio is released once; named twice: ${[...new Set(twice)].join(', ')}`);
  return await transaction(ctx, async (ctx) => {
    // Locked in one order (by id), so two releases of overlapping sets wait for each other instead of deadlocking.
    for (const id of [...ids].sort()) await lockRow(ctx, 'portfolios', id);
    const planned = await mapInOrder(input.items, async (item) => {
      const d = await heldDecision(ctx, item.portfolioId);
      await requireCurrentFeedback(ctx, d, item.feedbackVersion, actor);
      return { d, feedback: item.feedback ?? d.feedback };
    });
    const problems = planned.flatMap(({ d, feedback }) => releaseProblems(d.outcome, feedback).map((p) => `${d.portfolioId}: ${p}`));
    if (problems.length) throw new ApiError('bad_request', 'nothing was released', problems);
    const warnings = planned.flatMap(({ d, feedback }) => releaseWarnings(feedback).map((w) => `${d.portfolioId}: ${w}`));
    if (warnings.length && !input.confirm) throw new ApiError('conflict', 'nothing was released: confirm the release despite these warnings', warnings);
    const now = nowIso(ctx);
    for (const { d, feedback } of planned) {
      await ctx.db.orm.update(decisions).set({ feedback, releasedAt: now, releasedBy: actor.id }).where(eq(decisions.id, d.id)).run();
      await ctx.db.orm.update(portfolios).set({ outcome: d.outcome, updatedAt: now }).where(eq(portfolios.id, d.portfolioId)).run();
      await setStatus(ctx, d.portfolioId, 'decided', actor.id, { released: d.revision });
      await audit(ctx, {
        actor: actor.id,
        action: 'decision.release',
        entityType: 'portfolio',
        entityId: d.portfolioId,
        details: {
          revision: d.revision,
          outcome: d.outcome,
          sources: (await toDecisionView(ctx, d)).sources.map((s) => s.reviewId),
          feedback_edited: feedback !== d.feedback,
          ...(warnings.length ? { confirmed: warnings.filter((w) => w.startsWith(`${d.portfolioId}: `)) } : {}),
        },
      });
    }
    return { released: planned.map((p) => p.d.portfolioId) };
  });
}

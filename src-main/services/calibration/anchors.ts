/**
 * Anchor portfolios: exemplars with a reference level and a rationale per criterion, scored blind in calibration
 * rounds. Making a portfolio an anchor takes it out of production for good (queues filter `is_anchor = 0`), so it
 * is only allowed for a portfolio nobody has reviewed or decided.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { AnchorDetail, AnchorSummary } from '../../../src-shared/contracts/calibration';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { PortfolioRow } from '../../../src-shared/contracts/queue';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { calibrationAnchors, calibrationReferences, calibrationRoundAnchors, calibrationRounds, portfolios } from '../../db/schema';
import { audit } from '../audit';
import { nowIso, type ServiceContext, transaction } from '../context';
import { currentDecision } from '../decisions';
import { portfolioRow, portfolioRowsFor } from '../queue';
import { requireLead, rubricOrThrow } from './common';
import { mapInOrder } from '../in-order';

export interface ReferenceInput {
  criterionId: string;
  score: number;
  rationale: string;
}

async function portfolioOrThrow(ctx: ServiceContext, id: string) {
  const p = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, id)).get();
  if (!p) throw new ApiError('not_found', `no portfolio ${id}`);
  return p;
}

/** Submitted calibration reviews of this anchor: once a reviewer has been compared with its reference, it is fixed. */
async function submissionsOf(ctx: ServiceContext, portfolioId: string): Promise<number> {
  return ((await ctx.db.get('SELECT count(*) AS n FROM calibration_submissions WHERE portfolio_id = ?', [portfolioId])) as { n: number }).n;
}

/** Why this portfolio cannot become an anchor, or null. */
export async function anchorRefusal(ctx: ServiceContext, portfolioId: string): Promise<string | null> {
  const p = await portfolioOrThrow(ctx, portfolioId);
  if (p.isAnchor) return null;
  if (await currentDecision(ctx, portfolioId))
    return `${portfolioId} is already decided; a decided portfolio affects its candidate and cannot become an anchor`;
  const reviewed = (await ctx.db.get("SELECT count(*) AS n FROM reviews WHERE portfolio_id = ? AND kind <> 'calibration'", [portfolioId])) as { n: number };
  if (reviewed.n > 0) return `${portfolioId} has been reviewed in production; only a portfolio nobody has reviewed can become an anchor`;
  if (p.status === 'withdrawn' || p.status === 'returned') return `${portfolioId} is ${p.status}`;
  return null;
}

async function summaryOf(ctx: ServiceContext, portfolioId: string): Promise<AnchorSummary> {
  const head = await ctx.db.orm.select().from(calibrationAnchors).where(eq(calibrationAnchors.portfolioId, portfolioId)).get();
  if (!head) throw new ApiError('not_found', `${portfolioId} is not an anchor`);
  const p = await portfolioOrThrow(ctx, portfolioId);
  const rubric = await rubricOrThrow(ctx, p.rubricId, p.rubricVersion);
  const referenced = (await ctx.db.orm.select().from(calibrationReferences).where(eq(calibrationReferences.portfolioId, portfolioId)).all()).length;
  const rounds = await ctx.db.orm
    .select({ id: calibrationRounds.id, name: calibrationRounds.name })
    .from(calibrationRoundAnchors)
    .innerJoin(calibrationRounds, eq(calibrationRounds.id, calibrationRoundAnchors.roundId))
    .where(eq(calibrationRoundAnchors.portfolioId, portfolioId))
    .orderBy(asc(calibrationRounds.opensAt))
    .all();
  return {
    portfolioId,
    row: (await portfolioRow(ctx, portfolioId))!,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    note: head.note,
    referenced,
    criteria: rubric.criteria.length,
    rounds,
    submissions: await submissionsOf(ctx, portfolioId),
    createdAt: head.createdAt,
  };
}

export async function listAnchors(ctx: ServiceContext, actor: Reviewer): Promise<AnchorSummary[]> {
  requireLead(actor);
  return await mapInOrder(
    await ctx.db.orm.select({ id: calibrationAnchors.portfolioId }).from(calibrationAnchors).orderBy(asc(calibrationAnchors.portfolioId)).all(),
    (a) => summaryOf(ctx, a.id),
  );
}

/** An anchor with its references: for leads only, since a reviewer must never see them before scoring. */
export async function getAnchor(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<AnchorDetail> {
  requireLead(actor);
  const summary = await summaryOf(ctx, portfolioId);
  const p = await portfolioOrThrow(ctx, portfolioId);
  const rubric = await rubricOrThrow(ctx, p.rubricId, p.rubricVersion);
  const refs = await referencesOf(ctx, portfolioId);
  return {
    ...summary,
    rubricDetail: rubric,
    references: rubric.criteria.flatMap((c) => {
      const r = refs.get(c.id);
      return r ? [{ criterionId: c.id, score: r.score, rationale: r.rationale }] : [];
    }),
    locked: summary.submissions > 0,
  };
}

export async function referencesOf(ctx: ServiceContext, portfolioId: string): Promise<Map<string, { score: number; rationale: string }>> {
  return new Map(
    (await ctx.db.orm.select().from(calibrationReferences).where(eq(calibrationReferences.portfolioId, portfolioId)).all()).map((r) => [
      r.criterionId,
      { score: r.score, rationale: r.rationale },
    ]),
  );
}

/** Portfolios a lead may turn into anchors (newest first, at most 500). */
export async function anchorCandidates(ctx: ServiceContext, credential: string | undefined, actor: Reviewer): Promise<PortfolioRow[]> {
  requireLead(actor);
  return await portfolioRowsFor(
    ctx,
    `SELECT p.seq FROM portfolios p
     WHERE p.is_anchor = 0 AND p.status IN ('submitted', 'in_review') ${credential ? 'AND p.credential_code = ?' : ''}
       AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.portfolio_id = p.id)
       AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.portfolio_id = p.id)
     ORDER BY p.submitted_at DESC, p.id LIMIT 500`,
    credential ? [credential] : [],
  );
}

/**
 * Makes a portfolio an anchor (the first time) and sets its reference levels and rationales. References may be
 * saved incomplete while a lead works on them; a round only accepts anchors with a reference on every criterion.
 * Open panel assignments are released: nobody reviews an anchor in production.
 */
export async function saveAnchor(
  ctx: ServiceContext,
  input: { portfolioId: string; references: ReferenceInput[]; note?: string },
  actor: Reviewer,
): Promise<AnchorDetail> {
  requireLead(actor);
  const p = await portfolioOrThrow(ctx, input.portfolioId);
  const refusal = await anchorRefusal(ctx, p.id);
  if (refusal) throw new ApiError('conflict', refusal);
  if (p.isAnchor && (await submissionsOf(ctx, p.id)) > 0)
    throw new ApiError(
      'conflict',
      `${p.id}'s reference is fixed: reviewers have already been compared with it. Make another anchor for a different reference.`,
    );
  const rubric = await rubricOrThrow(ctx, p.rubricId, p.rubricVersion);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of input.references) {
    const c = rubric.criteria.find((x) => x.id === r.criterionId);
    if (!c) problems.push(`"${r.criterionId}" is not a criterion of ${rubric.title} v${rubric.version}`);
    else if (!c.levels.some((l) => l.score === r.score))
      problems.push(`${c.title}: ${r.score} is not one of its levels (${c.levels.map((l) => l.score).join(', ')})`);
    if (seen.has(r.criterionId)) problems.push(`${r.criterionId} has two reference levels`);
    seen.add(r.criterionId);
  }
  if (problems.length) throw new ApiError('bad_request', 'these reference levels do not fit the rubric', problems);
  const now = nowIso(ctx);
  await transaction(ctx, async (ctx) => {
    const db = ctx.db.orm;
    if (!p.isAnchor) {
      const released = (await ctx.db.all(
        "UPDATE assignments SET status = 'released', closed_at = ? WHERE portfolio_id = ? AND status = 'assigned' RETURNING reviewer_id",
        [now, p.id],
      )) as { reviewer_id: string }[];
      await db.update(portfolios).set({ isAnchor: true, updatedAt: now }).where(eq(portfolios.id, p.id)).run();
      await db
        .insert(calibrationAnchors)
        .values({ portfolioId: p.id, note: input.note ?? '', createdBy: actor.id, createdAt: now, updatedAt: now })
        .run();
      await audit(ctx, {
        actor: actor.id,
        action: 'calibration.anchor.make',
        entityType: 'portfolio',
        entityId: p.id,
        details: { rubric: `${rubric.id}@${rubric.version}`, releasedAssignments: released.map((r) => r.reviewer_id) },
      });
    } else
      await db
        .update(calibrationAnchors)
        .set({ note: input.note ?? '', updatedAt: now })
        .where(eq(calibrationAnchors.portfolioId, p.id))
        .run();
    const before = Object.fromEntries([...(await referencesOf(ctx, p.id))].map(([k, v]) => [k, v.score]));
    await db.delete(calibrationReferences).where(eq(calibrationReferences.portfolioId, p.id)).run();
    for (const r of input.references)
      await db.insert(calibrationReferences).values({ portfolioId: p.id, criterionId: r.criterionId, score: r.score, rationale: r.rationale.trim() }).run();
    await audit(ctx, {
      actor: actor.id,
      action: 'calibration.anchor.references',
      entityType: 'portfolio',
      entityId: p.id,
      details: { before, after: Object.fromEntries(input.references.map((r) => [r.criterionId, r.score])) },
    });
  });
  return getAnchor(ctx, p.id, actor);
}

/** Returns an anchor to an ordinary portfolio, only while no round uses it. */
export async function removeAnchor(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<void> {
  requireLead(actor);
  const p = await portfolioOrThrow(ctx, portfolioId);
  if (!p.isAnchor) throw new ApiError('not_found', `${portfolioId} is not an anchor`);
  const rounds = await ctx.db.orm
    .select({ name: calibrationRounds.name })
    .from(calibrationRoundAnchors)
    .innerJoin(calibrationRounds, eq(calibrationRounds.id, calibrationRoundAnchors.roundId))
    .where(eq(calibrationRoundAnchors.portfolioId, portfolioId))
    .orderBy(asc(calibrationRounds.opensAt), asc(calibrationRounds.id))
    .all();
  if (rounds.length)
    throw new ApiError('conflict', `${portfolioId} is used by the round${rounds.length > 1 ? 's' : ''} ${rounds.map((r) => `"${r.name}"`).join(', ')}`);
  const calibrationReviews = (await ctx.db.get("SELECT count(*) AS n FROM reviews WHERE portfolio_id = ? AND kind = 'calibration'", [portfolioId])) as {
    n: number;
  };
  if (calibrationReviews.n) throw new ApiError('conflict', `${portfolioId} has calibration reviews; it stays an anchor`);
  await transaction(ctx, async (ctx) => {
    const db = ctx.db.orm;
    await db.delete(calibrationReferences).where(eq(calibrationReferences.portfolioId, portfolioId)).run();
    await db.delete(calibrationAnchors).where(eq(calibrationAnchors.portfolioId, portfolioId)).run();
    await db
      .update(portfolios)
      .set({ isAnchor: false, updatedAt: nowIso(ctx) })
      .where(and(eq(portfolios.id, portfolioId)))
      .run();
    await audit(ctx, { actor: actor.id, action: 'calibration.anchor.remove', entityType: 'portfolio', entityId: portfolioId });
  });
}

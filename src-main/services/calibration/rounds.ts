/**
 * Calibration rounds: a set of anchors scored blind by a set of reviewers between two dates, on one rubric version.
 * A reviewer takes each anchor at most once, ever: after submitting they have seen its reference, so scoring it
 * again would measure memory, not judgement.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RoundDetail, RoundSummary } from '../../../src-shared/contracts/calibration';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import {
  calibrationAnchors,
  calibrationReferences,
  calibrationRoundAnchors,
  calibrationRoundReviewers,
  calibrationRounds,
  calibrationSubmissions,
  portfolios,
  reviews,
} from '../../db/schema';
import { audit } from '../audit';
import { nowIso, type ServiceContext, transaction } from '../context';
import { getReviewer, reviewerName } from '../reviewers';
import { credentialsOfRubric, requireLead, roundStatus, rubricOrThrow, type RoundRow } from './common';
import { mapInOrder } from '../in-order';

export interface NewRound {
  name: string;
  rubricId: string;
  rubricVersion: number;
  opensAt: string;
  closesAt: string;
  anchors: string[];
  reviewers: string[];
}

export type RoundPatch = Partial<Pick<NewRound, 'name' | 'opensAt' | 'closesAt' | 'anchors' | 'reviewers'>>;

export async function roundRow(ctx: ServiceContext, id: number): Promise<RoundRow> {
  const row = await ctx.db.orm.select().from(calibrationRounds).where(eq(calibrationRounds.id, id)).get();
  if (!row) throw new ApiError('not_found', `no calibration round ${id}`);
  return row;
}

export async function roundByName(ctx: ServiceContext, name: string): Promise<RoundRow | undefined> {
  const { nocase } = ctx.db.fn;
  const hit = (await ctx.db.get(`SELECT id FROM calibration_rounds WHERE ${nocase('name')} = ${nocase('?')}`, [name.trim()])) as { id: number } | undefined;
  return hit ? await roundRow(ctx, hit.id) : undefined;
}

export async function roundAnchors(ctx: ServiceContext, roundId: number): Promise<string[]> {
  return (
    await ctx.db.orm
      .select({ id: calibrationRoundAnchors.portfolioId })
      .from(calibrationRoundAnchors)
      .where(eq(calibrationRoundAnchors.roundId, roundId))
      .orderBy(asc(calibrationRoundAnchors.position))
      .all()
  ).map((r) => r.id);
}

export async function roundReviewers(ctx: ServiceContext, roundId: number): Promise<string[]> {
  const ids = (
    await ctx.db.orm
      .select({ id: calibrationRoundReviewers.reviewerId })
      .from(calibrationRoundReviewers)
      .where(eq(calibrationRoundReviewers.roundId, roundId))
      .all()
  ).map((r) => r.id);
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, await reviewerName(ctx, id));
  return ids.sort((a, b) => names.get(a)!.localeCompare(names.get(b)!) || a.localeCompare(b));
}

async function submissionsOf(ctx: ServiceContext, roundId: number) {
  return await ctx.db.orm.select().from(calibrationSubmissions).where(eq(calibrationSubmissions.roundId, roundId)).all();
}

export async function roundSummary(ctx: ServiceContext, row: RoundRow): Promise<RoundSummary> {
  const rubric = await rubricOrThrow(ctx, row.rubricId, row.rubricVersion);
  const anchors = await roundAnchors(ctx, row.id);
  const reviewerIds = await roundReviewers(ctx, row.id);
  return {
    id: row.id,
    name: row.name,
    rubric: { id: rubric.id, version: rubric.version, title: rubric.title },
    credentials: (await credentialsOfRubric(ctx, row.rubricId)).map((c) => c.code),
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    closedAt: row.closedAt,
    status: roundStatus(row, ctx.now()),
    anchors,
    reviewers: await mapInOrder(reviewerIds, async (id) => ({ id, name: await reviewerName(ctx, id) })),
    submitted: (await submissionsOf(ctx, row.id)).length,
    expected: anchors.length * reviewerIds.length,
  };
}

export async function roundDetail(ctx: ServiceContext, id: number): Promise<RoundDetail> {
  const row = await roundRow(ctx, id);
  const summary = await roundSummary(ctx, row);
  const submitted = new Map((await submissionsOf(ctx, id)).map((s) => [`${s.reviewerId}\u001f${s.portfolioId}`, s.submittedAt]));
  // Drafts: started in the workbench but not submitted (a reviewer meets each anchor in one round only).
  const drafts = new Set(
    summary.anchors.length && summary.reviewers.length
      ? (
          await ctx.db.orm
            .select({ p: reviews.portfolioId, r: reviews.reviewerId })
            .from(reviews)
            .where(and(eq(reviews.kind, 'calibration'), eq(reviews.status, 'draft'), inArray(reviews.portfolioId, summary.anchors)))
            .all()
        ).map((d) => `${d.r}\u001f${d.p}`)
      : [],
  );
  return {
    ...summary,
    progress: summary.reviewers.map((r) => ({
      reviewerId: r.id,
      name: r.name,
      anchors: summary.anchors.map((a) => {
        const key = `${r.id}\u001f${a}`;
        const at = submitted.get(key) ?? null;
        return { portfolioId: a, status: at ? ('submitted' as const) : drafts.has(key) ? ('draft' as const) : ('not_started' as const), submittedAt: at };
      }),
    })),
  };
}

export async function listRounds(ctx: ServiceContext, actor: Reviewer): Promise<RoundSummary[]> {
  requireLead(actor);
  return (
    await mapInOrder(await ctx.db.orm.select().from(calibrationRounds).orderBy(asc(calibrationRounds.opensAt), asc(calibrationRounds.id)).all(), (r) =>
      roundSummary(ctx, r),
    )
  ).reverse();
}

export async function getRound(ctx: ServiceContext, id: number, actor: Reviewer): Promise<RoundDetail> {
  requireLead(actor);
  return await roundDetail(ctx, id);
}

/** Everything wrong with a round's anchors and reviewers, as sentences; empty when the round can be saved. */
async function membershipProblems(
  ctx: ServiceContext,
  roundId: number | null,
  rubricId: string,
  rubricVersion: number,
  anchors: string[],
  reviewerIds: string[],
): Promise<string[]> {
  const problems: string[] = [];
  const rubric = await rubricOrThrow(ctx, rubricId, rubricVersion);
  if (new Set(anchors).size !== anchors.length) problems.push('an anchor is listed twice');
  if (new Set(reviewerIds).size !== reviewerIds.length) problems.push('a reviewer is listed twice');
  for (const id of anchors) {
    const p = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, id)).get();
    const anchor = await ctx.db.orm.select().from(calibrationAnchors).where(eq(calibrationAnchors.portfolioId, id)).get();
    if (!p || !anchor) {
      problems.push(`${id} is not an anchor portfolio`);
      continue;
    }
    if (p.rubricId !== rubricId || p.rubricVersion !== rubricVersion) {
      problems.push(`${id} is scored with ${p.rubricId} v${p.rubricVersion}, not ${rubricId} v${rubricVersion}`);
      continue;
    }
    const refs = new Set(
      (await ctx.db.orm.select().from(calibrationReferences).where(eq(calibrationReferences.portfolioId, id)).all()).map((r) => r.criterionId),
    );
    const missing = rubric.criteria.filter((c) => !refs.has(c.id));
    if (missing.length) problems.push(`${id} has no reference level for ${missing.map((c) => c.title).join(', ')}`);
  }
  for (const id of reviewerIds) {
    const r = await getReviewer(ctx, id);
    if (!r) problems.push(`no reviewer ${id}`);
    else if (!r.active) problems.push(`${r.name}'s profile is inactive`);
    else if (!r.roles.includes('reviewer')) problems.push(`${r.name} does not have the reviewer role`);
  }
  if (anchors.length && reviewerIds.length) {
    // The same reviewer and anchor in another round: the reviewer has seen (or will see) its reference there.
    const clashes = (await ctx.db.all(
      `SELECT rr.reviewer_id AS reviewer, ra.portfolio_id AS anchor, r.name AS round
         FROM calibration_round_reviewers rr
         JOIN calibration_round_anchors ra ON ra.round_id = rr.round_id
         JOIN calibration_rounds r ON r.id = rr.round_id
         WHERE rr.round_id <> ? AND rr.reviewer_id IN (${ctx.db.fn.jsonTextValues('?')}) AND ra.portfolio_id IN (${ctx.db.fn.jsonTextValues('?')})
         ORDER BY r.name, rr.reviewer_id, ra.portfolio_id`,
      [roundId ?? -1, JSON.stringify(reviewerIds), JSON.stringify(anchors)],
    )) as { reviewer: string; anchor: string; round: string }[];
    for (const c of clashes)
      problems.push(
        `${await reviewerName(ctx, c.reviewer)} already has ${c.anchor} in the round "${c.round}": a reviewer scores an anchor only once, since they see its reference after submitting`,
      );
  }
  return problems;
}

function checkDates(opensAt: string, closesAt: string): void {
  if (!(Date.parse(closesAt) > Date.parse(opensAt))) throw new ApiError('bad_request', 'a round must close after it opens');
}

async function checkName(ctx: ServiceContext, name: string, except: number | null): Promise<void> {
  const other = await roundByName(ctx, name);
  if (other && other.id !== except) throw new ApiError('conflict', `a calibration round called "${other.name}" already exists`);
}

async function writeMembers(ctx: ServiceContext, roundId: number, anchors: string[] | undefined, reviewerIds: string[] | undefined): Promise<void> {
  const db = ctx.db.orm;
  if (anchors) {
    await db.delete(calibrationRoundAnchors).where(eq(calibrationRoundAnchors.roundId, roundId)).run();
    for (const [position, portfolioId] of anchors.entries()) await db.insert(calibrationRoundAnchors).values({ roundId, portfolioId, position }).run();
  }
  if (reviewerIds) {
    await db.delete(calibrationRoundReviewers).where(eq(calibrationRoundReviewers.roundId, roundId)).run();
    for (const reviewerId of reviewerIds) await db.insert(calibrationRoundReviewers).values({ roundId, reviewerId }).run();
  }
}

export async function createRound(ctx: ServiceContext, input: NewRound, actor: Reviewer): Promise<RoundDetail> {
  requireLead(actor);
  const name = input.name.trim();
  checkDates(input.opensAt, input.closesAt);
  await checkName(ctx, name, null);
  const problems = await membershipProblems(ctx, null, input.rubricId, input.rubricVersion, input.anchors, input.reviewers);
  if (problems.length) throw new ApiError('bad_request', 'this round cannot be created', problems);
  const now = nowIso(ctx);
  const id = await transaction(ctx, async (ctx) => {
    const row = await ctx.db.orm
      .insert(calibrationRounds)
      .values({
        name,
        rubricId: input.rubricId,
        rubricVersion: input.rubricVersion,
        opensAt: new Date(input.opensAt).toISOString(),
        closesAt: new Date(input.closesAt).toISOString(),
        status: 'open',
        createdBy: actor.id,
        createdAt: now,
      })
      .returning({ id: calibrationRounds.id })
      .get();
    await writeMembers(ctx, row.id, input.anchors, input.reviewers);
    await audit(ctx, {
      actor: actor.id,
      action: 'calibration.round.create',
      entityType: 'calibration_round',
      entityId: String(row.id),
      details: {
        name,
        rubric: `${input.rubricId}@${input.rubricVersion}`,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        anchors: input.anchors,
        reviewers: input.reviewers,
      },
    });
    return row.id;
  });
  return roundDetail(ctx, id);
}

/** Changes a round that is not closed. Anchors and reviewers with submitted scores stay: their ratings are history. */
export async function updateRound(ctx: ServiceContext, id: number, patch: RoundPatch, actor: Reviewer): Promise<RoundDetail> {
  requireLead(actor);
  const row = await roundRow(ctx, id);
  if (roundStatus(row, ctx.now()) === 'closed') throw new ApiError('conflict', `the round "${row.name}" is closed; its membership and dates are history`);
  const name = patch.name?.trim() ?? row.name;
  const opensAt = patch.opensAt ? new Date(patch.opensAt).toISOString() : row.opensAt;
  const closesAt = patch.closesAt ? new Date(patch.closesAt).toISOString() : row.closesAt;
  checkDates(opensAt, closesAt);
  await checkName(ctx, name, id);
  const anchors = patch.anchors ?? (await roundAnchors(ctx, id));
  const reviewerIds = patch.reviewers ?? (await roundReviewers(ctx, id));
  const problems = await membershipProblems(ctx, id, row.rubricId, row.rubricVersion, anchors, reviewerIds);
  for (const s of await submissionsOf(ctx, id)) {
    if (!anchors.includes(s.portfolioId)) problems.push(`${s.portfolioId} has submitted scores in this round and cannot be removed`);
    if (!reviewerIds.includes(s.reviewerId)) problems.push(`${await reviewerName(ctx, s.reviewerId)} has submitted scores in this round and cannot be removed`);
  }
  if (problems.length) throw new ApiError('bad_request', 'this change cannot be saved', [...new Set(problems)]);
  const before = await roundSummary(ctx, row);
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm.update(calibrationRounds).set({ name, opensAt, closesAt }).where(eq(calibrationRounds.id, id)).run();
    await writeMembers(ctx, id, patch.anchors, patch.reviewers);
    await audit(ctx, {
      actor: actor.id,
      action: 'calibration.round.update',
      entityType: 'calibration_round',
      entityId: String(id),
      details: {
        before: {
          name: before.name,
          opensAt: before.opensAt,
          closesAt: before.closesAt,
          anchors: before.anchors,
          reviewers: before.reviewers.map((r) => r.id),
        },
        patch,
      },
    });
  });
  return roundDetail(ctx, id);
}

/** Ends a round now: nothing more can be submitted in it, and it counts for qualification. */
export async function closeRound(ctx: ServiceContext, id: number, actor: Reviewer): Promise<RoundDetail> {
  requireLead(actor);
  const row = await roundRow(ctx, id);
  if (row.status === 'closed') throw new ApiError('conflict', `the round "${row.name}" is already closed`);
  const now = nowIso(ctx);
  await transaction(ctx, async (ctx) => {
    // Past its close date the round already ended then, not now.
    const closedAt = Date.parse(row.closesAt) < ctx.now().getTime() ? row.closesAt : now;
    await ctx.db.orm.update(calibrationRounds).set({ status: 'closed', closedAt }).where(eq(calibrationRounds.id, id)).run();
    await audit(ctx, {
      actor: actor.id,
      action: 'calibration.round.close',
      entityType: 'calibration_round',
      entityId: String(id),
      details: { name: row.name },
    });
  });
  return roundDetail(ctx, id);
}

/** The rounds containing this anchor and this reviewer (at most one, by the rule above; kept general for safety). */
export async function roundsWith(ctx: ServiceContext, portfolioId: string, reviewerId: string): Promise<RoundRow[]> {
  const ids = (await ctx.db.all(
    `SELECT ra.round_id AS id FROM calibration_round_anchors ra
       JOIN calibration_round_reviewers rr ON rr.round_id = ra.round_id AND rr.reviewer_id = ?
       WHERE ra.portfolio_id = ? ORDER BY ra.round_id`,
    [reviewerId, portfolioId],
  )) as { id: number }[];
  return await mapInOrder(ids, (r) => roundRow(ctx, r.id));
}

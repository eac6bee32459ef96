/**
 * Qualification by calibration: a reviewer is qualified for a credential when their latest finished round on that
 * credential's rubric meets the thresholds (default: exact agreement with the reference at least 70 %, and no
 * criterion more than one level off on any anchor). A round is finished for a reviewer when it is closed, or when
 * they have submitted every anchor of it. Panel allocation consults isQualified when a policy asks for it.
 */
import { asc, eq } from 'drizzle-orm';
import type { QualificationOverview, Threshold } from '../../../src-shared/contracts/calibration';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { calibrationThresholds, credentials } from '../../db/schema';
import { audit } from '../audit';
import { nowIso, type ServiceContext, transaction } from '../context';
import { listReviewers } from '../reviewers';
import { percent, requireLead, roundEnd, roundStatus, type RoundRow } from './common';
import { mapInOrder } from '../in-order';

export const DEFAULT_THRESHOLD: Threshold = { minExact: 0.7, maxOff: 1 };
const GLOBAL = '*';

export async function thresholdFor(ctx: ServiceContext, credentialCode: string | null): Promise<Threshold> {
  const rows = await ctx.db.orm.select().from(calibrationThresholds).all();
  const row = (credentialCode && rows.find((r) => r.scope === credentialCode)) || rows.find((r) => r.scope === GLOBAL);
  return row ? { minExact: row.minExact, maxOff: row.maxOff } : DEFAULT_THRESHOLD;
}

/** How one reviewer did in one round against the anchors' references. */
export interface RoundResult {
  round: RoundRow;
  anchors: number;
  scoredAnchors: number;
  comparisons: number;
  exact: number;
  /** Largest distance from the reference, with where it happened. */
  maxOff: number;
  worst: { anchor: string; criterion: string } | null;
  finishedAt: string;
}

/** Per criterion scored on an anchor with a reference: the reviewer's level against the reference. */
export async function roundComparisons(
  ctx: ServiceContext,
  roundId: number,
  reviewerId: string,
): Promise<{ anchor: string; criterion: string; score: number; reference: number }[]> {
  return (await ctx.db.all(
    `SELECT s.portfolio_id AS anchor, rs.criterion_id AS criterion, rs.score AS score, ref.score AS reference
       FROM calibration_submissions s
       JOIN review_scores rs ON rs.review_id = s.review_id AND rs.score IS NOT NULL
       JOIN calibration_references ref ON ref.portfolio_id = s.portfolio_id AND ref.criterion_id = rs.criterion_id
       WHERE s.round_id = ? AND s.reviewer_id = ?
       ORDER BY s.portfolio_id, rs.criterion_id`,
    [roundId, reviewerId],
  )) as { anchor: string; criterion: string; score: number; reference: number }[];
}

export async function roundResult(ctx: ServiceContext, round: RoundRow, reviewerId: string): Promise<RoundResult> {
  const anchors = ((await ctx.db.get('SELECT count(*) AS n FROM calibration_round_anchors WHERE round_id = ?', [round.id])) as { n: number }).n;
  const submitted = (await ctx.db.get('SELECT count(*) AS n, max(submitted_at) AS last FROM calibration_submissions WHERE round_id = ? AND reviewer_id = ?', [
    round.id,
    reviewerId,
  ])) as { n: number; last: string | null };
  const rows = await roundComparisons(ctx, round.id, reviewerId);
  let exact = 0;
  let maxOff = 0;
  let worst: RoundResult['worst'] = null;
  for (const r of rows) {
    const off = Math.abs(r.score - r.reference);
    if (off === 0) exact++;
    if (off > maxOff) {
      maxOff = off;
      worst = { anchor: r.anchor, criterion: r.criterion };
    }
  }
  const closed = roundStatus(round, ctx.now()) === 'closed';
  return {
    round,
    anchors,
    scoredAnchors: submitted.n,
    comparisons: rows.length,
    exact,
    maxOff,
    worst,
    finishedAt: closed ? roundEnd(round) : (submitted.last ?? roundEnd(round)),
  };
}

/** Whether a round result meets a threshold, and why in one sentence. */
export function judge(result: RoundResult, threshold: Threshold, criterionTitle: (id: string) => string = (id) => id): { ok: boolean; reason: string } {
  const name = `"${result.round.name}"`;
  if (result.scoredAnchors < result.anchors) return { ok: false, reason: `${name}: scored ${result.scoredAnchors} of ${result.anchors} anchors` };
  if (result.comparisons === 0) return { ok: false, reason: `${name}: nothing to compare with a reference` };
  const share = result.exact / result.comparisons;
  if (share + 1e-9 < threshold.minExact) return { ok: false, reason: `${name}: exact agreement ${percent(share)} is below ${percent(threshold.minExact)}` };
  if (result.maxOff > threshold.maxOff)
    return {
      ok: false,
      reason: `${name}: ${result.maxOff} levels off on ${criterionTitle(result.worst!.criterion)} (${result.worst!.anchor}); at most ${threshold.maxOff} allowed`,
    };
  return { ok: true, reason: `${name}: exact agreement ${percent(share)}, at most ${result.maxOff} level${result.maxOff === 1 ? '' : 's'} off` };
}

async function criterionTitles(ctx: ServiceContext, rubricId: string): Promise<(id: string) => string> {
  const rows = (await ctx.db.all('SELECT criterion_id AS id, title FROM rubric_criteria WHERE rubric_id = ? ORDER BY rubric_version', [rubricId])) as {
    id: string;
    title: string;
  }[];
  const map = new Map(rows.map((r) => [r.id, r.title]));
  return (id) => map.get(id) ?? id;
}

/**
 * Whether calibration qualifies a reviewer for a credential (latest finished round on the credential's rubric,
 * any version of it), with the reason in words. Used by panel allocation when a policy requires qualified reviewers.
 */
export async function isQualified(ctx: ServiceContext, reviewerId: string, credentialCode: string): Promise<{ qualified: boolean; reason: string }> {
  const credential = await ctx.db.orm.select().from(credentials).where(eq(credentials.code, credentialCode)).get();
  if (!credential) return { qualified: false, reason: `no credential ${credentialCode}` };
  const rounds = (await ctx.db.all(
    `SELECT r.* FROM calibration_rounds r JOIN calibration_round_reviewers rr ON rr.round_id = r.id AND rr.reviewer_id = ?
       WHERE r.rubric_id = ?`,
    [reviewerId, credential.rubricId],
  )) as Record<string, unknown>[];
  const results = (
    await mapInOrder(
      rounds.map((r) => toRoundRow(r)),
      (round) => roundResult(ctx, round, reviewerId),
    )
  )
    .filter((res) => roundStatus(res.round, ctx.now()) === 'closed' || (res.anchors > 0 && res.scoredAnchors >= res.anchors))
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt) || a.round.id - b.round.id);
  const latest = results.at(-1);
  if (!latest) return { qualified: false, reason: 'no finished calibration round on this credential’s rubric' };
  const verdict = judge(latest, await thresholdFor(ctx, credentialCode), await criterionTitles(ctx, credential.rubricId));
  return { qualified: verdict.ok, reason: verdict.reason };
}

/** Raw SQLite row of calibration_rounds to the drizzle shape. */
export function toRoundRow(r: Record<string, unknown>): RoundRow {
  return {
    id: r.id as number,
    name: r.name as string,
    rubricId: r.rubric_id as string,
    rubricVersion: r.rubric_version as number,
    opensAt: r.opens_at as string,
    closesAt: r.closes_at as string,
    status: r.status as RoundRow['status'],
    closedAt: (r.closed_at as string | null) ?? null,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
  };
}

export async function qualificationOverview(ctx: ServiceContext, actor: Reviewer): Promise<QualificationOverview> {
  requireLead(actor);
  const creds = await ctx.db.orm.select({ code: credentials.code, title: credentials.title }).from(credentials).orderBy(credentials.code).all();
  const rows = await ctx.db.orm.select().from(calibrationThresholds).orderBy(asc(calibrationThresholds.scope)).all();
  return {
    global: await thresholdFor(ctx, null),
    perCredential: rows.filter((r) => r.scope !== GLOBAL).map((r) => ({ credential: r.scope, threshold: { minExact: r.minExact, maxOff: r.maxOff } })),
    credentials: creds,
    reviewers: await mapInOrder(
      (await listReviewers(ctx)).filter((r) => r.active && r.roles.includes('reviewer')),
      async (r) => ({
        id: r.id,
        name: r.name,
        results: await mapInOrder(creds, async (c) => {
          const q = await isQualified(ctx, r.id, c.code);
          return { credential: c.code, qualified: q.qualified, reason: q.reason };
        }),
      }),
    ),
  };
}

/**
 * Sets the global thresholds (credential null) or one credential's; a null threshold removes a credential's own
 * (it then follows the global one) or resets the global one to the default.
 */
export async function setThreshold(
  ctx: ServiceContext,
  credential: string | null,
  threshold: Threshold | null,
  actor: Reviewer,
): Promise<QualificationOverview> {
  requireLead(actor);
  const scope = credential ?? GLOBAL;
  if (credential && !(await ctx.db.orm.select().from(credentials).where(eq(credentials.code, credential)).get()))
    throw new ApiError('not_found', `no credential ${credential}`);
  const before = await thresholdFor(ctx, credential);
  await transaction(ctx, async (ctx) => {
    if (threshold === null) await ctx.db.orm.delete(calibrationThresholds).where(eq(calibrationThresholds.scope, scope)).run();
    else
      await ctx.db.orm
        .insert(calibrationThresholds)
        .values({ scope, minExact: threshold.minExact, maxOff: threshold.maxOff, updatedBy: actor.id, updatedAt: nowIso(ctx) })
        .onConflictDoUpdate({
          target: calibrationThresholds.scope,
          set: { minExact: threshold.minExact, maxOff: threshold.maxOff, updatedBy: actor.id, updatedAt: nowIso(ctx) },
        })
        .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'calibration.threshold.set',
      entityType: 'credential',
      entityId: scope,
      details: { before, after: threshold },
    });
  });
  return qualificationOverview(ctx, actor);
}

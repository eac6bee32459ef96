/**
 * Calibration reports from the database: a round (its anchors' submitted scores against their references) or
 * production double reviews in a date range (against the decision in force). Each is one pass of SQL that reads
 * only the ratings it needs, then the pure assembly in ./assemble.
 */
import type { Report } from '../../../src-shared/contracts/calibration';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { BootstrapOptions, RatingRow } from '../../../src-shared/stats';
import { ApiError } from '../../../src-shared/contracts/errors';
import { requireRole } from '../reviewers';
import type { ServiceContext } from '../context';
import { assembleReport, type RubricInput, type ScoredRating } from './assemble';
import { credentialsOfRubric, requireLead, roundEnd, roundStatus, rubricCache, rubricOrThrow, type RoundRow } from './common';
import { judge, roundResult, thresholdFor, toRoundRow } from './qualification';
import { roundRow } from './rounds';
import { mapInOrder } from '../in-order';

interface RawRating {
  unit: string;
  rater: string;
  criterion: string;
  score: number;
  at: string;
}

const outcomeScore = (o: string | null): number | null => (o === 'pass' ? 1 : o === 'not_yet' ? 0 : null);

/** Each review's outcome as one more rating: Pass = 1, Not yet = 0 (reviews without an outcome left out). */
function outcomeRows(reviews: { unit: string; rater: string; outcome: string | null }[]): RatingRow[] {
  return reviews.flatMap((r) => {
    const score = outcomeScore(r.outcome);
    return score === null ? [] : [{ unit: r.unit, rater: r.rater, criterion: 'outcome', score }];
  });
}

async function reviewerNames(ctx: ServiceContext): Promise<Map<string, string>> {
  return new Map(((await ctx.db.all('SELECT id, name FROM reviewers')) as { id: string; name: string }[]).map((r) => [r.id, r.name]));
}

/** Anchor references as unit → criterion → level. */
async function referenceMap(ctx: ServiceContext, anchors: string[]): Promise<Map<string, Map<string, number>>> {
  const rows = (await ctx.db.all(
    `SELECT portfolio_id AS unit, criterion_id AS criterion, score FROM calibration_references WHERE portfolio_id IN (${ctx.db.fn.jsonTextValues('?')})`,
    [JSON.stringify(anchors)],
  )) as { unit: string; criterion: string; score: number }[];
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let m = out.get(r.unit);
    if (!m) out.set(r.unit, (m = new Map()));
    m.set(r.criterion, r.score);
  }
  return out;
}

/** Each reviewer's signed difference and exact agreement against the reference, per round and per month. */
async function calibrationDrift(ctx: ServiceContext, reviewerIds: string[], upTo: RoundRow): Promise<Report['drift']> {
  const rows = (await ctx.db.all(
    `SELECT s.reviewer_id AS reviewer, s.round_id AS round, substr(s.submitted_at, 1, 7) AS month,
              count(*) AS n, avg(rs.score - ref.score) AS msd, avg(CASE WHEN rs.score = ref.score THEN 1 ELSE 0 END) AS exact
       FROM calibration_submissions s
       JOIN review_scores rs ON rs.review_id = s.review_id AND rs.score IS NOT NULL
       JOIN calibration_references ref ON ref.portfolio_id = s.portfolio_id AND ref.criterion_id = rs.criterion_id
       WHERE s.reviewer_id IN (${ctx.db.fn.jsonTextValues('?')})
       GROUP BY s.reviewer_id, s.round_id, month`,
    [JSON.stringify(reviewerIds)],
  )) as { reviewer: string; round: number; month: string; n: number; msd: number; exact: number }[];
  const roundIds = [...new Set(rows.map((r) => r.round))];
  const rounds = (
    await mapInOrder(roundIds, async (id) => toRoundRow((await ctx.db.get('SELECT * FROM calibration_rounds WHERE id = ?', [id])) as Record<string, unknown>))
  )
    // Rounds that ended after this one are its future: a report on an old round does not show them.
    .filter((r) => r.id === upTo.id || endOf(ctx, r) <= endOf(ctx, upTo))
    .sort((a, b) => endOf(ctx, a).localeCompare(endOf(ctx, b)) || a.id - b.id);
  const kept = new Set(rounds.map((r) => r.id));
  const merge = (key: (r: (typeof rows)[number]) => string) => {
    const acc = new Map<string, { reviewer: string; round: number; month: string; n: number; sum: number; exact: number }>();
    for (const r of rows.filter((x) => kept.has(x.round))) {
      const k = key(r);
      const a = acc.get(k) ?? { reviewer: r.reviewer, round: r.round, month: r.month, n: 0, sum: 0, exact: 0 };
      a.n += r.n;
      a.sum += r.msd * r.n;
      a.exact += r.exact * r.n;
      acc.set(k, a);
    }
    return [...acc.values()];
  };
  return {
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, at: endOf(ctx, r) })),
    byRound: merge((r) => `${r.reviewer}|${r.round}`)
      .map((a) => ({ reviewerId: a.reviewer, roundId: a.round, mean_signed_difference: a.sum / a.n, exact: a.exact / a.n, n: a.n }))
      .sort((a, b) => a.reviewerId.localeCompare(b.reviewerId) || rounds.findIndex((r) => r.id === a.roundId) - rounds.findIndex((r) => r.id === b.roundId)),
    byMonth: merge((r) => `${r.reviewer}|${r.month}`)
      .map((a) => ({ reviewerId: a.reviewer, month: a.month, mean_signed_difference: a.sum / a.n, exact: a.exact / a.n, n: a.n }))
      .sort((a, b) => a.reviewerId.localeCompare(b.reviewerId) || a.month.localeCompare(b.month)),
  };
}

/** When a round ends for ordering purposes: its close (or now, while it is still running). */
function endOf(ctx: ServiceContext, r: RoundRow): string {
  return roundStatus(r, ctx.now()) === 'closed' ? roundEnd(r) : ctx.now().toISOString();
}

export async function roundReport(ctx: ServiceContext, id: number, actor: Reviewer, bootstrap?: BootstrapOptions): Promise<Report> {
  requireLead(actor);
  return await buildRoundReport(ctx, await roundRow(ctx, id), bootstrap);
}

export async function buildRoundReport(ctx: ServiceContext, round: RoundRow, bootstrap?: BootstrapOptions): Promise<Report> {
  const rubric = await rubricOrThrow(ctx, round.rubricId, round.rubricVersion);
  const reviews = (await ctx.db.all(
    `SELECT s.review_id AS id, s.portfolio_id AS unit, s.reviewer_id AS rater, r.outcome, s.submitted_at AS at
       FROM calibration_submissions s JOIN reviews r ON r.id = s.review_id WHERE s.round_id = ? ORDER BY s.portfolio_id, s.reviewer_id`,
    [round.id],
  )) as { id: number; unit: string; rater: string; outcome: string | null; at: string }[];
  const ratings = (await ctx.db.all(
    `SELECT s.portfolio_id AS unit, s.reviewer_id AS rater, rs.criterion_id AS criterion, rs.score AS score, s.submitted_at AS at
       FROM calibration_submissions s JOIN review_scores rs ON rs.review_id = s.review_id AND rs.score IS NOT NULL
       WHERE s.round_id = ? ORDER BY s.portfolio_id, s.reviewer_id, rs.criterion_id`,
    [round.id],
  )) as RawRating[];
  const anchors = (
    (await ctx.db.all('SELECT portfolio_id AS id FROM calibration_round_anchors WHERE round_id = ? ORDER BY position', [round.id])) as { id: string }[]
  ).map((a) => a.id);
  const reviewerIds = (
    (await ctx.db.all('SELECT reviewer_id AS id FROM calibration_round_reviewers WHERE round_id = ? ORDER BY reviewer_id', [round.id])) as { id: string }[]
  ).map((r) => r.id);
  const reference = await referenceMap(ctx, anchors);
  const credentials = await credentialsOfRubric(ctx, round.rubricId);
  const threshold = await thresholdFor(ctx, credentials[0]?.code ?? null);
  const title = (cid: string) => rubric.criteria.find((c) => c.id === cid)?.title ?? cid;
  const meets = new Map<string, ReturnType<typeof judge>>();
  for (const r of reviewerIds) meets.set(r, judge(await roundResult(ctx, round, r), threshold, title));
  return assembleReport({
    kind: 'round',
    title: `Calibration round "${round.name}"`,
    against: 'reference',
    scope: {
      round: { id: round.id, name: round.name, status: roundStatus(round, ctx.now()), rubric: `${rubric.title} v${rubric.version}` },
      from: round.opensAt,
      to: round.closesAt,
      credential: credentials.map((c) => c.code).join(', ') || null,
    },
    rubrics: [
      {
        id: rubric.id,
        version: rubric.version,
        title: rubric.title,
        criteria: rubric.criteria.map((c) => ({ id: c.id, title: c.title })),
        ratings: ratings as ScoredRating[],
        outcomes: outcomeRows(reviews),
      },
    ],
    reference,
    names: await reviewerNames(ctx),
    drift: await calibrationDrift(ctx, reviewerIds, round),
    meets,
    bootstrap,
  });
}

export interface ProductionScope {
  from: string;
  to: string;
  credential?: string;
}

/**
 * Production double reviews: submitted reviews (kind 'review') dated within [from, to] (whole days, UTC) of
 * portfolios with at least two of them in that range. Each reviewer is compared with the decision in force.
 */
export async function productionReport(ctx: ServiceContext, scope: ProductionScope, actor: Reviewer, bootstrap?: BootstrapOptions): Promise<Report> {
  // Moderators read it too: it is linked from the panel dashboard.
  requireRole(actor, 'lead', 'admin', 'moderator');
  return await buildProductionReport(ctx, scope, bootstrap);
}

export async function buildProductionReport(ctx: ServiceContext, scope: ProductionScope, bootstrap?: BootstrapOptions): Promise<Report> {
  if (scope.to < scope.from) throw new ApiError('bad_request', 'the date range ends before it starts');
  const end = new Date(`${scope.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const params = [`${scope.from}T00:00:00.000Z`, end.toISOString(), ...(scope.credential ? [scope.credential] : [])];
  const selection = `
    WITH sel AS MATERIALIZED (
      SELECT r.id, r.portfolio_id, r.reviewer_id, r.outcome, r.submitted_at, r.rubric_id, r.rubric_version FROM reviews r JOIN portfolios p ON p.id = r.portfolio_id
      WHERE r.kind = 'review' AND r.status = 'submitted' AND r.submitted_at >= ? AND r.submitted_at < ? AND p.is_anchor = 0
        ${scope.credential ? 'AND p.credential_code = ?' : ''}
    ), dbl AS MATERIALIZED (SELECT portfolio_id FROM sel GROUP BY portfolio_id HAVING count(DISTINCT reviewer_id) >= 2)`;
  const reviews = (await ctx.db.all(
    `${selection} SELECT sel.portfolio_id AS unit, sel.reviewer_id AS rater, sel.outcome, sel.submitted_at AS at, sel.rubric_id AS rubricId, sel.rubric_version AS rubricVersion
       FROM sel JOIN dbl USING (portfolio_id) ORDER BY sel.submitted_at, sel.id`,
    params,
  )) as (RubricKey & { unit: string; rater: string; outcome: string | null; at: string })[];
  const ratings = (await ctx.db.all(
    `${selection} SELECT sel.portfolio_id AS unit, sel.reviewer_id AS rater, s.criterion_id AS criterion, s.score AS score, sel.submitted_at AS at,
              sel.rubric_id AS rubricId, sel.rubric_version AS rubricVersion
       FROM sel JOIN dbl USING (portfolio_id) JOIN review_scores s ON s.review_id = sel.id AND s.score IS NOT NULL
       ORDER BY sel.submitted_at, sel.id, s.criterion_id`,
    params,
  )) as (RubricKey & RawRating)[];
  // The decision in force on each unit (its latest revision): what the panel concluded.
  const decided = (await ctx.db.all(
    `${selection}, latest AS (SELECT d.portfolio_id, max(d.revision) AS rev FROM decisions d JOIN dbl USING (portfolio_id) GROUP BY d.portfolio_id)
       SELECT d.portfolio_id AS unit, dl.criterion_id AS criterion, dl.score FROM latest
       JOIN decisions d ON d.portfolio_id = latest.portfolio_id AND d.revision = latest.rev
       JOIN decision_levels dl ON dl.decision_id = d.id`,
    params,
  )) as { unit: string; criterion: string; score: number }[];
  const reference = new Map<string, Map<string, number>>();
  for (const d of decided) {
    let m = reference.get(d.unit);
    if (!m) reference.set(d.unit, (m = new Map()));
    m.set(d.criterion, d.score);
  }
  return assembleReport({
    kind: 'production',
    title: `Production double reviews, ${scope.from} to ${scope.to}${scope.credential ? ` (${scope.credential})` : ''}`,
    against: 'decision',
    scope: { round: null, from: scope.from, to: scope.to, credential: scope.credential ?? null },
    rubrics: await rubricInputs(ctx, ratings, reviews),
    reference,
    names: await reviewerNames(ctx),
    drift: { rounds: [], byRound: [], byMonth: productionDrift(ratings, reference) },
    bootstrap,
  });
}

interface RubricKey {
  rubricId: string;
  rubricVersion: number;
}

/**
 * The ratings split by the rubric version they were scored with (rubrics by id, then version), each with that
 * version's criteria in rubric order: two rubrics' criteria are never pooled, even where their ids coincide.
 */
async function rubricInputs(
  ctx: ServiceContext,
  ratings: (RubricKey & RawRating)[],
  reviews: (RubricKey & { unit: string; rater: string; outcome: string | null })[],
): Promise<RubricInput[]> {
  const rubric = rubricCache(ctx);
  const keyOf = (r: RubricKey) => `${r.rubricId}@${r.rubricVersion}`;
  const keys = [...new Map(reviews.map((r) => [keyOf(r), { rubricId: r.rubricId, rubricVersion: r.rubricVersion }])).values()].sort(
    (a, b) => a.rubricId.localeCompare(b.rubricId) || a.rubricVersion - b.rubricVersion,
  );
  return await mapInOrder(keys, async (k) => {
    const r = await rubric(k.rubricId, k.rubricVersion);
    return {
      id: r.id,
      version: r.version,
      title: r.title,
      criteria: r.criteria.map((c) => ({ id: c.id, title: c.title })),
      ratings: ratings.filter((x) => keyOf(x) === keyOf(k)),
      outcomes: outcomeRows(reviews.filter((x) => keyOf(x) === keyOf(k))),
    };
  });
}

function productionDrift(ratings: RawRating[], reference: Map<string, Map<string, number>>): Report['drift']['byMonth'] {
  const acc = new Map<string, { reviewerId: string; month: string; n: number; sum: number; exact: number }>();
  for (const r of ratings) {
    const ref = reference.get(r.unit)?.get(r.criterion);
    if (ref === undefined) continue;
    const month = r.at.slice(0, 7);
    const key = `${r.rater}|${month}`;
    const a = acc.get(key) ?? { reviewerId: r.rater, month, n: 0, sum: 0, exact: 0 };
    a.n++;
    a.sum += r.score - ref;
    if (r.score === ref) a.exact++;
    acc.set(key, a);
  }
  return [...acc.values()]
    .map((a) => ({ reviewerId: a.reviewerId, month: a.month, mean_signed_difference: a.sum / a.n, exact: a.exact / a.n, n: a.n }))
    .sort((a, b) => a.reviewerId.localeCompare(b.reviewerId) || a.month.localeCompare(b.month));
}

/** The ratings of a round in the long format of `cli agreement` (unit = anchor id, rater = reviewer id). */
export async function roundRatingRows(ctx: ServiceContext, roundId: number): Promise<RatingRow[]> {
  return (await ctx.db.all(
    `SELECT s.portfolio_id AS unit, s.reviewer_id AS rater, rs.criterion_id AS criterion, rs.score AS score
       FROM calibration_submissions s JOIN review_scores rs ON rs.review_id = s.review_id AND rs.score IS NOT NULL
       JOIN calibration_round_anchors ra ON ra.round_id = s.round_id AND ra.portfolio_id = s.portfolio_id
       JOIN reviews r ON r.id = s.review_id
       LEFT JOIN rubric_criteria c ON c.rubric_id = r.rubric_id AND c.rubric_version = r.rubric_version AND c.criterion_id = rs.criterion_id
       WHERE s.round_id = ? ORDER BY c.position, ra.position, s.reviewer_id`,
    [roundId],
  )) as RatingRow[];
}

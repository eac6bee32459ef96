/**
 * Lead side: a reviewer's results file lands on the assignments of its bundle, all or nothing. Every check runs before
 * any write and every problem is reported together: unknown bundle, MAC (tampering), reviewer, portfolio and rubric
 * version against the bundle, stale assignments, duplicates, and the scores against the rubric.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { and, desc, eq } from 'drizzle-orm';
import type { Reviewer } from '../../../../src-shared/contracts/reviewers';
import { evaluateDecision, invalidLevels, type Rubric } from '../../../../src-shared/domain/rubric';
import { submitProblems } from '../../../../src-shared/domain/review-rules';
import { anchors, assignments, bundleItems, bundles, evidence, moderations, portfolios, reviewScores, reviews } from '../../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../../context';
import { audit } from '../../audit';
import { currentDecision } from '../../decisions';
import { loadRubric } from '../../rubrics';
import { requireRole } from '../../reviewers';
import { setStatus } from '../../portfolios';
import { afterReviewSubmitted } from '../reconcile';
import { RefusedError } from './errors';
import { issueLines, RESULTS_FORMAT, ResultsFileSchema, ResultsPayloadSchema, type ResultReview, type ResultsPayload } from './format';
import { macMatches } from './mac';
import { mapInOrder } from '../../in-order';

export interface ResultsImportReport {
  bundle: string;
  reviewer: string;
  reviews: { portfolio: string; reviewId: number; outcome: 'pass' | 'not_yet'; status: string; moderation: boolean }[];
}

const MAX_BYTES = 64 * 1024 * 1024;
type BundleRow = typeof bundles.$inferSelect;

function refuse(reasons: string[], code: 'bad_request' | 'conflict' = 'bad_request'): never {
  throw new RefusedError('review results', reasons, code);
}

/** The file, its bundle, and a payload whose MAC verified: everything later checks may trust. */
async function readSealed(ctx: ServiceContext, file: string): Promise<{ payload: ResultsPayload; bundle: BundleRow; sha256: string }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) refuse([`no such file: ${file}`]);
  if (fs.statSync(file).size > MAX_BYTES) refuse([`${file} is larger than ${MAX_BYTES} bytes`]);
  const raw = fs.readFileSync(file);
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    refuse([`not valid JSON: ${(err as Error).message}`]);
  }
  const outer = ResultsFileSchema.safeParse(value);
  if (!outer.success) refuse([`not a results file (expected format ${RESULTS_FORMAT})`, ...issueLines(outer.error, 'results')]);
  const { payload, mac } = outer.data!;
  const bundleId = (payload as { bundle?: unknown } | null)?.bundle;
  const bundle = typeof bundleId === 'string' ? await ctx.db.orm.select().from(bundles).where(eq(bundles.id, bundleId)).get() : undefined;
  if (!bundle) refuse([`unknown bundle ${JSON.stringify(bundleId)}: it was not issued from this data directory`]);
  if (!macMatches(bundle!.secret, payload, mac))
    refuse([`tampered: the MAC does not match; the results were changed after export (or were not made from bundle ${bundle!.id})`]);
  const parsed = ResultsPayloadSchema.safeParse(payload);
  if (!parsed.success) refuse(issueLines(parsed.error, 'payload'));
  return { payload: parsed.data!, bundle: bundle!, sha256: crypto.createHash('sha256').update(raw).digest('hex') };
}

async function submittedReviewOf(ctx: ServiceContext, portfolioId: string, reviewerId: string) {
  return await ctx.db.orm
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.portfolioId, portfolioId), eq(reviews.reviewerId, reviewerId), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
    .get();
}

/** Why one review cannot land (empty when it can), checked against the bundle item, its assignment and the rubric. */
async function reviewProblems(ctx: ServiceContext, bundle: BundleRow, r: ResultReview): Promise<{ problems: string[]; rubric?: Rubric }> {
  const p = r.portfolio;
  const item = await ctx.db.orm
    .select()
    .from(bundleItems)
    .where(and(eq(bundleItems.bundleId, bundle.id), eq(bundleItems.portfolioId, p)))
    .get();
  if (!item) return { problems: [`${p} is not in bundle ${bundle.id}`] };
  if (item.rubricId !== r.rubric.id || item.rubricVersion !== r.rubric.version)
    return { problems: [`${p}: scored with rubric ${r.rubric.id}@${r.rubric.version}, but the bundle assigned ${item.rubricId}@${item.rubricVersion}`] };
  if (await submittedReviewOf(ctx, p, bundle.reviewerId))
    return { problems: [`duplicated: a review of ${p} by ${bundle.reviewerId} was already submitted or imported`] };
  const a = await ctx.db.orm.select().from(assignments).where(eq(assignments.id, item.assignmentId)).get();
  const row = await ctx.db.orm.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, p)).get();
  if ((await currentDecision(ctx, p)) || !row || !['submitted', 'in_review'].includes(row.status))
    return { problems: [`stale: ${p} is already ${row?.status ?? 'gone'}; the review is no longer needed`] };
  if (!a || a.reviewerId !== bundle.reviewerId || a.status !== 'assigned')
    return {
      problems: [
        `stale: ${p} is no longer assigned to ${bundle.reviewerId} (${a?.status === 'released' ? 'reassigned or released' : `assignment ${a?.status ?? 'missing'}`} since the bundle was issued)`,
      ],
    };

  const rubric = await loadRubric(ctx, r.rubric.id, r.rubric.version);
  if (!rubric) return { problems: [`${p}: rubric ${r.rubric.id}@${r.rubric.version} is missing here`] };
  const problems = [...invalidLevels(rubric, r.levels), ...submitProblems(rubric, r.levels, r.feedback)].map((x) => `${p}: ${x}`);
  for (const c of Object.keys(r.comments)) if (!rubric.criteria.some((x) => x.id === c)) problems.push(`${p}: comment on unknown criterion "${c}"`);
  if (problems.length === 0) {
    const preview = evaluateDecision(rubric, r.levels);
    if (preview.outcome !== r.outcome || Math.abs(preview.total - r.total) > 1e-9)
      problems.push(`${p}: outcome ${r.outcome} / total ${r.total} do not follow from the levels (${preview.outcome} / ${preview.total})`);
  }
  const items = new Map(
    (await ctx.db.orm.select({ id: evidence.evidenceId, kind: evidence.kind }).from(evidence).where(eq(evidence.portfolioId, p)).all()).map((e) => [
      e.id,
      e.kind,
    ]),
  );
  r.anchors.forEach((x, i) => {
    const at = `${p}: anchor ${i + 1}`;
    if (!rubric.criteria.some((c) => c.id === x.criterion)) problems.push(`${at}: unknown criterion "${x.criterion}"`);
    const kind = items.get(x.evidence);
    if (!kind) problems.push(`${at}: no evidence "${x.evidence}"`);
    else if (x.kind === 'pdf_page' && (kind !== 'pdf' || x.page === undefined)) problems.push(`${at}: a page anchor needs a PDF and a page`);
    else if (x.kind === 'video_time' && (kind !== 'video' || x.start_s === undefined || (x.end_s !== undefined && x.end_s < x.start_s)))
      problems.push(`${at}: a video anchor needs a video and a start (before its end)`);
  });
  return { problems, rubric };
}

/** Writes one review as the reviewer's submitted review; a draft they had started here is replaced by it. */
async function landReview(ctx: ServiceContext, bundle: BundleRow, r: ResultReview, rubric: Rubric, importedBy: string): Promise<number> {
  const db = ctx.db.orm;
  const reviewer = bundle.reviewerId;
  const p = (await db.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, r.portfolio)).get())!;
  if (p.status === 'submitted') await setStatus(ctx, r.portfolio, 'in_review', reviewer, { via: `bundle:${bundle.id}` });
  const values = {
    rubricId: r.rubric.id,
    rubricVersion: r.rubric.version,
    status: 'submitted' as const,
    outcome: r.outcome,
    total: r.total,
    feedback: r.feedback,
    updatedAt: r.submitted_at,
    submittedAt: r.submitted_at,
    activeMs: r.active_ms,
  };
  const draft = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.portfolioId, r.portfolio), eq(reviews.reviewerId, reviewer), eq(reviews.kind, 'review'), eq(reviews.status, 'draft')))
    .orderBy(desc(reviews.id))
    .get();
  let id: number;
  if (draft) {
    id = draft.id;
    await db.update(reviews).set(values).where(eq(reviews.id, id)).run();
    await db.delete(reviewScores).where(eq(reviewScores.reviewId, id)).run();
    await db.delete(anchors).where(eq(anchors.reviewId, id)).run();
  } else
    id = (
      await db
        .insert(reviews)
        .values({ portfolioId: r.portfolio, reviewerId: reviewer, kind: 'review', startedAt: r.submitted_at, ...values })
        .returning({ id: reviews.id })
        .get()
    ).id;
  for (const c of rubric.criteria)
    await db
      .insert(reviewScores)
      .values({ reviewId: id, criterionId: c.id, score: r.levels[c.id]!, comment: r.comments[c.id] ?? '' })
      .run();
  const now = nowIso(ctx);
  for (const a of r.anchors)
    await db
      .insert(anchors)
      .values({
        reviewId: id,
        criterionId: a.criterion,
        evidenceId: a.evidence,
        kind: a.kind,
        page: a.kind === 'pdf_page' ? (a.page ?? null) : null,
        quote: a.kind === 'pdf_page' ? (a.quote ?? null) : null,
        startS: a.kind === 'video_time' ? (a.start_s ?? null) : null,
        endS: a.kind === 'video_time' ? (a.end_s ?? null) : null,
        createdAt: now,
      })
      .run();
  await audit(ctx, {
    actor: reviewer,
    action: 'review.submit',
    entityType: 'review',
    entityId: String(id),
    details: { portfolio: r.portfolio, outcome: r.outcome, total: r.total, via: `bundle:${bundle.id}`, importedBy, replacedDraft: Boolean(draft) },
  });
  return id;
}

/** Imports a results file for a bundle issued here (lead or admin): each review lands, then reconciliation runs. */
export async function importResults(ctx: ServiceContext, file: string, actor: Reviewer): Promise<ResultsImportReport> {
  requireRole(actor, 'lead', 'admin');
  const { payload, bundle, sha256 } = await readSealed(ctx, file);
  if (payload.reviewer !== bundle.reviewerId)
    refuse([`wrong reviewer: these results are by ${payload.reviewer}, but bundle ${bundle.id} was issued to ${bundle.reviewerId}`]);
  if (bundle.resultsImportedAt) refuse([`duplicated: the results of bundle ${bundle.id} were already imported on ${bundle.resultsImportedAt}`], 'conflict');
  if (payload.reviews.length === 0) refuse(['the results file holds no reviews']);
  const problems: string[] = [];
  const checked: { r: ResultReview; rubric: Rubric }[] = [];
  const seen = new Set<string>();
  for (const r of payload.reviews) {
    if (seen.has(r.portfolio)) {
      problems.push(`duplicated: ${r.portfolio} appears twice in these results`);
      continue;
    }
    seen.add(r.portfolio);
    const { problems: own, rubric } = await reviewProblems(ctx, bundle, r);
    problems.push(...own);
    if (own.length === 0) checked.push({ r, rubric: rubric! });
  }
  if (problems.length) refuse(problems, problems.every((x) => /^(stale|duplicated):/.test(x)) ? 'conflict' : 'bad_request');

  const landed = await transaction(ctx, async (ctx) => {
    const ids = await mapInOrder(checked, async ({ r, rubric }) => {
      const id = await landReview(ctx, bundle, r, rubric, actor.id);
      await afterReviewSubmitted(ctx, r.portfolio, bundle.reviewerId);
      return { r, id };
    });
    await ctx.db.orm
      .update(bundles)
      .set({ resultsImportedAt: nowIso(ctx) })
      .where(eq(bundles.id, bundle.id))
      .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'results.import',
      entityType: 'bundle',
      entityId: bundle.id,
      details: { reviewer: bundle.reviewerId, reviews: ids.map((x) => ({ portfolio: x.r.portfolio, review: x.id })), exported_at: payload.exported_at, sha256 },
    });
    return ids;
  });
  return {
    bundle: bundle.id,
    reviewer: bundle.reviewerId,
    reviews: await mapInOrder(landed, async ({ r, id }) => {
      const p = (await ctx.db.orm.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, r.portfolio)).get())!;
      const m = await ctx.db.orm.select({ status: moderations.status }).from(moderations).where(eq(moderations.portfolioId, r.portfolio)).get();
      return { portfolio: r.portfolio, reviewId: id, outcome: r.outcome, status: p.status, moderation: m?.status === 'open' };
    }),
  };
}

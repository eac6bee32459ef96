import { format as formatDate } from 'date-fns';
import { mapInOrder } from '../in-order';
import type { ExportFile, ExportFilter } from '../../../src-shared/contracts/exports';
import { ApiError } from '../../../src-shared/contracts/errors';
import { ExportFilterSchema } from '../../../src-shared/contracts/exports';
import { describeTarget } from '../../../src-shared/contracts/anchors';
import type { DecisionView } from '../../../src-shared/contracts/review';
import { levelLabel, type Rubric } from '../../../src-shared/domain/rubric';
import { type ServiceContext, transaction } from '../context';
import { queueFilter } from '../queue';
import { releasedDecision } from '../decisions';
import { getPortfolio } from '../portfolios';
import { setStatus } from '../portfolios';
import { audit } from '../audit';
import { toCsv } from './csv';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { Anonymizer } from '../panels/anonymity';
import { and, desc, eq } from 'drizzle-orm';
import { reviews } from '../../db/schema';
import { toReviewView } from '../reviews';

/** One exported decision, nested (the JSON export); the CSV flattens it to one row. */
export interface ExportedDecision {
  portfolio: string;
  candidate: { id: string; name: string; email: string; school: string; district: string };
  credential: { code: string; title: string };
  rubric: { id: string; version: number };
  attempt: number;
  outcome: string;
  total: number | null;
  criteria: {
    id: string;
    title: string;
    level: number | null;
    label: string | null;
    comment: string;
    anchors: { evidence: string; evidence_title: string; kind: string; page?: number; quote?: string; start_s?: number; end_s?: number; label: string }[];
  }[];
  reviewer: { id: string; name: string };
  decided_at: string;
  revision: number;
  source: string;
  reason: string | null;
  feedback: string;
  time_on_task_ms: number | null;
}

/** Exporting the programme's decisions (with candidates' identities) is for leads and admins; others export their own reviews. */
export const exportsDecisions = (actor: Reviewer): boolean => actor.roles.some((r) => r === 'lead' || r === 'admin');

/**
 * Portfolio ids that match the filter (as the actor may ask it) in queue order: with a decision for a lead or admin,
 * with a review the actor submitted for anyone else.
 */
async function exportIds(ctx: ServiceContext, filter: ExportFilter, actor: Reviewer): Promise<string[]> {
  const f = ExportFilterSchema.parse(filter);
  const { where, params } = queueFilter(ctx.db.fn, f, actor);
  const ids = new Set(f.portfolioIds ?? []);
  const [has, extra] = exportsDecisions(actor)
    ? ['SELECT 1 FROM decisions d WHERE d.portfolio_id = p.id AND d.released_at IS NOT NULL', []]
    : ["SELECT 1 FROM reviews r WHERE r.portfolio_id = p.id AND r.reviewer_id = ? AND r.kind = 'review' AND r.status = 'submitted'", [actor.id]];
  const rows = (await ctx.db.all(`SELECT p.id FROM portfolios p ${where} AND EXISTS (${has}) ORDER BY p.submitted_at, p.id`, [...params, ...extra])) as {
    id: string;
  }[];
  return rows.map((r) => r.id).filter((id) => !f.portfolioIds || ids.has(id));
}

/** The actor's own submitted review of a portfolio, in the shape of a decision (source "review", revision 0). */
async function ownReview(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<DecisionView> {
  const row = (await ctx.db.orm
    .select()
    .from(reviews)
    .where(and(eq(reviews.portfolioId, portfolioId), eq(reviews.reviewerId, actor.id), eq(reviews.kind, 'review'), eq(reviews.status, 'submitted')))
    .orderBy(desc(reviews.submittedAt))
    .get())!;
  const view = await toReviewView(ctx, row);
  return {
    id: row.id,
    portfolioId,
    revision: 0,
    outcome: row.outcome!,
    total: row.total,
    feedback: row.feedback,
    source: 'review',
    reviewId: row.id,
    decidedBy: actor.id,
    decidedByName: view.reviewerName,
    decidedAt: row.submittedAt!,
    reason: null,
    levels: Object.entries(view.levels).flatMap(([criterionId, score]) =>
      score === null ? [] : [{ criterionId, score, comment: view.comments[criterionId] ?? '' }],
    ),
    anchors: view.anchors,
    timeOnTaskMs: row.activeMs,
    // A review is the reviewer's own record, not a released decision.
    releasedAt: null,
    releasedBy: null,
    feedbackVersion: 1,
    sources: [],
  };
}

/**
 * One decision (by default the portfolio's latest released one) as exported; candidate identity redacted where the policy is
 * anonymous and the actor may not see it.
 */
export async function exportedDecision(
  ctx: ServiceContext,
  portfolioId: string,
  anon: Anonymizer,
  released?: DecisionView,
): Promise<{ record: ExportedDecision; rubric: Rubric; decision: DecisionView }> {
  const decision = released ?? (await releasedDecision(ctx, portfolioId));
  if (!decision) throw new ApiError('conflict', `${portfolioId} has no released decision yet`);
  const p = await anon.detail(await getPortfolio(ctx, portfolioId));
  const evidenceTitle = new Map(p.evidence.map((e) => [e.id, e.title]));
  const record: ExportedDecision = {
    portfolio: p.id,
    candidate: p.candidate,
    credential: p.credential,
    rubric: { id: p.rubric.id, version: p.rubric.version },
    attempt: p.attempt,
    outcome: decision.outcome,
    total: decision.total,
    criteria: p.rubric.criteria.map((c) => {
      const level = decision.levels.find((l) => l.criterionId === c.id);
      return {
        id: c.id,
        title: c.title,
        level: level?.score ?? null,
        label: level ? levelLabel(c, level.score) : null,
        comment: level?.comment ?? '',
        anchors: decision.anchors
          .filter((a) => a.criterionId === c.id)
          .map((a) => ({
            evidence: a.evidenceId,
            evidence_title: evidenceTitle.get(a.evidenceId) ?? a.evidenceId,
            kind: a.target.kind,
            ...(a.target.kind === 'pdf_page'
              ? { page: a.target.page, ...(a.target.quote ? { quote: a.target.quote } : {}) }
              : { start_s: a.target.startS, ...(a.target.endS !== undefined ? { end_s: a.target.endS } : {}) }),
            label: `${evidenceTitle.get(a.evidenceId) ?? a.evidenceId} ${describeTarget(a.target)}`,
          })),
      };
    }),
    // A reconciled decision has no reviewer as its author: the id stays empty and the name says it was reconciled.
    reviewer: { id: decision.source === 'reconciled' ? '' : decision.decidedBy, name: decision.decidedByName },
    decided_at: decision.decidedAt,
    revision: decision.revision,
    source: decision.source,
    reason: decision.reason,
    feedback: decision.feedback,
    time_on_task_ms: decision.timeOnTaskMs,
  };
  return { record, rubric: p.rubric, decision };
}

export const BASE_COLUMNS = [
  'portfolio_id',
  'candidate_id',
  'candidate_name',
  'candidate_email',
  'school',
  'district',
  'credential_code',
  'credential_title',
  'attempt',
  'outcome',
  'total',
] as const;
export const TAIL_COLUMNS = ['reviewer_id', 'reviewer_name', 'decided_at', 'revision', 'source', 'time_on_task_minutes', 'feedback'] as const;

/** Flattens decisions to CSV: per criterion (in rubric order, the union over the rubrics present) level, label, comment, anchors. */
export function decisionsCsv(records: ExportedDecision[]): string {
  const criteria: string[] = [];
  for (const r of records) for (const c of r.criteria) if (!criteria.includes(c.id)) criteria.push(c.id);
  const columns = [...BASE_COLUMNS, ...criteria.flatMap((id) => [`${id}_level`, `${id}_label`, `${id}_comment`, `${id}_anchors`]), ...TAIL_COLUMNS];
  const rows = records.map((r) => {
    const row: Record<string, unknown> = {
      portfolio_id: r.portfolio,
      candidate_id: r.candidate.id,
      candidate_name: r.candidate.name,
      candidate_email: r.candidate.email,
      school: r.candidate.school,
      district: r.candidate.district,
      credential_code: r.credential.code,
      credential_title: r.credential.title,
      attempt: r.attempt,
      outcome: r.outcome,
      total: r.total,
      reviewer_id: r.reviewer.id,
      reviewer_name: r.reviewer.name,
      decided_at: r.decided_at,
      revision: r.revision,
      source: r.source,
      time_on_task_minutes: r.time_on_task_ms === null ? '' : (r.time_on_task_ms / 60000).toFixed(1),
      feedback: r.feedback,
    };
    for (const c of r.criteria) {
      row[`${c.id}_level`] = c.level;
      row[`${c.id}_label`] = c.label;
      row[`${c.id}_comment`] = c.comment;
      row[`${c.id}_anchors`] = c.anchors.map((a) => a.label).join('; ');
    }
    return row;
  });
  return toCsv(columns, rows);
}

/**
 * A lead or admin exports the decisions matching the filter as CSV or JSON and marks decided portfolios exported
 * (re-exporting an exported one is allowed). Anyone else exports only their own submitted reviews, in the same
 * format, identity withheld as the policy says, and marks nothing. Returns the file for the caller to save: a
 * download, a save dialog or the CLI's --out.
 */
export async function exportDecisions(ctx: ServiceContext, format: 'csv' | 'json', filter: ExportFilter, actor: Reviewer): Promise<ExportFile> {
  const programme = exportsDecisions(actor);
  const ids = await exportIds(ctx, filter, actor);
  const anon = new Anonymizer(ctx, actor);
  const records = await mapInOrder(ids, async (id) => (await exportedDecision(ctx, id, anon, programme ? undefined : await ownReview(ctx, id, actor))).record);
  const stamp = formatDate(ctx.now(), "yyyy-MM-dd'T'HHmm");
  const content =
    format === 'csv'
      ? decisionsCsv(records)
      : `${JSON.stringify({ format: 'evidence-workbench/decisions@1', exported_at: ctx.now().toISOString(), decisions: records }, null, 2)}\n`;
  const fileName = `${programme ? 'decisions' : 'my-reviews'}-${stamp}.${format}`;
  await transaction(ctx, async (ctx) => {
    if (programme)
      for (const id of ids) {
        const status = ((await ctx.db.get('SELECT status FROM portfolios WHERE id = ?', [id])) as { status: string }).status;
        if (status === 'decided') await setStatus(ctx, id, 'exported', actor.id, { file: fileName });
      }
    await audit(ctx, {
      actor: actor.id,
      action: programme ? 'decisions.export' : 'reviews.export',
      entityType: 'export',
      entityId: fileName,
      details: { format, count: ids.length, portfolios: ids },
    });
  });
  return { fileName, mediaType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', encoding: 'utf8', content, count: ids.length };
}

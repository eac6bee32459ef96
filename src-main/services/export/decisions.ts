import { format as formatDate } from 'date-fns';
import type { ExportFile, ExportFilter } from '../../../src-shared/contracts/exports';
import { ApiError } from '../../../src-shared/contracts/errors';
import { ExportFilterSchema } from '../../../src-shared/contracts/exports';
import { describeTarget } from '../../../src-shared/contracts/anchors';
import type { DecisionView } from '../../../src-shared/contracts/review';
import { levelLabel, type Rubric } from '../../../src-shared/domain/rubric';
import type { ServiceContext } from '../context';
import { queueFilter } from '../queue';
import { releasedDecision } from '../decisions';
import { getPortfolio } from '../portfolios';
import { setStatus } from '../portfolios';
import { audit } from '../audit';
import { toCsv } from './csv';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { Anonymizer } from '../panels/anonymity';

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

/** Portfolio ids with a released decision that match the filter, in queue order (one waiting for release is not out yet). */
function decidedIds(ctx: ServiceContext, filter: ExportFilter): string[] {
  const f = ExportFilterSchema.parse(filter);
  const { where, params } = queueFilter(f);
  const ids = new Set(f.portfolioIds ?? []);
  const rows = ctx.handle.sqlite
    .prepare(`SELECT p.id FROM portfolios p ${where} AND EXISTS (SELECT 1 FROM decisions d WHERE d.portfolio_id = p.id AND d.released_at IS NOT NULL) ORDER BY p.submitted_at, p.id`)
    .all(...params) as { id: string }[];
  return rows.map((r) => r.id).filter((id) => !f.portfolioIds || ids.has(id));
}

/** One decision as exported; candidate identity redacted where the policy is anonymous and the actor may not see it. */
export function exportedDecision(ctx: ServiceContext, portfolioId: string, anon: Anonymizer): { record: ExportedDecision; rubric: Rubric; decision: DecisionView } {
  const p = anon.detail(getPortfolio(ctx, portfolioId));
  const decision = releasedDecision(ctx, portfolioId);
  if (!decision) throw new ApiError('conflict', `${portfolioId} has no released decision yet`);
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
 * Exports the decisions matching the filter as CSV or JSON and marks decided portfolios exported (re-exporting an
 * exported one is allowed). Returns the file for the caller to save: a download, a save dialog or the CLI's --out.
 */
export function exportDecisions(ctx: ServiceContext, format: 'csv' | 'json', filter: ExportFilter, actor: Reviewer): ExportFile {
  const ids = decidedIds(ctx, filter);
  const anon = new Anonymizer(ctx, actor);
  const records = ids.map((id) => exportedDecision(ctx, id, anon).record);
  const stamp = formatDate(ctx.now(), "yyyy-MM-dd'T'HHmm");
  const content =
    format === 'csv'
      ? decisionsCsv(records)
      : `${JSON.stringify({ format: 'evidence-workbench/decisions@1', exported_at: ctx.now().toISOString(), decisions: records }, null, 2)}\n`;
  const fileName = `decisions-${stamp}.${format}`;
  ctx.handle.sqlite.transaction(() => {
    for (const id of ids) {
      const status = (ctx.handle.sqlite.prepare('SELECT status FROM portfolios WHERE id = ?').get(id) as { status: string }).status;
      if (status === 'decided') setStatus(ctx, id, 'exported', actor.id, { file: fileName });
    }
    audit(ctx, { actor: actor.id, action: 'decisions.export', entityType: 'export', entityId: fileName, details: { format, count: ids.length, portfolios: ids } });
  })();
  return { fileName, mediaType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json', encoding: 'utf8', content, count: ids.length };
}

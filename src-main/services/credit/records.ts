import type { ExportFile } from '../../../src-shared/contracts/exports';
import { mapInOrder } from '../in-order';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { nowIso, type ServiceContext } from '../context';
import { audit } from '../audit';
import { toCsv } from '../export/csv';
import { canView } from './access';
import { approvedApplications, getApplication, isoDay } from './applications';

/**
 * Columns of the student-records export of approved credit, in this order (stable: student-record systems map them
 * by position as often as by name). One row per approved application.
 */
export const STUDENT_RECORD_COLUMNS = [
  'application_id',
  'candidate_id',
  'candidate_name',
  'candidate_email',
  'school',
  'district',
  'award_code',
  'award_title',
  'qualification',
  'awarding_body',
  'credit_points',
  'hours',
  'pathway_id',
  'pathway_version',
  'application_date',
  'decided_on',
  'approvers',
  'credentials_counted',
  'credential_sources',
  'reasons',
] as const;

export type StudentRecord = Record<(typeof STUDENT_RECORD_COLUMNS)[number], string | number>;

export async function studentRecords(ctx: ServiceContext, actor: Reviewer): Promise<StudentRecord[]> {
  return await mapInOrder(await approvedApplications(ctx), async (r) => {
    const a = await getApplication(ctx, r.id, actor);
    const t = a.pathway.target;
    return {
      application_id: a.id,
      candidate_id: a.candidate.id,
      candidate_name: a.candidate.name,
      candidate_email: a.candidate.email,
      school: a.candidate.school,
      district: a.candidate.district,
      award_code: t.code,
      award_title: t.title,
      qualification: t.qualification,
      awarding_body: t.awarding_body,
      // The award's own points and/or hours (a Masters paper has no hours, a renewal no points); an award that
      // names neither is worth what was counted.
      credit_points: t.points ?? (t.hours === undefined ? a.evaluation.totals.points : ''),
      hours: t.hours ?? (t.points === undefined ? a.evaluation.totals.hours : ''),
      pathway_id: a.pathway.id,
      pathway_version: a.pathway.version,
      application_date: a.date,
      decided_on: isoDay(a.decidedAt ?? ''),
      approvers: a.approvals.map((x) => `${x.approverName} (${x.approverId})`).join('; '),
      credentials_counted: a.counted.map((c) => c.code).join('; '),
      credential_sources: a.counted
        .map((c) =>
          c.source === 'app' ? `${c.code} portfolio ${c.portfolioId} passed ${c.awardedOn}` : `${c.code} external ${c.issuer} awarded ${c.awardedOn}`,
        )
        .join('; '),
      reasons: a.approvals
        .map((x) => x.reasons)
        .filter(Boolean)
        .join(' | '),
    };
  });
}

/** Approved credit for student-record systems: CSV (BOM, CRLF, formula-injection guarded) or JSON. */
export async function exportStudentRecords(ctx: ServiceContext, format: 'csv' | 'json', actor: Reviewer): Promise<ExportFile> {
  canView(actor);
  const rows = await studentRecords(ctx, actor);
  const stamp = isoDay(nowIso(ctx));
  await audit(ctx, {
    actor: actor.id,
    action: 'credit.records.export',
    entityType: 'credit_application',
    entityId: '*',
    details: { format, count: rows.length },
  });
  if (format === 'json')
    return {
      fileName: `approved-credit-${stamp}.json`,
      mediaType: 'application/json',
      encoding: 'utf8',
      content: `${JSON.stringify({ format: 'evidence-workbench/approved-credit@1', exported_at: nowIso(ctx), columns: STUDENT_RECORD_COLUMNS, awards: rows }, null, 2)}\n`,
      count: rows.length,
    };
  return {
    fileName: `approved-credit-${stamp}.csv`,
    mediaType: 'text/csv',
    encoding: 'utf8',
    content: toCsv([...STUDENT_RECORD_COLUMNS], rows),
    count: rows.length,
  };
}

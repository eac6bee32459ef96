import { format as formatDate } from 'date-fns';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { APPLICATION_STATUS_LABEL } from '../../../src-shared/contracts/credit';
import { pathwayLabel } from '../../../src-shared/domain/pathway';
import type { ServiceContext } from '../context';
import { audit } from '../audit';
import { FlowDocument } from '../pdf/document';
import { getApplication } from './applications';

const longDate = (iso: string) => formatDate(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso), 'd MMMM yyyy');
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The decision letter of a decided application: who, which award, the credentials counted (with where each came
 * from), every requirement checked, the decision with its reasons, the approver(s) and the date.
 */
export async function decisionLetter(ctx: ServiceContext, applicationId: string, actor: Reviewer): Promise<ExportFile> {
  const app = await getApplication(ctx, applicationId, actor);
  if (app.status !== 'approved' && app.status !== 'declined')
    throw new ApiError('conflict', `${app.id} is not decided yet (${APPLICATION_STATUS_LABEL[app.status].toLowerCase()})`);
  const p = app.pathway;
  const approved = app.status === 'approved';
  const award = [
    p.target.points !== undefined ? `${num(p.target.points)} credit points` : '',
    p.target.hours !== undefined ? `${num(p.target.hours)} hours` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const doc = await FlowDocument.create(`Credit decision ${app.id}: ${pathwayLabel(p)}`, `Evidence Workbench · credit decision ${app.id}`);
  doc
    .heading(`Credit decision: ${pathwayLabel(p)}`, 16)
    .fields([
      ['Candidate', `${app.candidate.name} (${app.candidate.id})`],
      ['Email', app.candidate.email || '—'],
      ['School', [app.candidate.school, app.candidate.district].filter(Boolean).join(', ') || '—'],
      ['Award', [p.target.code, p.target.title].join(' ') + (award ? ` (${award})` : '')],
      ...(p.target.qualification ? [['Qualification', p.target.qualification] as [string, string]] : []),
      ...(p.target.awarding_body ? [['Awarding body', p.target.awarding_body] as [string, string]] : []),
      ['Pathway', `${p.id}, version ${p.version}`],
      ['Application', `${app.id}, dated ${longDate(app.date)}`],
      ['Decision', approved ? `Approved${award ? `: ${award}` : ''}` : 'Declined'],
      ['Decided', app.decidedAt ? longDate(app.decidedAt) : '—'],
      [
        app.approvals.length > 1 ? 'Approvers' : 'Approver',
        app.approvals.map((a) => `${a.approverName}, ${a.decision === 'approve' ? 'approved' : 'declined'} ${longDate(a.at)}`).join('\n'),
      ],
    ])
    .rule();
  doc.heading('Credentials counted', 12);
  if (app.counted.length === 0) doc.text(approved ? '—' : 'None: the application was declined.', { indent: 12 });
  for (const c of app.counted) {
    const from =
      c.source === 'app'
        ? `passed ${c.awardedOn} (attempt ${c.attempt ?? 1}, portfolio ${c.portfolioId})`
        : `awarded ${c.awardedOn} by ${c.issuer} (earned elsewhere)`;
    doc.text(`${c.title} (${c.code})`, { bold: true, indent: 12, gapAfter: 0 });
    doc.text(`${from}\n${num(c.points)} points, ${num(c.hours)} hours${c.expiresOn ? `; counts toward credit until ${c.expiresOn}` : ''}`, {
      indent: 24,
      color: [0.3, 0.3, 0.3],
    });
  }
  // A two-column list: the verdict in the label column, the reason wrapping beside it.
  // Credentials a pathway only offers as options (n of, any) are listed when held; the ones not held add nothing.
  doc
    .heading('Requirements checked on the application date', 12)
    .fields(
      app.evaluation.checks
        .filter((check) => check.required || check.status !== 'missing')
        .map((check) => [check.ok ? '✓ Met' : check.required ? '✗ Not met' : '– Optional', check.reason]),
    );
  const reasons = app.approvals.filter((a) => a.reasons).map((a) => (app.approvals.length > 1 ? `${a.approverName}: ${a.reasons}` : a.reasons));
  doc.heading('Reasons', 12).text(reasons.length ? reasons.join('\n') : approved ? 'Every requirement of the pathway is met.' : '—');
  doc
    .rule()
    .text(
      approved
        ? `The credit above is approved${app.approvals.length > 1 ? ' by two approvers' : ''} and will be recorded in the student record.`
        : 'The credit was not approved. A new application can be made once the requirements are met.',
      { color: [0.3, 0.3, 0.3] },
    );
  const bytes = await doc.save();
  await audit(ctx, { actor: actor.id, action: 'credit.letter.export', entityType: 'credit_application', entityId: app.id, details: { status: app.status } });
  return {
    fileName: `credit-decision-${app.id}.pdf`,
    mediaType: 'application/pdf',
    encoding: 'base64',
    content: Buffer.from(bytes).toString('base64'),
    count: 1,
  };
}

import { format as formatDate } from 'date-fns';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import { OUTCOME_LABEL, type Outcome } from '../../../src-shared/domain/rubric';
import type { ServiceContext } from '../context';
import { releasedDecision } from '../decisions';
import { audit } from '../audit';
import { FlowDocument } from '../pdf/document';
import { exportedDecision } from './decisions';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { Anonymizer } from '../panels/anonymity';

/**
 * The report goes back to the educator: leads, admins and approvers make it for any decided portfolio; a reviewer
 * or moderator only for one they reviewed or decided themselves (and then with identity withheld as the policy says).
 */
async function requireFeedbackAccess(ctx: ServiceContext, portfolioId: string, actor: Reviewer, decidedBy: string): Promise<void> {
  if (actor.roles.some((r) => r === 'lead' || r === 'admin' || r === 'approver') || decidedBy === actor.id) return;
  const reviewed = await ctx.db.get("SELECT 1 FROM reviews WHERE portfolio_id = ? AND reviewer_id = ? AND kind = 'review' AND status = 'submitted'", [
    portfolioId,
    actor.id,
  ]);
  if (!reviewed) throw new ApiError('forbidden', `${actor.name} may export the feedback report only of a portfolio they reviewed`);
}

/** The report that goes back to the educator: outcome, each criterion's level with its descriptor, comments, cited evidence, feedback. */
export async function feedbackPdf(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<ExportFile> {
  const decision = await releasedDecision(ctx, portfolioId);
  if (!decision) throw new ApiError('conflict', `${portfolioId} has no released decision yet`);
  await requireFeedbackAccess(ctx, portfolioId, actor, decision.decidedBy);
  const { record, rubric } = await exportedDecision(ctx, portfolioId, new Anonymizer(ctx, actor));
  const doc = await FlowDocument.create(`Feedback: ${record.credential.title}`, `Evidence Workbench · ${record.portfolio}`);
  doc
    .heading(`Feedback on your portfolio: ${record.credential.title}`, 16)
    .fields([
      ['Candidate', `${record.candidate.name} (${record.candidate.id})`],
      ['School', `${record.candidate.school}, ${record.candidate.district}`],
      ['Portfolio', `${record.portfolio}, attempt ${record.attempt}`],
      ['Outcome', OUTCOME_LABEL[record.outcome as Outcome]],
      ['Decided', formatDate(new Date(record.decided_at), 'd MMMM yyyy')],
      ['Rubric', `${rubric.title}, version ${rubric.version}`],
    ])
    .rule();
  for (const c of record.criteria) {
    const criterion = rubric.criteria.find((x) => x.id === c.id)!;
    const level = criterion.levels.find((l) => l.score === c.level);
    doc.heading(`${c.title}: ${c.label ?? 'not scored'}${c.level !== null ? ` (level ${c.level} of ${criterion.levels.at(-1)!.score})` : ''}`, 12);
    if (level) doc.text(level.descriptor, { color: [0.3, 0.3, 0.3], indent: 12 });
    if (c.comment) doc.text(`Reviewer's comment: ${c.comment}`, { indent: 12 });
    if (c.anchors.length) doc.text(`Evidence cited: ${c.anchors.map((a) => a.label).join('; ')}`, { indent: 12, size: 9.5, color: [0.25, 0.35, 0.45] });
  }
  doc
    .rule()
    .heading('Overall feedback', 12)
    .text(record.feedback || '—');
  if (record.outcome === 'not_yet')
    doc.text('You may resubmit this portfolio. Your next attempt will be reviewed with this feedback in view.', { color: [0.3, 0.3, 0.3] });
  const bytes = await doc.save();
  await audit(ctx, { actor: actor.id, action: 'feedback.export', entityType: 'portfolio', entityId: portfolioId, details: { revision: record.revision } });
  return {
    fileName: `feedback-${record.portfolio}.pdf`,
    mediaType: 'application/pdf',
    encoding: 'base64',
    content: Buffer.from(bytes).toString('base64'),
    count: 1,
  };
}

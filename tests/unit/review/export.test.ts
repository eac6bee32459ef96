import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAnchor, saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { exportDecisions } from '../../../src-main/services/export/decisions';
import { feedbackPdf } from '../../../src-main/services/export/feedback-pdf';
import { guardCell } from '../../../src-main/services/export/csv';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { tempServices } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';
import { pdfText } from '../../support/pdf-text';

let ctx: Services;
let reviewer: Reviewer;
let admin: Reviewer;

async function decide(portfolioId: string, levels: Record<string, number>, feedback: string, comments: Record<string, string> = {}) {
  const id = (await startReview(ctx, portfolioId, reviewer)).review!.id;
  await saveDraft(ctx, { reviewId: id, levels, comments, feedback, activeMsDelta: 120_000 }, reviewer);
  await addAnchor(
    ctx,
    { reviewId: id, criterionId: 'planning', evidenceId: 'E1', target: { kind: 'pdf_page', page: 2, quote: 'Learning intentions' } },
    reviewer,
  );
  await submitReview(ctx, id, 0, reviewer);
}

beforeEach(async () => {
  ctx = await tempServices();
  ({ reviewer, admin } = await reviewSetup(ctx, 3));
  await decide('P-1', { planning: 4, reflection: 3 }, 'Kia pai! Strong planning.', { planning: '=HYPERLINK("http://x")' });
  await decide('P-2', { planning: 2, reflection: 3 }, '-Revisit your plans, "with" quotes, and commas');
});
afterEach(() => ctx.close());

describe('exporting decisions', () => {
  it('writes CSV a spreadsheet opens right: BOM, one row per decision, criteria columns, guarded formulas', async () => {
    const file = await exportDecisions(ctx, 'csv', {}, admin);
    expect(file).toMatchObject({ mediaType: 'text/csv;charset=utf-8', count: 2, encoding: 'utf8' });
    expect(file.fileName).toMatch(/^decisions-\d{4}-\d\d-\d\dT\d{4}\.csv$/);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toContain('\r\n');
    const parsed = Papa.parse<Record<string, string>>(file.content.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([
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
      'planning_level',
      'planning_label',
      'planning_comment',
      'planning_anchors',
      'reflection_level',
      'reflection_label',
      'reflection_comment',
      'reflection_anchors',
      'reviewer_id',
      'reviewer_name',
      'decided_at',
      'revision',
      'source',
      'time_on_task_minutes',
      'feedback',
    ]);
    const [p1, p2] = parsed.data;
    expect(p1).toMatchObject({
      portfolio_id: 'P-1',
      candidate_name: 'Aroha Ngātai',
      outcome: 'pass',
      total: '7',
      planning_level: '4',
      planning_label: 'Exemplary',
      planning_comment: `'=HYPERLINK("http://x")`,
      planning_anchors: 'Evidence 1 p. 2 “Learning intentions”',
      reviewer_name: 'Rangi Reviewer',
      time_on_task_minutes: '2.0',
      revision: '1',
    });
    expect(p2).toMatchObject({ portfolio_id: 'P-2', outcome: 'not_yet', feedback: `'-Revisit your plans, "with" quotes, and commas` });
  });

  it('guards every formula trigger and leaves numbers alone', () => {
    for (const t of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardCell(t)).toBe(`'${t}`);
    expect(guardCell('plain')).toBe('plain');
    expect(guardCell(-3)).toBe(-3);
  });

  it('writes the same decisions as nested JSON and marks them exported; re-export is allowed', async () => {
    const file = await exportDecisions(ctx, 'json', { portfolioIds: ['P-1'] }, admin);
    const json = JSON.parse(file.content);
    expect(json.format).toBe('evidence-workbench/decisions@1');
    expect(json.decisions).toHaveLength(1);
    expect(json.decisions[0]).toMatchObject({
      portfolio: 'P-1',
      candidate: { id: 'C-1', name: 'Aroha Ngātai' },
      credential: { code: 'TST-8' },
      outcome: 'pass',
      criteria: [
        { id: 'planning', level: 4, label: 'Exemplary', anchors: [{ evidence: 'E1', kind: 'pdf_page', page: 2, quote: 'Learning intentions' }] },
        { id: 'reflection', level: 3, label: 'Proficient', anchors: [] },
      ],
      reviewer: { id: reviewer.id },
      revision: 1,
    });
    const st = async () => ((await ctx.db.get("SELECT status FROM portfolios WHERE id = 'P-1'")) as { status: string }).status;
    expect(await st()).toBe('exported');
    expect((await exportDecisions(ctx, 'json', { portfolioIds: ['P-1'] }, admin)).count).toBe(1);
    expect(((await ctx.db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'decisions.export'")) as { n: number }).n).toBe(2);
  });

  it('exports only what the filter selects, and nothing undecided', async () => {
    expect((await exportDecisions(ctx, 'json', { search: 'Candidate 2' }, admin)).count).toBe(1);
    expect((await exportDecisions(ctx, 'json', { portfolioIds: ['P-3'] }, admin)).count).toBe(0);
  });

  it('renders a feedback report with extractable text: outcome, levels with descriptors, comments, anchors, feedback', async () => {
    const file = await feedbackPdf(ctx, 'P-1', reviewer);
    expect(file).toMatchObject({ fileName: 'feedback-P-1.pdf', mediaType: 'application/pdf', encoding: 'base64' });
    const text = (await pdfText(Buffer.from(file.content, 'base64'))).join('\n');
    for (const expected of [
      'Feedback on your portfolio: Test Credential',
      'Aroha Ngātai',
      'Outcome',
      'Pass',
      'Planning: Exemplary (level 4 of 4)',
      'Evidence cited: Evidence 1 p. 2',
      'Kia pai! Strong planning.',
    ])
      expect(text).toContain(expected);
  });
});

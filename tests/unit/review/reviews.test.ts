import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAnchor, nextPortfolio, removeAnchor, saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { correctDecision, loadDecisions } from '../../../src-main/services/decisions';
import { createReviewer } from '../../../src-main/services/reviewers';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { countRows, tempServices } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';

let ctx: Services;
let admin: Reviewer;
let reviewer: Reviewer;
beforeEach(async () => {
  ctx = await tempServices();
  ({ admin, reviewer } = await reviewSetup(ctx));
});
afterEach(() => ctx.close());

const status = async (id: string) =>
  (await ctx.db.get('SELECT status, outcome FROM portfolios WHERE id = ?', [id])) as { status: string; outcome: string | null };
const auditActions = async () => ((await ctx.db.all('SELECT action FROM audit_log ORDER BY id')) as { action: string }[]).map((a) => a.action);
const apiError = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected an ApiError');
};

describe('reviewing a portfolio', () => {
  it('starting creates a draft and moves the portfolio into review; starting again returns the same draft', async () => {
    const state = await startReview(ctx, 'P-1', reviewer);
    expect(state.review).toMatchObject({ status: 'draft', reviewerId: reviewer.id, levels: {}, feedback: '', revision: 1 });
    expect(state.readOnly).toBe(false);
    expect(state.canStart).toBe(false);
    expect((await status('P-1')).status).toBe('in_review');
    expect((await startReview(ctx, 'P-1', reviewer)).review!.id).toBe(state.review!.id);
    expect(await countRows(ctx, 'reviews')).toBe(1);
  });

  it('drafts persist every change (levels, comments, feedback, time on task) and audit each level change', async () => {
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    await saveDraft(ctx, { reviewId: id, levels: { planning: 3 }, activeMsDelta: 1000 }, reviewer);
    await saveDraft(
      ctx,
      { reviewId: id, levels: { planning: 4 }, comments: { planning: 'Clear intentions' }, feedback: 'Good', activeMsDelta: 2500 },
      reviewer,
    );
    const review = (await startReview(ctx, 'P-1', reviewer)).review!;
    expect(review).toMatchObject({ levels: { planning: 4 }, comments: { planning: 'Clear intentions' }, feedback: 'Good', activeMs: 3500 });
    const scores = (await ctx.db.all("SELECT details FROM audit_log WHERE action = 'review.score'")) as { details: string }[];
    expect(scores.map((s) => JSON.parse(s.details))).toEqual([
      { portfolio: 'P-1', criterion: 'planning', from: null, to: 3 },
      { portfolio: 'P-1', criterion: 'planning', from: 3, to: 4 },
    ]);
  });

  it('refuses levels the rubric does not have and another reviewer writing into my draft', async () => {
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    const err = await apiError(() => saveDraft(ctx, { reviewId: id, levels: { planning: 7 }, activeMsDelta: 0 }, reviewer));
    expect(err.code).toBe('bad_request');
    expect(err.issues).toEqual(['Planning: 7 is not a level of this criterion']);
    expect((await apiError(() => saveDraft(ctx, { reviewId: id, feedback: 'x', activeMsDelta: 0 }, admin))).code).toBe('forbidden');
  });

  it('anchors cite a PDF page (with quote) and must fit the evidence kind', async () => {
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    const a = await addAnchor(
      ctx,
      { reviewId: id, criterionId: 'planning', evidenceId: 'E1', target: { kind: 'pdf_page', page: 2, quote: 'success criteria' } },
      reviewer,
    );
    expect(a).toMatchObject({ criterionId: 'planning', evidenceId: 'E1', target: { kind: 'pdf_page', page: 2, quote: 'success criteria' } });
    expect(
      (await apiError(() => addAnchor(ctx, { reviewId: id, criterionId: 'planning', evidenceId: 'E1', target: { kind: 'video_time', startS: 3 } }, reviewer)))
        .message,
    ).toMatch(/not a video/);
    expect(
      (await apiError(() => addAnchor(ctx, { reviewId: id, criterionId: 'nope', evidenceId: 'E1', target: { kind: 'pdf_page', page: 1 } }, reviewer))).code,
    ).toBe('bad_request');
    expect(
      (await apiError(() => addAnchor(ctx, { reviewId: id, criterionId: 'planning', evidenceId: 'E9', target: { kind: 'pdf_page', page: 1 } }, reviewer)))
        .message,
    ).toMatch(/no evidence "E9"/);
    await removeAnchor(ctx, id, a.id, reviewer);
    expect((await startReview(ctx, 'P-1', reviewer)).review!.anchors).toEqual([]);
    expect(await auditActions()).toEqual(expect.arrayContaining(['review.anchor.add', 'review.anchor.remove']));
  });

  it('submitting validates every criterion and feedback for Not yet, then records the decision', async () => {
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    await saveDraft(ctx, { reviewId: id, levels: { planning: 4 }, activeMsDelta: 0 }, reviewer);
    expect((await apiError(() => submitReview(ctx, id, 0, reviewer))).issues).toEqual(['Reflection: not scored']);
    await saveDraft(ctx, { reviewId: id, levels: { reflection: 2 }, activeMsDelta: 60_000 }, reviewer);
    expect((await apiError(() => submitReview(ctx, id, 0, reviewer))).issues).toEqual(['Feedback to the candidate is required for Not yet']);
    await saveDraft(ctx, { reviewId: id, feedback: 'Deepen your reflection.', activeMsDelta: 0 }, reviewer);
    const state = await submitReview(ctx, id, 5_000, reviewer);
    expect(state.readOnly).toBe(true);
    expect(state.decision).toMatchObject({ revision: 1, outcome: 'not_yet', total: 6, source: 'review', decidedBy: reviewer.id, timeOnTaskMs: 65_000 });
    expect(state.decision!.levels).toEqual([
      { criterionId: 'planning', score: 4, comment: '' },
      { criterionId: 'reflection', score: 2, comment: '' },
    ]);
    expect(await status('P-1')).toEqual({ status: 'decided', outcome: 'not_yet' });
    expect(await auditActions()).toEqual(expect.arrayContaining(['review.submit', 'decision.create']));
  });

  it('a decided portfolio is read-only: no more saves, and a correction is a new revision with a reason', async () => {
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    await saveDraft(ctx, { reviewId: id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 0 }, reviewer);
    await submitReview(ctx, id, 0, reviewer);
    expect((await apiError(() => saveDraft(ctx, { reviewId: id, feedback: 'x', activeMsDelta: 0 }, reviewer))).code).toBe('conflict');
    const other = await createReviewer(ctx, { name: 'Other', email: 'o@example.nz', school: '', district: '', roles: ['reviewer'] }, admin);
    expect(
      (
        await apiError(() =>
          correctDecision(ctx, { portfolioId: 'P-1', levels: { planning: 3, reflection: 2 }, comments: {}, feedback: 'x', reason: 'typo' }, other),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (await apiError(() => correctDecision(ctx, { portfolioId: 'P-1', levels: { planning: 3 }, comments: {}, feedback: 'x', reason: 'typo' }, reviewer)))
        .issues,
    ).toEqual(['Reflection: not scored']);
    const corrected = await correctDecision(
      ctx,
      {
        portfolioId: 'P-1',
        levels: { planning: 3, reflection: 2 },
        comments: { reflection: 'Thin' },
        feedback: 'Revisit reflection',
        reason: 'Misread the journal',
      },
      admin,
    );
    expect(corrected).toMatchObject({ revision: 2, outcome: 'not_yet', source: 'correction', reason: 'Misread the journal', decidedBy: admin.id });
    const revisions = await loadDecisions(ctx, 'P-1');
    expect(revisions.map((r) => [r.revision, r.outcome])).toEqual([
      [1, 'pass'],
      [2, 'not_yet'],
    ]);
    expect(await status('P-1')).toEqual({ status: 'decided', outcome: 'not_yet' });
    const revise = (await ctx.db.get("SELECT details FROM audit_log WHERE action = 'decision.revise'")) as { details: string };
    expect(JSON.parse(revise.details)).toMatchObject({ revision: 2, previous: { revision: 1, outcome: 'pass' }, reason: 'Misread the journal' });
  });

  it('two submissions racing for the same revision cannot both land', async () => {
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    await saveDraft(ctx, { reviewId: id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 0 }, reviewer);
    await ctx.db.run(
      "INSERT INTO decisions (portfolio_id, revision, outcome, feedback, source, decided_by, decided_at) VALUES ('P-1', 1, 'pass', '', 'review', 'x', 't')",
    );
    expect((await apiError(() => submitReview(ctx, id, 0, reviewer))).code).toBe('conflict');
    expect(await countRows(ctx, 'decisions')).toBe(1);
  });

  it('Save & next finds the next portfolio in queue order, skipping what I already submitted', async () => {
    expect(await nextPortfolio(ctx, undefined, reviewer)).toBe('P-1');
    expect(await nextPortfolio(ctx, 'P-1', reviewer)).toBe('P-2');
    expect(await nextPortfolio(ctx, 'P-2', reviewer)).toBe('P-1');
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    await saveDraft(ctx, { reviewId: id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 0 }, reviewer);
    await submitReview(ctx, id, 0, reviewer);
    expect(await nextPortfolio(ctx, 'P-2', reviewer)).toBe(null);
  });
});

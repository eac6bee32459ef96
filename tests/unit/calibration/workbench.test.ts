import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import { listQueue, statusCounts } from '../../../src-main/services/queue';
import { nextPortfolio, openReview, saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { claim } from '../../../src-main/services/panels/assignments';
import { setPolicy } from '../../../src-main/services/panels/policies';
import { anchorCandidates, getAnchor, removeAnchor, saveAnchor } from '../../../src-main/services/calibration/anchors';
import { closeRound, updateRound } from '../../../src-main/services/calibration/rounds';
import { myCalibration } from '../../../src-main/services/calibration/mine';
import { ApiError } from '../../../src-shared/contracts/errors';
import { anchor, calibrationWorld, round, score } from './setup';

describe('anchors', () => {
  it('leave the production queue, next-portfolio and counts, and never become decisions', async () => {
    const w = await calibrationWorld(3, 2);
    expect((await listQueue(w.ctx, {}, null)).total).toBe(3);
    await anchor(w, 'P-2', 3, 2);
    expect((await listQueue(w.ctx, {}, null)).rows.map((r) => r.id)).toEqual(['P-1', 'P-3']);
    expect((await listQueue(w.ctx, {}, null)).total).toBe(2);
    expect((await statusCounts(w.ctx)).total).toBe(2);
    expect((await listQueue(w.ctx, { search: 'Candidate 2' }, null)).total).toBe(0);
    const [a] = w.reviewers;
    expect(await nextPortfolio(w.ctx, 'P-1', a!)).toBe('P-3');
    expect(await nextPortfolio(w.ctx, 'P-3', a!)).toBe('P-1');
    await round(w, 'Spring', ['P-2'], [a!]);
    await score(w, a!, 'P-2', 3, 2);
    const p2 = await w.ctx.db.get("SELECT status, outcome FROM portfolios WHERE id = 'P-2'");
    expect(p2).toEqual({ status: 'submitted', outcome: null });
    expect(await w.ctx.db.get("SELECT count(*) AS n FROM decisions WHERE portfolio_id = 'P-2'")).toEqual({ n: 0 });
    expect(await w.ctx.db.get("SELECT actor FROM audit_log WHERE action = 'calibration.anchor.make' AND entity_id = 'P-2'")).toEqual({ actor: 'R-lead' });
  });

  it('can only be made by a lead, from a portfolio nobody has reviewed or decided', async () => {
    const w = await calibrationWorld(3, 2);
    const [a, b] = w.reviewers;
    await expect(anchor({ ...w, lead: a! }, 'P-1', 3, 3)).rejects.toThrow(/needs the role Panel lead or Administrator/);
    await setPolicy(w.ctx, 'TST-8', { reviews_required: 1 }, w.lead);
    const state = await startReview(w.ctx, 'P-1', a!);
    await expect(anchor(w, 'P-1', 3, 3)).rejects.toThrow(/reviewed in production/);
    await saveDraft(w.ctx, { reviewId: state.review!.id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 0 }, a!);
    await submitReview(w.ctx, state.review!.id, 0, a!);
    await expect(anchor(w, 'P-1', 3, 3)).rejects.toThrow(/already decided/);
    // An allocated but untouched portfolio may become an anchor: its assignment is released.
    await claim(w.ctx, 'P-3', b!);
    await anchor(w, 'P-3', 2, 2);
    expect(await w.ctx.db.get("SELECT status FROM assignments WHERE portfolio_id = 'P-3'")).toEqual({ status: 'released' });
    expect((await anchorCandidates(w.ctx, undefined, w.lead)).map((r) => r.id)).toEqual(['P-2']);
  });

  it('check reference levels against the rubric and fix them once a reviewer was compared', async () => {
    const w = await calibrationWorld(2, 1);
    await expect(saveAnchor(w.ctx, { portfolioId: 'P-1', references: [{ criterionId: 'planning', score: 7, rationale: 'x' }] }, w.lead)).rejects.toThrow(
      ApiError,
    );
    try {
      await saveAnchor(
        w.ctx,
        {
          portfolioId: 'P-1',
          references: [
            { criterionId: 'nope', score: 1, rationale: 'x' },
            { criterionId: 'planning', score: 7, rationale: 'x' },
          ],
        },
        w.lead,
      );
    } catch (err) {
      expect((err as ApiError).issues).toEqual(['"nope" is not a criterion of Test rubric v1', 'Planning: 7 is not one of its levels (1, 2, 3, 4)']);
    }
    await anchor(w, 'P-1', 3, 3);
    await anchor(w, 'P-1', 4, 3); // still editable
    expect((await getAnchor(w.ctx, 'P-1', w.lead)).references.map((r) => r.score)).toEqual([4, 3]);
    await round(w, 'R1', ['P-1'], w.reviewers);
    await expect(removeAnchor(w.ctx, 'P-1', w.lead)).rejects.toThrow(/used by the round "R1"/);
    await score(w, w.reviewers[0]!, 'P-1', 4, 3);
    await expect(anchor(w, 'P-1', 2, 2)).rejects.toThrow(/reference is fixed/);
    expect((await getAnchor(w.ctx, 'P-1', w.lead)).locked).toBe(true);
  });
});

describe('calibration reviews in the workbench', () => {
  it('hide the reference until the reviewer submits, over the API, then show it with the rationale', async () => {
    const w = await calibrationWorld(2, 2);
    const core = createCore(w.ctx, { name: 'test', version: 'test', shell: 'browser' });
    const [a] = w.reviewers;
    await anchor(w, 'P-1', 3, 2);
    await round(w, 'Blind', ['P-1'], [a!]);
    const opened = (await core.handle('review.start', { portfolioId: 'P-1' }, { actor: a!.id })) as {
      review: { id: number; kind: string; revision: number };
      reference: unknown;
    };
    expect(opened.review.kind).toBe('calibration');
    expect(opened.reference).toBeNull();
    const wire = JSON.stringify(opened);
    expect(wire).not.toContain('rationale');
    expect(wire).not.toContain('reference 3');
    const saved = (await core.handle(
      'review.save',
      { reviewId: opened.review.id, revision: opened.review.revision, levels: { planning: 4, reflection: 2 }, feedback: 'Not yet: reflection is thin.' },
      { actor: a!.id },
    )) as { revision: number };
    const again = JSON.stringify(await core.handle('review.open', { portfolioId: 'P-1' }, { actor: a!.id }));
    expect(again).not.toContain('rationale');
    // Neither the anchor API nor the reviewer's own calibration list leak it.
    await expect(core.handle('calibration.anchors.get', { portfolioId: 'P-1' }, { actor: a!.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect(JSON.stringify(await core.handle('calibration.mine', {}, { actor: a!.id }))).not.toContain('rationale');
    const submitted = (await core.handle('review.submit', { reviewId: opened.review.id, revision: saved.revision }, { actor: a!.id })) as {
      state: { reference: unknown; readOnly: boolean };
    };
    expect(submitted.state.readOnly).toBe(true);
    expect(submitted.state.reference).toEqual([
      { criterionId: 'planning', score: 3, rationale: 'P-1: planning rationale (reference 3).' },
      { criterionId: 'reflection', score: 2, rationale: 'P-1: reflection rationale (reference 2).' },
    ]);
    const reopened = (await core.handle('review.open', { portfolioId: 'P-1' }, { actor: a!.id })) as { reference: unknown[] };
    expect(reopened.reference).toHaveLength(2);
    const mine = await myCalibration(w.ctx, a!);
    expect(mine.rounds[0]!.anchors).toEqual([{ portfolioId: 'P-1', status: 'submitted', exact: 1, criteria: 2 }]);
  });

  it('let only the reviewers of an open round score an anchor', async () => {
    const w = await calibrationWorld(2, 3);
    const [a, b, c] = w.reviewers;
    await anchor(w, 'P-1', 3, 3);
    expect((await openReview(w.ctx, 'P-1', a!)).readOnlyReason).toMatch(/scored only by the reviewers of an open calibration round/);
    await round(w, 'Later', ['P-1'], [a!, b!], '2026-06-01T00:00:00Z', '2026-06-30T00:00:00Z');
    expect((await openReview(w.ctx, 'P-1', a!)).readOnlyReason).toMatch(/"Later", which opens on 1 Jun 2026/);
    expect((await openReview(w.ctx, 'P-1', c!)).review).toBeNull();
    w.clock.now = new Date('2026-06-10T00:00:00Z');
    expect((await openReview(w.ctx, 'P-1', c!)).review).toBeNull();
    const draft = await startReview(w.ctx, 'P-1', a!);
    expect(draft.review?.kind).toBe('calibration');
    expect(draft.readOnly).toBe(false);
    // b leaves it too late: the round closes before they submit.
    const late = await startReview(w.ctx, 'P-1', b!);
    await saveDraft(w.ctx, { reviewId: late.review!.id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 0 }, b!);
    await closeRound(w.ctx, (await updateRound(w.ctx, 1, {}, w.lead)).id, w.lead);
    await expect(submitReview(w.ctx, late.review!.id, 0, b!)).rejects.toThrow(/closed/);
    expect(await w.ctx.db.get('SELECT status FROM reviews WHERE id = ?', [late.review!.id])).toEqual({ status: 'draft' });
  });

  it('refuse a round that gives a reviewer an anchor they met in another round', async () => {
    const w = await calibrationWorld(3, 2);
    const [a, b] = w.reviewers;
    await anchor(w, 'P-1', 3, 3);
    await anchor(w, 'P-2', 3, 3);
    await round(w, 'First', ['P-1'], [a!]);
    await expect(round(w, 'first', ['P-2'], [b!])).rejects.toThrow(/already exists/);
    try {
      await round(w, 'Second', ['P-1', 'P-2'], [a!, b!]);
      expect.unreachable();
    } catch (err) {
      expect((err as ApiError).issues).toEqual([
        'Reviewer A already has P-1 in the round "First": a reviewer scores an anchor only once, since they see its reference after submitting',
      ]);
    }
    await expect(round(w, 'Third', ['P-3'], [b!])).rejects.toThrow(/cannot be created/);
    await round(w, 'Second', ['P-1', 'P-2'], [b!]);
  });
});

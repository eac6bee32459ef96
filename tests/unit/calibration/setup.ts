import path from 'node:path';
import { importPath } from '../../../src-main/services/import/importer';
import { createReviewer } from '../../../src-main/services/reviewers';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { saveAnchor } from '../../../src-main/services/calibration/anchors';
import { createRound } from '../../../src-main/services/calibration/rounds';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { makePdf, tempDir, tempServices, writeCatalogue, writePackageFolder } from '../../support/fixtures';

export interface CalibrationWorld {
  ctx: Services;
  /** The clock every service call sees; tests move it. */
  clock: { now: Date };
  lead: Reviewer;
  reviewers: Reviewer[];
}

/**
 * A real data directory with the test rubric (criteria planning and reflection, levels 1–4), `n` portfolios
 * P-1…P-n, a panel lead and `reviewerCount` reviewers (R-a, R-b, …), and a movable clock.
 */
export async function calibrationWorld(n = 4, reviewerCount = 3): Promise<CalibrationWorld> {
  const clock = { now: new Date('2026-05-01T00:00:00Z') };
  const base = await tempServices();
  const ctx: Services = { ...base, now: () => clock.now };
  const work = tempDir();
  writeCatalogue(work);
  const pdf = await makePdf(2);
  for (let i = 1; i <= n; i++)
    await writePackageFolder(path.join(work, `P-${i}`), {
      id: `P-${i}`,
      candidate: { id: `C-${i}`, name: `Candidate ${i}`, email: `c${i}@example.nz` },
      submitted_at: `2026-04-0${Math.min(i, 9)}T09:00:00Z`,
      files: { 'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] } },
    });
  await importPath(ctx, work, { actor: 'test' });
  const lead = await createReviewer(
    ctx,
    { id: 'R-lead', name: 'Lena Lead', email: 'lead@example.nz', school: '', district: '', roles: ['lead', 'admin'] },
    null,
  );
  const reviewers = [];
  for (let i = 0; i < reviewerCount; i++) {
    const letter = String.fromCharCode(97 + i);
    reviewers.push(
      await createReviewer(
        ctx,
        { id: `R-${letter}`, name: `Reviewer ${letter.toUpperCase()}`, email: `${letter}@example.nz`, school: 'S', district: 'D', roles: ['reviewer'] },
        lead,
      ),
    );
  }
  return { ctx, clock, lead, reviewers };
}

/** Makes P-… an anchor with the given reference levels (planning, reflection). */
export async function anchor(w: CalibrationWorld, id: string, planning: number, reflection: number) {
  return await saveAnchor(
    w.ctx,
    {
      portfolioId: id,
      references: [
        { criterionId: 'planning', score: planning, rationale: `${id}: planning rationale (reference ${planning}).` },
        { criterionId: 'reflection', score: reflection, rationale: `${id}: reflection rationale (reference ${reflection}).` },
      ],
    },
    w.lead,
  );
}

export async function round(
  w: CalibrationWorld,
  name: string,
  anchors: string[],
  reviewers: Reviewer[],
  opensAt = '2026-05-01T00:00:00Z',
  closesAt = '2026-05-31T00:00:00Z',
) {
  return await createRound(
    w.ctx,
    { name, rubricId: 'test-rubric', rubricVersion: 1, opensAt, closesAt, anchors, reviewers: reviewers.map((r) => r.id) },
    w.lead,
  );
}

/** Scores an anchor through the workbench services, as the review page does. */
export async function score(w: CalibrationWorld, reviewer: Reviewer, portfolioId: string, planning: number, reflection: number) {
  const state = await startReview(w.ctx, portfolioId, reviewer);
  if (!state.review) throw new Error(`${reviewer.id} cannot score ${portfolioId}: ${state.readOnlyReason}`);
  const notYet = planning < 3 || reflection < 3;
  await saveDraft(
    w.ctx,
    { reviewId: state.review.id, levels: { planning, reflection }, feedback: notYet ? 'Calibration: not yet.' : '', activeMsDelta: 60_000 },
    reviewer,
  );
  return await submitReview(w.ctx, state.review.id, 0, reviewer);
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfFresh } from '../../../src-main/core/services';
import type { Services } from '../../../src-main/core/services';
import { replayCalibrationDemo } from '../../../src-main/services/calibration/demo';
import { listRounds } from '../../../src-main/services/calibration/rounds';
import { roundReport, productionReport } from '../../../src-main/services/calibration/report';
import { isQualified } from '../../../src-main/services/calibration/qualification';
import { listAnchors } from '../../../src-main/services/calibration/anchors';
import { listQueue } from '../../../src-main/services/queue';
import { getReviewer } from '../../../src-main/services/reviewers';
import { tempServices } from '../../support/fixtures';

let ctx: Services;
beforeAll(async () => {
  ctx = await tempServices(new Date('2026-11-01T10:00:00Z'));
  expect(await loadDemoIfFresh(ctx)).toBe(true);
  await replayCalibrationDemo(ctx);
}, 120_000);
afterAll(() => ctx.close());

describe('the calibration demo', () => {
  it('has eight anchors with full references, none in the queue, and two closed rounds of five reviewers', async () => {
    const lead = (await getReviewer(ctx, 'R-terina'))!;
    const anchors = await listAnchors(ctx, lead);
    expect(anchors.map((a) => a.portfolioId)).toEqual(['A-CST-01', 'A-CST-02', 'A-CST-03', 'A-CST-04', 'A-FA-01', 'A-FA-02', 'A-FA-03', 'A-FA-04']);
    for (const a of anchors) expect(a.referenced, a.portfolioId).toBe(a.criteria);
    expect((await listQueue(ctx, { search: 'Exemplar' }, null)).total).toBe(0);
    expect((await listQueue(ctx, {}, null)).rows.some((r) => r.id.startsWith('A-'))).toBe(false);
    const rounds = await listRounds(ctx, lead);
    expect(rounds.map((r) => [r.name, r.status, r.submitted, r.expected])).toEqual([
      ['CST-8 calibration · Term 3 2026', 'closed', 20, 20],
      ['FA-8 calibration · Term 2 2026', 'closed', 20, 20],
    ]);
    // Idempotent.
    await replayCalibrationDemo(ctx);
    expect(await listRounds(ctx, lead)).toHaveLength(2);
  });

  it('shows a lenient, a severe and a drifting reviewer, and an ambiguous criterion', async () => {
    const lead = (await getReviewer(ctx, 'R-terina'))!;
    const cst = (await listRounds(ctx, lead)).find((r) => r.name.startsWith('CST'))!;
    const report = await roundReport(ctx, cst.id, lead);
    const msd = Object.fromEntries(report.perReviewer.map((r) => [r.reviewerId, r.mean_signed_difference]));
    expect(msd['R-tevita']).toBeGreaterThanOrEqual(0.5);
    expect(msd['R-sarah']).toBeLessThanOrEqual(-0.5);
    expect(Math.abs(msd['R-mika']!)).toBeLessThan(0.25);
    expect(report.findings.join('\n')).toMatch(/Tevita Fonua is lenient/);
    expect(report.findings.join('\n')).toMatch(/Sarah Whitcombe is severe/);
    expect(report.findings.join('\n')).toMatch(
      /Hemi Rāwiri drifted towards leniency: \+0\.13 in FA-8 calibration · Term 2 2026, \+0\.65 in CST-8 calibration · Term 3 2026/,
    );
    expect(report.rubrics[0]!.ambiguous?.criterion).toBe('cst-culture');
    expect(report.drift.rounds).toHaveLength(2);
    expect((await isQualified(ctx, 'R-mika', 'CST-8')).qualified).toBe(true);
    expect((await isQualified(ctx, 'R-lucy', 'CST-8')).qualified).toBe(true);
    expect((await isQualified(ctx, 'R-tevita', 'CST-8')).qualified).toBe(false);
    expect((await isQualified(ctx, 'R-sarah', 'CST-8')).reason).toMatch(/exact agreement 45 % is below 70 %/);
    expect((await isQualified(ctx, 'R-hemi', 'FA-8')).qualified).toBe(true);
    expect((await isQualified(ctx, 'R-hemi', 'CST-8')).qualified).toBe(false);
  });

  it('leaves production untouched and reports on its double reviews', async () => {
    const lead = (await getReviewer(ctx, 'R-terina'))!;
    const p = await productionReport(ctx, { from: '2026-01-01', to: '2026-12-31' }, lead);
    expect(p.units).toBeGreaterThan(0);
    expect(p.perReviewer.length).toBeGreaterThan(1);
    expect(p.ratings).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { roundReport, productionReport } from '../../../src-main/services/calibration/report';
import { reportCsv, reportPdf } from '../../../src-main/services/calibration/export';
import { closeRound } from '../../../src-main/services/calibration/rounds';
import { setPolicy } from '../../../src-main/services/panels/policies';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { pdfText } from '../../support/pdf-text';
import { anchor, calibrationWorld, round, score, type CalibrationWorld } from './setup';

/**
 * Three anchors, three reviewers, criteria planning and reflection. References: P-1 (3, 2), P-2 (2, 3), P-3 (4, 4).
 * A scores exactly the reference; B is lenient; C is severe, once two levels off.
 */
async function scoredRound(): Promise<CalibrationWorld> {
  const w = await calibrationWorld(7, 3);
  const [a, b, c] = w.reviewers;
  await anchor(w, 'P-1', 3, 2);
  await anchor(w, 'P-2', 2, 3);
  await anchor(w, 'P-3', 4, 4);
  await round(w, 'Term 2', ['P-1', 'P-2', 'P-3'], [a!, b!, c!]);
  w.clock.now = new Date('2026-05-10T09:00:00Z');
  const scores: [typeof a, string, number, number][] = [
    [a, 'P-1', 3, 2],
    [a, 'P-2', 2, 3],
    [a, 'P-3', 4, 4],
    [b, 'P-1', 4, 3],
    [b, 'P-2', 3, 3],
    [b, 'P-3', 4, 4],
    [c, 'P-1', 2, 2],
    [c, 'P-2', 2, 1],
    [c, 'P-3', 3, 4],
  ];
  for (const [who, p, planning, reflection] of scores) await score(w, who!, p, planning, reflection);
  return w;
}

describe('round report', () => {
  it('matches hand-computed agreement, differences from the reference and the ambiguous criterion', async () => {
    const w = await scoredRound();
    const r = await roundReport(w.ctx, 1, w.lead);
    expect(r).toMatchObject({ kind: 'round', against: 'reference', units: 3, reviewers: 3, ratings: 18 });
    const [planning, reflection] = r.rubrics[0]!.criteria;
    // Planning: P-1 {3,4,2} no pair equal, two adjacent; P-2 {2,3,2} one equal, all adjacent; P-3 {4,4,3} one equal, all adjacent.
    expect(planning).toMatchObject({ criterion: 'planning', title: 'Planning', units: 3, ratings: 9 });
    expect(planning!.exact).toBeCloseTo(2 / 9, 12);
    expect(planning!.adjacent).toBeCloseTo(8 / 9, 12);
    // Krippendorff by hand: nominal D_o = 7/9, D_e = (81 - 27) / 72 → α = 1 - 28/27; interval D_o = 10/9, D_e = 108/72 → α = 7/27.
    expect(planning!.alpha_nominal).toBeCloseTo(-1 / 27, 12);
    expect(planning!.alpha_interval).toBeCloseTo(7 / 27, 12);
    expect(reflection!.exact).toBeCloseTo(5 / 9, 12);
    expect(reflection!.adjacent).toBeCloseTo(7 / 9, 12);
    // Reflection interval: D_o = 10/9, D_e = 160/72 → α = 1/2.
    expect(reflection!.alpha_interval).toBeCloseTo(0.5, 12);
    // Three anchors: enough for alpha, too few for a bootstrap interval (src-shared/stats/minimums).
    expect(planning).toMatchObject({ withheld: 'interval', alpha_ordinal_ci: null });
    // Outcome (all at least 3): A NY NY P, B P P P, C NY NY P → exact 5/9.
    expect(r.rubrics[0]!.outcome!.exact).toBeCloseTo(5 / 9, 12);

    const byId = Object.fromEntries(r.perReviewer.map((x) => [x.reviewerId, x]));
    expect(byId['R-a']).toMatchObject({ units: 6, exact: 1, adjacent: 1, mean_signed_difference: 0, kappa_quadratic: 1, max_off: 0 });
    expect(byId['R-b']).toMatchObject({ units: 6, exact: 0.5, adjacent: 1, mean_signed_difference: 0.5, max_off: 1 });
    expect(byId['R-c']!.exact).toBe(0.5);
    expect(byId['R-c']!.adjacent).toBeCloseTo(5 / 6, 12);
    expect(byId['R-c']!.mean_signed_difference).toBeCloseTo(-4 / 6, 12);
    expect(byId['R-c']!.max_off).toBe(2);
    expect(byId['R-c']!.meets).toEqual({ ok: false, reason: '"Term 2": exact agreement 50 % is below 70 %' });
    expect(byId['R-a']!.meets).toEqual({ ok: true, reason: '"Term 2": exact agreement 100 %, at most 0 levels off' });

    const cell = (rev: string, c: string) => r.rubrics[0]!.heatmap.find((h) => h.reviewerId === rev && h.criterion === c)!.mean_signed_difference;
    expect(cell('R-b', 'planning')).toBeCloseTo(2 / 3, 12);
    expect(cell('R-b', 'reflection')).toBeCloseTo(1 / 3, 12);
    expect(cell('R-c', 'planning')).toBeCloseTo(-2 / 3, 12);
    expect(cell('R-c', 'reflection')).toBeCloseTo(-2 / 3, 12);
    expect(cell('R-a', 'planning')).toBe(0);

    expect(r.rubrics[0]!.ambiguous?.criterion).toBe('planning');
    expect(r.rubrics[0]!.ambiguous?.units.map((u) => u.portfolioId)).toEqual(['P-1', 'P-2', 'P-3']);
    expect(r.rubrics[0]!.ambiguous?.units[0]).toMatchObject({ levels: { '2': 1, '3': 1, '4': 1 }, reference: 3 });
    expect(r.rubrics[0]!.ambiguous?.units[0]!.spread).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(r.findings).toContain('Reviewer B is lenient: +0.50 levels on average against the reference (exact 50 %).');
    expect(r.findings).toContain('Reviewer C is severe: −0.67 levels on average against the reference (exact 50 %).');
    expect(r.findings.at(-1)).toBe('1 of 3 reviewers meet the qualification thresholds in this round.');
  });

  it('follows each reviewer across rounds and calls a change of half a level drift', async () => {
    const w = await scoredRound();
    const [, b] = w.reviewers;
    await closeRound(w.ctx, 1, w.lead);
    for (const p of ['P-4', 'P-5', 'P-6']) await anchor(w, p, 2, 2);
    await round(w, 'Term 3', ['P-4', 'P-5', 'P-6'], [b!], '2026-07-01T00:00:00Z', '2026-07-31T00:00:00Z');
    w.clock.now = new Date('2026-07-05T00:00:00Z');
    for (const p of ['P-4', 'P-5', 'P-6']) await score(w, b!, p, 2, 2);
    w.clock.now = new Date('2026-08-01T00:00:00Z');
    const r = await roundReport(w.ctx, 2, w.lead);
    expect(r.drift.rounds.map((x) => x.name)).toEqual(['Term 2', 'Term 3']);
    expect(r.drift.byRound).toEqual([
      { reviewerId: 'R-b', roundId: 1, mean_signed_difference: 0.5, exact: 0.5, n: 6 },
      { reviewerId: 'R-b', roundId: 2, mean_signed_difference: 0, exact: 1, n: 6 },
    ]);
    expect(r.drift.byMonth.map((m) => m.month)).toEqual(['2026-05', '2026-07']);
    expect(r.findings).toContain('Reviewer B drifted towards severity: +0.50 in Term 2, ±0.00 in Term 3.');
    // The earlier round's report does not see its future.
    expect((await roundReport(w.ctx, 1, w.lead)).drift.rounds.map((x) => x.name)).toEqual(['Term 2']);
  });

  it('exports as CSV (BOM, sections) and as a readable PDF', async () => {
    const w = await scoredRound();
    const r = await roundReport(w.ctx, 1, w.lead);
    const csv = reportCsv(r);
    expect(csv.startsWith('\uFEFFsection,criterion,criterion_title,reviewer_id')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines.find((l) => l.startsWith('criterion,planning,'))).toContain(',0.222222,0.888889,');
    expect(lines.find((l) => l.startsWith('reviewer,,,R-c,'))).toContain(',-0.666667,');
    expect(lines.filter((l) => l.startsWith('finding,'))).toHaveLength(r.findings.length);
    const text = (await pdfText(await reportPdf(r, new Date('2026-06-01T00:00:00Z')))).join('\n');
    expect(text).toContain('Calibration round "Term 2"');
    expect(text).toContain('Most ambiguous criterion');
    expect(text).toContain('Reviewer C is severe');
  });

  it('is for leads only', async () => {
    const w = await scoredRound();
    await expect(roundReport(w.ctx, 1, w.reviewers[0]!)).rejects.toThrow(/needs the role/);
  });
});

describe('production report', () => {
  it('covers double reviews in the date range, compared with the decision in force', async () => {
    const w = await calibrationWorld(3, 2);
    const [a, b] = w.reviewers;
    await setPolicy(w.ctx, 'TST-8', { reviews_required: 2, tolerance: 1 }, w.lead);
    w.clock.now = new Date('2026-05-10T09:00:00Z');
    const review = async (who: typeof a, p: string, planning: number, reflection: number) => {
      const s = await startReview(w.ctx, p, who!);
      await saveDraft(w.ctx, { reviewId: s.review!.id, levels: { planning, reflection }, feedback: 'Feedback.', activeMsDelta: 0 }, who!);
      await submitReview(w.ctx, s.review!.id, 0, who!);
    };
    await review(a, 'P-1', 3, 3);
    await review(b, 'P-1', 3, 4); // agree: reconciled to the lower levels (3, 3)
    await review(a, 'P-2', 2, 3);
    await review(b, 'P-2', 3, 3); // outcomes differ: moderation, no decision yet
    await review(a, 'P-3', 4, 4); // single review: not a double review
    const r = await productionReport(w.ctx, { from: '2026-05-01', to: '2026-05-31' }, w.lead);
    expect(r).toMatchObject({ kind: 'production', against: 'decision', units: 2, reviewers: 2, ratings: 8 });
    expect(r.rubrics[0]!.criteria.map((c) => [c.criterion, c.units, c.exact])).toEqual([
      ['planning', 2, 0.5],
      ['reflection', 2, 0.5],
    ]);
    expect(r.rubrics[0]!.outcome).toMatchObject({ units: 2, exact: 0.5 });
    const byId = Object.fromEntries(r.perReviewer.map((x) => [x.reviewerId, x]));
    expect(byId['R-a']).toMatchObject({ units: 2, exact: 1, mean_signed_difference: 0 });
    expect(byId['R-b']).toMatchObject({ units: 2, exact: 0.5, mean_signed_difference: 0.5 });
    expect(r.drift.byMonth.map((m) => [m.reviewerId, m.month])).toEqual([
      ['R-a', '2026-05'],
      ['R-b', '2026-05'],
    ]);
    expect(await productionReport(w.ctx, { from: '2026-06-01', to: '2026-06-30' }, w.lead)).toMatchObject({
      units: 0,
      ratings: 0,
      findings: ['No submitted scores yet.'],
    });
    expect((await productionReport(w.ctx, { from: '2026-05-10', to: '2026-05-10' }, w.lead)).units).toBe(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfFresh } from '../../../src-main/core/services';
import type { Services } from '../../../src-main/core/services';
import { productionReport } from '../../../src-main/services/calibration/report';
import { reportCsv, reportPdf } from '../../../src-main/services/calibration/export';
import { setPolicy } from '../../../src-main/services/panels/policies';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { getReviewer } from '../../../src-main/services/reviewers';
import { AMBIGUOUS_RULE, MIN_UNITS_FOR_COEFFICIENTS, MIN_UNITS_FOR_INTERVAL, TOO_FEW_UNITS, TOO_FEW_UNITS_FOR_INTERVAL } from '../../../src-shared/stats';
import type { Report } from '../../../src-shared/contracts/calibration';
import { pdfText } from '../../support/pdf-text';
import { tempServices } from '../../support/fixtures';
import { calibrationWorld } from './setup';

/**
 * The demo's production double reviews span three rubrics (CST-8, EMP-8, WCL-8); CST-8 criteria have 4 units, the
 * others 2. That is where the report contradicted itself: the call-out named α −0.17 while the one table showed
 * −0.42 and −0.50 (criteria of other rubrics, rated on two units) and intervals from two units.
 */
let ctx: Services;
let report: Report;
beforeAll(async () => {
  ctx = await tempServices(new Date('2026-11-01T10:00:00Z'));
  expect(await loadDemoIfFresh(ctx)).toBe(true);
  report = await productionReport(ctx, { from: '2026-01-01', to: '2026-12-31' }, (await getReviewer(ctx, 'R-terina'))!);
}, 120_000);
afterAll(() => ctx.close());

describe('production report rules', () => {
  it('groups criteria per rubric version, never mixing two rubrics in one section', () => {
    expect(report.rubrics.map((r) => `${r.id}@${r.version}`)).toEqual(['rubric-cst-8@1', 'rubric-emp-8@1', 'rubric-wcl-8@1']);
    for (const section of report.rubrics) {
      const prefix = section.id.replace(/^rubric-/, '').replace(/-8$/, '');
      expect(section.criteria.length).toBeGreaterThan(0);
      for (const c of section.criteria) expect(c.criterion.startsWith(`${prefix}-`), `${c.criterion} in ${section.id}`).toBe(true);
      for (const h of section.heatmap) expect(section.criteria.some((c) => c.criterion === h.criterion)).toBe(true);
      expect(section.title).toMatch(/v1$/);
    }
  });

  it('names as most ambiguous the criterion with the lowest alpha the table shows, by the stated rule', () => {
    for (const section of report.rubrics) {
      const shown = section.criteria.filter((c) => c.alpha_ordinal !== null);
      for (const c of shown) expect(c.units).toBeGreaterThanOrEqual(MIN_UNITS_FOR_COEFFICIENTS);
      if (shown.length === 0) {
        expect(section.ambiguous).toBeNull();
        continue;
      }
      const lowest = Math.min(...shown.map((c) => c.alpha_ordinal!));
      expect(section.ambiguous).not.toBeNull();
      expect(shown.find((c) => c.criterion === section.ambiguous!.criterion)!.alpha_ordinal).toBe(lowest);
    }
    expect(report.rubrics[0]!.ambiguous!.criterion).toBe('cst-culture');
    expect(AMBIGUOUS_RULE).toContain(`at least ${MIN_UNITS_FOR_COEFFICIENTS} units`);
  });

  it('shows criteria rated on too few units as "too few units", and no interval below the minimum', () => {
    const emp = report.rubrics.find((r) => r.id === 'rubric-emp-8')!;
    for (const c of emp.criteria) {
      expect(c.units).toBeLessThan(MIN_UNITS_FOR_COEFFICIENTS);
      expect(c).toMatchObject({
        withheld: 'coefficients',
        alpha_ordinal: null,
        alpha_nominal: null,
        alpha_interval: null,
        fleiss_kappa: null,
        alpha_ordinal_ci: null,
      });
    }
    const cst = report.rubrics.find((r) => r.id === 'rubric-cst-8')!;
    for (const c of cst.criteria) {
      expect(c.units).toBeLessThan(MIN_UNITS_FOR_INTERVAL);
      expect(c.alpha_ordinal).not.toBeNull();
      expect(c).toMatchObject({ withheld: 'interval', alpha_ordinal_ci: null });
    }
  });

  it('states the rule and the minimums in the CSV and the PDF', async () => {
    const csv = reportCsv(report);
    const lines = csv.split('\r\n');
    const culture = lines.find((l) => l.startsWith('criterion,cst-culture,'))!;
    expect(culture).toContain(TOO_FEW_UNITS_FOR_INTERVAL);
    expect(lines.find((l) => l.startsWith('criterion,emp-evidence,'))).toContain(TOO_FEW_UNITS);
    expect(csv).toContain(AMBIGUOUS_RULE);
    expect(csv).toContain('rubric-wcl-8');
    const text = (await pdfText(await reportPdf(report, new Date('2026-11-01T10:00:00Z')))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(AMBIGUOUS_RULE);
    expect(text).toContain(TOO_FEW_UNITS_FOR_INTERVAL);
    expect(text).toMatch(/Alpha ordinal\s*too few units/);
    expect(text).not.toContain('−0.42');
    for (const section of report.rubrics) expect(text).toContain(section.title);
  });
});

describe('bootstrap interval minimum', () => {
  it('gives the interval from the documented number of units on', async () => {
    const w = await calibrationWorld(MIN_UNITS_FOR_INTERVAL, 2);
    const [a, b] = w.reviewers;
    await setPolicy(w.ctx, 'TST-8', { reviews_required: 2, tolerance: 1 }, w.lead);
    w.clock.now = new Date('2026-05-10T09:00:00Z');
    for (let i = 1; i <= MIN_UNITS_FOR_INTERVAL; i++)
      for (const [who, shift] of [
        [a!, 0],
        [b!, i % 3 === 0 ? 1 : 0],
      ] as const) {
        const s = await startReview(w.ctx, `P-${i}`, who);
        await saveDraft(
          w.ctx,
          { reviewId: s.review!.id, levels: { planning: 1 + (i % 3) + shift, reflection: 1 + (i % 4) }, feedback: 'Feedback.', activeMsDelta: 0 },
          who,
        );
        await submitReview(w.ctx, s.review!.id, 0, who);
      }
    const r = await productionReport(w.ctx, { from: '2026-05-01', to: '2026-05-31' }, w.lead);
    const planning = r.rubrics[0]!.criteria.find((c) => c.criterion === 'planning')!;
    expect(planning.units).toBe(MIN_UNITS_FOR_INTERVAL);
    expect(planning.withheld).toBeNull();
    expect(planning.alpha_ordinal_ci).toHaveLength(2);
    const line = reportCsv(r)
      .split('\r\n')
      .find((l) => l.startsWith('criterion,planning,'))!;
    expect(line).not.toContain(TOO_FEW_UNITS);
    expect(line).toContain(`,${Number(planning.alpha_ordinal_ci![0].toFixed(6))},`);
  });
});

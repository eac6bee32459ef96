/**
 * A calibration report as CSV (one table, a `section` column tells its parts apart, so it opens in any spreadsheet)
 * and as PDF for the quality team's minutes (FlowDocument: Unicode font, extractable text).
 */
import { format } from 'date-fns';
import type { CriterionStats, Report } from '../../../src-shared/contracts/calibration';
import { AMBIGUOUS_RULE, MIN_UNITS_FOR_COEFFICIENTS, MIN_UNITS_FOR_INTERVAL, TOO_FEW_UNITS, TOO_FEW_UNITS_FOR_INTERVAL } from '../../../src-shared/stats';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { audit } from '../audit';
import { requireRole } from '../reviewers';
import type { ServiceContext } from '../context';
import { toCsv } from '../export/csv';
import { FlowDocument } from '../pdf/document';
import { fixed, percent, requireLead, signed } from './common';
import { buildProductionReport, buildRoundReport, type ProductionScope } from './report';
import { roundRow } from './rounds';

export type ReportTarget = { kind: 'round'; id: number } | ({ kind: 'production' } & ProductionScope);

export const REPORT_CSV_COLUMNS = [
  'section',
  'criterion',
  'criterion_title',
  'reviewer_id',
  'reviewer_name',
  'round',
  'month',
  'unit',
  'n',
  'exact',
  'adjacent',
  'fleiss_kappa',
  'alpha_nominal',
  'alpha_ordinal',
  'alpha_interval',
  'alpha_ordinal_ci_low',
  'alpha_ordinal_ci_high',
  'mean_signed_difference',
  'kappa_quadratic',
  'max_off',
  'meets_thresholds',
  'note',
  'rubric_id',
  'rubric_version',
];

/** Six decimals: exact enough for any analysis, short enough to read. */
const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : Number(x.toFixed(6)));

/** Why a criterion's coefficients or interval are left out, in the words the app shows. */
function withheldNote(c: CriterionStats): string {
  if (c.withheld === 'coefficients') return `${TOO_FEW_UNITS} (α and κ need at least ${MIN_UNITS_FOR_COEFFICIENTS})`;
  if (c.withheld === 'interval') return `${TOO_FEW_UNITS_FOR_INTERVAL} (it needs at least ${MIN_UNITS_FOR_INTERVAL})`;
  return '';
}

/** The reporting rules, stated once in every export. */
export const REPORT_RULES = [
  `Most ambiguous criterion: ${AMBIGUOUS_RULE}.`,
  `Krippendorff’s α and Fleiss’ κ are shown from ${MIN_UNITS_FOR_COEFFICIENTS} units rated by two or more reviewers (fewer: “${TOO_FEW_UNITS}”); the 95 % bootstrap interval from ${MIN_UNITS_FOR_INTERVAL} units (fewer: “${TOO_FEW_UNITS_FOR_INTERVAL}”).`,
];

const alphaText = (c: CriterionStats) =>
  c.withheld === 'coefficients'
    ? TOO_FEW_UNITS
    : `${fixed(c.alpha_ordinal)}${c.alpha_ordinal_ci ? ` [${fixed(c.alpha_ordinal_ci[0])}, ${fixed(c.alpha_ordinal_ci[1])}]` : c.withheld === 'interval' ? ` (${TOO_FEW_UNITS_FOR_INTERVAL})` : ''}`;
const coefficient = (c: CriterionStats, x: number | null) => (c.withheld === 'coefficients' ? TOO_FEW_UNITS : fixed(x));

export function reportCsv(report: Report): string {
  const rows: Record<string, unknown>[] = [];
  const name = new Map(report.perReviewer.map((r) => [r.reviewerId, r.name]));
  for (const rule of REPORT_RULES) rows.push({ section: 'rule', note: rule });
  for (const section of report.rubrics) {
    const rubric = { rubric_id: section.id, rubric_version: section.version };
    for (const c of [...section.criteria, ...(section.outcome ? [section.outcome] : [])])
      rows.push({
        section: 'criterion',
        criterion: c.criterion,
        criterion_title: c.title,
        n: c.units,
        exact: num(c.exact),
        adjacent: num(c.adjacent),
        fleiss_kappa: num(c.fleiss_kappa),
        alpha_nominal: num(c.alpha_nominal),
        alpha_ordinal: num(c.alpha_ordinal),
        alpha_interval: num(c.alpha_interval),
        alpha_ordinal_ci_low: num(c.alpha_ordinal_ci?.[0]),
        alpha_ordinal_ci_high: num(c.alpha_ordinal_ci?.[1]),
        note: [`${c.ratings} ratings, ${c.pairs.length} reviewer pairs`, withheldNote(c)].filter(Boolean).join('; '),
        ...rubric,
      });
    const title = new Map(section.criteria.map((c) => [c.criterion, c.title]));
    for (const h of section.heatmap)
      rows.push({
        section: 'difference',
        criterion: h.criterion,
        criterion_title: title.get(h.criterion) ?? h.criterion,
        reviewer_id: h.reviewerId,
        reviewer_name: name.get(h.reviewerId) ?? h.reviewerId,
        n: h.n,
        mean_signed_difference: num(h.mean_signed_difference),
        ...rubric,
      });
    const a = section.ambiguous;
    if (a)
      for (const u of a.units)
        rows.push({
          section: 'ambiguous',
          criterion: a.criterion,
          criterion_title: a.title,
          unit: u.portfolioId,
          note: `spread ${u.spread.toFixed(2)}; levels ${Object.entries(u.levels)
            .map(([l, n]) => `${l}×${n}`)
            .join(' ')}${u.reference !== null ? `; reference ${u.reference}` : ''}`,
          ...rubric,
        });
  }
  for (const r of report.perReviewer)
    rows.push({
      section: 'reviewer',
      reviewer_id: r.reviewerId,
      reviewer_name: r.name,
      n: r.units,
      exact: num(r.exact),
      adjacent: num(r.adjacent),
      mean_signed_difference: num(r.mean_signed_difference),
      kappa_quadratic: num(r.kappa_quadratic),
      max_off: r.max_off ?? '',
      meets_thresholds: r.meets ? (r.meets.ok ? 'yes' : 'no') : '',
      note: r.meets?.reason ?? `against ${report.against === 'reference' ? 'the reference' : 'the decision in force'}`,
    });
  const roundName = new Map(report.drift.rounds.map((r) => [r.id, r.name]));
  for (const d of report.drift.byRound)
    rows.push({
      section: 'drift_round',
      reviewer_id: d.reviewerId,
      reviewer_name: name.get(d.reviewerId) ?? d.reviewerId,
      round: roundName.get(d.roundId) ?? d.roundId,
      n: d.n,
      exact: num(d.exact),
      mean_signed_difference: num(d.mean_signed_difference),
    });
  for (const d of report.drift.byMonth)
    rows.push({
      section: 'drift_month',
      reviewer_id: d.reviewerId,
      reviewer_name: name.get(d.reviewerId) ?? d.reviewerId,
      month: d.month,
      n: d.n,
      exact: num(d.exact),
      mean_signed_difference: num(d.mean_signed_difference),
    });
  for (const f of report.findings) rows.push({ section: 'finding', note: f });
  return toCsv(REPORT_CSV_COLUMNS, rows);
}

export async function reportPdf(report: Report, generatedAt: Date): Promise<Uint8Array> {
  const doc = await FlowDocument.create(report.title, `${report.title} · generated ${format(generatedAt, 'd MMM yyyy HH:mm')}`);
  doc.heading(report.title, 16);
  const s = report.scope;
  doc.fields([
    ...(s.round
      ? ([
          ['Round', `${s.round.name} (${s.round.status})`],
          ['Rubric', s.round.rubric],
        ] as [string, string][])
      : []),
    ['Period', s.from && s.to ? `${format(new Date(s.from), 'd MMM yyyy')} – ${format(new Date(s.to), 'd MMM yyyy')}` : '–'],
    ...(s.credential ? ([['Credential', s.credential]] as [string, string][]) : []),
    ['Ratings', `${report.ratings} ratings of ${report.units} ${s.round ? 'anchors' : 'portfolios'} by ${report.reviewers} reviewers`],
    ['Compared with', report.against === 'reference' ? 'the anchors’ reference levels' : 'the decision in force on each portfolio'],
  ]);
  doc.heading('Findings', 13);
  for (const f of report.findings) doc.text(`• ${f}`, { indent: 8 });
  doc.rule();

  doc.heading('How to read this report', 13);
  doc.text(
    'Exact and adjacent agreement are shares of reviewer pairs on the same unit. Krippendorff’s alpha (ordinal) is shown with its 95 % bootstrap interval (1,000 resamples, fixed seed). Criteria of different rubrics are reported apart.',
    { size: 9, color: [0.4, 0.4, 0.4] },
  );
  for (const rule of REPORT_RULES) doc.text(`• ${rule}`, { size: 9, indent: 8, color: [0.4, 0.4, 0.4] });
  const name = new Map(report.perReviewer.map((r) => [r.reviewerId, r.name]));
  for (const section of report.rubrics) {
    doc.rule();
    doc.heading(section.title, 14);
    doc.text(`${section.ratings} ratings of ${section.units} ${s.round ? 'anchors' : 'portfolios'}.`, { size: 9, color: [0.4, 0.4, 0.4] });
    doc.heading('Agreement per criterion', 12);
    for (const c of [...section.criteria, ...(section.outcome ? [section.outcome] : [])]) {
      doc.text(c.title, { bold: true, gapAfter: 1 });
      doc.fields([
        ['Units', `${c.units} (${c.ratings} ratings)`],
        ['Exact / adjacent', `${percent(c.exact)} / ${percent(c.adjacent)}`],
        ['Alpha ordinal', alphaText(c)],
        ['Alpha nominal', coefficient(c, c.alpha_nominal)],
        ['Alpha interval', coefficient(c, c.alpha_interval)],
        ['Fleiss’ kappa', coefficient(c, c.fleiss_kappa)],
      ]);
    }
    doc.heading('Most ambiguous criterion', 12);
    const a = section.ambiguous;
    if (a) {
      doc.text(`${a.title}: ${a.why}.`);
      for (const u of a.units)
        doc.text(
          `${u.portfolioId}: levels ${Object.entries(u.levels)
            .map(([l, n]) => `${l} (×${n})`)
            .join(', ')}${u.reference !== null ? `; reference ${u.reference}` : ''}`,
          { indent: 8 },
        );
    } else doc.text(`None named: no criterion of this rubric has an ordinal α from at least ${MIN_UNITS_FOR_COEFFICIENTS} units.`);
    if (section.heatmap.length) {
      doc.heading(`Differences from ${report.against === 'reference' ? 'the reference' : 'the decision in force'} per criterion`, 12);
      const order = section.criteria.map((c) => c.criterion);
      const title = new Map(section.criteria.map((c) => [c.criterion, c.title]));
      doc.fields(
        report.perReviewer.flatMap((r) => {
          const cells = section.heatmap.filter((h) => h.reviewerId === r.reviewerId).sort((x, y) => order.indexOf(x.criterion) - order.indexOf(y.criterion));
          return cells.length
            ? [
                [
                  name.get(r.reviewerId) ?? r.reviewerId,
                  cells.map((h) => `${title.get(h.criterion) ?? h.criterion} ${signed(h.mean_signed_difference)}`).join('; '),
                ] as [string, string],
              ]
            : [];
        }),
      );
    }
  }
  doc.rule();

  doc.heading(`Reviewers against ${report.against === 'reference' ? 'the reference' : 'the decision in force'}`, 13);
  doc.text('Mean signed difference: positive is lenient, negative severe. κw: quadratic-weighted kappa.', { size: 9, color: [0.4, 0.4, 0.4] });
  for (const r of report.perReviewer) {
    doc.text(r.name, { bold: true, gapAfter: 1 });
    doc.fields([
      ['Agreement', `exact ${percent(r.exact)}, adjacent ${percent(r.adjacent)} over ${r.units} scores`],
      ['Difference', `${signed(r.mean_signed_difference)} levels on average; κw ${fixed(r.kappa_quadratic)}; at most ${r.max_off ?? '–'} off`],
      ...(r.meets
        ? ([['Qualification', `${r.meets.ok ? 'meets the thresholds' : 'does not meet the thresholds'}: ${r.meets.reason}`]] as [string, string][])
        : []),
    ]);
  }
  if (report.drift.byRound.length || report.drift.byMonth.length) {
    doc.rule();
    doc.heading('Drift', 13);
    const roundName = new Map(report.drift.rounds.map((r) => [r.id, r.name]));
    const lines = report.drift.byRound.length
      ? groupBy(report.drift.byRound, (d) => d.reviewerId).map(
          ([id, ds]) => [name.get(id) ?? id, ds.map((d) => `${roundName.get(d.roundId)} ${signed(d.mean_signed_difference)}`).join(' → ')] as [string, string],
        )
      : groupBy(report.drift.byMonth, (d) => d.reviewerId).map(
          ([id, ds]) => [name.get(id) ?? id, ds.map((d) => `${d.month} ${signed(d.mean_signed_difference)}`).join(' → ')] as [string, string],
        );
    doc.fields(lines);
  }
  return doc.save();
}

function groupBy<T>(xs: T[], key: (x: T) => string): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x]);
  return [...m];
}

async function buildReport(ctx: ServiceContext, target: ReportTarget): Promise<Report> {
  return target.kind === 'round' ? await buildRoundReport(ctx, await roundRow(ctx, target.id)) : await buildProductionReport(ctx, target);
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);

/** The report as a file to save, audited as an export. */
export async function exportReport(ctx: ServiceContext, target: ReportTarget, fileFormat: 'csv' | 'pdf', actor: Reviewer): Promise<ExportFile> {
  if (target.kind === 'round') requireLead(actor);
  else requireRole(actor, 'lead', 'admin', 'moderator');
  const report = await buildReport(ctx, target);
  const base =
    target.kind === 'round'
      ? `calibration-${slug(report.scope.round!.name)}`
      : `agreement-${target.from}-to-${target.to}${target.credential ? `-${slug(target.credential)}` : ''}`;
  await audit(ctx, {
    actor: actor.id,
    action: 'calibration.report.export',
    entityType: target.kind === 'round' ? 'calibration_round' : 'report',
    entityId: target.kind === 'round' ? String(target.id) : `${target.from}..${target.to}`,
    details: { format: fileFormat },
  });
  if (fileFormat === 'csv') return { fileName: `${base}.csv`, mediaType: 'text/csv', encoding: 'utf8', content: reportCsv(report), count: report.ratings };
  const bytes = await reportPdf(report, ctx.now());
  return { fileName: `${base}.pdf`, mediaType: 'application/pdf', encoding: 'base64', content: Buffer.from(bytes).toString('base64'), count: report.ratings };
}

/**
 * Turns ratings into a calibration report: per rubric version, agreement per criterion and for the outcome
 * (src-shared/stats, with the reporting minimums applied), a reviewer × criterion map of signed differences and
 * the most ambiguous criterion with the units that split reviewers most; overall, each reviewer against the
 * reference (or the decision in force) and findings in words. No database here, so the numbers can be checked
 * against hand-computed values.
 */
import type { CriterionStats, Report, ReviewerStats, RubricSection } from '../../../src-shared/contracts/calibration';
import {
  againstReference,
  agreementReport,
  withheldFor,
  type BootstrapOptions,
  type CriterionAgreement,
  type RatingRow,
} from '../../../src-shared/stats';
import { fixed, percent, signed } from './common';

/** One submitted score, with when it was submitted (for drift per month). */
export interface ScoredRating extends RatingRow {
  at: string;
}

/** The ratings of one rubric version: its criteria are reported together, never with another rubric's. */
export interface RubricInput {
  id: string;
  version: number;
  title: string;
  /** Criteria in display order with their titles; ratings on other criteria are ignored. */
  criteria: { id: string; title: string }[];
  ratings: ScoredRating[];
  /** Pass = 1, Not yet = 0, per unit and rater. */
  outcomes: RatingRow[];
}

export interface ReportInput {
  kind: Report['kind'];
  title: string;
  against: Report['against'];
  scope: Report['scope'];
  rubrics: RubricInput[];
  /** unit → criterion → reference level (anchor reference, or the decision in force). */
  reference: Map<string, Map<string, number>>;
  names: Map<string, string>;
  drift: Report['drift'];
  meets?: Map<string, { ok: boolean; reason: string }>;
  bootstrap?: BootstrapOptions;
}

/** |mean signed difference| from which a reviewer is called lenient or severe. */
export const BIAS_LEVELS = 0.5;
/** Change in mean signed difference between two rounds (or months) that is called drift. */
export const DRIFT_LEVELS = 0.5;
export const OUTCOME = 'outcome';
/** Fewer scores than this say nothing about a reviewer's leaning or drift: no finding is drawn from them. */
export const MIN_SCORES = 6;

const KEY = '\u001f';

/** A criterion's statistics as reports show them: what too few units cannot support is withheld (null). */
function reported(a: CriterionAgreement, title: string, ratings: number): CriterionStats {
  const withheld = withheldFor(a.units);
  const stats: CriterionStats = { ...a, title, ratings, withheld };
  if (withheld === 'coefficients') Object.assign(stats, { fleiss_kappa: null, alpha_nominal: null, alpha_ordinal: null, alpha_interval: null, alpha_ordinal_ci: null });
  if (withheld === 'interval') stats.alpha_ordinal_ci = null;
  return stats;
}

export function assembleReport(input: ReportInput): Report {
  const rubrics = input.rubrics.map((r) => rubricSection(input, r)).filter((s) => s.ratings > 0);
  const ratings = input.rubrics.flatMap((r) => {
    const ids = new Set(r.criteria.map((c) => c.id));
    return r.ratings.filter((x) => ids.has(x.criterion));
  });
  const report: Report = {
    kind: input.kind,
    title: input.title,
    against: input.against,
    scope: input.scope,
    units: new Set(ratings.map((r) => r.unit)).size,
    reviewers: new Set(ratings.map((r) => r.rater)).size,
    ratings: ratings.length,
    rubrics,
    perReviewer: reviewerStats(input, ratings),
    drift: input.drift,
    findings: [],
  };
  report.findings = findingsOf(report, input.names);
  return report;
}

function rubricSection(input: ReportInput, rubric: RubricInput): RubricSection {
  const order = new Map(rubric.criteria.map((c, i) => [c.id, i]));
  const ratings = rubric.ratings.filter((r) => order.has(r.criterion));
  const counts = new Map<string, number>();
  for (const r of ratings) counts.set(r.criterion, (counts.get(r.criterion) ?? 0) + 1);
  const byId = new Map(agreementReport(ratings, input.bootstrap).criteria.map((c) => [c.criterion, c]));
  const criteria = rubric.criteria.filter((c) => byId.has(c.id)).map((c) => reported(byId.get(c.id)!, c.title, counts.get(c.id) ?? 0));
  const outcomeAgreement = rubric.outcomes.length ? agreementReport(rubric.outcomes.map((o) => ({ ...o, criterion: OUTCOME })), input.bootstrap).criteria[0] : undefined;
  return {
    id: rubric.id,
    version: rubric.version,
    title: `${rubric.title} v${rubric.version}`,
    units: new Set(ratings.map((r) => r.unit)).size,
    ratings: ratings.length,
    criteria,
    outcome: outcomeAgreement ? reported(outcomeAgreement, 'Overall outcome (Pass / Not yet)', rubric.outcomes.length) : null,
    heatmap: heatmapOf(input, ratings),
    ambiguous: ambiguousCriterion(criteria, ratings, input.reference),
  };
}

function reviewerStats(input: ReportInput, ratings: ScoredRating[]): ReviewerStats[] {
  const reference = new Map<string, number>();
  for (const [unit, levels] of input.reference) for (const [criterion, score] of levels) reference.set(`${unit}${KEY}${criterion}`, score);
  const flat = ratings.map((r) => ({ unit: `${r.unit}${KEY}${r.criterion}`, rater: r.rater, score: r.score }));
  const maxOff = new Map<string, number>();
  for (const r of flat) {
    const ref = reference.get(r.unit);
    if (ref !== undefined) maxOff.set(r.rater, Math.max(maxOff.get(r.rater) ?? 0, Math.abs(r.score - ref)));
  }
  return againstReference(flat, reference)
    .map((a) => ({
      reviewerId: a.rater,
      name: input.names.get(a.rater) ?? a.rater,
      units: a.units,
      exact: a.exact,
      adjacent: a.adjacent,
      mean_signed_difference: a.mean_signed_difference,
      kappa_quadratic: a.kappa_quadratic,
      max_off: maxOff.get(a.rater) ?? null,
      meets: input.meets?.get(a.rater) ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.reviewerId.localeCompare(b.reviewerId));
}

function heatmapOf(input: ReportInput, ratings: ScoredRating[]): RubricSection['heatmap'] {
  const cells = new Map<string, { reviewerId: string; criterion: string; sum: number; n: number }>();
  for (const r of ratings) {
    const ref = input.reference.get(r.unit)?.get(r.criterion);
    if (ref === undefined) continue;
    const key = `${r.rater}${KEY}${r.criterion}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { reviewerId: r.rater, criterion: r.criterion, sum: 0, n: 0 }));
    cell.sum += r.score - ref;
    cell.n++;
  }
  return [...cells.values()].map((c) => ({ reviewerId: c.reviewerId, criterion: c.criterion, mean_signed_difference: c.sum / c.n, n: c.n }));
}

/**
 * The criterion reviewers agree on least, by AMBIGUOUS_RULE: the lowest ordinal alpha shown in `criteria` (which
 * already withholds alphas from too few units), ties broken by lower exact agreement; with the units whose scores
 * are most spread out (population standard deviation of the levels given). Null when no criterion has an alpha.
 */
export function ambiguousCriterion(criteria: CriterionStats[], ratings: ScoredRating[], reference: Map<string, Map<string, number>>, top = 3): RubricSection['ambiguous'] {
  const rated = criteria.filter((c) => c.alpha_ordinal !== null);
  if (rated.length === 0) return null;
  const worst = [...rated].sort((a, b) => a.alpha_ordinal! - b.alpha_ordinal! || (a.exact ?? 1) - (b.exact ?? 1))[0]!;
  const byUnit = new Map<string, number[]>();
  for (const r of ratings) {
    if (r.criterion !== worst.criterion) continue;
    let list = byUnit.get(r.unit);
    if (!list) byUnit.set(r.unit, (list = []));
    list.push(r.score);
  }
  const units = [...byUnit]
    .filter(([, scores]) => scores.length >= 2)
    .map(([portfolioId, scores]) => {
      const mean = scores.reduce((s, x) => s + x, 0) / scores.length;
      const spread = Math.sqrt(scores.reduce((s, x) => s + (x - mean) ** 2, 0) / scores.length);
      const levels: Record<string, number> = {};
      for (const s of scores) levels[String(s)] = (levels[String(s)] ?? 0) + 1;
      return { portfolioId, spread, levels, reference: reference.get(portfolioId)?.get(worst.criterion) ?? null };
    })
    .filter((u) => u.spread > 0)
    .sort((a, b) => b.spread - a.spread || a.portfolioId.localeCompare(b.portfolioId))
    .slice(0, top);
  const ci = worst.alpha_ordinal_ci ? ` [${fixed(worst.alpha_ordinal_ci[0])}, ${fixed(worst.alpha_ordinal_ci[1])}]` : '';
  const why = `lowest agreement: ordinal α ${fixed(worst.alpha_ordinal)}${ci}, exact agreement ${percent(worst.exact)}`;
  return { criterion: worst.criterion, title: worst.title, why, units };
}

function findingsOf(report: Report, names: Map<string, string>): string[] {
  const out: string[] = [];
  if (report.ratings === 0) return ['No submitted scores yet.'];
  const against = report.against === 'reference' ? 'the reference' : 'the decision in force';
  for (const r of report.perReviewer) {
    const d = r.mean_signed_difference;
    if (d === null || r.units < MIN_SCORES || Math.abs(d) < BIAS_LEVELS) continue;
    out.push(`${r.name} is ${d > 0 ? 'lenient' : 'severe'}: ${signed(d)} levels on average against ${against} (exact ${percent(r.exact)}).`);
  }
  // Drift: the change between a reviewer's last two rounds (else months) with data.
  const series = report.drift.byRound.length ? report.drift.byRound.map((p) => ({ ...p, label: report.drift.rounds.find((x) => x.id === p.roundId)?.name ?? String(p.roundId) })) : [];
  const monthly = report.drift.byMonth.map((p) => ({ ...p, label: p.month }));
  for (const reviewer of new Set(report.perReviewer.map((r) => r.reviewerId))) {
    const mine = (series.length ? series : monthly).filter((p) => p.reviewerId === reviewer && p.mean_signed_difference !== null && p.n >= MIN_SCORES);
    if (mine.length < 2) continue;
    const [a, b] = mine.slice(-2) as [(typeof mine)[number], (typeof mine)[number]];
    const change = b.mean_signed_difference! - a.mean_signed_difference!;
    if (Math.abs(change) >= DRIFT_LEVELS)
      out.push(
        `${names.get(reviewer) ?? reviewer} drifted ${change > 0 ? 'towards leniency' : 'towards severity'}: ${signed(a.mean_signed_difference)} in ${a.label}, ${signed(b.mean_signed_difference)} in ${b.label}.`,
      );
  }
  for (const section of report.rubrics) {
    if (!section.ambiguous) continue;
    const anchors = section.ambiguous.units.map((u) => u.portfolioId);
    const of = report.rubrics.length > 1 ? ` of ${section.title}` : '';
    out.push(`Most ambiguous criterion${of}: ${section.ambiguous.title} (${section.ambiguous.why})${anchors.length ? `; reviewers split most on ${anchors.join(', ')}` : ''}.`);
  }
  const met = report.perReviewer.filter((r) => r.meets);
  if (met.length) out.push(`${met.filter((r) => r.meets!.ok).length} of ${met.length} reviewers meet the qualification thresholds in this round.`);
  return out;
}

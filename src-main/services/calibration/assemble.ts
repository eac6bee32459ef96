/**
 * Turns ratings into a calibration report: agreement per criterion and for the outcome (src-shared/stats), each
 * reviewer against the reference (or the decision in force), a reviewer × criterion map of signed differences, the
 * most ambiguous criterion with the units that split reviewers most, and findings in words. No database here, so
 * the numbers can be checked against hand-computed values.
 */
import type { CriterionStats, Report, ReviewerStats } from '../../../src-shared/contracts/calibration';
import { againstReference, agreementReport, type BootstrapOptions, type CriterionAgreement, type RatingRow } from '../../../src-shared/stats';
import { fixed, percent, signed } from './common';

/** One submitted score, with when it was submitted (for drift per month). */
export interface ScoredRating extends RatingRow {
  at: string;
}

export interface ReportInput {
  kind: Report['kind'];
  title: string;
  against: Report['against'];
  scope: Report['scope'];
  /** Criteria in display order with their titles; ratings on other criteria are ignored. */
  criteria: { id: string; title: string }[];
  ratings: ScoredRating[];
  /** Pass = 1, Not yet = 0, per unit and rater. */
  outcomes: RatingRow[];
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
/** A criterion rated on fewer units than this is not ranked as the most ambiguous (its alpha is too unstable). */
export const MIN_UNITS = 3;

const KEY = '\u001f';

function withTitle(a: CriterionAgreement, title: string, ratings: number): CriterionStats {
  return { ...a, title, ratings };
}

export function assembleReport(input: ReportInput): Report {
  const order = new Map(input.criteria.map((c, i) => [c.id, i]));
  const ratings = input.ratings.filter((r) => order.has(r.criterion));
  const counts = new Map<string, number>();
  for (const r of ratings) counts.set(r.criterion, (counts.get(r.criterion) ?? 0) + 1);
  const agreement = agreementReport(ratings, input.bootstrap);
  const byId = new Map(agreement.criteria.map((c) => [c.criterion, c]));
  const criteria = input.criteria.filter((c) => byId.has(c.id)).map((c) => withTitle(byId.get(c.id)!, c.title, counts.get(c.id) ?? 0));
  const outcomeAgreement = input.outcomes.length ? agreementReport(input.outcomes.map((o) => ({ ...o, criterion: OUTCOME })), input.bootstrap).criteria[0] : undefined;
  const outcome = outcomeAgreement ? withTitle(outcomeAgreement, 'Overall outcome (Pass / Not yet)', input.outcomes.length) : null;

  const perReviewer = reviewerStats(input, ratings);
  const heatmap = heatmapOf(input, ratings);
  const ambiguous = ambiguousCriterion(criteria, ratings, input.reference);
  const units = new Set(ratings.map((r) => r.unit)).size;
  const reviewers = new Set(ratings.map((r) => r.rater)).size;
  const report: Report = {
    kind: input.kind,
    title: input.title,
    against: input.against,
    scope: input.scope,
    units,
    reviewers,
    ratings: ratings.length,
    criteria,
    outcome,
    perReviewer,
    heatmap,
    drift: input.drift,
    ambiguous,
    findings: [],
  };
  report.findings = findingsOf(report, input.names);
  return report;
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

function heatmapOf(input: ReportInput, ratings: ScoredRating[]): Report['heatmap'] {
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
 * The criterion reviewers agree on least: lowest ordinal alpha (then lowest exact agreement where alpha is
 * undefined), with the units whose scores are most spread out (population standard deviation of the levels given).
 */
export function ambiguousCriterion(criteria: CriterionStats[], ratings: ScoredRating[], reference: Map<string, Map<string, number>>, top = 3): Report['ambiguous'] {
  const rated = criteria.filter((c) => c.units >= MIN_UNITS && (c.alpha_ordinal !== null || c.exact !== null));
  if (rated.length === 0) return null;
  const score = (c: CriterionStats) => c.alpha_ordinal ?? c.exact ?? 1;
  const worst = [...rated].sort((a, b) => score(a) - score(b) || (a.exact ?? 1) - (b.exact ?? 1))[0]!;
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
  const why =
    worst.alpha_ordinal !== null
      ? `lowest agreement: ordinal α ${fixed(worst.alpha_ordinal)}${ci}, exact agreement ${percent(worst.exact)}`
      : `lowest exact agreement: ${percent(worst.exact)} (α cannot be computed on these ratings)`;
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
  if (report.ambiguous) {
    const anchors = report.ambiguous.units.map((u) => u.portfolioId);
    out.push(`Most ambiguous criterion: ${report.ambiguous.title} (${report.ambiguous.why})${anchors.length ? `; reviewers split most on ${anchors.join(', ')}` : ''}.`);
  }
  const met = report.perReviewer.filter((r) => r.meets);
  if (met.length) out.push(`${met.filter((r) => r.meets!.ok).length} of ${met.length} reviewers meet the qualification thresholds in this round.`);
  return out;
}

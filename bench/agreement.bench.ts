/**
 * Agreement statistics at scale: agreementReport over 100,000 ratings (20,000 portfolios × 5 reviewers drawn from a
 * panel of 40, one criterion) and 1,000 bootstrap resamples of Krippendorff's alpha on the same data.
 * Run directly with `npx tsx bench/agreement.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { agreementReport, alphaBootstrap, krippendorffAlpha, mulberry32, type RatingRow } from '../src-shared/stats';
import { alphaBootstrapOf } from '../src-shared/stats/bootstrap';
import { alphaProfiles } from '../src-shared/stats/krippendorff';
import { buildRatingTable } from '../src-shared/stats/rating-table';
import { summarize, time } from './stats';

/** Reviewers who mostly agree with a latent 1-4 score, sometimes one level off. */
function simulatedRatings(units: number, perUnit: number, panel: number, seed = 7): RatingRow[] {
  const random = mulberry32(seed);
  const rows: RatingRow[] = [];
  for (let u = 0; u < units; u++) {
    const truth = 1 + Math.floor(random() * 4);
    const first = Math.floor(random() * panel);
    for (let k = 0; k < perUnit; k++) {
      const rater = `R-${String((first + k * 7) % panel).padStart(2, '0')}`;
      const drift = random() < 0.7 ? 0 : random() < 0.5 ? -1 : 1;
      rows.push({ unit: `P-${u}`, rater, criterion: 'evidence', score: Math.min(4, Math.max(1, truth + drift)) });
    }
  }
  return rows;
}

export async function benchAgreement(): Promise<Record<string, string>> {
  const rows = simulatedRatings(20_000, 5, 40);
  agreementReport(rows.slice(0, 5_000)); // warm-up: let the JIT compile the hot loops first
  const reportSamples: number[] = [];
  let report = agreementReport([]);
  for (let i = 0; i < 5; i++) {
    const [r, ms] = time(() => agreementReport(rows));
    report = r;
    reportSamples.push(ms);
  }
  const bootstrapSamples = Array.from({ length: 5 }, () => time(() => alphaBootstrap(rows, 'ordinal', { resamples: 1000, seed: 1 }))[1]);
  // The resampling alone, without indexing the 100,000 ratings first.
  const profiles = alphaProfiles(buildRatingTable(rows));
  const resampleSamples = Array.from({ length: 5 }, () => time(() => alphaBootstrapOf(profiles, 'ordinal', { resamples: 1000, seed: 1 }))[1]);
  const alphaSamples = Array.from({ length: 5 }, () => time(() => krippendorffAlpha(rows, 'interval'))[1]);
  const criterion = report.criteria[0]!;
  const report5 = summarize(reportSamples);
  const boot5 = summarize(bootstrapSamples);
  const resample5 = summarize(resampleSamples);
  const alpha5 = summarize(alphaSamples);
  return {
    'agreement: ratings': `${rows.length.toLocaleString('en')} (20,000 units × 5 of 40 raters, 1 criterion)`,
    'agreement: agreementReport incl. 1,000-resample CI (median / max of 5)': `${report5.median} / ${report5.p95}`,
    'agreement: alphaBootstrap, 1,000 resamples (median / max of 5)': `${boot5.median} / ${boot5.p95}`,
    'agreement: of which the 1,000 resamples alone (median / max of 5)': `${resample5.median} / ${resample5.p95}`,
    'agreement: krippendorffAlpha interval (median / max of 5)': `${alpha5.median} / ${alpha5.p95}`,
    'agreement: result': `alpha ordinal ${criterion.alpha_ordinal?.toFixed(3)} [${criterion.alpha_ordinal_ci?.map((x) => x.toFixed(3)).join(', ')}], ${criterion.pairs.length} rater pairs`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchAgreement();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(72)} ${v}`);
}

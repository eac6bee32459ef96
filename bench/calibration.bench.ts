/**
 * Calibration reports through the database at 100,000 ratings each, with 1,000 bootstrap resamples per criterion:
 * a round (1,000 anchors × 20 reviewers × 5 criteria, against references, with drift over two earlier rounds) and
 * production double reviews (10,000 portfolios × 2 reviewers × 5 criteria, against the decision in force).
 * Run directly with `npx tsx bench/calibration.bench.ts`.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openServices } from '../src-main/core/services';
import { type ServiceContext, transaction } from '../src-main/services/context';
import { insertRubric } from '../src-main/services/rubrics';
import { upsertCredential } from '../src-main/services/credentials';
import { buildProductionReport, buildRoundReport } from '../src-main/services/calibration/report';
import { roundRow } from '../src-main/services/calibration/rounds';
import { mulberry32 } from '../src-shared/stats';
import type { Rubric } from '../src-shared/domain/rubric';
import { tempDir } from '../tests/support/fixtures';
import { samplesAsync, summarize, timeAsync } from './stats';

const CRITERIA = ['design', 'agency', 'culture', 'assessment', 'reflection'];
const RUBRIC: Rubric = {
  format: 'evidence-workbench/rubric@1',
  id: 'bench-rubric',
  version: 1,
  title: 'Bench rubric',
  criteria: CRITERIA.map((id) => ({
    id,
    title: id,
    guidance: '',
    critical: false,
    levels: [1, 2, 3, 4].map((score) => ({ score, label: `L${score}`, descriptor: `Level ${score}` })),
  })),
  decision_rule: { type: 'all_at_least', min_level: 3 },
  feedback_templates: { pass: '', not_yet: '' },
};

/** Reviewers who mostly hit the latent level, some with a leaning: what calibration exists to find. */
function scorer(seed: number) {
  const random = mulberry32(seed);
  return (truth: number, bias: number) => {
    const r = random();
    const noise = r < 0.65 ? 0 : r < 0.825 ? -1 : 1;
    return Math.min(4, Math.max(1, truth + noise + (random() < Math.abs(bias) ? Math.sign(bias) : 0)));
  };
}

async function seed(ctx: ServiceContext, production: number, anchors: number, raters: number): Promise<void> {
  await insertRubric(ctx, RUBRIC, 'bench');
  await upsertCredential(
    ctx,
    { code: 'BEN-8', title: 'Bench', provider: 'bench', level: 'NZQF 8', credit_points: 5, rubric: { id: RUBRIC.id, version: 1 } },
    'bench',
  );
  const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString();
  const now = '2026-12-31T00:00:00.000Z';
  const pick = scorer(11);
  const truth = mulberry32(5);
  const bias = (r: number) => (r % 7 === 0 ? 0.5 : r % 11 === 0 ? -0.5 : 0);
  await transaction(ctx, async (ctx) => {
    const { db } = ctx;
    const id = async (sql: string, params: unknown[]) => (await db.get<{ id: number }>(`${sql} RETURNING id`, params))!.id;
    const portfolio = async (pid: string, candidate: string, name: string, email: string, submittedAt: string, status: string, isAnchor: number) => {
      await db.run("INSERT INTO candidates (id, name, email, school, district) VALUES (?, ?, ?, 'S', 'D')", [candidate, name, email]);
      await db.run(
        `INSERT INTO portfolios (id, candidate_id, candidate_name, school, district, credential_code, rubric_id, rubric_version, attempt, submitted_at, status, is_anchor, manifest_sha256, imported_at, updated_at)
         VALUES (?, ?, ?, 'S', 'D', 'BEN-8', 'bench-rubric', 1, 1, ?, ?, ?, 'x', ?, ?)`,
        [pid, candidate, name, submittedAt, status, isAnchor, now, now],
      );
    };
    /** A submitted review with its scores; returns the review's id. */
    const review = async (pid: string, reviewer: string, kind: string, scores: number[], started: string, submitted: string) => {
      const reviewId = await id(
        `INSERT INTO reviews (portfolio_id, reviewer_id, kind, rubric_id, rubric_version, status, outcome, started_at, updated_at, submitted_at)
         VALUES (?, ?, ?, 'bench-rubric', 1, 'submitted', ?, ?, ?, ?)`,
        [pid, reviewer, kind, scores.every((x) => x >= 3) ? 'pass' : 'not_yet', started, submitted, submitted],
      );
      for (const [k, c] of CRITERIA.entries())
        await db.run('INSERT INTO review_scores (review_id, criterion_id, score) VALUES (?, ?, ?)', [reviewId, c, scores[k]]);
      return reviewId;
    };
    for (let r = 0; r < raters; r++)
      await db.run('INSERT INTO reviewers (id, name, email, created_at) VALUES (?, ?, ?, ?)', [`R-${r}`, `Reviewer ${r}`, `r${r}@bench.nz`, now]);
    // Production: each portfolio reviewed by two of the panel; the decision keeps the lower levels.
    for (let i = 0; i < production; i++) {
      const pid = `P-${i}`;
      await portfolio(pid, `C-${i}`, `Candidate ${i}`, `c${i}@bench.nz`, at(i), 'decided', 0);
      const levels = CRITERIA.map(() => 1 + Math.floor(truth() * 4));
      const given: number[][] = [];
      for (const k of [0, 1]) {
        const r = (i * 3 + k * 7) % raters;
        const s = levels.map((t) => pick(t, bias(r)));
        await review(pid, `R-${r}`, 'review', s, at(i), at(i + 60 * 24));
        given.push(s);
      }
      const final = CRITERIA.map((_, k) => Math.min(given[0]![k]!, given[1]![k]!));
      const decisionId = await id(
        "INSERT INTO decisions (portfolio_id, revision, outcome, feedback, source, decided_by, decided_at) VALUES (?, 1, ?, '', 'reconciled', 'bench', ?)",
        [pid, final.every((x) => x >= 3) ? 'pass' : 'not_yet', at(i + 60 * 48)],
      );
      for (const [k, c] of CRITERIA.entries())
        await db.run('INSERT INTO decision_levels (decision_id, criterion_id, score) VALUES (?, ?, ?)', [decisionId, c, final[k]]);
    }
    // Calibration: three rounds; the last one large (every reviewer scores every one of its anchors).
    const rounds = [
      { name: 'Bench round 1', anchors: 20, opens: '2026-02-01', closes: '2026-02-28' },
      { name: 'Bench round 2', anchors: 20, opens: '2026-05-01', closes: '2026-05-31' },
      { name: 'Bench round 3', anchors, opens: '2026-08-01', closes: '2026-08-31' },
    ];
    let a = 0;
    for (const [n, spec] of rounds.entries()) {
      const roundId = await id(
        `INSERT INTO calibration_rounds (name, rubric_id, rubric_version, opens_at, closes_at, status, closed_at, created_by, created_at)
         VALUES (?, 'bench-rubric', 1, ?, ?, 'closed', ?, 'bench', ?)`,
        [spec.name, `${spec.opens}T00:00:00.000Z`, `${spec.closes}T23:59:59.000Z`, `${spec.closes}T23:59:59.000Z`, now],
      );
      for (let r = 0; r < raters; r++) await db.run('INSERT INTO calibration_round_reviewers (round_id, reviewer_id) VALUES (?, ?)', [roundId, `R-${r}`]);
      for (let k = 0; k < spec.anchors; k++, a++) {
        const pid = `A-${a}`;
        await portfolio(pid, `X-${a}`, `Exemplar ${a}`, 'x@bench.nz', at(a), 'submitted', 1);
        await db.run("INSERT INTO calibration_anchors (portfolio_id, created_by, created_at, updated_at) VALUES (?, 'bench', ?, ?)", [pid, now, now]);
        await db.run('INSERT INTO calibration_round_anchors (round_id, portfolio_id, position) VALUES (?, ?, ?)', [roundId, pid, k]);
        const ref = CRITERIA.map(() => 1 + Math.floor(truth() * 4));
        for (const [j, c] of CRITERIA.entries()) {
          await db.run("INSERT INTO calibration_references (portfolio_id, criterion_id, score, rationale) VALUES (?, ?, ?, 'bench')", [pid, c, ref[j]]);
        }
        for (let r = 0; r < raters; r++) {
          const when = `${spec.opens}T${String(8 + (r % 10)).padStart(2, '0')}:00:00.000Z`;
          const s = ref.map((t) => pick(t, bias(r) * (n + 1) * 0.5));
          const reviewId = await review(pid, `R-${r}`, 'calibration', s, when, when);
          await db.run('INSERT INTO calibration_submissions (review_id, round_id, portfolio_id, reviewer_id, submitted_at) VALUES (?, ?, ?, ?, ?)', [
            reviewId,
            roundId,
            pid,
            `R-${r}`,
            when,
          ]);
        }
      }
    }
  });
  // Planner statistics for the bulk-inserted rows, so the timed reports use the plans a used database gets (SQLite file).
  await ctx.db.run('PRAGMA optimize');
}

export async function benchCalibration(): Promise<Record<string, string>> {
  const dataDir = tempDir('ew-bench-calibration-');
  const ctx = await openServices({ dataDir, now: () => new Date('2026-12-01T00:00:00Z') });
  const [, seedMs] = await timeAsync(() => seed(ctx, 10_000, 1_000, 20));
  const round = await roundRow(ctx, 3);
  const count = async (sql: string) => ((await ctx.db.get(sql)) as { n: number }).n;
  const roundRatings = await count(
    'SELECT count(*) AS n FROM calibration_submissions s JOIN review_scores rs ON rs.review_id = s.review_id WHERE s.round_id = 3',
  );
  const productionRatings = await count("SELECT count(*) AS n FROM reviews r JOIN review_scores rs ON rs.review_id = r.id WHERE r.kind = 'review'");
  await buildRoundReport(ctx, round, { resamples: 50 }); // warm-up
  const roundSamples: number[] = [];
  let roundReport = await buildRoundReport(ctx, round);
  for (let i = 0; i < 3; i++) {
    const [r, ms] = await timeAsync(() => buildRoundReport(ctx, round));
    roundReport = r;
    roundSamples.push(ms);
  }
  const productionSamples: number[] = [];
  let production = await buildProductionReport(ctx, { from: '2026-01-01', to: '2026-12-31' });
  for (let i = 0; i < 3; i++) {
    const [r, ms] = await timeAsync(() => buildProductionReport(ctx, { from: '2026-01-01', to: '2026-12-31' }));
    production = r;
    productionSamples.push(ms);
  }
  const noCi = summarize(await samplesAsync(3, () => buildRoundReport(ctx, round, { resamples: 0 })));
  const rs = summarize(roundSamples);
  const ps = summarize(productionSamples);
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const c0 = roundReport.rubrics[0]!.criteria[0]!;
  return {
    'calibration: seed': `${(seedMs / 1000).toFixed(1)} s`,
    'calibration: round report, ratings': `${roundRatings.toLocaleString('en')} (1,000 anchors × 20 reviewers × 5 criteria)`,
    'calibration: round report incl. 1,000-resample CIs (median / max of 3)': `${rs.median} / ${rs.p95}`,
    'calibration: of which without the CIs (median / max of 3)': `${noCi.median} / ${noCi.p95}`,
    'calibration: production report, ratings': `${productionRatings.toLocaleString('en')} (10,000 portfolios × 2 reviews × 5 criteria)`,
    'calibration: production report incl. 1,000-resample CIs (median / max of 3)': `${ps.median} / ${ps.p95}`,
    'calibration: result': `round: ${c0.criterion} α ordinal ${c0.alpha_ordinal?.toFixed(3)} [${c0.alpha_ordinal_ci?.map((x) => x.toFixed(3)).join(', ')}], ${roundReport.findings.length} findings; production: ${production.units.toLocaleString('en')} portfolios, ${production.perReviewer.length} reviewers`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchCalibration();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(76)} ${v}`);
}

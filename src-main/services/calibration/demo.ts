/**
 * The demo quality team's calibration history, replayed through the real services with the clock set to when each
 * step happened: eight anchor portfolios (exemplar copies of demo packages, imported as packages of their own), two
 * closed rounds with five reviewers (one lenient, one severe, one drifting towards leniency between the rounds), so
 * the round report has real findings on first start. Does nothing once a round exists.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, addHours, addMinutes } from 'date-fns';
import { z } from 'zod';
import { PortfolioManifestSchema } from '../../../src-shared/domain/portfolio';
import { RoleSchema } from '../../../src-shared/domain/roles';
import { demoDir } from '../../core/paths';
import type { ServiceContext } from '../context';
import { importPath } from '../import/importer';
import { loadCredential } from '../credentials';
import { createReviewer, getReviewer } from '../reviewers';
import { saveDraft, startReview, submitReview } from '../reviews';
import { saveAnchor } from './anchors';
import { rubricOrThrow } from './common';
import { setThreshold } from './qualification';
import { closeRound, createRound } from './rounds';

const Threshold = z.object({ min_exact: z.number().min(0).max(1), max_off: z.number().int().min(0) });

export const CalibrationActivitySchema = z.object({
  format: z.literal('evidence-workbench/demo-activity@1'),
  feature: z.literal('calibration'),
  /** The panel lead who makes the anchors and runs the rounds. */
  lead: z.string(),
  /** Profiles the story needs, created only where the demo's reviewers.csv has not already made them. */
  profiles: z
    .array(z.object({ id: z.string(), name: z.string(), email: z.email(), school: z.string(), district: z.string(), roles: z.array(RoleSchema) }))
    .default([]),
  thresholds: z.object({ global: Threshold.optional(), credentials: z.record(z.string(), Threshold).default({}) }).default({ credentials: {} }),
  anchors: z.array(
    z.object({
      id: z.string(),
      /** The demo package whose evidence and responses the exemplar copies. */
      from: z.string(),
      name: z.string(),
      submitted_at: z.iso.datetime({ offset: true }),
      note: z.string().default(''),
      references: z.record(z.string(), z.object({ level: z.number().int(), rationale: z.string().min(1) })),
    }),
  ),
  rounds: z.array(
    z.object({
      name: z.string(),
      credential: z.string(),
      opens_at: z.iso.datetime({ offset: true }),
      closes_at: z.iso.datetime({ offset: true }),
      close: z.boolean().default(true),
      anchors: z.array(z.string()).min(1),
      reviewers: z.array(z.string()).min(1),
      /** Days after opening on which each reviewer starts; they score one anchor a day from then. */
      start_day: z.record(z.string(), z.number().int().min(0)).default({}),
      /** Reviewer → anchor → levels, in the rubric's criterion order. */
      scores: z.record(z.string(), z.record(z.string(), z.array(z.number().int()))),
    }),
  ),
});
export type CalibrationActivity = z.infer<typeof CalibrationActivitySchema>;

/**
 * Where the activity file lives: `resources/demo/activity/calibration.json` once the demo set carries it, else the
 * copy kept beside this module (the demo importer refuses activity files it has no replay for, so the file moves
 * into the demo set together with the replay's registration).
 */
export function calibrationDemoFile(): string {
  return path.join(demoDir(), 'activity', 'calibration.json');
}

const at = (ctx: ServiceContext, when: Date): ServiceContext => ({ ...ctx, now: () => when });

/** Writes each exemplar as a package of its own (the source package's files, a new id and an anonymous candidate). */
function writeAnchorPackages(doc: CalibrationActivity, portfoliosDir: string, out: string): void {
  for (const a of doc.anchors) {
    const sourceDir = path.join(portfoliosDir, a.from);
    const source = PortfolioManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(sourceDir, 'manifest.json'), 'utf8')));
    const dir = path.join(out, a.id);
    for (const e of source.evidence)
      for (const file of [e.file, ...e.captions.map((c) => c.file)]) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.copyFileSync(path.join(sourceDir, file), path.join(dir, file));
      }
    const manifest = {
      ...source,
      id: a.id,
      candidate: {
        id: `X-${a.id}`,
        name: a.name,
        // One address each: a shared one would make the exemplars look like duplicates of one candidate.
        email: `exemplar.${a.id.toLowerCase()}@panel.kahui.nz`,
        school: 'Calibration exemplar (anonymised)',
        district: source.candidate.district,
      },
      attempt: 1,
      resubmission_of: null,
      submitted_at: a.submitted_at,
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }
}

export async function replayCalibrationDemo(
  ctx: ServiceContext,
  file = calibrationDemoFile(),
  portfoliosDir = path.join(demoDir(), 'portfolios'),
): Promise<void> {
  if (await ctx.db.get('SELECT 1 FROM calibration_rounds LIMIT 1')) return;
  const doc = CalibrationActivitySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  for (const p of doc.profiles) if (!(await getReviewer(ctx, p.id))) await createReviewer(ctx, { ...p }, null);
  const who = async (id: string) => {
    const r = await getReviewer(ctx, id);
    if (!r) throw new Error(`calibration demo names unknown reviewer ${id}`);
    return r;
  };
  const lead = await who(doc.lead);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-calibration-demo-'));
  try {
    writeAnchorPackages(doc, portfoliosDir, work);
    await importPath(ctx, work, { actor: 'system:demo' });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  // The lead fixes each reference the day after the exemplar arrived.
  for (const a of doc.anchors) {
    const references = Object.entries(a.references).map(([criterionId, r]) => ({ criterionId, score: r.level, rationale: r.rationale }));
    await saveAnchor(at(ctx, addDays(new Date(a.submitted_at), 1)), { portfolioId: a.id, references, note: a.note }, lead);
  }
  const firstOpen = new Date(Math.min(...doc.rounds.map((r) => Date.parse(r.opens_at))));
  if (doc.thresholds.global)
    await setThreshold(at(ctx, addDays(firstOpen, -1)), null, { minExact: doc.thresholds.global.min_exact, maxOff: doc.thresholds.global.max_off }, lead);
  for (const [code, t] of Object.entries(doc.thresholds.credentials))
    await setThreshold(at(ctx, addDays(firstOpen, -1)), code, { minExact: t.min_exact, maxOff: t.max_off }, lead);

  for (const r of doc.rounds) {
    const credential = await loadCredential(ctx, r.credential);
    if (!credential) throw new Error(`calibration demo names unknown credential ${r.credential}`);
    const rubric = await rubricOrThrow(ctx, credential.rubric.id, credential.rubric.version);
    const opens = new Date(r.opens_at);
    const round = await createRound(
      at(ctx, addDays(opens, -3)),
      {
        name: r.name,
        rubricId: rubric.id,
        rubricVersion: rubric.version,
        opensAt: r.opens_at,
        closesAt: r.closes_at,
        anchors: r.anchors,
        reviewers: r.reviewers,
      },
      lead,
    );
    for (const reviewerId of r.reviewers) {
      const reviewer = await who(reviewerId);
      for (const [i, anchorId] of r.anchors.entries()) {
        const levels = r.scores[reviewerId]?.[anchorId];
        if (!levels) continue;
        if (levels.length !== rubric.criteria.length)
          throw new Error(`calibration demo: ${reviewerId} on ${anchorId} gives ${levels.length} levels, the rubric has ${rubric.criteria.length} criteria`);
        const start = addHours(addDays(opens, (r.start_day[reviewerId] ?? 1) + i), 1 + (i % 3));
        const state = await startReview(at(ctx, start), anchorId, reviewer);
        if (!state.review) throw new Error(`calibration demo: ${reviewerId} cannot score ${anchorId}: ${state.readOnlyReason}`);
        const choice = Object.fromEntries(rubric.criteria.map((c, k) => [c.id, levels[k]!]));
        const notYet = rubric.criteria.some((c, k) => levels[k]! < (rubric.decision_rule.type === 'all_at_least' ? rubric.decision_rule.min_level : 0));
        const minutes = 25 + ((i * 7 + reviewerId.length * 3) % 20);
        await saveDraft(
          at(ctx, addMinutes(start, minutes)),
          {
            reviewId: state.review.id,
            levels: choice,
            feedback: notYet ? 'Calibration scoring: not yet at the standard on at least one criterion.' : '',
            activeMsDelta: minutes * 60_000,
          },
          reviewer,
        );
        await submitReview(at(ctx, addMinutes(start, minutes + 2)), state.review.id, 0, reviewer);
      }
    }
    if (r.close) await closeRound(at(ctx, addHours(new Date(r.closes_at), 1)), round.id, lead);
  }
}

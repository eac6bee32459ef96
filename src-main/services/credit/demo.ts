import fs from 'node:fs';
import path from 'node:path';
import { addDays, addHours } from 'date-fns';
import { z } from 'zod';
import { PathwaySchema } from '../../../src-shared/domain/pathway';
import { RoleSchema } from '../../../src-shared/domain/roles';
import { demoDir } from '../../core/paths';
import { type ServiceContext, transaction } from '../context';
import { currentDecision, recordDecision } from '../decisions';
import { setStatus } from '../portfolios';
import { createReviewer, getReviewer, systemActor } from '../reviewers';
import { releaseDecisions } from '../panels/release';
import { saveDraft, startReview, submitReview } from '../reviews';
import { toCsv } from '../export/csv';
import { createApplication, decideApplication } from './applications';
import { EXTERNAL_CSV_COLUMNS } from './external-csv';
import { importExternal } from './external';
import { savePathway } from './pathways';

const Review = z.object({
  reviewer: z.string(),
  days: z.number(),
  minutes: z.number().default(40),
  levels: z.record(z.string(), z.number().int()),
  feedback: z.string(),
});

export const CreditActivitySchema = z.object({
  format: z.literal('evidence-workbench/demo-activity@1'),
  feature: z.literal('credit'),
  /** Profiles the credit story needs beyond the panel's (a second approver for four eyes). */
  profiles: z
    .array(z.object({ id: z.string(), name: z.string(), email: z.email(), school: z.string(), district: z.string(), roles: z.array(RoleSchema) }))
    .default([]),
  pathways: z.array(PathwaySchema),
  /** Passes the story relies on: left alone when the panel history already decided them, else reviewed now. */
  passes: z.array(z.object({ portfolio: z.string(), reviews: z.array(Review).min(1) })).default([]),
  /** Credentials earned elsewhere, as rows of the external-credentials CSV. */
  external: z.object({ file: z.string(), rows: z.array(z.record(z.string(), z.union([z.string(), z.number()]))) }).optional(),
  applications: z.array(
    z.object({
      candidate: z.string(),
      pathway: z.string(),
      date: z.iso.date(),
      by: z.string(),
      note: z.string().default(''),
      decisions: z.array(z.object({ by: z.string(), decision: z.enum(['approve', 'decline']), reasons: z.string(), days: z.number() })).default([]),
    }),
  ),
});
export type CreditActivity = z.infer<typeof CreditActivitySchema>;

/**
 * Where the activity file lives: `resources/demo/activity/credit.json` once the demo set carries it (and the importer
 * knows the "credit" replay), else beside this module, so the demo import keeps working until then.
 */
export const CREDIT_DEMO_FILE = (): string => path.join(demoDir(), 'activity', 'credit.json');

/** A context whose clock reads `when`: each step of the story happens on its own date. */
const at = (ctx: ServiceContext, when: Date): ServiceContext => ({ ...ctx, now: () => when });
const nzMorning = (date: string, plusDays = 0) => addHours(addDays(new Date(`${date}T00:00:00+13:00`), plusDays), 10);

/** Agreeing reviews wait for release; the story needs the pass out, so the demo's panel office releases it that day. */
async function releaseHeld(ctx: ServiceContext, portfolioId: string): Promise<void> {
  const held = await currentDecision(ctx, portfolioId);
  if (!held || held.releasedAt !== null) return;
  await releaseDecisions(at(ctx, addHours(new Date(held.decidedAt), 1)), { items: [{ portfolioId }], confirm: true }, systemActor('system:demo'));
}

/**
 * Makes sure a portfolio the story needs has passed (and is released). Reviews go through the real review services (with the panel's
 * rules); if those cannot decide it (e.g. the policy routed it elsewhere), the pass is recorded directly, so the
 * replay works whether or not the panel history already decided the portfolio.
 */
async function ensurePass(ctx: ServiceContext, pass: CreditActivity['passes'][number]): Promise<void> {
  const decided = await currentDecision(ctx, pass.portfolio);
  if (decided) return releaseHeld(ctx, pass.portfolio);
  const row = (await ctx.db.get('SELECT submitted_at AS at, status FROM portfolios WHERE id = ?', [pass.portfolio])) as
    { at: string; status: string } | undefined;
  if (!row) throw new Error(`demo activity names unknown portfolio ${pass.portfolio}`);
  for (const r of pass.reviews) {
    const reviewer = await getReviewer(ctx, r.reviewer);
    if (!reviewer) throw new Error(`demo activity names unknown reviewer ${r.reviewer}`);
    const when = at(ctx, addHours(addDays(new Date(row.at), r.days), 9));
    try {
      const state = await startReview(when, pass.portfolio, reviewer);
      if (!state.review || state.review.status !== 'draft') continue;
      await saveDraft(when, { reviewId: state.review.id, levels: r.levels, feedback: r.feedback, activeMsDelta: Math.round(r.minutes * 60_000) }, reviewer);
      await submitReview(at(ctx, addHours(addDays(new Date(row.at), r.days), 10)), state.review.id, 0, reviewer);
    } catch {
      // fall through to the direct record below
    }
    if (await currentDecision(ctx, pass.portfolio)) return releaseHeld(ctx, pass.portfolio);
  }
  if (await currentDecision(ctx, pass.portfolio)) return releaseHeld(ctx, pass.portfolio);
  const last = pass.reviews.at(-1)!;
  const when = at(ctx, addHours(addDays(new Date(row.at), last.days), 11));
  await transaction(when, async (when) => {
    const status = ((await ctx.db.get('SELECT status FROM portfolios WHERE id = ?', [pass.portfolio])) as { status: string }).status;
    if (status === 'submitted') await setStatus(when, pass.portfolio, 'in_review', last.reviewer);
    await recordDecision(when, {
      portfolioId: pass.portfolio,
      outcome: 'pass',
      total: Object.values(last.levels).reduce((a, b) => a + b, 0),
      feedback: last.feedback,
      source: 'review',
      reviewId: null,
      decidedBy: last.reviewer,
      reason: null,
      levels: Object.entries(last.levels).map(([criterionId, score]) => ({ criterionId, score, comment: '' })),
    });
  });
}

/**
 * The credit story of the demo: a second approver (four eyes), the EDUC 581 pathway (three Masters-level
 * micro-credentials, two approvers) and a district hours pathway with a post-test condition; credentials earned
 * elsewhere (one long expired) and a likely duplicate candidate; then applications: Aroha Ngata holds all three from
 * this programme (open, the one to approve); Sione Tupou holds all three, CST-8 passed here on the second attempt and
 * two earned elsewhere (open); Ruby Tane is one credential short (open); James O'Connor's Working Collaboratively
 * expired (declined); Priya Raman's hours with a 90 % post-test (approved); Mele Fifita's post-test of 71 % is below
 * the bar (open). Replayed through the services with the clock set to each step's date; does nothing once any
 * pathway exists (a fresh demo database only). Passes the story needs are reviewed here if the panel history has not
 * decided them.
 */
export async function replayCreditDemo(ctx: ServiceContext, file = CREDIT_DEMO_FILE()): Promise<void> {
  if (await ctx.db.get('SELECT 1 FROM credit_pathways LIMIT 1')) return;
  const doc = CreditActivitySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const system = systemActor('system:demo');
  const who = async (id: string) => {
    const r = await getReviewer(ctx, id);
    if (!r) throw new Error(`demo activity names unknown profile ${id}`);
    return r;
  };
  for (const p of doc.profiles) if (!(await getReviewer(ctx, p.id))) await createReviewer(ctx, p, system);
  const firstDate = doc.applications.map((a) => a.date).sort()[0] ?? '2026-10-01';
  for (const p of doc.pathways) await savePathway(at(ctx, nzMorning(firstDate, -30)), p, system);
  for (const pass of doc.passes) await ensurePass(ctx, pass);
  if (doc.external?.rows.length) {
    const rows = doc.external.rows.map((r) => Object.fromEntries(EXTERNAL_CSV_COLUMNS.map((c) => [c, r[c] ?? ''])));
    await importExternal(at(ctx, nzMorning(firstDate, -14)), { fileName: doc.external.file, content: toCsv([...EXTERNAL_CSV_COLUMNS], rows) }, system);
  }
  for (const a of doc.applications) {
    const app = await createApplication(
      at(ctx, nzMorning(a.date)),
      { candidateId: a.candidate, pathwayId: a.pathway, date: a.date, note: a.note },
      await who(a.by),
    );
    for (const d of a.decisions)
      await decideApplication(at(ctx, nzMorning(a.date, d.days)), { applicationId: app.id, decision: d.decision, reasons: d.reasons }, await who(d.by));
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { addDays, addHours } from 'date-fns';
import { z } from 'zod';
import { ReviewPolicySchema } from '../../../src-shared/domain/panel/policy';
import type { AnchorTarget } from '../../../src-shared/contracts/anchors';
import { demoDir } from '../../core/paths';
import type { ServiceContext } from '../context';
import { getReviewer, systemActor } from '../reviewers';
import { addAnchor, saveDraft, startReview, submitReview } from '../reviews';
import { setPolicy } from './policies';
import { claim } from './assignments';
import { moderate } from './moderation';
import { returnToCandidate } from './history';
import { setOverdueDays } from './settings';
import { releaseDecisions } from './release';

const Anchor = z.object({
  criterion: z.string(),
  evidence: z.string(),
  page: z.number().int().optional(),
  start: z.number().optional(),
  end: z.number().optional(),
});
const Step = z.discriminatedUnion('do', [
  z.object({
    do: z.literal('review'),
    portfolio: z.string(),
    reviewer: z.string(),
    days: z.number(),
    minutes: z.number(),
    levels: z.record(z.string(), z.number().int()),
    comments: z.record(z.string(), z.string()).default({}),
    feedback: z.string(),
    anchors: z.array(Anchor).default([]),
    submit: z.boolean().default(true),
  }),
  z.object({ do: z.literal('claim'), portfolio: z.string(), reviewer: z.string(), days: z.number() }),
  z.object({ do: z.literal('return'), portfolio: z.string(), by: z.string(), days: z.number() }),
  /** A lead releases a reconciled decision, with their edit of the merged feedback when given. */
  z.object({ do: z.literal('release'), portfolio: z.string(), by: z.string(), days: z.number(), feedback: z.string().optional() }),
  z.object({
    do: z.literal('moderate'),
    portfolio: z.string(),
    moderator: z.string(),
    days: z.number(),
    levels: z.record(z.string(), z.number().int()),
    feedback: z.string(),
    note: z.string(),
  }),
]);
export const PanelsActivitySchema = z.object({
  format: z.literal('evidence-workbench/demo-activity@1'),
  feature: z.literal('panels'),
  policies: z.array(z.object({ credential: z.string(), policy: ReviewPolicySchema.partial(), note: z.string().optional() })),
  overdue_days: z.number().int().optional(),
  steps: z.array(Step),
});

function target(a: z.infer<typeof Anchor>): AnchorTarget {
  return a.page !== undefined
    ? { kind: 'pdf_page', page: a.page }
    : { kind: 'video_time', startS: a.start ?? 0, ...(a.end !== undefined ? { endS: a.end } : {}) };
}

/**
 * The demo panel's history, replayed through the real services with the clock set to when each step happened
 * (days after the portfolio was submitted), so the dashboard shows real waiting times and weekly throughput.
 * Does nothing once policies exist: the replay runs on a fresh demo database only.
 */
export async function replayPanelsDemo(ctx: ServiceContext, file = path.join(demoDir(), 'activity', 'panels.json')): Promise<void> {
  if (await ctx.db.get('SELECT 1 FROM review_policies LIMIT 1')) return;
  const doc = PanelsActivitySchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const system = systemActor('system:demo');
  const submitted = async (id: string) => new Date(((await ctx.db.get('SELECT submitted_at AS at FROM portfolios WHERE id = ?', [id])) as { at: string }).at);
  const at = async (portfolio: string, days: number, hours = 0): Promise<ServiceContext> => {
    const when = addHours(addDays(await submitted(portfolio), days), 9 + hours);
    return { ...ctx, now: () => when };
  };
  const who = async (id: string) => {
    const r = await getReviewer(ctx, id);
    if (!r) throw new Error(`demo activity names unknown reviewer ${id}`);
    return r;
  };
  for (const p of doc.policies) await setPolicy(ctx, p.credential, p.policy, system, p.note);
  if (doc.overdue_days) await setOverdueDays(ctx, doc.overdue_days, system);
  for (const step of doc.steps) {
    if (step.do === 'claim') await claim(await at(step.portfolio, step.days), step.portfolio, await who(step.reviewer));
    else if (step.do === 'return') await returnToCandidate(await at(step.portfolio, step.days), step.portfolio, await who(step.by));
    else if (step.do === 'release')
      await releaseDecisions(
        await at(step.portfolio, step.days),
        { items: [{ portfolioId: step.portfolio, ...(step.feedback !== undefined ? { feedback: step.feedback } : {}) }], confirm: false },
        await who(step.by),
      );
    else if (step.do === 'moderate')
      await moderate(
        await at(step.portfolio, step.days),
        { portfolioId: step.portfolio, levels: step.levels, comments: {}, feedback: step.feedback, note: step.note },
        await who(step.moderator),
      );
    else {
      const reviewer = await who(step.reviewer);
      const start = await at(step.portfolio, step.days);
      const state = await startReview(start, step.portfolio, reviewer);
      if (!state.review) throw new Error(`demo: ${reviewer.id} cannot review ${step.portfolio}: ${state.readOnlyReason}`);
      const id = state.review.id;
      const working = await at(step.portfolio, step.days, 1);
      for (const a of step.anchors) await addAnchor(working, { reviewId: id, criterionId: a.criterion, evidenceId: a.evidence, target: target(a) }, reviewer);
      await saveDraft(
        working,
        { reviewId: id, levels: step.levels, comments: step.comments, feedback: step.feedback, activeMsDelta: Math.round(step.minutes * 60_000) },
        reviewer,
      );
      if (step.submit) await submitReview(await at(step.portfolio, step.days, 2), id, 0, reviewer);
    }
  }
}

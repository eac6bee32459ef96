import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/api';
import { verifyAuditChain } from '../../../src-main/db/audit-chain';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { createReviewer } from '../../../src-main/services/reviewers';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { auditChainOf, tempServices } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';

/** What the audit log records of drafts, time on task, the overdue setting and preferences (README "Security model"). */
let ctx: Services;
let core: Core;
let admin: Reviewer;
let reviewer: Reviewer;
beforeEach(async () => {
  ctx = await tempServices();
  ({ admin, reviewer } = await reviewSetup(ctx));
  core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
});
afterEach(() => ctx.close());

const entries = async (action: string) =>
  (
    (await ctx.db.all('SELECT actor, entity_id AS entity, details FROM audit_log WHERE action = ? ORDER BY id', [action])) as {
      actor: string;
      entity: string;
      details: string;
    }[]
  ).map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
const count = async () => ((await ctx.db.get('SELECT count(*) AS n FROM audit_log')) as { n: number }).n;

describe('what the audit log records', () => {
  it('not each draft keystroke of comments and feedback, but the submitted content and the time on task', async () => {
    const id = (await startReview(ctx, 'P-1', reviewer)).review!.id;
    await saveDraft(ctx, { reviewId: id, levels: { planning: 3, reflection: 3 }, activeMsDelta: 1000 }, reviewer);
    const before = await count();
    for (const text of ['G', 'Go', 'Goo', 'Good planning'])
      await saveDraft(ctx, { reviewId: id, comments: { planning: text }, feedback: `${text}.`, activeMsDelta: 500 }, reviewer);
    expect(await count()).toBe(before);
    await submitReview(ctx, id, 1500, reviewer);
    const [submit] = await entries('review.submit');
    expect(submit!.actor).toBe(reviewer.id);
    expect(submit!.details).toMatchObject({
      portfolio: 'P-1',
      outcome: 'pass',
      feedback: 'Good planning.',
      comments: { planning: 'Good planning' },
      active_ms: 1000 + 4 * 500 + 1500,
    });
    expect((await auditChainOf(ctx)).ok).toBe(true);
  });

  it('every change of the overdue-days setting, with who and the values before and after; only leads and admins may change it', async () => {
    await core.handle('panel.setOverdueDays', { days: 30 }, { actor: admin.id });
    await core.handle('panel.setOverdueDays', { days: 14 }, { actor: admin.id });
    expect(await entries('settings.change')).toEqual([
      { actor: admin.id, entity: 'panel.overdue_days', details: { from: 21, to: 30 } },
      { actor: admin.id, entity: 'panel.overdue_days', details: { from: 30, to: 14 } },
    ]);
    const lead = await createReviewer(ctx, { name: 'Lee Lead', email: 'lee@example.nz', school: '', district: '', roles: ['lead'] }, admin);
    await core.handle('panel.setOverdueDays', { days: 10 }, { actor: lead.id });
    await expect(core.handle('panel.setOverdueDays', { days: 99 }, { actor: reviewer.id })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await entries('settings.change')).map((e) => e.details.to)).toEqual([30, 14, 10]);
    // Setting the value it already has records nothing.
    await core.handle('panel.setOverdueDays', { days: 10 }, { actor: lead.id });
    expect(await entries('settings.change')).toHaveLength(3);
  });

  it("not preferences: pane sizes and layout are one person's view, they decide nothing", async () => {
    const before = await count();
    await core.handle('prefs.set', { key: 'review.panes', value: [60, 40] }, { actor: reviewer.id });
    expect(await core.handle('prefs.get', { key: 'review.panes' }, { actor: reviewer.id })).toEqual({ value: [60, 40] });
    expect(await count()).toBe(before);
  });
});

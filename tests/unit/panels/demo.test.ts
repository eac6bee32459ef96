import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoIfFresh } from '../../../src-main/core/services';
import { listReviewers } from '../../../src-main/services/reviewers';
import { moderationQueue } from '../../../src-main/services/panels/moderation';
import { panelDashboard } from '../../../src-main/services/panels/dashboard';
import { attemptHistory } from '../../../src-main/services/panels/history';
import { listAssignments } from '../../../src-main/services/panels/assignments';
import type { Services } from '../../../src-main/core/services';
import { tempServices } from '../../support/fixtures';

let ctx: Services;
beforeAll(async () => {
  ctx = await tempServices(new Date('2026-11-01T10:00:00Z'));
  expect(await loadDemoIfFresh(ctx)).toBe(true);
});
afterAll(() => ctx.close());

describe('the demo panel', () => {
  it('has at least six reviewers in several districts, and every role', async () => {
    const reviewers = await listReviewers(ctx);
    expect(reviewers.filter((r) => r.roles.includes('reviewer')).length).toBeGreaterThanOrEqual(6);
    expect(new Set(reviewers.map((r) => r.district)).size).toBeGreaterThanOrEqual(3);
    for (const role of ['reviewer', 'moderator', 'lead', 'approver', 'admin'] as const)
      expect(
        reviewers.some((r) => r.roles.includes(role)),
        role,
      ).toBe(true);
  });

  it('shows portfolios in every state a panel meets', async () => {
    const d = await panelDashboard(ctx);
    expect(d.counts.awaiting_allocation).toBeGreaterThan(0);
    expect(d.counts.awaiting_moderation).toBeGreaterThan(0);
    expect(d.counts.returned).toBeGreaterThan(0);
    const status = (id: string) => ctx.db.get('SELECT status, outcome FROM portfolios WHERE id = ?', [id]);
    // one of two reviews done
    expect(
      (await listAssignments(ctx))
        .filter((a) => a.portfolio === 'P-2026-003')
        .map((a) => a.status)
        .sort(),
    ).toEqual(['assigned', 'submitted']);
    // a genuine disagreement awaits moderation
    expect((await moderationQueue(ctx)).map((m) => m.portfolio)).toContain('P-2026-005');
    expect((await moderationQueue(ctx)).find((m) => m.portfolio === 'P-2026-005')!.reason).toMatch(/outcomes differ/);
    expect(await status('P-2026-001')).toEqual({ status: 'decided', outcome: 'pass' });
    expect(await status('P-2026-002')).toEqual({ status: 'returned', outcome: 'not_yet' });
    expect(await ctx.db.get("SELECT source FROM decisions WHERE portfolio_id = 'P-2026-008'")).toEqual({ source: 'moderation' });
  });

  it('shows reconciled decisions released by the lead and one still ready to release', async () => {
    const reconciled = (await ctx.db.all(
      "SELECT d.portfolio_id AS p, d.released_by AS by, d.decided_by AS author, p.status FROM decisions d JOIN portfolios p ON p.id = d.portfolio_id WHERE d.source = 'reconciled' ORDER BY d.portfolio_id",
    )) as { p: string; by: string | null; author: string; status: string }[];
    expect(reconciled.filter((r) => r.status === 'ready').map((r) => r.p)).toEqual(['P-2026-014']);
    expect(reconciled.find((r) => r.p === 'P-2026-001')).toMatchObject({ by: 'R-terina', status: 'decided' });
    expect(new Set(reconciled.map((r) => r.author))).toEqual(new Set(['system:reconciliation']));
    expect((await panelDashboard(ctx)).counts.ready_to_release).toBe(1);
  });

  it('links a resubmission to its earlier attempt with the earlier feedback in view', async () => {
    const h = await attemptHistory(ctx, 'P-2026-011');
    expect(h.attempts.map((a) => a.id)).toEqual(['P-2026-002', 'P-2026-011']);
    expect(h.attempts[0]!.decision!.outcome).toBe('not_yet');
    expect(h.attempts[0]!.decision!.feedback).toMatch(/student agency/);
    expect(h.changes.length).toBeGreaterThan(0);
  });

  it('dates the activity when it happened, so the dashboard has history', async () => {
    const d = await panelDashboard(ctx);
    expect(d.reviewers.some((r) => r.medianMinutes !== null)).toBe(true);
    expect(d.disagreement.length).toBeGreaterThan(0);
  });
});

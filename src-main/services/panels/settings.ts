import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { requireRole } from '../reviewers';

/** Panel-wide settings; values are JSON. */
export async function getSetting<T>(ctx: ServiceContext, key: string, fallback: T): Promise<T> {
  const row = await ctx.db.orm.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

/** Panel-wide settings change what everyone sees (e.g. which reviews count as overdue), so every change is audited. */
async function putSetting(ctx: ServiceContext, key: string, value: unknown, fallback: unknown, actor: string): Promise<void> {
  const before = await getSetting(ctx, key, fallback);
  const text = JSON.stringify(value);
  if (JSON.stringify(before) === text) return;
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm
      .insert(settings)
      .values({ key, value: text })
      .onConflictDoUpdate({ target: settings.key, set: { value: text } })
      .run();
    await audit(ctx, { actor, action: 'settings.change', entityType: 'setting', entityId: key, details: { from: before, to: value } });
  });
}

export const OVERDUE_DAYS_KEY = 'panel.overdue_days';
export const DEFAULT_OVERDUE_DAYS = 21;

/** Days after which an open assignment counts as overdue on the dashboard: leads and admins set it. */
export async function setOverdueDays(ctx: ServiceContext, days: number, actor: Reviewer): Promise<void> {
  requireRole(actor, 'lead', 'admin');
  await putSetting(ctx, OVERDUE_DAYS_KEY, days, DEFAULT_OVERDUE_DAYS, actor.id);
}

import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { requireRole } from '../reviewers';

/** Panel-wide settings; values are JSON. */
export function getSetting<T>(ctx: ServiceContext, key: string, fallback: T): T {
  const row = ctx.db.orm.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

/** Panel-wide settings change what everyone sees (e.g. which reviews count as overdue), so every change is audited. */
function putSetting(ctx: ServiceContext, key: string, value: unknown, fallback: unknown, actor: string): void {
  const before = getSetting(ctx, key, fallback);
  const text = JSON.stringify(value);
  if (JSON.stringify(before) === text) return;
  transaction(ctx, async (ctx) => {
        ctx.db.orm.insert(settings).values({ key, value: text }).onConflictDoUpdate({ target: settings.key, set: { value: text } }).run();
        audit(ctx, { actor, action: 'settings.change', entityType: 'setting', entityId: key, details: { from: before, to: value } });
      });
}

export const OVERDUE_DAYS_KEY = 'panel.overdue_days';
export const DEFAULT_OVERDUE_DAYS = 21;

/** Days after which an open assignment counts as overdue on the dashboard: leads and admins set it. */
export function setOverdueDays(ctx: ServiceContext, days: number, actor: Reviewer): void {
  requireRole(actor, 'lead', 'admin');
  putSetting(ctx, OVERDUE_DAYS_KEY, days, DEFAULT_OVERDUE_DAYS, actor.id);
}

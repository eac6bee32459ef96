import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { ServiceContext } from '../context';

/** Panel-wide settings; values are JSON. */
export function getSetting<T>(ctx: ServiceContext, key: string, fallback: T): T {
  const row = ctx.handle.db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

export function putSetting(ctx: ServiceContext, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  ctx.handle.db.insert(settings).values({ key, value: text }).onConflictDoUpdate({ target: settings.key, set: { value: text } }).run();
}

export const OVERDUE_DAYS_KEY = 'panel.overdue_days';
export const DEFAULT_OVERDUE_DAYS = 21;

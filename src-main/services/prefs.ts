import { and, eq } from 'drizzle-orm';
import { preferences } from '../db/schema';
import type { ServiceContext } from './context';

/** Per-reviewer settings (pane sizes, layout): small JSON values keyed by name. */
export async function getPref(ctx: ServiceContext, reviewerId: string, key: string): Promise<unknown> {
  const row = await ctx.db.orm
    .select({ value: preferences.value })
    .from(preferences)
    .where(and(eq(preferences.reviewerId, reviewerId), eq(preferences.key, key)))
    .get();
  return row ? (JSON.parse(row.value) as unknown) : null;
}

export async function setPref(ctx: ServiceContext, reviewerId: string, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value ?? null);
  if (text.length > 64 * 1024) throw new Error('preference value too large');
  await ctx.db.orm
    .insert(preferences)
    .values({ reviewerId, key, value: text })
    .onConflictDoUpdate({ target: [preferences.reviewerId, preferences.key], set: { value: text } })
    .run();
}

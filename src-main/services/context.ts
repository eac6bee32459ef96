import type { Db } from '../db/port';
import type { EvidenceStore } from './store';

/** What every service works on: one database (through the Db port) and its content store. The clock is injectable so tests can fix time. */
export interface ServiceContext {
  db: Db;
  store: EvidenceStore;
  dataDir: string;
  now(): Date;
}

export const nowIso = (ctx: ServiceContext): string => ctx.now().toISOString();

/**
 * Runs `work` in one database transaction with a context whose `db` is that transaction, so every service it calls
 * takes part in it (the outer context's `db` waits until it ends). Nested calls become savepoints.
 */
export async function transaction<T>(ctx: ServiceContext, work: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  return await ctx.db.transaction((tx) => work({ ...ctx, db: tx }));
}

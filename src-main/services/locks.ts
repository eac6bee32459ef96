import type { ServiceContext } from './context';

/** The rows decisions are taken on, by the column that names one. */
const KEY = {
  portfolios: 'id',
  reviewers: 'id',
  reviews: 'id',
  moderations: 'portfolio_id',
  credit_applications: 'id',
} as const;

/**
 * Inside a transaction, locks one row until it ends, so another transaction deciding on the same row waits and then
 * reads what this one wrote (PostgreSQL, whose transactions otherwise each read their own snapshot of a row at
 * once). On SQLite the write transaction already holds the whole file; the lock is only a read there. Take locks
 * in one order, portfolio before reviewer or review, so two transactions never wait for each other.
 * Returns whether the row exists.
 */
export async function lockRow(ctx: ServiceContext, table: keyof typeof KEY, key: string | number): Promise<boolean> {
  if (!ctx.db.inTransaction) throw new Error(`a lock on ${table} is taken inside a transaction`);
  return (await ctx.db.get(`SELECT 1 AS found FROM ${table} WHERE ${KEY[table]} = ? ${ctx.db.fn.forUpdate}`, [key])) !== undefined;
}

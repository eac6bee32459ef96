/**
 * The bundled demo imported with its activity into a real SQLite data directory: a queue with rows in nearly every
 * table (reviews, decisions, moderation, calibration rounds, credit applications, a long audit log). The seeded
 * migration tests copy its rows into older schemas; the migrate-to tests copy it into PostgreSQL.
 */
import path from 'node:path';
import { expect } from 'vitest';
import { loadDemoIfFresh, openServices } from '../../src-main/core/services';
import { tempDir } from './fixtures';

export const DEMO_NOW = new Date('2026-11-01T10:00:00Z');

/** A data directory holding the demo queue, in SQLite whatever the test dialect; the caller closes the services. */
export async function demoServices() {
  const ctx = await openServices({ dataDir: tempDir('ew-data-'), now: () => DEMO_NOW });
  expect(await loadDemoIfFresh(ctx)).toBe(true);
  return { ctx, sqliteFile: path.join(ctx.dataDir, 'queue.sqlite') };
}

/** A table's rows in the order of `key` (SQLite's rowid, which every migration keeps, or PostgreSQL's primary key). */
export interface TableRows {
  key: string[];
  columns: string[];
  rows: Record<string, unknown>[];
}

export type Snapshot = Map<string, TableRows>;

/**
 * Every row that was there before is there after, with the same key and the same value in every column it had
 * before; tables may gain columns, and a migration may only drop a column that it replaces (portfolio_search's body).
 */
export function expectRowsSurvive(before: Snapshot, after: Snapshot): void {
  for (const [table, old] of before) {
    const now = after.get(table);
    expect(now, `table ${table} is gone`).toBeDefined();
    const common = old.columns.filter((c) => now!.columns.includes(c));
    const project = (r: Record<string, unknown>) => Object.fromEntries([...new Set([...old.key, ...common])].map((c) => [c, r[c]]));
    expect(now!.rows.map(project), table).toEqual(old.rows.map(project));
  }
}

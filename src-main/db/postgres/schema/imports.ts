/** PostgreSQL twin of ../../schema/imports.ts (what the columns mean is said there); postgres/migrations create it. */
import { bigint, foreignKey, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const importRuns = pgTable('import_runs', {
  id: text('id').primaryKey(),
  pid: bigint('pid', { mode: 'number' }).notNull(),
  source: text('source').notNull(),
  startedAt: text('started_at').notNull(),
});

export const importRunItems = pgTable(
  'import_run_items',
  {
    runId: text('run_id').notNull(),
    kind: text('kind', { enum: ['portfolio', 'candidate', 'blob'] }).notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.kind, t.key] }), foreignKey({ columns: [t.runId], foreignColumns: [importRuns.id] }).onDelete('cascade')],
);

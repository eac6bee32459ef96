import { sqliteTable, text, integer, primaryKey, foreignKey } from 'drizzle-orm/sqlite-core';

/** An import writing its rows in several transactions; removed when the import lands or has been taken out again. */
export const importRuns = sqliteTable('import_runs', {
  id: text('id').primaryKey(),
  pid: integer('pid').notNull(),
  source: text('source').notNull(),
  startedAt: text('started_at').notNull(),
});

/** What an unfinished run has written (portfolios, candidates it created, blobs it registered). */
export const importRunItems = sqliteTable(
  'import_run_items',
  {
    runId: text('run_id').notNull(),
    kind: text('kind', { enum: ['portfolio', 'candidate', 'blob'] }).notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.kind, t.key] }), foreignKey({ columns: [t.runId], foreignColumns: [importRuns.id] }).onDelete('cascade')],
);

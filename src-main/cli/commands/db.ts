import path from 'node:path';
import { databaseUrlFrom } from '../../core/services';
import { migrateTo } from '../../db/migrate-to';
import type { Command } from '../command';
import { UsageError } from '../command';

/**
 * Here --database-url names where the queue goes, not where it is: the queue is always the SQLite file of --data, so
 * the command opens no services (they would open the target).
 */
export const dbMigrateToCommand: Command = {
  words: ['db', 'migrate-to'],
  usage: 'db migrate-to --database-url URL [--json]',
  summary: 'Copy the SQLite queue of --data (audit log included) into an empty PostgreSQL database in one transaction, and verify it.',
  async run({ dataDir, flags, io }) {
    const url = databaseUrlFrom(flags['database-url'] as string | undefined);
    if (!url) throw new UsageError('name the PostgreSQL database to copy the queue into: --database-url postgres://USER:PASSWORD@HOST:PORT/DATABASE');
    const result = await migrateTo({ sqliteFile: path.join(dataDir, 'queue.sqlite'), databaseUrl: url });
    if (flags.json) {
      io.out(JSON.stringify({ tables: result.tables, ok: true }, null, 2));
      return 0;
    }
    const width = Math.max(...result.tables.map((t) => t.table.length));
    const total = result.tables.reduce((n, t) => n + t.rows, 0);
    io.out(
      [
        `copied ${path.join(dataDir, 'queue.sqlite')} into ${result.target}; rows and content verified table by table:`,
        ...result.tables.map((t) => `  ${t.table.padEnd(width)} ${String(t.rows).padStart(8)}  ${t.sha256}`),
        `${result.tables.length} tables, ${total} rows; the audit chain verifies in PostgreSQL (head ${result.auditHead ?? 'none'}).`,
        'Start the app with --database-url (or EVIDENCE_WORKBENCH_DATABASE_URL) to work on the copy; without it, it goes on using the SQLite file.',
      ].join('\n'),
    );
    return 0;
  },
};

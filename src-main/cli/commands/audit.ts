import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../../db/audit-chain-port';
import { openDb } from '../../db/open';
import { databaseUrlFrom } from '../../core/services';
import type { Command } from '../command';
import { UsageError } from '../command';

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  usage: 'audit verify [--json]',
  summary: 'Checks the audit log hash chain and its guards; exits 1 naming the first bad entry.',
  async run({ dataDir, io, flags }) {
    const databaseUrl = databaseUrlFrom(flags['database-url'] as string | undefined);
    const file = path.join(dataDir, 'queue.sqlite');
    // With a database URL the queue is elsewhere, but the data directory (evidence, keys) must still be there.
    if (!fs.existsSync(databaseUrl ? dataDir : file)) throw new UsageError(`no data directory with a database at ${dataDir}`);
    // Opened without the services: they refuse a broken log, and this command is how one finds out why.
    const handle = await openDb({ databaseUrl, sqliteFile: file });
    try {
      const report = await verifyAuditChain(handle.db);
      if (flags.json) io.out(JSON.stringify(report, null, 2));
      if (!report.ok) {
        const where = report.firstBad === null ? '' : ` at entry ${report.firstBad}`;
        io.err(`the audit log is broken${where}:\n${report.problems.map((p) => `- ${p}`).join('\n')}`);
        return 1;
      }
      if (!flags.json) io.out(`valid: ${report.entries} audit entries, chain intact (head ${report.head ?? 'none'})`);
      return 0;
    } finally {
      await handle.close();
    }
  },
};

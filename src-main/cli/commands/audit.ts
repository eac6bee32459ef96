import fs from 'node:fs';
import path from 'node:path';
import { verifyAuditChain } from '../../db/audit-chain';
import { openDatabase } from '../../db/database';
import type { Command } from '../command';
import { UsageError } from '../command';

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  usage: 'audit verify [--json]',
  summary: 'Checks the audit log hash chain and its guards; exits 1 naming the first bad entry.',
  async run({ dataDir, io, flags }) {
    const file = path.join(dataDir, 'queue.sqlite');
    if (!fs.existsSync(file)) throw new UsageError(`no data directory with a database at ${dataDir}`);
    // Opened without the services: they refuse a broken log, and this command is how one finds out why.
    const handle = openDatabase(file);
    try {
      const report = verifyAuditChain(handle.sqlite);
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

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { createTestDatabase } from '../../support/postgres';
import { tempDir } from '../../support/fixtures';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('--database-url', () => {
  it('puts the queue in PostgreSQL: nothing is written to <data>/queue.sqlite', async () => {
    const url = await createTestDatabase();
    const data = tempDir();
    const r = await cli('list', '--json', '--data', data, '--database-url', url);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(fs.existsSync(path.join(data, 'queue.sqlite'))).toBe(false);
  });

  it('takes EVIDENCE_WORKBENCH_DATABASE_URL when the flag is absent', async () => {
    const url = await createTestDatabase();
    const data = tempDir();
    process.env.EVIDENCE_WORKBENCH_DATABASE_URL = url;
    try {
      expect((await cli('list', '--json', '--data', data)).code).toBe(0);
    } finally {
      delete process.env.EVIDENCE_WORKBENCH_DATABASE_URL;
    }
    expect(fs.existsSync(path.join(data, 'queue.sqlite'))).toBe(false);
  });

  it('a wrong URL or a refused connection is one line naming the host, exit 1, nothing written', async () => {
    const data = tempDir();
    const wrong = await cli('list', '--data', data, '--database-url', 'mysql://u:p@db.example.org/q');
    expect(wrong.code).toBe(1);
    expect(wrong.err.split('\n')).toHaveLength(1);
    const refused = await cli('list', '--data', data, '--database-url', 'postgres://u:secret@127.0.0.1:1/queue');
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toContain('127.0.0.1');
    expect(refused.err).not.toContain('secret');
    expect(fs.existsSync(path.join(data, 'queue.sqlite'))).toBe(false);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { audit } from '../../../src-main/services/audit';
import { verifyAuditChain } from '../../../src-main/db/audit-chain';
import type { Services } from '../../../src-main/core/services';
import { onTestDatabase, openTestServices, sqliteOnly } from '../../support/dialect';
import { auditChainOf, tempDir } from '../../support/fixtures';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A data directory with `n` audit entries written the way the services write them. */
async function withEntries(n: number): Promise<{ dir: string; ctx: Services }> {
  const dir = tempDir('ew-audit-');
  const ctx = await openTestServices({ dataDir: dir, now: () => new Date('2026-11-01T10:00:00Z') });
  for (let i = 1; i <= n; i++) await audit(ctx, { actor: 'R-lead', action: 'test.event', entityType: 'portfolio', entityId: `P-${i}`, details: { n: i } });
  return { dir, ctx };
}

/** Opens the raw file the way someone with file access (sqlite3 CLI, a script) would: no app, no checks. */
function tamper(dir: string, sql: string): void {
  const raw = new Database(path.join(dir, 'queue.sqlite'));
  raw.exec(sql);
  raw.close();
}

const rows = async (ctx: Services) =>
  (await ctx.db.all('SELECT id, actor, details, hash FROM audit_log ORDER BY id')) as { id: number; actor: string; details: string; hash: string }[];

describe('the audit log is a hash chain', () => {
  it('gives every entry the sha256 of the previous hash and its own content, and verifies', async () => {
    const { ctx } = await withEntries(3);
    const all = await rows(ctx);
    expect(all.map((r) => r.id)).toEqual([1, 2, 3]);
    for (const r of all) expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(all.map((r) => r.hash)).size).toBe(3);
    expect(await auditChainOf(ctx)).toMatchObject({ ok: true, entries: 3, head: all[2]!.hash, firstBad: null, problems: [] });
    await ctx.close();
  });

  it('refuses entries that skip the chain: no hash, an id out of order, or UPDATE/DELETE', async () => {
    const { ctx } = await withEntries(2);
    const s = ctx.db;
    await expect(s.run("INSERT INTO audit_log (at, actor, action, entity_type, entity_id) VALUES ('t', 'a', 'x', 'y', 'z')")).rejects.toThrow(/append-only/);
    await expect(s.run("INSERT INTO audit_log (id, at, actor, action, entity_type, entity_id, hash) VALUES (9, 't', 'a', 'x', 'y', 'z', 'h')")).rejects.toThrow(
      /append-only/,
    );
    await expect(s.run("UPDATE audit_log SET actor = 'b'")).rejects.toThrow('audit log is append-only');
    await expect(s.run('DELETE FROM audit_log')).rejects.toThrow('audit log is append-only');
    expect((await auditChainOf(ctx)).ok).toBe(true);
    await ctx.close();
  });

  it('audit verify exits 0 with the count and head hash for an intact log, 2 for a missing data directory', async () => {
    const { dir, ctx } = await withEntries(2);
    const head = (await rows(ctx))[1]!.hash;
    await ctx.close();
    const ok = await cli('audit', 'verify', '--data', dir);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toBe(`valid: 2 audit entries, chain intact (head ${head})`);
    const json = await cli('audit', 'verify', '--data', dir, '--json');
    expect(JSON.parse(json.out)).toEqual({ ok: true, entries: 2, head, firstBad: null, problems: [] });
    const missing = await cli('audit', 'verify', '--data', path.join(dir, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/no data directory/);
    expect(fs.existsSync(path.join(dir, 'nope'))).toBe(false);
  });
});

sqliteOnly("REPLACE is SQLite's own statement, a delete that skips delete triggers; PostgreSQL has none", 'the audit log and REPLACE', () => {
  it('refuses INSERT OR REPLACE of an existing entry (it would delete without firing the delete trigger)', async () => {
    const { ctx } = await withEntries(2);
    const before = await rows(ctx);
    await expect(
      ctx.db.run(
        "INSERT OR REPLACE INTO audit_log (id, at, actor, action, entity_type, entity_id, details, hash) VALUES (1, 't', 'mallory', 'x', 'y', 'z', '{}', ?)",
        [before[0]!.hash],
      ),
    ).rejects.toThrow(/audit log is append-only/);
    await expect(
      ctx.db.run("REPLACE INTO audit_log (id, at, actor, action, entity_type, entity_id) VALUES (2, 't', 'mallory', 'x', 'y', 'z')"),
    ).rejects.toThrow(/audit log is append-only/);
    expect(await rows(ctx)).toEqual(before);
    await ctx.close();
  });
});

sqliteOnly(
  "it edits the SQLite file behind the app, as someone with file access would; PostgreSQL's counterpart is postgres-audit-chain.test.ts",
  'the audit log file tampered with',
  () => {
    it('names the first changed entry when the triggers are dropped and a row is edited', async () => {
      const { dir, ctx } = await withEntries(4);
      await ctx.close();
      tamper(dir, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone-else' WHERE id = 2;");
      const raw = new Database(path.join(dir, 'queue.sqlite'));
      const result = verifyAuditChain(raw);
      raw.close();
      expect(result.ok).toBe(false);
      expect(result.firstBad).toBe(2);
      expect(result.problems.join('\n')).toMatch(/trigger audit_log_no_update is missing/);
      expect(result.problems.join('\n')).toMatch(/entry 2 /);

      const verify = await cli('audit', 'verify', '--data', dir);
      expect(verify.code).toBe(1);
      expect(verify.err).toMatch(/entry 2/);
      const json = await cli('audit', 'verify', '--data', dir, '--json');
      expect(json.code).toBe(1);
      expect(JSON.parse(json.out)).toMatchObject({ ok: false, entries: 4, firstBad: 2 });
    });

    it('notices a recomputed hash too: the next entry no longer links to it', async () => {
      const { dir, ctx } = await withEntries(3);
      await ctx.close();
      tamper(dir, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET details = '{\"n\":99}', hash = '" + 'a'.repeat(64) + "' WHERE id = 2;");
      const raw = new Database(path.join(dir, 'queue.sqlite'));
      expect(verifyAuditChain(raw)).toMatchObject({ ok: false, firstBad: 2 });
      raw.close();
    });

    it('notices entries removed from the end (the table remembers the highest id it handed out)', async () => {
      const { dir, ctx } = await withEntries(3);
      await ctx.close();
      tamper(
        dir,
        'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 3; ' +
          `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
      );
      const raw = new Database(path.join(dir, 'queue.sqlite'));
      const r = verifyAuditChain(raw);
      raw.close();
      expect(r.ok).toBe(false);
      expect(r.problems.join('\n')).toMatch(/entries after 2 are missing \(the log had reached 3\)/);
    });

    it('notices a dropped trigger even when no row was touched, and the app refuses to open such a data directory', async () => {
      const { dir, ctx } = await withEntries(2);
      await ctx.close();
      tamper(dir, 'DROP TRIGGER audit_log_no_delete;');
      await expect(openTestServices({ dataDir: dir })).rejects.toThrow(
        /audit log .* is not intact[\s\S]*trigger audit_log_no_delete is missing[\s\S]*audit verify/,
      );
      const verify = await cli('audit', 'verify', '--data', dir);
      expect(verify.code).toBe(1);
      expect(verify.err).toMatch(/trigger audit_log_no_delete is missing/);
      // Any other command refuses the data directory, and says why.
      const list = await cli('list', '--data', dir);
      expect(list.code).toBe(1);
      expect(list.err).toMatch(/not intact/);
    });
  },
);

/** `db migrate-to`: the demo queue (with its activity) moved from a real SQLite file into a real PostgreSQL database. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../src-main/core/services';
import { verifyAuditChain } from '../../../src-main/db/audit-chain-port';
import { migrateTo, MigrateToRefused } from '../../../src-main/db/migrate-to';
import { POSTGRES_MIGRATIONS } from '../../../src-main/db/postgres/migrations';
import { runCli } from '../../../src-main/cli/run';
import { listQueue } from '../../../src-main/services/queue';
import { getPortfolio } from '../../../src-main/services/portfolios';
import { loadDecisions } from '../../../src-main/services/decisions';
import { listAssignments } from '../../../src-main/services/panels/assignments';
import { listReviewers } from '../../../src-main/services/reviewers';
import { tempDir } from '../../support/fixtures';
import { DEMO_NOW, demoServices } from '../../support/demo-queue';
import { createTestDatabase, testServer, withPgClient } from '../../support/postgres';

let source: Services;
let sqliteFile: string;

beforeAll(async () => {
  ({ ctx: source, sqliteFile } = await demoServices());
}, 120_000);
afterAll(() => source?.close());


const tablesIn = (url: string) =>
  withPgClient(url, async (c) =>
    (await c.query<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1')).rows.map((r) => r.t),
  );

const rowsIn = (url: string, table: string) => withPgClient(url, async (c) => Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n));

/** A data directory of its own holding a copy of the demo queue, to change before a copy. */
function demoCopy(): { dataDir: string; file: string } {
  const dataDir = tempDir('ew-migrate-');
  const file = path.join(dataDir, 'queue.sqlite');
  const db = new Database(sqliteFile, { readonly: true });
  db.exec(`VACUUM INTO '${file}'`);
  db.close();
  return { dataDir, file };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const err = await work.then(
    () => null,
    (e: Error) => e,
  );
  if (!err) throw new Error('expected the copy to be refused');
  expect(err.message).not.toMatch(/\n/);
  return err.message;
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('db migrate-to', () => {
  it('copies every table of the demo queue into an empty database, verified, and the services read the same there', async () => {
    const url = await createTestDatabase({ migrated: false });
    const result = await migrateTo({ sqliteFile, databaseUrl: url });

    const names = await source.db.tableNames();
    expect(result.tables.map((t) => t.table)).toEqual(names);
    for (const t of result.tables) {
      expect(t.rows, t.table).toBe((await source.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${t.table}`))!.n);
      expect(await rowsIn(url, t.table), t.table).toBe(t.rows);
      expect(t.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const busy of ['portfolios', 'portfolio_search', 'reviews', 'decisions', 'assignments', 'audit_log', 'credit_applications', 'calibration_rounds']) {
      expect(result.tables.find((t) => t.table === busy)!.rows, busy).toBeGreaterThan(0);
    }
    const sourceChain = await verifyAuditChain(source.db);
    expect(result.auditHead).toBe(sourceChain.head);

    const target = await openServices({ dataDir: source.dataDir, databaseUrl: url, now: () => DEMO_NOW });
    try {
      expect(target.db.dialect).toBe('postgres');
      expect(await verifyAuditChain(target.db)).toEqual(sourceChain);
      // The triggers switched off for the copy are on again.
      expect(await target.db.get("SELECT count(*) AS n FROM pg_trigger WHERE tgenabled = 'D'")).toEqual({ n: 0 });
      expect(await target.db.get('SELECT version FROM evidence_workbench_schema')).toEqual({ version: POSTGRES_MIGRATIONS.length });
      const page = { limit: 100 };
      expect(await listQueue(target, page, null)).toEqual(await listQueue(source, page, null));
      for (const id of ['P-2026-001', 'P-2026-005', 'P-2026-011']) {
        expect(await getPortfolio(target, id)).toEqual(await getPortfolio(source, id));
        expect(await loadDecisions(target, id)).toEqual(await loadDecisions(source, id));
      }
      expect(await listAssignments(target, { includeReleased: true })).toEqual(await listAssignments(source, { includeReleased: true }));
      expect(await listReviewers(target)).toEqual(await listReviewers(source));

      // Generated ids continue above the copied ones.
      const top = await source.db.get<{ id: number }>('SELECT max(id) AS id FROM assignments');
      const next = await target.db.get<{ id: number }>(
        "INSERT INTO assignments (portfolio_id, reviewer_id, status, assigned_at, assigned_by) SELECT portfolio_id, reviewer_id, 'released', 't', 'test' FROM assignments LIMIT 1 RETURNING id",
      );
      expect(next!.id).toBe(top!.id + 1);
    } finally {
      await target.close();
    }
  });

  it('continues each id where SQLite would, above ids it handed out to rows since removed', async () => {
    const { file } = demoCopy();
    const lite = new Database(file);
    const { seq } = lite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'reviews'").get() as { seq: number };
    lite.prepare("UPDATE sqlite_sequence SET seq = seq + 7 WHERE name = 'reviews'").run();
    lite.close();
    const url = await createTestDatabase({ migrated: false });
    await migrateTo({ sqliteFile: file, databaseUrl: url });
    const next = await withPgClient(url, (c) =>
      c.query<{ id: string }>(
        "INSERT INTO reviews (portfolio_id, reviewer_id, kind, rubric_id, rubric_version, status, started_at, updated_at) SELECT portfolio_id, reviewer_id, kind, rubric_id, rubric_version, 'draft', 't', 't' FROM reviews LIMIT 1 RETURNING id",
      ),
    );
    expect(Number(next.rows[0]!.id)).toBe(seq + 8);
  });

  it('copies values exactly: integers beyond 2^53, floats to the last digit, text in any script', async () => {
    const { file } = demoCopy();
    const lite = new Database(file);
    const blob = (lite.prepare('SELECT sha256 FROM blobs ORDER BY sha256 LIMIT 1').get() as { sha256: string }).sha256;
    lite.prepare('UPDATE blobs SET bytes = 9007199254740993 WHERE sha256 = ?').run(blob);
    lite.exec("UPDATE rubric_criteria SET weight = 0.1 + 0.2 WHERE rowid = 1; UPDATE candidates SET name = 'Zoë Ngāti 🐝 Σίσυφος' WHERE rowid = 1");
    lite.close();
    const url = await createTestDatabase({ migrated: false });
    await migrateTo({ sqliteFile: file, databaseUrl: url });
    await withPgClient(url, async (c) => {
      expect((await c.query('SELECT bytes::text AS bytes FROM blobs WHERE sha256 = $1', [blob])).rows).toEqual([{ bytes: '9007199254740993' }]);
      expect((await c.query('SELECT weight FROM rubric_criteria WHERE weight IS NOT NULL AND weight <> round(weight)')).rows).toEqual([
        { weight: 0.30000000000000004 },
      ]);
      expect((await c.query("SELECT count(*)::int AS n FROM candidates WHERE name = 'Zoë Ngāti 🐝 Σίσυφος'")).rows).toEqual([{ n: 1 }]);
    });
  });

  it('refuses, in words, a value PostgreSQL cannot hold (a NUL character in text), and writes nothing', async () => {
    const { file } = demoCopy();
    const lite = new Database(file);
    lite.exec("UPDATE reviewers SET name = 'Ana' || char(0) || 'Kerr' WHERE rowid = 1");
    lite.close();
    const url = await createTestDatabase({ migrated: false });
    expect(await refusal(migrateTo({ sqliteFile: file, databaseUrl: url }))).toMatch(
      /^could not copy table reviewers into database "ew_test_\w+" at [\d.:]+: a value does not fit its column in PostgreSQL \(SQLSTATE 22021\); nothing was written$/,
    );
    expect(await tablesIn(url)).toEqual([]);
  });

  it('refuses a database that already holds a queue, changing nothing', async () => {
    const url = await createTestDatabase({ migrated: false });
    await migrateTo({ sqliteFile, databaseUrl: url });
    const before = await withPgClient(url, async (c) => (await c.query('SELECT count(*) AS n, max(id) AS top FROM audit_log')).rows[0]);
    const message = await refusal(migrateTo({ sqliteFile, databaseUrl: url }));
    expect(message).toMatch(
      /^database "ew_test_\w+" at 127\.0\.0\.1:\d+ already holds a queue \(rows in anchors, assignments, audit_log and \d+ more\): migrate-to copies only into an empty database; nothing was written$/,
    );
    expect(await withPgClient(url, async (c) => (await c.query('SELECT count(*) AS n, max(id) AS top FROM audit_log')).rows[0])).toEqual(before);

    // One row anywhere is enough.
    const other = await createTestDatabase();
    await withPgClient(other, (c) => c.query("INSERT INTO settings (key, value) VALUES ('k', 'v')"));
    expect(await refusal(migrateTo({ sqliteFile, databaseUrl: other }))).toMatch(/already holds a queue \(rows in settings\)/);
    expect(await rowsIn(other, 'portfolios')).toBe(0);
  });

  it("refuses another application's database, leaving it as it was", async () => {
    const url = await createTestDatabase({ migrated: false });
    await withPgClient(url, (c) => c.query('CREATE TABLE customers (id int PRIMARY KEY)'));
    expect(await refusal(migrateTo({ sqliteFile, databaseUrl: url }))).toMatch(/holds tables of another application/);
    expect(await tablesIn(url)).toEqual(['customers']);
  });

  it('refuses a data folder without a queue, before connecting, and creates nothing there', async () => {
    const url = await createTestDatabase({ migrated: false });
    const missing = path.join(tempDir(), 'nope', 'queue.sqlite');
    const err = await migrateTo({ sqliteFile: missing, databaseUrl: url }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(MigrateToRefused);
    expect((err as Error).message).toBe(`there is no queue to copy at ${missing}: --data must name the data folder that holds queue.sqlite`);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);
    expect(await tablesIn(url)).toEqual([]);
  });

  it('refuses a queue whose audit log is not intact, and an empty database stays empty (no schema either)', async () => {
    const { file } = demoCopy();
    const lite = new Database(file);
    lite.exec('DROP TRIGGER audit_log_no_update');
    lite.exec("UPDATE audit_log SET actor = 'someone else' WHERE id = 3");
    lite.close();
    const url = await createTestDatabase({ migrated: false });
    expect(await refusal(migrateTo({ sqliteFile: file, databaseUrl: url }))).toMatch(
      /^the audit log of .*queue\.sqlite is not intact \(trigger audit_log_no_update is missing.*\): run `npm run cli -- audit verify` for the details; nothing was written$/,
    );
    expect(await tablesIn(url)).toEqual([]);
  });

  it('rolls the whole copy back when PostgreSQL does not give back what was written', async () => {
    // A target prepared by hand whose column pads what it stores (char(n)): every row goes in, but comes back changed.
    const url = await createTestDatabase();
    await withPgClient(url, (c) => c.query('ALTER TABLE reviewers ALTER COLUMN school TYPE character(200)'));
    const message = await refusal(migrateTo({ sqliteFile, databaseUrl: url }));
    expect(message).toMatch(
      /^the copy in database "ew_test_\w+" at [\d.:]+ does not match the SQLite queue \(reviewers has the same \d+ rows but not the same content\); it was rolled back, nothing was written$/,
    );
    for (const t of ['reviewers', 'portfolios', 'audit_log', 'portfolio_search']) expect(await rowsIn(url, t), t).toBe(0);
    // The guards and the identity sequences are as they were too.
    expect(await withPgClient(url, async (c) => (await c.query("SELECT count(*)::int AS n FROM pg_trigger WHERE tgenabled = 'D'")).rows[0])).toEqual({ n: 0 });
    expect(await withPgClient(url, async (c) => (await c.query('SELECT max(id)::int AS id FROM audit_log_reached')).rows[0])).toEqual({ id: 0 });
  });

  it('refuses a target whose schema is out of step with the queue, naming the difference', async () => {
    const url = await createTestDatabase();
    await withPgClient(url, (c) => c.query("ALTER TABLE candidates ADD COLUMN phone text NOT NULL DEFAULT ''"));
    expect(await refusal(migrateTo({ sqliteFile, databaseUrl: url }))).toMatch(
      /do not have the same columns \(candidates\.phone only in PostgreSQL\); nothing was written$/,
    );
    expect(await rowsIn(url, 'candidates')).toBe(0);

    const extraTable = await createTestDatabase();
    await withPgClient(extraTable, (c) => c.query('CREATE TABLE notes (id bigint PRIMARY KEY)'));
    expect(await refusal(migrateTo({ sqliteFile, databaseUrl: extraTable }))).toMatch(
      /do not have the same tables \(notes only in PostgreSQL\); nothing was written$/,
    );
  });

  it('runs as `cli db migrate-to`: the per-table report (text or --json), exit 1 with one line when refused, 2 without a URL', async () => {
    const url = await createTestDatabase({ migrated: false });
    const done = await cli('db', 'migrate-to', '--data', source.dataDir, '--database-url', url, '--json');
    expect(done.err).toBe('');
    expect(done.code).toBe(0);
    const report = JSON.parse(done.out) as { tables: { table: string; rows: number; sha256: string }[]; ok: boolean };
    expect(report.ok).toBe(true);
    expect(Object.keys(report)).toEqual(['tables', 'ok']);
    expect(report.tables.map((t) => t.table)).toEqual(await source.db.tableNames());
    expect(Object.keys(report.tables[0]!)).toEqual(['table', 'rows', 'sha256']);

    // The same queue hashes the same into another database; the text report names each table.
    const second = await createTestDatabase({ migrated: false });
    const text = await cli('db', 'migrate-to', '--data', source.dataDir, '--database-url', second);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^copied .*queue\.sqlite into postgres:\/\/postgres@127\.0\.0\.1:\d+\/ew_test_\w+; rows and content verified table by table:/);
    for (const t of report.tables) expect(text.out).toMatch(new RegExp(`\\n  ${t.table} +${t.rows}  ${t.sha256}\\n`));
    expect(text.out).not.toContain((await testServer()).password);

    const again = await cli('db', 'migrate-to', '--data', source.dataDir, '--database-url', url, '--json');
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toMatch(/^error: database "ew_test_\w+" at [\d.:]+ already holds a queue .*; nothing was written$/);

    const missing = await cli('db', 'migrate-to', '--data', path.join(tempDir(), 'nope'), '--database-url', second);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error: there is no queue to copy at .*nope\/queue\.sqlite/);

    const noUrl = await cli('db', 'migrate-to', '--data', source.dataDir);
    expect(noUrl.code).toBe(2);
    expect(noUrl.err).toMatch(/^error: name the PostgreSQL database to copy the queue into/);
  });
});

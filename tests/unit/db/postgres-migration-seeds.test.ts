/**
 * A seeded test per PostgreSQL migration, as sqlite-migration-seeds.test.ts does for SQLite: for each version N ≥ 2 a
 * fresh database is migrated to N−1, filled with the demo queue's rows (the columns that version has), migrated to
 * N, and then every row must still be there (same primary key, same values in the columns it had) and the
 * migration's own changes must be as it says. A new migration fails here until it gets an entry in CHECKS. Version 1
 * is the whole schema, made from an empty database.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { migratePostgres } from '../../../src-main/db/postgres/migrate';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from '../../../src-main/db/postgres/migrations';
import type { Services } from '../../../src-main/core/services';
import { tempDir } from '../../support/fixtures';
import { demoServices, expectRowsSurvive, type Snapshot } from '../../support/demo-queue';
import { createTestDatabase, withPgClient } from '../../support/postgres';

let demo: Services;
let demoFile: string;

beforeAll(async () => {
  ({ ctx: demo, sqliteFile: demoFile } = await demoServices());
}, 120_000);
afterAll(() => demo?.close());


// The dialect's own tables (schema version, the audit log's high-water mark) are not rows of the queue.
async function tablesOf(c: pg.Client): Promise<string[]> {
  const { rows } = await c.query<{ t: string }>(
    "SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('evidence_workbench_schema', 'audit_log_reached') ORDER BY 1",
  );
  return rows.map((r) => r.t);
}

/** The columns a row is written with: generated ones (the search index's word columns) are left out. */
async function columnsOf(c: pg.Client, table: string): Promise<string[]> {
  const { rows } = await c.query<{ c: string }>(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
    [table],
  );
  return rows.map((r) => r.c);
}

async function keyOf(c: pg.Client, table: string): Promise<string[]> {
  const { rows } = await c.query<{ c: string }>(
    `SELECT a.attname AS c FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  return rows.map((r) => r.c);
}

async function snapshot(c: pg.Client): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const table of await tablesOf(c)) {
    const [columns, key] = [await columnsOf(c, table), await keyOf(c, table)];
    const { rows } = await c.query<Record<string, unknown>>(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${key.join(', ')}`);
    out.set(table, { key, columns, rows });
  }
  return out;
}

/** Copies the demo's rows into the (older) schema: each table's columns that the demo has, in one transaction. */
async function seedFromDemo(c: pg.Client): Promise<void> {
  const lite = new Database(demoFile, { readonly: true });
  try {
    await c.query('BEGIN');
    await c.query('SET CONSTRAINTS ALL DEFERRED');
    for (const table of await tablesOf(c)) {
      const theirs = (lite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((r) => r.name);
      const columns = (await columnsOf(c, table)).filter((col) => theirs.includes(col) || (col === 'rowid' && table === 'portfolio_search'));
      const rows = lite
        .prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY rowid`)
        .safeIntegers(true)
        .raw(true)
        .all() as unknown[][];
      for (let i = 0; i < rows.length; i += 200) {
        const batch = rows.slice(i, i + 200);
        const values = batch.map((r, n) => `(${r.map((_, k) => `$${n * columns.length + k + 1}`).join(', ')})`).join(', ');
        await c.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, batch.flat());
      }
    }
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK');
    throw err;
  } finally {
    lite.close();
  }
}

interface Check {
  /** Rows the demo lacks that this migration changes, added after the demo's rows at N−1. */
  seed?: (c: pg.Client) => Promise<void>;
  /** After migrating to N: what the migration itself changed or added. */
  check: (c: pg.Client, before: Snapshot) => Promise<void>;
}

/** One entry per migration after the first, by name. */
const CHECKS: Record<string, Check> = {
  revisions: {
    // Every record starts at revision 1, with nobody named as its last editor.
    check: async (c) => {
      expect((await c.query('SELECT DISTINCT revision::int FROM reviews')).rows).toEqual([{ revision: 1 }]);
      expect((await c.query('SELECT DISTINCT revision::int, updated_by, updated_at FROM moderations')).rows).toEqual([
        { revision: 1, updated_by: null, updated_at: null },
      ]);
      expect((await c.query('SELECT DISTINCT feedback_version::int, feedback_edited_by, feedback_edited_at FROM decisions')).rows).toEqual([
        { feedback_version: 1, feedback_edited_by: null, feedback_edited_at: null },
      ]);
    },
  },
};

async function seededStep(migrations: readonly PostgresMigration[], m: PostgresMigration, check: Check): Promise<void> {
  const url = await createTestDatabase({ migrated: false });
  await withPgClient(url, async (c) => {
    expect(await migratePostgres(c, 'test', migrations, m.version - 1)).toBe(m.version - 1);
    await seedFromDemo(c);
    await check.seed?.(c);
    const before = await snapshot(c);
    expect(await migratePostgres(c, 'test', migrations, m.version)).toBe(m.version);
    expectRowsSurvive(before, await snapshot(c));
    await check.check(c, before);
  });
}

const count = async (c: pg.Client, sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);

describe('each PostgreSQL migration, seeded', () => {
  it('1 makes the whole schema from an empty database, as SQLite has it at its version 9, and holds the demo queue', async () => {
    const url = await createTestDatabase({ migrated: false });
    const sqlite = new Database(path.join(tempDir(), 'q.sqlite'));
    migrate(sqlite, MIGRATIONS, 9);
    const sqliteTables = (
      sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'portfolio_search_%' ORDER BY name")
        .all() as { name: string }[]
    ).map((r) => r.name);
    sqlite.close();
    await withPgClient(url, async (c) => {
      expect(await migratePostgres(c, 'test', POSTGRES_MIGRATIONS, 1)).toBe(1);
      expect((await c.query('SELECT version FROM evidence_workbench_schema')).rows).toEqual([{ version: 1 }]);
      expect(await tablesOf(c)).toEqual(sqliteTables);
      await seedFromDemo(c);
      for (const table of ['portfolios', 'portfolio_search', 'reviews', 'audit_log', 'credit_applications']) {
        expect(await count(c, `SELECT count(*) AS n FROM ${table}`), table).toBe((await demo.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n);
      }
    });
  });

  it('refuses a database a newer app migrated, leaving it as it was', async () => {
    const url = await createTestDatabase();
    await withPgClient(url, async (c) => {
      await c.query('UPDATE evidence_workbench_schema SET version = $1', [POSTGRES_MIGRATIONS.length + 1]);
      await expect(migratePostgres(c, 'test')).rejects.toThrow(DatabaseTooNewError);
      expect((await c.query('SELECT version FROM evidence_workbench_schema')).rows).toEqual([{ version: POSTGRES_MIGRATIONS.length + 1 }]);
    });
  });

  it('has a seeded check here for every migration after the first, in order', () => {
    expect(Object.keys(CHECKS)).toEqual(POSTGRES_MIGRATIONS.slice(1).map((m) => m.name));
  });

  for (const m of POSTGRES_MIGRATIONS.slice(1)) {
    it(`${m.version} ${m.name}: keeps the rows of ${m.version - 1} and changes what it says`, () => seededStep(POSTGRES_MIGRATIONS, m, CHECKS[m.name]!));
  }

  it('notices a migration that loses or changes rows (the seeded step itself, on a test migration)', async () => {
    const next: PostgresMigration = {
      version: POSTGRES_MIGRATIONS.length + 1,
      name: 'test_family_name',
      sql: "ALTER TABLE candidates ADD COLUMN family text; UPDATE candidates SET family = split_part(name, ' ', 2);",
    };
    await seededStep([...POSTGRES_MIGRATIONS, next], next, {
      check: async (c) => expect(await count(c, "SELECT count(*) AS n FROM candidates WHERE family IS DISTINCT FROM split_part(name, ' ', 2)")).toBe(0),
    });
    const lossy: PostgresMigration = { ...next, name: 'test_lossy', sql: 'UPDATE reviewers SET name = upper(name)' };
    await expect(seededStep([...POSTGRES_MIGRATIONS, lossy], lossy, { check: async () => undefined })).rejects.toThrow(/reviewers/);
  });
});

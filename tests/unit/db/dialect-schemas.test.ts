/**
 * One logical schema, four views of it that must agree: the drizzle sqlite-core schema, the SQLite file its
 * migrations make, the drizzle pg-core schema and the PostgreSQL database its migrations make. Each is read into the
 * same plain description (tables, columns with their kind, nullability, default and autoincrement, primary keys,
 * indexes with their columns, uniqueness and partial WHERE, unique constraints, foreign keys) and compared, so a
 * migration or a schema file that drifts from the others fails here, naming the table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { Column, getTableColumns, getTableName, is, SQL, Table } from 'drizzle-orm';
import { getTableConfig as pgTableConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import * as pgSchema from '../../../src-main/db/postgres/schema';
import * as sqliteSchema from '../../../src-main/db/schema';
import { createTestDatabase } from '../../support/postgres';

type Kind = 'text' | 'integer' | 'real';
interface ColumnShape {
  kind: Kind;
  notNull: boolean;
  default: string | null;
  autoincrement: boolean;
}
interface IndexShape {
  unique: boolean;
  on: string[];
  where: string | null;
}
interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  indexes: Record<string, IndexShape>;
  uniques: string[][];
  foreignKeys: string[];
}
type Shape = Record<string, TableShape>;

/** SQL text as a comparable token: no case, white space, brackets, quotes or casts (`'x'::text`). */
const squeeze = (sql: string) =>
  sql
    .toLowerCase()
    .replace(/::[a-z ]+/g, '')
    .replace(/[\s()"]/g, '');

/** An index key: a column name, or nocase(…) for a case-folded one (SQLite: COLLATE NOCASE; PostgreSQL: lower(x COLLATE "C")). */
function indexKey(sql: string): string {
  const pgNocase = /^lower\(\s*\(?(.*?)\)?\s+COLLATE "C"\)$/is.exec(sql.trim());
  if (pgNocase) return `nocase(${squeeze(pgNocase[1]!)})`;
  const sqliteNocase = /^(.*)\s+COLLATE NOCASE$/is.exec(sql.trim());
  if (sqliteNocase) return `nocase(${squeeze(sqliteNocase[1]!)})`;
  return squeeze(sql);
}

const literal = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === 'boolean' ? String(Number(v)) : typeof v === 'number' ? String(v) : `'${String(v)}'`;

const fk = (columns: string[], table: string, foreign: string[], onDelete: string | undefined) =>
  `(${columns.join(', ')}) -> ${table}(${foreign.join(', ')})${onDelete && onDelete !== 'no action' ? ` on delete ${onDelete}` : ''}`;

function sortShape(shape: Shape): Shape {
  for (const t of Object.values(shape)) {
    t.uniques = t.uniques.map((u) => [...u]).sort((a, b) => a.join().localeCompare(b.join()));
    t.foreignKeys.sort();
  }
  return shape;
}

function drizzleShape(tables: Table[], dialect: 'sqlite' | 'postgres'): Shape {
  const render = dialect === 'sqlite' ? new SQLiteSyncDialect() : new PgDialect();
  const text = (s: SQL) => render.sqlToQuery(s).sql;
  const shape: Shape = {};
  for (const table of tables) {
    const config = dialect === 'sqlite' ? sqliteTableConfig(table as SQLiteTable) : pgTableConfig(table as PgTable);
    const columns: Record<string, ColumnShape> = {};
    const primaryKey = config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name));
    for (const c of Object.values(getTableColumns(table)) as (Column & { autoIncrement?: boolean; generatedIdentity?: unknown })[]) {
      if (c.primary) primaryKey.push(c.name);
      const kind: Kind = /Text/.test(c.columnType) ? 'text' : /Real|Double/.test(c.columnType) ? 'real' : 'integer';
      columns[c.name] = {
        kind,
        notNull: c.notNull || c.primary,
        default: c.hasDefault && !c.generatedIdentity ? literal(c.default) : null,
        autoincrement: Boolean(c.autoIncrement || c.generatedIdentity),
      };
    }
    const indexes: Record<string, IndexShape> = {};
    const uniques = config.uniqueConstraints.map((u) => u.columns.map((c) => c.name));
    for (const c of Object.values(getTableColumns(table))) if (c.isUnique) uniques.push([c.name]);
    for (const index of config.indexes) {
      const ic = index.config as { name: string; unique: boolean; columns: unknown[]; where?: SQL };
      const on = ic.columns.map((c) => (is(c, SQL) ? indexKey(text(c)) : (c as { name: string }).name));
      // A unique index over one case-folded column is PostgreSQL's spelling of a NOCASE column's UNIQUE.
      if (ic.unique && !ic.where && on.length === 1 && on[0]!.startsWith('nocase(')) uniques.push([on[0]!.slice(7, -1)]);
      else indexes[ic.name] = { unique: ic.unique, on, where: ic.where ? squeeze(text(ic.where)) : null };
    }
    const foreignKeys = config.foreignKeys.map((f) => {
      const ref = f.reference();
      return fk(
        ref.columns.map((c) => c.name),
        getTableName(ref.foreignTable),
        ref.foreignColumns.map((c) => c.name),
        f.onDelete,
      );
    });
    shape[config.name] = { columns, primaryKey: [...new Set(primaryKey)], indexes, uniques, foreignKeys };
  }
  return sortShape(shape);
}

/** What SQLite itself says the migrated file holds. */
function sqliteDatabaseShape(sqlite: Database.Database): Shape {
  const shape: Shape = {};
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'portfolio_search%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  for (const t of tables) {
    const info = sqlite.pragma(`table_info(${t.name})`) as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
    const columns: Record<string, ColumnShape> = {};
    for (const c of info) {
      columns[c.name] = {
        kind: c.type === 'TEXT' ? 'text' : c.type === 'REAL' ? 'real' : 'integer',
        notNull: c.notnull === 1 || c.pk > 0,
        default: c.dflt_value,
        autoincrement: c.pk > 0 && new RegExp(`\\b${c.name} INTEGER PRIMARY KEY AUTOINCREMENT`).test(t.sql),
      };
    }
    const primaryKey = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    const indexes: Record<string, IndexShape> = {};
    const uniques: string[][] = [];
    for (const i of sqlite.pragma(`index_list(${t.name})`) as { name: string; unique: number; origin: string; partial: number }[]) {
      if (i.origin === 'pk') continue;
      const keys = (sqlite.pragma(`index_xinfo(${i.name})`) as { name: string | null; key: number; coll: string }[]).filter((k) => k.key);
      if (i.origin === 'u') {
        uniques.push(keys.map((k) => k.name!));
        continue;
      }
      const sql = (sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(i.name) as { sql: string }).sql;
      const where = / WHERE (.*)$/s.exec(sql);
      const inner = sql.slice(sql.indexOf('(') + 1, where ? sql.lastIndexOf(')', where.index) : sql.lastIndexOf(')'));
      // Split the key list at top-level commas (an expression may hold its own).
      const parts: string[] = [];
      let depth = 0;
      let current = '';
      for (const ch of inner) {
        if (ch === ',' && depth === 0) {
          parts.push(current);
          current = '';
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        current += ch;
      }
      parts.push(current);
      indexes[i.name] = { unique: i.unique === 1, on: parts.map(indexKey), where: where ? squeeze(where[1]!) : null };
    }
    const groups = new Map<number, { table: string; from: string; to: string; on_delete: string }[]>();
    for (const f of sqlite.pragma(`foreign_key_list(${t.name})`) as { id: number; table: string; from: string; to: string; on_delete: string }[]) {
      groups.set(f.id, [...(groups.get(f.id) ?? []), f]);
    }
    const foreignKeys = [...groups.values()].map((g) =>
      fk(
        g.map((f) => f.from),
        g[0]!.table,
        g.map((f) => f.to),
        g[0]!.on_delete.toLowerCase(),
      ),
    );
    shape[t.name] = { columns, primaryKey, indexes, uniques, foreignKeys };
  }
  return sortShape(shape);
}

/** What PostgreSQL's catalogues say the migrated database holds. */
async function postgresDatabaseShape(client: pg.Client): Promise<Shape> {
  const shape: Shape = {};
  const { rows: tables } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('evidence_workbench_schema', 'audit_log_reached', 'portfolio_search') ORDER BY 1",
  );
  for (const { name } of tables) {
    const { rows: cols } = await client.query<{
      column_name: string;
      data_type: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>(
      'SELECT column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
      [name],
    );
    const columns: Record<string, ColumnShape> = {};
    for (const c of cols) {
      columns[c.column_name] = {
        kind: c.data_type === 'text' ? 'text' : c.data_type === 'double precision' ? 'real' : 'integer',
        notNull: c.is_nullable === 'NO',
        default: c.column_default === null ? null : c.column_default.replace(/::[a-z ]+$/, ''),
        autoincrement: c.is_identity === 'YES',
      };
    }
    const { rows: idx } = await client.query<{
      name: string;
      unique: boolean;
      primary: boolean;
      constraint: string | null;
      keys: string[];
      where: string | null;
    }>(
      `SELECT c.relname AS name, i.indisunique AS unique, i.indisprimary AS primary,
              (SELECT k.contype::text FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.contype IN ('u', 'p')) AS constraint,
              ARRAY(SELECT pg_get_indexdef(i.indexrelid, n, true) FROM generate_series(1, i.indnkeyatts) n) AS keys,
              pg_get_expr(i.indpred, i.indrelid, true) AS where
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
      [name],
    );
    let primaryKey: string[] = [];
    const indexes: Record<string, IndexShape> = {};
    const uniques: string[][] = [];
    for (const i of idx) {
      const on = i.keys.map(indexKey);
      if (i.primary) primaryKey = on;
      else if (i.constraint === 'u') uniques.push(on);
      else if (i.unique && !i.where && on.length === 1 && on[0]!.startsWith('nocase(')) uniques.push([on[0]!.slice(7, -1)]);
      else indexes[i.name] = { unique: i.unique, on, where: i.where ? squeeze(i.where) : null };
    }
    const { rows: fks } = await client.query<{ columns: string[]; table: string; foreign: string[]; on_delete: string }>(
      `SELECT ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS columns,
              k.confrelid::regclass::text AS table,
              ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS foreign,
              CASE k.confdeltype WHEN 'c' THEN 'cascade' ELSE 'no action' END AS on_delete
         FROM pg_constraint k WHERE k.conrelid = $1::regclass AND k.contype = 'f'`,
      [name],
    );
    const foreignKeys = fks.map((f) => fk(f.columns, f.table, f.foreign, f.on_delete));
    shape[name] = { columns, primaryKey, indexes, uniques, foreignKeys };
  }
  return sortShape(shape);
}

const tablesOf = <T>(mod: Record<string, unknown>, kind: new (...args: never[]) => T) =>
  Object.values(mod).filter((t): t is T => is(t, kind as never)) as unknown as Table[];

let sqliteDb: Database.Database;
let pgClient: pg.Client;
let pgUrl: string;

beforeAll(async () => {
  sqliteDb = new Database(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ew-schema-')), 'q.sqlite'));
  migrate(sqliteDb);
  pgUrl = await createTestDatabase();
  pgClient = new pg.Client({ connectionString: pgUrl });
  await pgClient.connect();
});
afterAll(async () => {
  sqliteDb?.close();
  await pgClient?.end();
});

describe('the two dialects hold one logical schema', () => {
  it('the drizzle sqlite-core and pg-core schemas describe the same tables', () => {
    const lite = drizzleShape(tablesOf(sqliteSchema, SQLiteTable), 'sqlite');
    expect(drizzleShape(tablesOf(pgSchema, PgTable), 'postgres')).toEqual(lite);
    // The description holds what it should (a comparison of empty descriptions would pass too).
    expect(Object.keys(lite)).toHaveLength(49);
    expect(lite.portfolios!.foreignKeys).toContain('(resubmission_of) -> portfolios(id)');
    expect(lite.portfolios!.indexes.portfolios_blind_name).toEqual({
      unique: false,
      on: ["nocase(casewhenanonymous=1then'candidate'||pseudonymelsecandidate_nameend)", 'id'],
      where: 'is_anchor=0',
    });
    expect(lite.portfolios!.columns.seq).toEqual({ kind: 'integer', notNull: true, default: null, autoincrement: true });
    expect(lite.calibration_rounds!.uniques).toEqual([['name']]);
    expect(lite.evidence_captions!.foreignKeys).toContain('(portfolio_id, evidence_id) -> evidence(portfolio_id, evidence_id) on delete cascade');
  });

  it('the SQLite migrations make what the sqlite-core schema describes', () => {
    expect(sqliteDatabaseShape(sqliteDb)).toEqual(drizzleShape(tablesOf(sqliteSchema, SQLiteTable), 'sqlite'));
  });

  it('the PostgreSQL migrations make what the pg-core schema describes', async () => {
    expect(await postgresDatabaseShape(pgClient)).toEqual(drizzleShape(tablesOf(pgSchema, PgTable), 'postgres'));
  });

  it('every PostgreSQL text column sorts by bytes, as SQLite does', async () => {
    const { rows } = await pgClient.query(
      "SELECT table_name, column_name, collation_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'text' AND collation_name IS DISTINCT FROM 'C'",
    );
    expect(rows).toEqual([]);
  });

  it("PostgreSQL has each of SQLite's triggers, and the search table with the same columns", async () => {
    const lite = (sqliteDb.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const { rows } = await pgClient.query<{ name: string }>('SELECT DISTINCT tgname AS name FROM pg_trigger WHERE NOT tgisinternal');
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(lite));
    const search = (sqliteDb.pragma('table_info(portfolio_search)') as { name: string }[]).map((c) => c.name);
    const { rows: pgSearch } = await pgClient.query<{ name: string }>(
      "SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'portfolio_search' AND is_generated = 'NEVER' AND column_name <> 'rowid' ORDER BY ordinal_position",
    );
    expect(pgSearch.map((r) => r.name)).toEqual(search);
  });

  it('a round name is unique regardless of ASCII case on both', async () => {
    const handle = await openPostgres(pgUrl);
    const round = (name: string) =>
      `INSERT INTO calibration_rounds (name, rubric_id, rubric_version, opens_at, closes_at, status, created_by, created_at) VALUES ('${name}', 'R', 1, '1', '2', 'open', 'x', 't')`;
    sqliteDb.pragma('foreign_keys = OFF');
    sqliteDb.exec(round('Spring'));
    expect(() => sqliteDb.exec(round('SPRING'))).toThrow(/UNIQUE/);
    await handle.db.transaction(async (tx) => {
      await tx.deferForeignKeys();
      await tx.run(round('Spring'));
      await expect(tx.transaction((inner) => inner.run(round('SPRING')))).rejects.toThrow(/same key/);
      await tx.run('DELETE FROM calibration_rounds');
    });
    await handle.close();
  });
});

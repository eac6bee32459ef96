import path from 'node:path';
import Database from 'better-sqlite3';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../src-main/db/schema';
import { migrate, DatabaseTooNewError } from '../../../src-main/db/migrate';
import { MIGRATIONS, type Migration } from '../../../src-main/db/migrations';
import { openDatabase } from '../../../src-main/db/database';
import { tempDir } from '../../support/fixtures';
import { sqliteOnly } from '../../support/dialect';

const tables = (Object.values(schema) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable));

sqliteOnly("SQLite's own migrations, pragmas and file; PostgreSQL's are tested in postgres-connect.test.ts and dialect-schemas.test.ts", 'migrations', () => {
  it('create a fresh database with WAL, foreign keys and every table and column the drizzle schema names', async () => {
    const handle = openDatabase(path.join(tempDir(), 'q.sqlite'));
    expect(handle.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(30000);
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = (handle.sqlite.pragma(`table_info(${config.name})`) as { name: string }[]).map((c) => c.name);
      expect(columns, config.name).toEqual(expect.arrayContaining(config.columns.map((c) => c.name)));
      expect(columns.length, `${config.name} has columns drizzle does not know`).toBe(config.columns.length);
    }
    await handle.close();
  });

  it('upgrade an existing database in place, keeping its rows', () => {
    const file = path.join(tempDir(), 'q.sqlite');
    const next: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'test_add_column',
      sql: "ALTER TABLE candidates ADD COLUMN phone TEXT NOT NULL DEFAULT ''",
    };
    const sqlite = new Database(file);
    migrate(sqlite);
    sqlite.prepare("INSERT INTO candidates (id, name, email, school, district) VALUES ('C-1', 'Aroha', 'a@x.nz', 'S', 'D')").run();
    expect(migrate(sqlite, [...MIGRATIONS, next])).toBe(next.version);
    expect(sqlite.prepare("SELECT name, phone FROM candidates WHERE id = 'C-1'").get()).toEqual({ name: 'Aroha', phone: '' });
    sqlite.close();
  });

  it('roll back a failing migration as a whole', () => {
    const sqlite = new Database(path.join(tempDir(), 'q.sqlite'));
    migrate(sqlite);
    const broken: Migration = { version: MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;' };
    expect(() => migrate(sqlite, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    sqlite.close();
  });

  it('refuse a database written by a newer app, without touching it', () => {
    const file = path.join(tempDir(), 'q.sqlite');
    const sqlite = new Database(file);
    sqlite.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    sqlite.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/written by a newer Evidence Workbench/);
  });

  it('refuse out-of-order migration lists', () => {
    const sqlite = new Database(':memory:');
    expect(() => migrate(sqlite, [{ version: 2, name: 'x', sql: '' }])).toThrow('migration "x" has version 2, expected 1');
  });

  // The audit log's append-only guards and hash chain: tests/unit/db/audit-chain.test.ts.
});

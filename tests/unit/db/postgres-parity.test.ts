/** The same shared SQL on both dialects gives the same rows: the fragments of DialectSql and the translated LIKE. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import type { DatabaseHandle, Db } from '../../../src-main/db/port';
import { sqliteDb } from '../../../src-main/db/sqlite-db';
import { createTestDatabase } from '../../support/postgres';

const NAMES = ['zoë', 'Zoe', 'ZOE', 'anna', 'Anna', 'Ánna', 'Émile', 'emile', 'b_c', 'B%C', 'bxc', '_x', '10', '9', 'Ö', 'ö', 'z', '', ' space', 'Zz'];

let sqlite: Database.Database;
let pgHandle: DatabaseHandle;
let dbs: Db[];

beforeAll(async () => {
  sqlite = new Database(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ew-parity-')), 'q.sqlite'));
  migrate(sqlite);
  pgHandle = await openPostgres(await createTestDatabase());
  dbs = [sqliteDb(sqlite), pgHandle.db];
  for (const db of dbs) {
    for (const [i, name] of NAMES.entries()) await db.run('INSERT INTO settings (key, value) VALUES (?, ?)', [`k${String(i).padStart(2, '0')}`, name]);
  }
});
afterAll(async () => {
  sqlite?.close();
  await pgHandle?.close();
});

async function both<T>(query: (db: Db) => Promise<T>): Promise<T> {
  const [lite, pg] = [await query(dbs[0]!), await query(dbs[1]!)];
  expect(pg).toEqual(lite);
  return lite;
}

describe('shared SQL gives the same rows on SQLite and PostgreSQL', () => {
  it('names the same keys of every table (what a candidate merge keeps duplicates out by)', async () => {
    // The search index is each dialect's own machinery: an FTS5 table (keyed by its rowid) or a plain one.
    const tables = (await both((db) => db.tableNames())).filter((t) => t !== 'portfolio_search');
    for (const table of tables) await both((db) => db.uniqueKeys(table));
    expect(await dbs[0]!.uniqueKeys('reviewer_conflicts')).toEqual([['reviewer_id', 'candidate_id']]);
    expect(await dbs[0]!.uniqueKeys('portfolios')).toEqual([['id'], ['seq']]);
  });

  it('orders text by its bytes, and case-folded by nocase', async () => {
    await both((db) => db.all('SELECT value FROM settings ORDER BY value, key'));
    await both((db) => db.all(`SELECT value FROM settings ORDER BY ${db.fn.nocase('value')}, key`));
    await both((db) => db.all(`SELECT value FROM settings ORDER BY ${db.fn.nocase('value')} DESC, key DESC`));
  });

  it('compares with nocase on both sides', async () => {
    for (const probe of ['ZOE', 'anna', 'ÉMILE', 'ö', 'b_C']) {
      await both((db) => db.all(`SELECT key FROM settings WHERE ${db.fn.nocase('value')} = ${db.fn.nocase('?')} ORDER BY key`, [probe]));
    }
  });

  it('matches LIKE patterns alike, ASCII case ignored, % and _ as wildcards', async () => {
    for (const pattern of ['zo%', 'ZO_', '%NN%', 'é%', 'É%', 'b_c', '%x', '_', '']) {
      await both((db) => db.all('SELECT key FROM settings WHERE value LIKE ? ORDER BY key', [pattern]));
    }
  });

  it('reads a JSON array parameter as the same rows', async () => {
    const rows = await both((db) =>
      db.all(`SELECT key FROM settings WHERE value IN (${db.fn.jsonTextValues('?')}) ORDER BY key`, [JSON.stringify(['Zoe', 'Ánna', 'nobody'])]),
    );
    expect(rows).toHaveLength(2);
  });

  it('reports changes alike', async () => {
    await both(async (db) => (await db.run("UPDATE settings SET value = value WHERE value LIKE 'a%'")).changes);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import type { DatabaseHandle, Db, SearchColumn } from '../../../src-main/db/port';
import { sqliteDb } from '../../../src-main/db/sqlite-db';
import { createTestDatabase } from '../../support/postgres';

/** Search rows as the importer writes them: ref, pseudonym as shown, identity words. */
const ROWS: [string, string, string][] = [
  ['P-0001', 'Candidate K7Q2 PS-K7Q2', 'C-1 Zoë Müller zoe.muller@example.org'],
  ['P-0002', 'Candidate M3X9 PS-M3X9', 'C-2 François Dvořák fdvorak@school.example'],
  ['P-0003', 'Candidate A1B2 PS-A1B2', 'C-3 Jean-Paul Sartre jp@example.org'],
  ['P-0004', '', 'C-4 Anders Ångström İstanbul'],
  ['P-0005', 'Candidate Z9Z9 PS-Z9Z9', 'C-5 Siobhán O’Brien ΑΘΗΝΑ Παπαδοπούλου'],
  ['P-0006', 'Candidate Q1Q1 PS-Q1Q1', 'C-6 Søren Łukasz Straße ﬁne_print'],
  ['P-0010', 'Candidate ZOE1 PS-ZOE1', 'C-10 Mārama Te Whatu "quoted" name'],
];

const QUERIES = [
  'zoe',
  'ZOË',
  'Zoë müll',
  'mull',
  'francois dvo',
  'DVORAK',
  'jean-paul',
  'paul',
  'sartre jean',
  'jean paul sartre',
  'angstrom',
  'istanbul',
  'brien',
  "o'brien",
  'siobhan',
  'example.org',
  'zoe.muller@example',
  'αθη',
  'παπαδοπουλου',
  'παπαδοπούλου',
  'Παπαδ',
  'soren',
  'søren',
  'lukasz',
  'łuk',
  'strasse',
  'straße',
  'fine',
  'ﬁne',
  'print',
  'P-0001',
  'p-000',
  '0001',
  '001',
  'P',
  'k7q2',
  'ps-k7',
  'candidate',
  'zzz',
  '!!!',
  '"quoted"',
  'quot',
  'marama',
  'te whatu',
  'C-1',
  'c-10',
  'zoe1',
];

const COLUMN_SETS: SearchColumn[][] = [['ref', 'identity'], ['ref', 'pseudonym'], ['identity']];

let sqlite: Database.Database;
let lite: Db;
let pgHandle: DatabaseHandle;

async function fill(db: Db): Promise<void> {
  for (const [i, [ref, pseudonym, identity]] of ROWS.entries()) {
    await db.run('INSERT INTO portfolio_search (rowid, ref, pseudonym, identity) VALUES (?, ?, ?, ?)', [i + 1, ref, pseudonym, identity]);
  }
}

async function hits(db: Db, text: string, columns: SearchColumn[]): Promise<string[] | null> {
  const fragment = db.fn.searchPortfolios(text, columns);
  if (!fragment) return null;
  const rows = await db.all<{ rowid: number }>(`SELECT rowid FROM portfolio_search WHERE rowid IN (${fragment.sql}) ORDER BY rowid`, fragment.params);
  return rows.map((r) => ROWS[r.rowid - 1]![0]);
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-search-'));
  sqlite = new Database(path.join(dir, 'q.sqlite'));
  migrate(sqlite);
  lite = sqliteDb(sqlite);
  pgHandle = await openPostgres(await createTestDatabase());
  await fill(lite);
  await fill(pgHandle.db);
});
afterAll(async () => {
  sqlite?.close();
  await pgHandle?.close();
});

describe('portfolio search on both dialects', () => {
  it('finds the same rows on PostgreSQL as FTS5 does on SQLite: word prefixes, case and accents ignored', async () => {
    const differences: string[] = [];
    for (const columns of COLUMN_SETS) {
      for (const q of QUERIES) {
        const [a, b] = [await hits(lite, q, columns), await hits(pgHandle.db, q, columns)];
        if (JSON.stringify(a) !== JSON.stringify(b))
          differences.push(`${q} in ${columns.join('+')}: SQLite ${JSON.stringify(a)}, PostgreSQL ${JSON.stringify(b)}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('ignores accents and case, and matches words only at their start', async () => {
    for (const db of [lite, pgHandle.db]) {
      expect(await hits(db, 'ZOË', ['ref', 'identity'])).toEqual(['P-0001']);
      expect(await hits(db, 'francois', ['identity'])).toEqual(['P-0002']);
      expect(await hits(db, 'uller', ['identity'])).toEqual([]);
      expect(await hits(db, 'k7q2', ['ref', 'identity'])).toEqual([]);
      expect(await hits(db, 'k7q2', ['ref', 'pseudonym'])).toEqual(['P-0001']);
      expect(await hits(db, '  !!  ', ['identity'])).toBeNull();
    }
  });

  it('uses the trigram indexes on PostgreSQL', async () => {
    const fragment = pgHandle.db.fn.searchPortfolios('muller', ['ref', 'identity'])!;
    await pgHandle.db.transaction(async (tx) => {
      await tx.run('SET LOCAL enable_seqscan = off');
      const plan = await tx.all<{ 'QUERY PLAN': string }>(`EXPLAIN ${fragment.sql}`, fragment.params);
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/portfolio_search_identity/);
    });
  });
});

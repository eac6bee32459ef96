/**
 * The dialect a test run puts its queues in: SQLite files (the default) or, with EW_TEST_DIALECT=postgres, databases
 * on the run's PostgreSQL server (tests/support/postgres.ts). Every test that opens services goes through
 * openTestServices (or tempServices in fixtures.ts), and every CLI command line a test runs goes through
 * onTestDatabase, so the whole suite runs unchanged on either database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import pg from 'pg';
import { openServices, type OpenOptions, type Services } from '../../src-main/core/services';
import type { Dialect } from '../../src-main/db/port';
import { createTestDatabase, testServer } from './postgres';

function chosenDialect(): Dialect {
  const wanted = process.env.EW_TEST_DIALECT ?? 'sqlite';
  if (wanted !== 'sqlite' && wanted !== 'postgres') throw new Error(`EW_TEST_DIALECT must be sqlite or postgres, not "${wanted}"`);
  return wanted;
}

export const testDialect: Dialect = chosenDialect();
export const onPostgres = testDialect === 'postgres';

/** A data directory's database on a PostgreSQL run: one per directory, so reopening it (or a CLI on it) finds its queue. */
const databases = new Map<string, Promise<string>>();

/**
 * The database URL a data directory's queue lives in on a PostgreSQL run (a fresh migrated database the first time a
 * directory is named); undefined on a SQLite run, where the queue is <dir>/queue.sqlite.
 */
export async function testDatabaseUrl(dataDir: string): Promise<string | undefined> {
  if (!onPostgres) return undefined;
  const key = path.resolve(dataDir);
  let url = databases.get(key);
  if (!url) {
    url = createTestDatabase();
    databases.set(key, url);
  }
  return url;
}

/** openServices on the run's dialect: on PostgreSQL the directory keeps its evidence and keys, its queue is a database. */
export async function openTestServices(options: OpenOptions): Promise<Services> {
  return openServices({ ...options, databaseUrl: options.databaseUrl ?? (await testDatabaseUrl(options.dataDir)) });
}

/**
 * A CLI command line on the run's dialect: on PostgreSQL, one that names a data directory (`--data DIR`) and no
 * database gets `--database-url` of that directory's queue; unchanged otherwise.
 */
export async function onTestDatabase(argv: readonly string[]): Promise<string[]> {
  const at = argv.indexOf('--data');
  if (!onPostgres || at < 0 || argv[at + 1] === undefined || argv.includes('--database-url')) return [...argv];
  return [...argv, '--database-url', (await testDatabaseUrl(argv[at + 1]!))!];
}

/** The environment for a child process (server, desktop core) given `--data DIR`: on PostgreSQL it names the queue's database. */
export async function dataEnv(dataDir: string, env: NodeJS.ProcessEnv = process.env): Promise<NodeJS.ProcessEnv> {
  const url = await testDatabaseUrl(dataDir);
  return url ? { ...env, EVIDENCE_WORKBENCH_DATABASE_URL: url } : env;
}

/** Leaves a data directory's queue impossible to open: its SQLite file overwritten with junk, or its database dropped. */
export async function breakTestDatabase(dataDir: string): Promise<void> {
  const url = await testDatabaseUrl(dataDir);
  if (url) return dropDatabases([url]);
  for (const f of ['queue.sqlite-wal', 'queue.sqlite-shm']) fs.rmSync(path.join(dataDir, f), { force: true });
  fs.writeFileSync(path.join(dataDir, 'queue.sqlite'), 'this is not a database, and long enough to be read as a header '.repeat(4));
}

async function dropDatabases(urls: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: (await testServer()).adminUrl });
  await client.connect();
  try {
    for (const url of urls) await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Tests of SQLite itself (its file, its triggers read over a second connection, its locking between two connections
 * on one file, its native module): they hold no service SQL that could differ, so a PostgreSQL run leaves them out,
 * with the reason in their name. Their PostgreSQL counterparts are the tests/unit/db/postgres-*.test.ts files.
 */
export function sqliteOnly(why: string, name: string, body: () => void): void {
  describe.skipIf(onPostgres)(`${name} — SQLite only: ${why}`, body);
}

/**
 * Drops the databases this test file made (connections still open are cut), so a run does not fill the disk: run
 * after each file by the setup file dialect-setup.ts (not here, since the Playwright tests load these helpers too).
 */
export async function dropTestDatabases(): Promise<void> {
  if (!databases.size) return;
  const urls = await Promise.all(databases.values());
  databases.clear();
  await dropDatabases(urls);
}

/**
 * The PostgreSQL server of a test run (see postgres-server.ts for how it runs). One server serves the whole run: the
 * first test that asks starts it (the vitest globalSetup in postgres-global-setup.ts gives every worker the same state
 * folder and stops the server at the end), so a run without PostgreSQL tests pays nothing. Each test gets a database
 * of its own, copied from a migrated template. Missing binaries fail the test that needs them: a skipped PostgreSQL
 * test would pass CI without testing anything.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres } from '../../src-main/db/postgres/connect';
import { databaseUrl, startPostgres, type PostgresServer } from './postgres-server';

export { databaseUrl, freePort, type PostgresServer } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder the run's PostgreSQL server (once started) lives in; see postgres-global-setup.ts. */
    postgresState: string;
  }
}

const TEMPLATE = 'ew_template';

async function admin<T>(server: PostgresServer, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const stateFile = (state: string) => path.join(state, 'server.json');
const failedFile = (state: string) => path.join(state, 'failed.txt');

/** The run's server with its migrated template database, started by whichever test asks first. */
export async function testServer(): Promise<PostgresServer> {
  const state = inject('postgresState');
  if (!state) throw new Error('the PostgreSQL test server needs the globalSetup tests/support/postgres-global-setup.ts (see vitest.config.ts)');
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (fs.existsSync(stateFile(state))) return JSON.parse(fs.readFileSync(stateFile(state), 'utf8')) as PostgresServer;
    if (fs.existsSync(failedFile(state))) throw new Error(fs.readFileSync(failedFile(state), 'utf8'));
    try {
      fs.mkdirSync(path.join(state, 'starting'));
    } catch {
      if (Date.now() > deadline) throw new Error('the PostgreSQL test server did not start within 2 minutes');
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    try {
      const server = await startPostgres(path.join(state, 'server'));
      await admin(server, (c) => c.query(`CREATE DATABASE ${TEMPLATE}`));
      const handle = await openPostgres(databaseUrl(server, TEMPLATE));
      await handle.close();
      fs.writeFileSync(`${stateFile(state)}.tmp`, JSON.stringify(server));
      fs.renameSync(`${stateFile(state)}.tmp`, stateFile(state));
      return server;
    } catch (err) {
      fs.writeFileSync(failedFile(state), (err as Error).message);
      throw err;
    }
  }
}

let counter = 0;

/**
 * A fresh database of its own for a test, already migrated (a copy of the template, in milliseconds), or empty with
 * `{ migrated: false }`. Returns its URL.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<string> {
  const server = await testServer();
  const name = `ew_test_${process.pid}_${++counter}_${crypto.randomBytes(3).toString('hex')}`;
  const template = options.migrated === false ? 'template0' : TEMPLATE;
  await admin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return databaseUrl(server, name);
}

/** Runs `work` on a plain pg client of `url` (for tests that look at PostgreSQL past the app), then disconnects. */
export async function withPgClient<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The bench's own PostgreSQL server (the tests' one, tests/support/postgres-server.ts), and fresh databases on it. */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseUrl, newStateFolder, startPostgres, stopPostgres, type PostgresServer } from '../../tests/support/postgres-server';

export type { PostgresServer };

/** Runs `work` with a server started for it, stopped and removed afterwards whatever happens. */
export async function withPostgresServer<T>(work: (server: PostgresServer) => Promise<T>): Promise<T> {
  const folder = newStateFolder();
  try {
    const server = await startPostgres(path.join(folder, 'server'));
    try {
      return await work(server);
    } finally {
      await stopPostgres(server);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** An empty database `name` on `server` (openServices migrates it); returns its URL. */
export async function createDatabase(server: PostgresServer, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return databaseUrl(server, name);
}

export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  } finally {
    await client.end();
  }
}

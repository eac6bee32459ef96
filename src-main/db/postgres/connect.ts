import pg from 'pg';
import type { DatabaseHandle } from '../port';
import { inWords, type ServerName } from './errors';
import { migratePostgres } from './migrate';
import { postgresDb, SQLITE_LIKE_TYPES } from './postgres-db';

export interface OpenPostgresOptions {
  /** Connections kept open at most (default 10): one per transaction in flight, plus the queries between them. */
  poolSize?: number;
}

/** The URL is not one this app can connect with; the message says why, without the password. */
export class DatabaseUrlError extends Error {}

/** 14: search_words is written as an SQL-standard function body. */
const OLDEST_SERVER = 140000;

/** The parts of a postgres:// URL people name in messages, and the URL as it may be shown (no password). */
export function describePostgresUrl(url: string): { server: ServerName; location: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError('the database URL is not a URL: write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseUrlError(
      `the database URL must start with postgres:// (it starts with ${parsed.protocol}//): write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE`,
    );
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!parsed.hostname) throw new DatabaseUrlError('the database URL names no host: write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE');
  if (!database || database.includes('/')) {
    throw new DatabaseUrlError(`the database URL for ${parsed.hostname} names no database: write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
  }
  // As the driver chooses it when the URL names no user.
  const user = decodeURIComponent(parsed.username) || process.env.PGUSER || process.env.USER || 'postgres';
  const port = parsed.port ? Number(parsed.port) : 5432;
  const shown = new URL(parsed.href);
  shown.password = '';
  return { server: { host: parsed.hostname, port, database, user }, location: shown.href };
}

/** How refusals name the database: `database "queue" at db.example:5432`. */
export const databaseName = (server: ServerName): string => `database "${server.database}" at ${server.host}:${server.port}`;

/** A pool of connections to a server checked to hold the queue, its name for messages, and the URL as it may be shown. */
export interface PostgresConnection {
  pool: pg.Pool;
  server: ServerName;
  location: string;
}

/**
 * Connects and checks the server (version, encoding) without touching the schema: openPostgres migrates next, and
 * `db migrate-to` migrates inside the transaction of its copy, so a refused copy leaves the database as it found it.
 */
export async function connectPostgres(url: string, options: OpenPostgresOptions = {}): Promise<PostgresConnection> {
  const { server, location } = describePostgresUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: SQLITE_LIKE_TYPES,
    connectionTimeoutMillis: 10_000,
    application_name: 'evidence-workbench',
  });
  // A connection that drops while idle (a server restart) is replaced at the next query; it must not end the process.
  pool.on('error', () => undefined);
  try {
    const client = await connectClient(pool, server);
    try {
      await checkServer(client, server);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { pool, server, location };
}

/** A connection of the pool, or the reason there is none in words. */
export async function connectClient(pool: pg.Pool, server: ServerName): Promise<pg.PoolClient> {
  return pool.connect().catch((err: unknown) => {
    throw inWords(err, server);
  });
}

/**
 * Opens the queue in a PostgreSQL database: connects, checks the server, migrates (an empty database gets the whole
 * schema) and hands back the port over a pool. Every refusal is one line naming the host: a URL that is not
 * postgres://, a server that cannot be reached or refuses the login, a database of another application or of a
 * newer Evidence Workbench; nothing is written then.
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<DatabaseHandle> {
  const { pool, server, location } = await connectPostgres(url, options);
  try {
    const client = await connectClient(pool, server);
    try {
      await migratePostgres(client, databaseName(server)).catch((err: unknown) => {
        throw inWords(err, server);
      });
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  return { db: postgresDb(pool, server), location, close: () => pool.end() };
}

async function checkServer(client: pg.ClientBase, server: ServerName): Promise<void> {
  const { rows } = await client
    .query<{ version: number; encoding: string }>(
      "SELECT current_setting('server_version_num')::int AS version, current_setting('server_encoding') AS encoding",
    )
    .catch((err: unknown) => {
      throw inWords(err, server);
    });
  const { version, encoding } = rows[0]!;
  const at = `PostgreSQL at ${server.host}:${server.port}`;
  if (version < OLDEST_SERVER) throw new DatabaseUrlError(`${at} is version ${Math.floor(version / 10000)}; Evidence Workbench needs PostgreSQL 14 or newer`);
  if (encoding !== 'UTF8')
    throw new DatabaseUrlError(`${databaseName(server)} stores text as ${encoding}; Evidence Workbench needs a UTF8 database (createdb -E UTF8)`);
}

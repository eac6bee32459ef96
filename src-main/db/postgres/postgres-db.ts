import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import * as schema from '../schema';
import { searchWords } from '../search';
import type { Db, DialectSql, Orm, Params, Query, Row, RunResult } from '../port';
import { inWords, type ServerName } from './errors';
import { translate, type Translated } from './translate';

const dialect = new PgDialect();

const POSTGRES_FN: DialectSql = {
  forUpdateSkipLocked: 'FOR UPDATE SKIP LOCKED',
  forUpdate: 'FOR UPDATE',
  auditAppendLock: 'SELECT id FROM audit_log_reached FOR UPDATE',
  joinInOrder: 'JOIN',
  // lower() under "C" folds ASCII only and the "C" order is the bytes': SQLite's NOCASE exactly (see migration 0001).
  nocase: (expr) => `lower((${expr}) COLLATE "C")`,
  searchPortfolios(text, columns) {
    const words = searchWords(text);
    if (!words.length) return null;
    const anyColumn = `(${columns.map((c) => `${c}_words LIKE search_pattern(?)`).join(' OR ')})`;
    return {
      sql: `SELECT rowid FROM portfolio_search WHERE ${words.map(() => anyColumn).join(' AND ')}`,
      params: words.flatMap((w) => columns.map(() => w)),
    };
  },
  jsonTextValues: (placeholder) => `SELECT value FROM json_array_elements_text(${placeholder}::json) AS elements(value)`,
};

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

/**
 * Values come back as SQLite gives them: 64-bit integers and numerics (count(*), sum()) as numbers, booleans (a
 * comparison's result) as 1 or 0; text stays text.
 */
export const SQLITE_LIKE_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === BOOL) return (v: string) => (v === 't' ? 1 : 0);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function render(query: Query, params?: Params, insertDefaults = false): Translated {
  if (query instanceof SQL) {
    const { sql, params: bound } = dialect.sqlToQuery(query);
    return { text: translate(sql, undefined).text, values: bound };
  }
  return translate(query, params, insertDefaults);
}

/** Where queries go: the pool (each query on any free connection) or the one connection of a transaction. */
type Runner = pg.Pool | pg.PoolClient;

interface Shared {
  pool: pg.Pool;
  server: ServerName;
  /** Marks the async work of an open transaction, to refuse a query it sends to the outer Db by mistake. */
  inside: AsyncLocalStorage<{ open: boolean }>;
}

class PostgresDb implements Db {
  readonly dialect = 'postgres' as const;
  readonly fn = POSTGRES_FN;
  readonly orm: Orm;
  private savepoints = 0;

  constructor(
    private readonly shared: Shared,
    /** The transaction's connection, or null for the outer Db. */
    private readonly client: pg.PoolClient | null,
  ) {
    this.orm = drizzle(
      async (text, args, method) => {
        const insert = /^\s*insert\b/i.test(text);
        const result = await this.query(translate(insert ? unqualifiedConflictTarget(text) : text, args, insert), method !== 'run');
        if (method === 'run') return { rows: [], changes: result.rowCount ?? 0 };
        return { rows: method === 'get' ? result.rows[0] : result.rows };
      },
      { schema },
    );
  }

  get inTransaction(): boolean {
    return this.client !== null;
  }

  private get runner(): Runner {
    return this.client ?? this.shared.pool;
  }

  private async query(q: Translated, arrays = false): Promise<pg.QueryResult> {
    if (!this.client && this.shared.inside.getStore()?.open) {
      throw new Error('A query inside a transaction used the database instead of the transaction: pass the transaction on.');
    }
    try {
      if (arrays) return await this.runner.query({ text: q.text, values: q.values, rowMode: 'array' });
      return await this.runner.query({ text: q.text, values: q.values });
    } catch (err) {
      throw inWords(err, this.shared.server);
    }
  }

  async all<T = Row>(query: Query, params?: Params): Promise<T[]> {
    return (await this.query(render(query, params))).rows as T[];
  }

  async get<T = Row>(query: Query, params?: Params): Promise<T | undefined> {
    return (await this.query(render(query, params))).rows[0] as T | undefined;
  }

  async run(query: Query, params?: Params): Promise<RunResult> {
    return { changes: (await this.query(render(query, params))).rowCount ?? 0 };
  }

  async deferForeignKeys(): Promise<void> {
    if (!this.client) throw new Error('foreign keys are deferred only inside a transaction');
    await this.query({ text: 'SET CONSTRAINTS ALL DEFERRED', values: [] });
  }

  async tableNames(): Promise<string[]> {
    return (await this.all<{ name: string }>(`${APP_TABLES} ORDER BY name`)).map((r) => r.name);
  }

  async tablesWithColumn(column: string): Promise<string[]> {
    const rows = await this.all<{ name: string }>(
      `SELECT t.name FROM (${APP_TABLES}) t WHERE EXISTS (
         SELECT 1 FROM information_schema.columns c WHERE c.table_schema = current_schema() AND c.table_name = t.name AND c.column_name = ?)
       ORDER BY t.name`,
      [column],
    );
    return rows.map((r) => r.name);
  }

  async uniqueKeys(table: string): Promise<string[][]> {
    const rows = await this.all<{ columns: string[] }>(
      `SELECT array_agg(a.attname::text ORDER BY k.n) AS columns
       FROM pg_index i
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
       GROUP BY i.indexrelid`,
      [table],
    );
    return rows.map((r) => r.columns).sort((a, b) => a.join().localeCompare(b.join()));
  }

  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    if (this.client) return this.savepoint(this.client, work);
    if (this.shared.inside.getStore()?.open) {
      throw new Error('A transaction was started on the database inside another transaction: pass the transaction on.');
    }
    let client: pg.PoolClient;
    try {
      client = await this.shared.pool.connect();
    } catch (err) {
      throw inWords(err, this.shared.server);
    }
    let broken: Error | undefined;
    const mark = { open: true };
    try {
      await this.control(client, 'BEGIN');
      const result = await this.shared.inside.run(mark, () => work(new PostgresDb(this.shared, client)));
      await this.control(client, 'COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
      throw err;
    } finally {
      mark.open = false;
      // A connection that could not even roll back is closed rather than handed to the next transaction.
      client.release(broken);
    }
  }

  private async savepoint<T>(client: pg.PoolClient, work: (tx: Db) => Promise<T>): Promise<T> {
    const name = `sp${++this.savepoints}`;
    await this.control(client, `SAVEPOINT ${name}`);
    try {
      const result = await work(this);
      await this.control(client, `RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await this.control(client, `ROLLBACK TO SAVEPOINT ${name}`);
      await this.control(client, `RELEASE SAVEPOINT ${name}`);
      throw err;
    }
  }

  private async control(client: pg.PoolClient, statement: string): Promise<void> {
    try {
      await client.query(statement);
    } catch (err) {
      throw inWords(err, this.shared.server);
    }
  }
}

/** drizzle's SQLite inserts name the conflict target's columns with their table, which PostgreSQL does not accept. */
function unqualifiedConflictTarget(text: string): string {
  return text.replace(/ on conflict \(([^)]*)\)/, (_, columns: string) => ` on conflict (${columns.replace(/"(?:[^"]|"")*"\./g, '')})`);
}

// The dialect's own tables (the schema version, the audit log's high-water mark) are not the application's.
const APP_TABLES =
  "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('evidence_workbench_schema', 'audit_log_reached')";

/** The port over a pool of connections to one database (opened and migrated by connect.ts). */
export function postgresDb(pool: pg.Pool, server: ServerName): Db {
  return new PostgresDb({ pool, server, inside: new AsyncLocalStorage() }, null);
}

/**
 * The port over one connection of `pool` on which the caller has begun a transaction (and will end it): the Db a
 * transaction hands its work, for database-layer code that must also run statements of its own on that connection
 * (`db migrate-to` migrates and copies in one transaction).
 */
export function postgresTransactionDb(pool: pg.Pool, client: pg.PoolClient, server: ServerName): Db {
  return new PostgresDb({ pool, server, inside: new AsyncLocalStorage() }, client);
}

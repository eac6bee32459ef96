import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import * as schema from './schema';
import { searchWords } from './search';
import type { Db, DialectSql, Orm, Params, Query, Row, RunResult } from './port';
import { writeGateFor, type WriteGate } from './sqlite-write-gate';

const dialect = new SQLiteSyncDialect();

const SQLITE_FN: DialectSql = {
  forUpdateSkipLocked: '',
  forUpdate: '',
  auditAppendLock: null,
  joinInOrder: 'CROSS JOIN',
  nocase: (expr) => `${expr} COLLATE NOCASE`,
  searchPortfolios(text, columns) {
    const words = searchWords(text);
    if (!words.length) return null;
    // FTS5 query: each word quoted (user text is never FTS syntax) as a prefix of a word of the given columns.
    const cols = `{${columns.join(' ')}}`;
    const match = words.map((w) => `${cols} : "${w.replace(/"/g, '""')}"*`).join(' AND ');
    return { sql: 'SELECT rowid FROM portfolio_search WHERE portfolio_search MATCH ?', params: [match] };
  },
  jsonTextValues: (placeholder) => `SELECT value FROM json_each(${placeholder})`,
};

/** The statements of one connection, prepared once: preparing costs more than running most of the queue's queries. */
class Statements {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly conn: Database.Database) {}
  get(text: string): Database.Statement {
    let stmt = this.cache.get(text);
    if (!stmt) {
      stmt = this.conn.prepare(text);
      if (this.cache.size >= 500) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(text, stmt);
    }
    return stmt;
  }
}

function render(query: Query, params?: Params): { text: string; args: unknown[] } {
  if (query instanceof SQL) {
    const { sql, params: bound } = dialect.sqlToQuery(query);
    return { text: sql, args: bound };
  }
  if (params === undefined) return { text: query, args: [] };
  return { text: query, args: Array.isArray(params) ? [...params] : [params] };
}

/**
 * One better-sqlite3 connection behind the async port. The connection is shared by everything in the process, so an
 * open transaction must keep everyone else out until it ends: statements on the outer Db wait at `gate` while one
 * is open. Work inside a transaction that uses the outer Db by mistake would wait for itself forever; it is refused
 * with an error instead (`inside` knows which async work belongs to the open transaction).
 */
class SqliteConnection {
  readonly statements: Statements;
  /** Shared with the process's other connections to the same file: see sqlite-write-gate.ts. */
  readonly gate: WriteGate;
  private tail: Promise<void> = Promise.resolve();
  private open = 0;
  readonly inside = new AsyncLocalStorage<{ open: boolean }>();
  constructor(readonly conn: Database.Database) {
    this.statements = new Statements(conn);
    this.gate = writeGateFor(conn.name);
  }

  /** How long a writer waits for the lock before it fails with SQLITE_BUSY (the connection's busy_timeout). */
  busyTimeoutMs(): number {
    return this.conn.pragma('busy_timeout', { simple: true }) as number;
  }

  async idle(): Promise<void> {
    if (this.inside.getStore()?.open) {
      throw new Error('A query inside a transaction used the database instead of the transaction: pass the transaction on.');
    }
    while (this.open > 0) await this.tail;
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    await this.idle();
    let release!: () => void;
    const previous = this.tail;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    this.open++;
    const mark = { open: true };
    try {
      await previous;
      return await this.inside.run(mark, work);
    } finally {
      mark.open = false; // work it started that outlives it (none should) may use the outer Db again
      this.open--;
      release();
    }
  }
}

class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly fn = SQLITE_FN;
  readonly orm: Orm;
  private savepoints = 0;

  constructor(
    private readonly connection: SqliteConnection,
    readonly inTransaction: boolean,
  ) {
    this.orm = drizzle(
      async (text, args, method) => {
        await this.ready();
        const stmt = connection.statements.get(text);
        return this.writing(stmt, () => runForOrm(stmt, args, method));
      },
      { schema },
    );
  }

  /** Outside a transaction, wait for any open one to end; inside, go straight on. */
  private async ready(): Promise<void> {
    if (!this.inTransaction) await this.connection.idle();
  }

  /** A write outside a transaction waits its turn among the process's writers of this file; inside one it has it. */
  private async writing<T>(stmt: Database.Statement, work: () => T): Promise<T> {
    if (this.inTransaction || stmt.readonly) return work();
    return await this.connection.gate.run(work, this.connection.busyTimeoutMs());
  }

  async all<T = Row>(query: Query, params?: Params): Promise<T[]> {
    await this.ready();
    const { text, args } = render(query, params);
    const stmt = this.connection.statements.get(text);
    return this.writing(stmt, () => stmt.raw(false).all(...args) as T[]);
  }

  async get<T = Row>(query: Query, params?: Params): Promise<T | undefined> {
    await this.ready();
    const { text, args } = render(query, params);
    const stmt = this.connection.statements.get(text);
    return this.writing(stmt, () => stmt.raw(false).get(...args) as T | undefined);
  }

  async run(query: Query, params?: Params): Promise<RunResult> {
    await this.ready();
    const { text, args } = render(query, params);
    const stmt = this.connection.statements.get(text);
    return this.writing(stmt, () => ({ changes: stmt.run(...args).changes }));
  }

  async deferForeignKeys(): Promise<void> {
    if (!this.inTransaction) throw new Error('foreign keys are deferred only inside a transaction');
    this.connection.conn.pragma('defer_foreign_keys = ON');
  }

  async tableNames(): Promise<string[]> {
    return (await this.all<{ name: string }>(`${APP_TABLES} ORDER BY name`)).map((r) => r.name);
  }

  async tablesWithColumn(column: string): Promise<string[]> {
    const rows = await this.all<{ name: string }>(
      `SELECT m.name FROM (${APP_TABLES}) m WHERE EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = ?) ORDER BY m.name`,
      [column],
    );
    return rows.map((r) => r.name);
  }

  async uniqueKeys(table: string): Promise<string[][]> {
    // An index on an expression (no column name) or under a collation (NOCASE) is no key of columns as they are;
    // PostgreSQL spells both as expression indexes, which count as none there either.
    const indexes = await this.all<{ origin: string; columns: string; plain: number }>(
      `SELECT il.origin,
              (SELECT json_group_array(name) FROM (SELECT name FROM pragma_index_xinfo(il.name) WHERE key = 1 ORDER BY seqno)) AS columns,
              NOT EXISTS (SELECT 1 FROM pragma_index_xinfo(il.name) WHERE key = 1 AND (name IS NULL OR coll <> 'BINARY')) AS plain
       FROM pragma_index_list(?) il WHERE il."unique" = 1 AND il.partial = 0`,
      [table],
    );
    const keys = indexes.filter((i) => i.plain).map((i) => JSON.parse(i.columns) as string[]);
    // A rowid table's INTEGER PRIMARY KEY is the rowid itself: it has no index of its own.
    if (!indexes.some((i) => i.origin === 'pk')) {
      const pk = await this.all<{ name: string }>('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk', [table]);
      if (pk.length) keys.push(pk.map((c) => c.name));
    }
    return keys.sort((a, b) => a.join().localeCompare(b.join()));
  }

  async transaction<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    const { conn } = this.connection;
    if (this.inTransaction) {
      const name = `sp${++this.savepoints}`;
      conn.exec(`SAVEPOINT ${name}`);
      try {
        const result = await work(this);
        conn.exec(`RELEASE ${name}`);
        return result;
      } catch (err) {
        conn.exec(`ROLLBACK TO ${name}`);
        conn.exec(`RELEASE ${name}`);
        throw err;
      }
    }
    return this.connection.exclusive(() =>
      this.connection.gate.run(async () => {
        // Immediate: the write lock is taken before the first read, so a read-then-write decision (claim next, merge)
        // cannot be overtaken by another process's write between the two (SQLite cannot upgrade a reader's lock).
        conn.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(new SqliteDb(this.connection, true));
          conn.exec('COMMIT');
          return result;
        } catch (err) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw err;
        }
      }, this.connection.busyTimeoutMs()),
    );
  }
}

// The search index's shadow tables (portfolio_search_*) are SQLite's FTS5 machinery, not application tables.
const APP_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'portfolio_search_%'";

function runForOrm(stmt: Database.Statement, args: unknown[], method: 'run' | 'all' | 'values' | 'get'): { rows: unknown[]; changes?: number } {
  if (method === 'run' || !stmt.reader) {
    const { changes } = stmt.run(...args);
    return { rows: [], changes };
  }
  if (method === 'get') return { rows: stmt.raw(true).get(...args) as unknown[] };
  return { rows: stmt.raw(true).all(...args) };
}

/** The port over an open better-sqlite3 connection (opened and migrated by database.ts). */
export function sqliteDb(conn: Database.Database): Db {
  return new SqliteDb(new SqliteConnection(conn), false);
}

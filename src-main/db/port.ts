import type { SQL } from 'drizzle-orm';
import type { SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type * as schema from './schema';

/**
 * The Db port: the only way services reach the database. Every call is async, so the same service code runs on the
 * embedded SQLite file and on a shared PostgreSQL server; the adapters behind it (sqlite-db.ts, postgres/) are the only
 * code that knows which one it is.
 *
 * Queries are written once, in the SQL both dialects share, with `?` (or `@name` with an object) placeholders, or as
 * drizzle `sql` templates, or through `orm` (drizzle's query builder over the logical schema in ./schema). Where the
 * dialects differ, a service asks `fn` for the fragment instead of spelling either one.
 */
export type Dialect = 'sqlite' | 'postgres';

/** Drizzle's query builder over the logical schema; awaited like every other query. Never call its `transaction`. */
export type Orm = SqliteRemoteDatabase<typeof schema>;

declare module 'drizzle-orm/sqlite-proxy' {
  // Both adapters report the rows a `run()` changed, as better-sqlite3 did.
  interface SqliteRemoteResult {
    changes: number;
  }
}

export type Params = readonly unknown[] | Readonly<Record<string, unknown>>;
export type Query = string | SQL;
export type Row = Record<string, unknown>;

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** A piece of SQL with its `?` parameters, in order. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/**
 * The columns of the portfolio search index, table portfolio_search (rowid = portfolios.seq), which services write
 * with plain SQL on both dialects: `INSERT INTO portfolio_search (rowid, ref, pseudonym, identity) VALUES (?, ?, ?, ?)`,
 * `UPDATE portfolio_search SET pseudonym = ? WHERE rowid = ?`, `DELETE FROM portfolio_search WHERE rowid = ?`.
 */
export type SearchColumn = 'ref' | 'pseudonym' | 'identity';

/** SQL fragments whose spelling differs between the dialects. */
export interface DialectSql {
  /** Appended to a SELECT that claims rows: row locks that skip rows another transaction holds (nothing on SQLite, whose write transaction already excludes every other writer). */
  readonly forUpdateSkipLocked: string;
  /** Appended to a SELECT of rows a transaction decides on and then changes: row locks that wait for a transaction holding them (nothing on SQLite, as above). */
  readonly forUpdate: string;
  /**
   * A statement that, run inside a transaction before it reads the audit log's last entry, makes every other
   * transaction appending to the log wait until this one ends, so each chains to the entry before it (PostgreSQL's
   * lock on audit_log_reached); null on SQLite, whose write transaction already excludes every other writer.
   */
  readonly auditAppendLock: string | null;
  /** A join whose left side stays the outer loop (SQLite's CROSS JOIN planner hint; a plain JOIN where the planner needs none). */
  readonly joinInOrder: string;
  /**
   * `expr` compared and ordered without regard to ASCII case (SQLite's COLLATE NOCASE); other characters compare and
   * order by their bytes. Wrap both sides of a comparison: `${fn.nocase('name')} = ${fn.nocase('?')}`.
   */
  nocase(expr: string): string;
  /**
   * A SELECT of the rowid (= portfolios.seq) of every search row in which each word of `text` (split at white space)
   * starts a word of one of `columns`, ignoring case and accents; a word with punctuation inside ("jean-paul") must
   * match its parts in a row. Words without a letter or digit are left out; null when no word is left (nothing
   * matches). Use it as `p.seq IN (${fragment.sql})`, its params in place.
   */
  searchPortfolios(text: string, columns: readonly SearchColumn[]): SqlFragment | null;
  /**
   * A subquery of one text column, `value`: the elements of a JSON array of strings bound at `placeholder` (SQLite's
   * `SELECT value FROM json_each(?)`), e.g. `portfolio_id IN (${fn.jsonTextValues('?')})` with JSON.stringify(ids).
   */
  jsonTextValues(placeholder: string): string;
}

export interface Db {
  readonly dialect: Dialect;
  readonly orm: Orm;
  readonly fn: DialectSql;
  /** True for the Db a transaction hands its work. */
  readonly inTransaction: boolean;
  all<T = Row>(query: Query, params?: Params): Promise<T[]>;
  get<T = Row>(query: Query, params?: Params): Promise<T | undefined>;
  run(query: Query, params?: Params): Promise<RunResult>;
  /**
   * Runs `work` in one transaction (a write transaction from its first statement, so a read-then-write decision cannot
   * race another writer) and commits when it resolves, or rolls back when it throws. Everything inside must go through
   * `tx`, not the outer Db: the outer one waits for this transaction to end. Nested calls on `tx` are savepoints.
   */
  transaction<T>(work: (tx: Db) => Promise<T>): Promise<T>;
  /** Inside a transaction: foreign keys are checked at commit instead of at each statement. */
  deferForeignKeys(): Promise<void>;
  /** The application's tables (not the dialect's own), sorted by name. */
  tableNames(): Promise<string[]>;
  /** The application's tables that have a column of this name, sorted. */
  tablesWithColumn(column: string): Promise<string[]>;
  /**
   * The column lists of a table's primary key and unique indexes, each in index order, sorted: the keys that compare
   * columns as they are (no partial index, no expression, no collation such as NOCASE).
   */
  uniqueKeys(table: string): Promise<string[][]>;
}

/** An open database: its port, where it is (a file path or a URL without the password) and how to close it. */
export interface DatabaseHandle {
  readonly db: Db;
  readonly location: string;
  close(): Promise<void>;
}

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrate';
import type { DatabaseHandle } from './port';
import { sqliteDb } from './sqlite-db';

export interface OpenDatabaseOptions {
  /**
   * The path of a better_sqlite3.node to load instead of the one better-sqlite3 finds in its own build folder
   * (which is compiled for Node). The desktop shell passes the Electron build here (scripts/electron-native.mjs).
   */
  nativeBinding?: string;
}

/** The SQLite handle also gives the database layer (migrations, the audit chain check) its connection; services never see it. */
export interface SqliteHandle extends DatabaseHandle {
  readonly sqlite: Database.Database;
}

/**
 * The one place that opens the SQLite queue (the dialect seam: a PostgreSQL handle would be made beside this one).
 * WAL lets the UI read while an import writes; busy_timeout rides out a second process (the CLI) holding the lock.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = options.nativeBinding ? new Database(file, { nativeBinding: existingBinding(options.nativeBinding) }) : new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  try {
    migrate(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  takeWriteLockFirst(sqlite);
  return { sqlite, db: sqliteDb(sqlite), location: file, close: async () => void sqlite.close() };
}

/**
 * Every `sqlite.transaction(fn)` of this handle begins with `BEGIN IMMEDIATE`. A deferred transaction that reads and
 * then writes while another connection (the CLI, a second window) holds the write lock fails at once with SQLITE_BUSY:
 * SQLite cannot wait for a lock a reader wants to upgrade, so busy_timeout never applies. Taking the lock first makes
 * the second writer wait its turn instead. Done here, once, so no service can forget it.
 */
function takeWriteLockFirst(sqlite: Database.Database): void {
  const transaction = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: never[]) => unknown) => transaction(fn).immediate) as Database.Database['transaction'];
}

/** The binding's path as better-sqlite3 will require it, or an error naming it (rather than "Cannot find module"). */
function existingBinding(nativeBinding: string): string {
  const resolved = path.resolve(nativeBinding);
  const file = resolved.endsWith('.node') ? resolved : `${resolved}.node`;
  if (!fs.existsSync(file)) throw new Error(`The SQLite native module ${file} does not exist (nativeBinding).`);
  return file;
}

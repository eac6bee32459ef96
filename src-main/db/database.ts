import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { migrate } from './migrate';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenDatabaseOptions {
  /**
   * The path of a better_sqlite3.node to load instead of the one better-sqlite3 finds in its own build folder
   * (which is compiled for Node). The desktop shell passes the Electron build here (scripts/electron-native.mjs).
   */
  nativeBinding?: string;
}

export interface DatabaseHandle {
  sqlite: Database.Database;
  db: Db;
  file: string;
  close(): void;
}

/**
 * The one place that opens the SQLite queue (the dialect seam: a PostgreSQL handle would be made beside this one).
 * WAL lets the UI read while an import writes; busy_timeout rides out a second process (the CLI) holding the lock.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): DatabaseHandle {
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
  const db = drizzle(sqlite, { schema });
  return { sqlite, db, file, close: () => sqlite.close() };
}

/** The binding's path as better-sqlite3 will require it, or an error naming it (rather than "Cannot find module"). */
function existingBinding(nativeBinding: string): string {
  const resolved = path.resolve(nativeBinding);
  const file = resolved.endsWith('.node') ? resolved : `${resolved}.node`;
  if (!fs.existsSync(file)) throw new Error(`The SQLite native module ${file} does not exist (nativeBinding).`);
  return file;
}

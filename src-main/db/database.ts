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
 * Opens (creating and migrating) the SQLite queue file; open.ts chooses between this and postgres/connect.ts.
 * WAL lets the UI read while an import writes; busy_timeout rides out a second process (the CLI) holding the lock.
 * It is generous (30 s) because a second import waits for the first one's short transactions to let it in, polling
 * at SQLite's backoff, and a loaded machine stretches that; failing a queued write would lose a user's work.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteHandle {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = options.nativeBinding ? new Database(file, { nativeBinding: existingBinding(options.nativeBinding) }) : new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 30000');
  sqlite.pragma('foreign_keys = ON');
  try {
    migrate(sqlite);
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return { sqlite, db: sqliteDb(sqlite), location: file, close: async () => void sqlite.close() };
}

/** The binding's path as better-sqlite3 will require it, or an error naming it (rather than "Cannot find module"). */
function existingBinding(nativeBinding: string): string {
  const resolved = path.resolve(nativeBinding);
  const file = resolved.endsWith('.node') ? resolved : `${resolved}.node`;
  if (!fs.existsSync(file)) throw new Error(`The SQLite native module ${file} does not exist (nativeBinding).`);
  return file;
}

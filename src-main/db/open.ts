import { openDatabase } from './database';
import type { DatabaseHandle } from './port';
import { openPostgres } from './postgres/connect';

export interface OpenDbOptions {
  /** postgres://USER:PASSWORD@HOST:PORT/DATABASE: the queue lives there. Without it, in `sqliteFile`. */
  databaseUrl?: string;
  /** The SQLite queue file, used when no databaseUrl is given (`<data>/queue.sqlite`). */
  sqliteFile: string;
  /** The better-sqlite3 native module to load instead of the default one (the desktop shell's Electron build). */
  nativeBinding?: string;
}

/** The one choice of dialect: a shared PostgreSQL database when a URL is given, else the embedded SQLite file. */
export async function openDb(options: OpenDbOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openDatabase(options.sqliteFile, { nativeBinding: options.nativeBinding });
}

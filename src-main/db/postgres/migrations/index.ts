import type pg from 'pg';
import { init } from './0001_init';
import { revisions } from './0002_revisions';

export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot express, run after `sql` in the same transaction. */
  run?: (client: pg.ClientBase) => Promise<void>;
}

/**
 * Ordered, append-only: never edit a shipped migration, add the next version. Version 1 is SQLite's schema 9; each
 * later SQLite migration gets its PostgreSQL twin here, so both dialects hold the same logical schema.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  { version: 1, name: 'init (SQLite schema 9)', sql: init },
  { version: 2, name: 'revisions', sql: revisions },
];

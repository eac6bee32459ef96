import { init } from './0001_init';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, append-only: never edit a shipped migration, add the next version. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'init', sql: init }];

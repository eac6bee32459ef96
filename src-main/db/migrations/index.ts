import { init } from './0001_init';
import { panels } from './0002_panels';
import { calibration } from './0003_calibration';
import { credit } from './0004_credit';
import { anonymity } from './0005_anonymity';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, append-only: never edit a shipped migration, add the next version. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'panels', sql: panels },
  { version: 3, name: 'calibration', sql: calibration },
  { version: 4, name: 'credit', sql: credit },
  { version: 5, name: 'anonymity', sql: anonymity },
];

import { init } from './0001_init';
import { panels } from './0002_panels';
import { calibration } from './0003_calibration';
import type Database from 'better-sqlite3';
import { credit } from './0004_credit';
import { auditChain, auditChainBackfill } from './0005_audit_chain';
import { badgeRecipient } from './0006_badge_recipient';
import { importRuns } from './0007_import_runs';
import { release } from './0008_release';
import { anonymity } from './0009_anonymity';
import { revisions } from './0010_revisions';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot express (e.g. hashing rows in order), run after `sql` in the same transaction. */
  run?: (sqlite: Database.Database) => void;
}

/** Ordered, append-only: never edit a shipped migration, add the next version. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'panels', sql: panels },
  { version: 3, name: 'calibration', sql: calibration },
  { version: 4, name: 'credit', sql: credit },
  { version: 5, name: 'audit_chain', sql: auditChain, run: auditChainBackfill },
  { version: 6, name: 'badge_recipient', sql: badgeRecipient },
  { version: 7, name: 'import_runs', sql: importRuns },
  { version: 8, name: 'release', sql: release },
  { version: 9, name: 'anonymity', sql: anonymity },
  { version: 10, name: 'revisions', sql: revisions },
];

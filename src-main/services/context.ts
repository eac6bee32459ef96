import type { DatabaseHandle } from '../db/database';
import type { EvidenceStore } from './store';

/** What every service works on: one database and its content store. The clock is injectable so tests can fix time. */
export interface ServiceContext {
  handle: DatabaseHandle;
  store: EvidenceStore;
  dataDir: string;
  now(): Date;
}

export const nowIso = (ctx: ServiceContext): string => ctx.now().toISOString();

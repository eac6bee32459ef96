import fs from 'node:fs';
import path from 'node:path';
import { AuditChainError } from '../db/audit-chain';
import { verifyAuditChain } from '../db/audit-chain-port';
import { openDb } from '../db/open';
import { EvidenceStore } from '../services/store';
import type { ServiceContext } from '../services/context';
import { importPath } from '../services/import/importer';
import { sweepAtStart } from '../services/store-integrity';
import { demoDir } from './paths';
import { fillMissingPseudonyms } from '../services/queue';

/** `--database-url` if given, else EVIDENCE_WORKBENCH_DATABASE_URL (an empty value counts as unset), else none (SQLite). */
export function databaseUrlFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag || env.EVIDENCE_WORKBENCH_DATABASE_URL || undefined;
}

/** The services of an opened data directory, and how to close its database. */
export interface Services extends ServiceContext {
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  now?: () => Date;
  /** better_sqlite3.node built for the running runtime (Electron); omitted, better-sqlite3 loads its own (Node) build. */
  nativeBinding?: string;
  /** A postgres:// URL: the queue lives in that PostgreSQL database instead of <dataDir>/queue.sqlite. */
  databaseUrl?: string;
}

/**
 * Opens (creating and migrating as needed) the data directory: queue.sqlite plus the evidence store beside it, and
 * sweeps up after processes that died mid-import (their half-written rows, their staged files).
 * A data directory whose audit log is not intact (an entry changed or removed, a guard trigger dropped) is refused
 * with an AuditChainError naming the problems: working on would add entries to a record nobody can trust, and a
 * read-only mode would fail every write with a driver error instead. `cli audit verify` reads such a directory.
 */
export async function openServices({ dataDir, now = () => new Date(), nativeBinding, databaseUrl }: OpenOptions): Promise<Services> {
  fs.mkdirSync(dataDir, { recursive: true });
  const handle = await openDb({ databaseUrl, sqliteFile: path.join(dataDir, 'queue.sqlite'), nativeBinding });
  const chain = await verifyAuditChain(handle.db);
  if (!chain.ok) {
    await handle.close();
    throw new AuditChainError(dataDir, chain);
  }
  const ctx: Services = { db: handle.db, store: new EvidenceStore(path.join(dataDir, 'evidence')), dataDir, now, close: () => handle.close() };
  await sweepAtStart(ctx);
  await fillMissingPseudonyms(ctx);
  return ctx;
}

/** A database nobody has used yet (nothing in the audit log) gets the bundled demo, so a new user sees a real queue. */
export async function loadDemoIfFresh(ctx: ServiceContext, source = demoDir()): Promise<boolean> {
  const used = await ctx.db.get('SELECT 1 FROM audit_log LIMIT 1');
  if (used || !fs.existsSync(source)) return false;
  await importPath(ctx, source, { actor: 'system:demo' });
  return true;
}

import type Database from 'better-sqlite3';
import { backfillAuditChain } from '../audit-chain';

/**
 * Chains the audit log: a hash column, the entries already there hashed in id order (the UPDATE trigger is dropped
 * for that and re-created), and a BEFORE INSERT trigger that refuses anything but the next entry with a hash, so
 * INSERT OR REPLACE can no longer rewrite an entry. See src-main/db/audit-chain.ts.
 */
export const auditChain = `
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER IF EXISTS audit_log_no_update;
DROP TRIGGER IF EXISTS audit_log_no_delete;
`;

export const auditChainBackfill = (sqlite: Database.Database): void => backfillAuditChain(sqlite);

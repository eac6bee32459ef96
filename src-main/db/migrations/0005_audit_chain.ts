import type Database from 'better-sqlite3';
import { backfillAuditChain } from '../audit-chain';

/**
 * Trust before it counts (issue 10), in one migration:
 * - Chains the audit log: a hash column, the entries already there hashed in id order (the UPDATE trigger is dropped
 *   for that and re-created), and a BEFORE INSERT trigger that refuses anything but the next entry with a hash, so
 *   INSERT OR REPLACE can no longer rewrite an entry. See src-main/db/audit-chain.ts.
 * - The badge issuers an admin trusts (public key per issuer id), and how each credential earned elsewhere is
 *   vouched for: signed with this installation's key ('local'), signed by another key ('signed': counts while that
 *   key is on the trust list for the badge's issuer id), attested by the approver or admin who imported a CSV
 *   ('attested'), or not at all ('unverified', with the reason). Rows from before: CSV records stay counted as
 *   attested by whoever imported them; badges become unverified until their file is imported again.
 */
export const auditChain = `
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER IF EXISTS audit_log_no_update;
DROP TRIGGER IF EXISTS audit_log_no_delete;

CREATE TABLE credit_trusted_issuers (
  -- RFC 7638 SHA-256 thumbprint of the public key (base64url): what a badge's signature is matched by.
  thumbprint TEXT PRIMARY KEY,
  issuer_id TEXT NOT NULL,
  name TEXT NOT NULL,
  public_jwk TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL
);
ALTER TABLE credit_external ADD COLUMN verification TEXT NOT NULL DEFAULT 'unverified' CHECK (verification IN ('local', 'signed', 'attested', 'unverified'));
ALTER TABLE credit_external ADD COLUMN verification_note TEXT NOT NULL DEFAULT '';
ALTER TABLE credit_external ADD COLUMN signer_thumbprint TEXT;
UPDATE credit_external SET verification = 'attested', verification_note = 'attested by ' || imported_by || ', imported from ' || source_file WHERE source = 'csv';
UPDATE credit_external SET verification_note = 'imported before badge signatures were checked: import the badge file again to verify it' WHERE source = 'badge';
`;

export const auditChainBackfill = (sqlite: Database.Database): void => backfillAuditChain(sqlite);

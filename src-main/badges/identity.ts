import crypto from 'node:crypto';

/**
 * Emails are compared case-insensitively everywhere in the app (and by the badge importer), so the hash is taken
 * over the trimmed, lower-cased address; otherwise "Ana@School.nz" and "ana@school.nz" would be two recipients.
 */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** OB 3.0 IdentityHash: "sha256$" + hex(sha256(UTF-8(email + salt))). */
export function identityHash(email: string, salt: string): string {
  return `sha256$${crypto.createHash('sha256').update(normaliseEmail(email) + salt, 'utf8').digest('hex')}`;
}

/** A fresh per-recipient salt (128 random bits, hex) for callers that do not keep one yet. */
export function newRecipientSalt(): string {
  return crypto.randomBytes(16).toString('hex');
}

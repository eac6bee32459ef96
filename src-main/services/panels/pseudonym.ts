/**
 * Keyed pseudonyms for anonymous review. A pseudonym is an HMAC of the candidate id under a secret that never leaves
 * the data directory, so nobody holding a list of (sequential) candidate ids can recompute who "Candidate …" is —
 * not online, not from an offline bundle, not from an export. Stable per installation: the key is made once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFileAtomic } from '../../badges/atomic-file';

export const PSEUDONYM_KEY_FILE = path.join('keys', 'pseudonym.key');
const KEY_BYTES = 32;
/** 8 base32 characters = 40 bits: collisions within a district of thousands of candidates are negligible. */
const CODE_LENGTH = 8;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const keys = new Map<string, Buffer>();

/**
 * The installation's pseudonym key, created on first use as <data>/keys/pseudonym.key (mode 0600, linked into place
 * so two first calls cannot make two keys). A damaged key is an error, never replaced silently: every pseudonym
 * reviewers and bundles already know would change.
 */
export function pseudonymKey(dataDir: string): Buffer {
  const file = path.join(dataDir, PSEUDONYM_KEY_FILE);
  const cached = keys.get(file);
  if (cached) return cached;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) createFileAtomic(file, `${crypto.randomBytes(KEY_BYTES).toString('base64url')}\n`, 0o600);
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  if (key.length !== KEY_BYTES) throw new Error(`the pseudonym key ${file} is damaged (expected ${KEY_BYTES} bytes); restore it from a backup of this data folder`);
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  keys.set(file, key);
  return key;
}

function base32(bytes: Buffer, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length === length) break;
  }
  return out;
}

/** The candidate's pseudonym code in this installation, e.g. "K7QX2M4D". */
export function pseudonymCode(dataDir: string, candidateId: string): string {
  return base32(crypto.createHmac('sha256', pseudonymKey(dataDir)).update(candidateId, 'utf8').digest(), CODE_LENGTH);
}

/** What reviewers see in place of the name, and of the candidate id. */
export const pseudonymName = (code: string): string => `Candidate ${code}`;
export const pseudonymId = (code: string): string => `anon-${code}`;

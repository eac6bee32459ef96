import crypto from 'node:crypto';
import { canonicalJson } from './format';

/** base64url(HMAC-SHA256(secret, canonical JSON of the payload)); the secret is the bundle's, base64url. */
export function resultsMac(secret: string, payload: unknown): string {
  return crypto.createHmac('sha256', Buffer.from(secret, 'base64url')).update(canonicalJson(payload), 'utf8').digest('base64url');
}

export function macMatches(secret: string, payload: unknown, mac: string): boolean {
  let expected: Buffer;
  try {
    expected = Buffer.from(resultsMac(secret, payload), 'base64url');
  } catch {
    return false;
  }
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

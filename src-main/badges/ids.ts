import crypto from 'node:crypto';

const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 4122 namespace for URLs/URIs, used for name-based ids derived from issuer + credential code. */
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

export const isUrnUuid = (value: string): boolean => URN_UUID.test(value);

/** http(s) URLs and DIDs are the issuer identifiers the OB 3.0 spec expects verifiers to understand. */
export function isIssuerId(value: string): boolean {
  if (/^did:[a-z0-9]+:\S+$/.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * RFC 4122 version-5 UUID: the same issuer and credential code always give the same achievement id, so every badge
 * for one micro-credential points at one Achievement without us having to host a URL for it.
 */
export function uuidV5(name: string, namespace = NAMESPACE_URL): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = crypto.createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * ISO 8601 UTC at whole seconds. The VC-JWT `nbf`/`exp` claims are whole seconds and the spec says they must
 * equal validFrom/validUntil, so sub-second precision is dropped here rather than making the claims disagree.
 */
export function toIsoSeconds(value: Date | string, field: string): string {
  const date = value instanceof Date ? value : new Date(value);
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error(`${field} is not a valid date: ${String(value)}`);
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Seconds since the epoch (a JWT NumericDate) of an ISO date. */
export const numericDate = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

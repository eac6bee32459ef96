import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calculateJwkThumbprintUri, CompactSign, compactVerify } from 'jose';
import { afterEach, describe, expect, it } from 'vitest';
import { BadgeError, didJwkFor, issuerKeyPath, loadOrCreateIssuerKey } from '../../../src-main/badges';

const dirs: string[] = [];
const tempDataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-badge-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadOrCreateIssuerKey', () => {
  it('creates the key file once and reuses it (same kid)', async () => {
    const dataDir = tempDataDir();
    const first = await loadOrCreateIssuerKey(dataDir);
    const file = path.join(dataDir, 'keys', 'issuer-ed25519.json');
    expect(issuerKeyPath(dataDir)).toBe(file);
    expect(fs.existsSync(file)).toBe(true);
    const bytes = fs.readFileSync(file, 'utf8');
    const second = await loadOrCreateIssuerKey(dataDir);
    expect(second.kid).toBe(first.kid);
    expect(second.publicJwk).toEqual(first.publicJwk);
    expect(fs.readFileSync(file, 'utf8')).toBe(bytes);
    // No temp files left behind by the atomic create.
    expect(fs.readdirSync(path.dirname(file))).toEqual(['issuer-ed25519.json']);
  });

  it.skipIf(process.platform === 'win32')('writes the key file with mode 0600 and restores it if loosened', async () => {
    const dataDir = tempDataDir();
    await loadOrCreateIssuerKey(dataDir);
    const file = issuerKeyPath(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    fs.chmodSync(file, 0o644);
    await loadOrCreateIssuerKey(dataDir);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('returns a working Ed25519 pair, a thumbprint-URI kid and no private part in publicJwk', async () => {
    const key = await loadOrCreateIssuerKey(tempDataDir());
    expect(key.publicJwk).toEqual({ kty: 'OKP', crv: 'Ed25519', x: expect.any(String) });
    expect(key.kid).toBe(await calculateJwkThumbprintUri(key.publicJwk));
    expect(key.kid).toMatch(/^urn:ietf:params:oauth:jwk-thumbprint:sha-256:/);
    const jws = await new CompactSign(new TextEncoder().encode('hello')).setProtectedHeader({ alg: 'EdDSA' }).sign(key.privateKey);
    const { payload } = await compactVerify(jws, key.publicJwk);
    expect(new TextDecoder().decode(payload)).toBe('hello');
  });

  it('gives one key to concurrent first calls', async () => {
    const dataDir = tempDataDir();
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateIssuerKey(dataDir)));
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
  });

  it('refuses a damaged key file instead of minting a new key over it', async () => {
    const dataDir = tempDataDir();
    await loadOrCreateIssuerKey(dataDir);
    const file = issuerKeyPath(dataDir);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...stored, kid: 'urn:something:else' }));
    await expect(loadOrCreateIssuerKey(dataDir)).rejects.toThrow(/inconsistent/);
    fs.writeFileSync(file, '{ not json');
    await expect(loadOrCreateIssuerKey(dataDir)).rejects.toBeInstanceOf(BadgeError);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ not json');
  });

  it('derives a did:jwk from the public key', async () => {
    const key = await loadOrCreateIssuerKey(tempDataDir());
    const did = didJwkFor(key.publicJwk);
    expect(did).toMatch(/^did:jwk:[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(did.slice(8), 'base64url').toString('utf8'))).toEqual(key.publicJwk);
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprintUri, importJWK } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { createFileAtomic } from './atomic-file';
import { BadgeError } from './types';

/** An Ed25519 public key as a JWK; never carries `d`. */
export interface PublicEd25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

export interface IssuerKey {
  privateKey: CryptoKey;
  publicJwk: PublicEd25519Jwk;
  /**
   * RFC 9278 JWK thumbprint URI (urn:ietf:params:oauth:jwk-thumbprint:sha-256:…). OB 3.0 wants `kid` to be a URI;
   * this one names the key without promising a network location.
   */
  kid: string;
}

/** What keys/issuer-ed25519.json holds. Versioned so a later format (rotation, several keys) can be told apart. */
interface KeyFile {
  format: 'evidence-workbench/issuer-key@1';
  alg: 'EdDSA';
  created: string;
  kid: string;
  publicJwk: PublicEd25519Jwk;
  privateJwk: PublicEd25519Jwk & { d: string };
}

export const ISSUER_KEY_FILE = path.join('keys', 'issuer-ed25519.json');

export const issuerKeyPath = (dataDir: string): string => path.join(dataDir, ISSUER_KEY_FILE);

function publicPart(jwk: { x: string }): PublicEd25519Jwk {
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

async function newKeyFile(): Promise<KeyFile> {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x?: string; d?: string };
  if (!jwk.x || !jwk.d) throw new Error('node:crypto returned an Ed25519 JWK without x/d');
  const publicJwk = publicPart({ x: jwk.x });
  return {
    format: 'evidence-workbench/issuer-key@1',
    alg: 'EdDSA',
    created: new Date().toISOString(),
    kid: await calculateJwkThumbprintUri(publicJwk as JWK),
    publicJwk,
    privateJwk: { ...publicJwk, d: jwk.d },
  };
}

/**
 * Reads and checks the key file. A damaged issuer key is an error, never a reason to mint a new one silently:
 * every badge already issued names the old key.
 */
async function readKeyFile(file: string): Promise<KeyFile> {
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<KeyFile>;
  } catch (err) {
    throw new BadgeError(`the issuer key file ${file} is unreadable`, [(err as Error).message]);
  }
  const priv = parsed.privateJwk;
  if (parsed.format !== 'evidence-workbench/issuer-key@1' || priv?.kty !== 'OKP' || priv.crv !== 'Ed25519' || !priv.x || !priv.d) {
    throw new BadgeError(`the issuer key file ${file} is not an evidence-workbench Ed25519 key`);
  }
  const publicJwk = publicPart(priv);
  const kid = await calculateJwkThumbprintUri(publicJwk as JWK);
  if (parsed.publicJwk?.x !== priv.x || parsed.kid !== kid) throw new BadgeError(`the issuer key file ${file} is inconsistent (public key or kid does not match the private key)`);
  return { ...(parsed as KeyFile), publicJwk, kid };
}

/**
 * The installation's issuer signing key, created on first use as <dataDir>/keys/issuer-ed25519.json (mode 0600,
 * written to a temp file and linked into place so a crash or a concurrent first call cannot leave a partial or a
 * second key). Later calls load the same key, so `kid` is stable.
 */
export async function loadOrCreateIssuerKey(dataDir: string): Promise<IssuerKey> {
  const file = issuerKeyPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) {
    const fresh = await newKeyFile();
    createFileAtomic(file, `${JSON.stringify(fresh, null, 2)}\n`, 0o600);
  }
  const stored = await readKeyFile(file);
  // A copy or restore can loosen permissions; the private key must stay readable by this user only.
  if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return {
    privateKey: await importJWK(stored.privateJwk, 'EdDSA'),
    publicJwk: stored.publicJwk,
    kid: stored.kid,
  };
}

/**
 * did:jwk for a public key. Using it as issuer.id makes the issuer self-certifying: verifyBadgeFile then checks
 * that the issuer named in the credential is the key that signed it, without any registry or network.
 */
export function didJwkFor(publicJwk: PublicEd25519Jwk): string {
  const { kty, crv, x } = publicJwk;
  return `did:jwk:${Buffer.from(JSON.stringify({ crv, kty, x }), 'utf8').toString('base64url')}`;
}

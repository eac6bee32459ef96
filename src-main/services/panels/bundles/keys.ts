/**
 * The lead's Ed25519 signing key for review bundles, kept in the data directory (keys/review-bundle-issuer.jwk.json,
 * owner-only). Our own small module: there is no shared issuer-key module in this tree to reuse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, CompactSign, compactVerify, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';

export const KEY_FILE = path.join('keys', 'review-bundle-issuer.jwk.json');
const ALG = 'EdDSA';

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
}

export interface IssuerKey {
  privateJwk: JWK;
  publicJwk: PublicJwk;
  thumbprint: string;
}

function publicPart(jwk: JWK): PublicJwk {
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) throw new Error('the bundle issuer key is not an Ed25519 key');
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

/** Loads the data directory's issuer key, creating it the first time (exclusive create: two processes cannot both win). */
export async function loadOrCreateBundleKey(dataDir: string): Promise<IssuerKey> {
  const file = path.join(dataDir, KEY_FILE);
  if (!fs.existsSync(file)) {
    const { privateKey } = await generateKeyPair(ALG, { extractable: true });
    const jwk = await exportJWK(privateKey);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, JSON.stringify(jwk), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const privateJwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  const publicJwk = publicPart(privateJwk);
  return { privateJwk, publicJwk, thumbprint: await calculateJwkThumbprint(publicJwk) };
}

export interface SignedDigest {
  bundle: string;
  sha256: string;
}

/** bundle.sig: a compact JWS whose payload names the bundle and the SHA-256 of bundle.json's exact bytes. */
export async function signDigest(key: IssuerKey, digest: SignedDigest): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, ALG);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(digest))).setProtectedHeader({ alg: ALG, typ: 'ew-review-bundle+jws' }).sign(privateKey);
}

/** The signed digest, or null when the signature does not verify with `publicJwk` (or is not a JWS at all). */
export async function verifyDigest(jws: string, publicJwk: PublicJwk): Promise<SignedDigest | null> {
  try {
    const key = await importJWK({ ...publicJwk }, ALG);
    const { payload } = await compactVerify(jws.trim(), key, { algorithms: [ALG] });
    const parsed = JSON.parse(new TextDecoder().decode(payload)) as Partial<SignedDigest>;
    return typeof parsed.bundle === 'string' && typeof parsed.sha256 === 'string' ? { bundle: parsed.bundle, sha256: parsed.sha256 } : null;
  } catch {
    return null;
  }
}

export const thumbprintOf = (jwk: PublicJwk): Promise<string> => calculateJwkThumbprint(jwk);

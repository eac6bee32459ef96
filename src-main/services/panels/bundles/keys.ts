/**
 * Signing review bundles with the data directory's Ed25519 issuer key — the same key that signs badges
 * (src-main/badges/keys.ts), so an installation has one signing identity and one key file to guard.
 */
import { calculateJwkThumbprint, CompactSign, compactVerify, importJWK, type CryptoKey } from 'jose';
import { loadOrCreateIssuerKey, type PublicEd25519Jwk } from '../../../badges/keys';

const ALG = 'EdDSA';

export type PublicJwk = PublicEd25519Jwk;

export interface BundleKey {
  privateKey: CryptoKey;
  publicJwk: PublicJwk;
  /** RFC 7638 thumbprint (base64url) of the public key: short enough to read out over the phone. */
  thumbprint: string;
}

export const thumbprintOf = (jwk: PublicJwk): Promise<string> => calculateJwkThumbprint({ ...jwk });

export async function loadOrCreateBundleKey(dataDir: string): Promise<BundleKey> {
  const key = await loadOrCreateIssuerKey(dataDir);
  return { privateKey: key.privateKey, publicJwk: key.publicJwk, thumbprint: await thumbprintOf(key.publicJwk) };
}

export interface SignedDigest {
  bundle: string;
  sha256: string;
}

/** bundle.sig: a compact JWS whose payload names the bundle and the SHA-256 of bundle.json's exact bytes. */
export async function signDigest(key: BundleKey, digest: SignedDigest): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(digest))).setProtectedHeader({ alg: ALG, typ: 'ew-review-bundle+jws' }).sign(key.privateKey);
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

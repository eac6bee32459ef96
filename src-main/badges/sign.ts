import { CompactSign } from 'jose';
import { numericDate } from './ids';
import type { IssuerKey } from './keys';
import { validateCredentialSchema } from './schema';
import type { OpenBadgeCredential, SignedBadge } from './types';
import { BadgeError, JWT_PROOF_TYPE } from './types';

/** JWT registered claims that OB 3.0 §8.2 maps onto credential fields; they must not collide with credential members. */
export const JWT_CLAIMS = ['iss', 'jti', 'nbf', 'exp', 'sub', 'iat'] as const;

const issuerIdOf = (issuer: unknown): string | undefined =>
  typeof issuer === 'string' ? issuer : typeof issuer === 'object' && issuer !== null ? ((issuer as { id?: unknown }).id as string | undefined) : undefined;

/**
 * The VC-JWT payload per OB 3.0 §8.2 (VC Data Model 2.0 form): the credential's own members at the top level plus
 * iss = issuer.id, jti = id, nbf = validFrom, exp = validUntil and sub = credentialSubject.id when there is one
 * (ours identify the recipient by a hashed email instead, so they have no `sub`).
 */
export function jwtPayloadFor(credential: OpenBadgeCredential): Record<string, unknown> {
  const members = credential as unknown as Record<string, unknown>;
  const clash = JWT_CLAIMS.filter((claim) => claim in members);
  if (clash.length) throw new BadgeError('the credential cannot be signed as a VC-JWT', clash.map((c) => `it already has a top-level "${c}" member`));
  const iss = issuerIdOf(credential.issuer);
  if (!iss) throw new BadgeError('the credential cannot be signed as a VC-JWT', ['issuer.id is missing']);
  const subjectId = (credential.credentialSubject as { id?: unknown }).id;
  return {
    ...members,
    iss,
    jti: credential.id,
    nbf: numericDate(credential.validFrom),
    ...(credential.validUntil ? { exp: numericDate(credential.validUntil) } : {}),
    ...(typeof subjectId === 'string' ? { sub: subjectId } : {}),
  };
}

/**
 * Signs a credential as an OB 3.0 VC-JWT (compact JWS). Header: alg EdDSA, typ "JWT" (the only value OB 3.0
 * allows; VC-JOSE-COSE's "vc+jwt" is not accepted by OB 3.0 verifiers), kid, and the public key as `jwk` so the
 * signature can be checked offline. Refuses credentials that already carry a proof or fail the official schema.
 */
export async function signCredential(credential: OpenBadgeCredential, key: IssuerKey): Promise<string> {
  if ('proof' in (credential as object)) throw new BadgeError('sign the credential before adding a proof to it');
  const invalid = validateCredentialSchema(credential);
  if (invalid.length) throw new BadgeError('refusing to sign a credential that does not validate against the OB 3.0 schema', invalid);
  const payload = new TextEncoder().encode(JSON.stringify(jwtPayloadFor(credential)));
  return new CompactSign(payload).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: key.kid, jwk: { ...key.publicJwk } }).sign(key.privateKey);
}

/** The exported document: the credential JSON-LD with its VC-JWT attached as a JwtProof2020 proof entry. */
export async function signBadge(credential: OpenBadgeCredential, key: IssuerKey): Promise<{ document: SignedBadge; jws: string }> {
  const jws = await signCredential(credential, key);
  return { document: { ...credential, proof: [{ type: JWT_PROOF_TYPE, jwt: jws }] }, jws };
}

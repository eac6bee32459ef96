import { calculateJwkThumbprint, calculateJwkThumbprintUri, compactVerify, decodeProtectedHeader, EmbeddedJWK } from 'jose';
import type { JWK, JWSAlgorithm } from 'jose';
import { numericDate } from './ids';
import { jsonDifferences } from './json-diff';
import { validateCredentialSchema } from './schema';
import { JWT_CLAIMS } from './sign';
import type { VerifiedCredential } from './types';
import { JWT_PROOF_TYPE } from './types';

export interface VerifyOptions {
  /** The moment validFrom/validUntil are checked against; defaults to now. */
  now?: Date;
  /**
   * Public keys (JWK) allowed to sign. The JWS carries its own key, which proves the content is unchanged since
   * that key signed it, but anyone can re-sign an edited badge with a key of their own; pass the issuer keys you
   * trust (e.g. this installation's) to rule that out.
   */
  trustedKeys?: JWK[];
  /**
   * Whether validFrom/validUntil must hold at `now` (default true). An importer records the dates and lets the
   * pathway judge them on the application date, so it checks only that the badge is genuine.
   */
  checkValidityPeriod?: boolean;
}

export interface BadgeSigner {
  kid?: string;
  jwk: JWK;
  /** RFC 7638 SHA-256 thumbprint, base64url. */
  thumbprint: string;
}

export interface BadgeSummary {
  achievement: string | null;
  issuer: string | null;
  issuerId: string | null;
  validFrom: string;
}

export type VerifyResult =
  | { ok: true; credential: VerifiedCredential; signer: BadgeSigner; format: 'json' | 'jwt'; summary: BadgeSummary }
  | { ok: false; problems: string[] };

/** Algorithms accepted for the embedded key: asymmetric only, so a token cannot pick an HMAC with a key it supplies. */
const ALGORITHMS: JWSAlgorithm[] = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'RS256', 'PS256'];
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const issuerIdOf = (issuer: unknown): string | null => str(issuer) ?? str(obj(issuer)?.id);

/** The compact JWS carried by the file's JwtProof2020 entry, or null with the reason added to `problems`. */
function jwtFromProof(document: Json, problems: string[]): string | null {
  const proof = document.proof;
  const entries = Array.isArray(proof) ? proof : proof === undefined ? [] : [proof];
  const jwtIndexes = entries.flatMap((p, i) => (obj(p)?.type === JWT_PROOF_TYPE ? [i] : []));
  if (jwtIndexes.length === 0) {
    problems.push(`proof: the file has no ${JWT_PROOF_TYPE} proof, so nothing vouches for its content`);
    return null;
  }
  if (jwtIndexes.length > 1) {
    problems.push(`proof: the file has ${jwtIndexes.length} ${JWT_PROOF_TYPE} proofs; expected exactly one`);
    return null;
  }
  const at = jwtIndexes[0]!;
  const jwt = str(obj(entries[at])?.jwt)?.trim();
  if (!jwt || !COMPACT_JWS.test(jwt)) {
    problems.push(`proof: /proof/${at}/jwt is not a compact JWS`);
    return null;
  }
  return jwt;
}

/** The document as it should have been signed: without our own JwtProof2020 entry (it cannot sign itself). */
function withoutJwtProof(document: Json): Json {
  const { proof, ...rest } = document;
  if (proof === undefined) return rest;
  const others = (Array.isArray(proof) ? proof : [proof]).filter((p) => obj(p)?.type !== JWT_PROOF_TYPE);
  return others.length ? { ...rest, proof: others } : rest;
}

/** The credential inside a VC-JWT payload: VCDM 2.0 puts its members at the top level, VCDM 1.1 under `vc`. */
function credentialFromPayload(payload: Json): Json {
  const legacy = obj(payload.vc);
  if (legacy) return legacy;
  const credential: Json = { ...payload };
  for (const claim of JWT_CLAIMS) delete credential[claim];
  return credential;
}

async function checkSignature(jws: string, opts: VerifyOptions, problems: string[]): Promise<{ payload: Json; signer: BadgeSigner } | null> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    problems.push('signature: the JWS header is unreadable');
    return null;
  }
  const jwk = header.jwk;
  if (!jwk) {
    problems.push(
      header.kid
        ? `signature: the JWS names key ${header.kid} but does not embed it (jwk); this verifier works offline and cannot fetch it`
        : 'signature: the JWS header has neither jwk nor kid, so there is no key to check it with',
    );
    return null;
  }
  if ('d' in jwk) {
    problems.push('signature: the JWS header embeds a private key (jwk.d); that key must be treated as compromised');
    return null;
  }
  if (!header.alg || !ALGORITHMS.includes(header.alg as JWSAlgorithm)) {
    problems.push(`signature: algorithm ${String(header.alg)} is not accepted (allowed: ${ALGORITHMS.join(', ')})`);
    return null;
  }
  if (header.typ !== undefined && header.typ !== 'JWT') problems.push(`signature: JOSE header typ is "${header.typ}"; OB 3.0 allows only "JWT"`);
  let thumbprint: string;
  try {
    thumbprint = await calculateJwkThumbprint(jwk);
    if (header.kid?.startsWith('urn:ietf:params:oauth:jwk-thumbprint:') && header.kid !== (await calculateJwkThumbprintUri(jwk))) {
      problems.push(`signature: kid ${header.kid} does not match the embedded jwk`);
    }
  } catch (err) {
    problems.push(`signature: the embedded jwk is not a usable public key (${(err as Error).message})`);
    return null;
  }
  let payloadBytes: Uint8Array;
  try {
    ({ payload: payloadBytes } = await compactVerify(jws, EmbeddedJWK, { algorithms: ALGORITHMS }));
  } catch (err) {
    problems.push(`signature: the VC-JWT signature does not verify, so the signed credential or the JWS was altered (${(err as Error).message})`);
    return null;
  }
  if (opts.trustedKeys?.length) {
    const trusted = await Promise.all(opts.trustedKeys.map((k) => calculateJwkThumbprint(k)));
    if (!trusted.includes(thumbprint)) problems.push(`signature: signed by key ${thumbprint}, which is not one of the trusted issuer keys`);
  }
  let payload: Json | null = null;
  try {
    payload = obj(JSON.parse(new TextDecoder().decode(payloadBytes)));
  } catch {
    /* reported below */
  }
  if (!payload) {
    problems.push('signature: the VC-JWT payload is not a JSON object');
    return null;
  }
  return { payload, signer: { ...(header.kid ? { kid: header.kid } : {}), jwk, thumbprint } };
}

/** OB 3.0 §8.2 "Verify a Credential VC-JWT Signature": the registered claims must agree with the signed credential. */
function checkClaims(payload: Json, credential: Json, problems: string[]): void {
  const issuerId = issuerIdOf(credential.issuer);
  if (payload.iss !== issuerId) problems.push(`claims: iss ${JSON.stringify(payload.iss)} does not match issuer.id ${JSON.stringify(issuerId)}`);
  if (payload.jti !== credential.id) problems.push(`claims: jti ${JSON.stringify(payload.jti)} does not match id ${JSON.stringify(credential.id)}`);
  const validFrom = str(credential.validFrom) ?? str(credential.issuanceDate);
  if (!validFrom || payload.nbf !== numericDate(validFrom)) problems.push(`claims: nbf ${JSON.stringify(payload.nbf)} does not match validFrom ${JSON.stringify(validFrom)}`);
  const validUntil = str(credential.validUntil) ?? str(credential.expirationDate);
  if ((payload.exp !== undefined || validUntil) && (!validUntil || payload.exp !== numericDate(validUntil))) {
    problems.push(`claims: exp ${JSON.stringify(payload.exp)} does not match validUntil ${JSON.stringify(validUntil)}`);
  }
  const subjectId = obj(credential.credentialSubject)?.id;
  if ((payload.sub !== undefined || subjectId !== undefined) && payload.sub !== subjectId) {
    problems.push(`claims: sub ${JSON.stringify(payload.sub)} does not match credentialSubject.id ${JSON.stringify(subjectId)}`);
  }
}

function checkValidityPeriod(credential: Json, now: Date, problems: string[]): void {
  const validFrom = str(credential.validFrom);
  if (validFrom && Date.parse(validFrom) > now.getTime()) problems.push(`validity: the credential is not valid before ${validFrom}`);
  const validUntil = str(credential.validUntil);
  if (validUntil && Date.parse(validUntil) <= now.getTime()) problems.push(`validity: the credential expired on ${validUntil}`);
}

/** A did:jwk issuer names its key, so it must be the key that signed; other issuer ids are bound via trustedKeys. */
async function checkIssuerKey(credential: Json, signer: BadgeSigner, problems: string[]): Promise<void> {
  const issuerId = issuerIdOf(credential.issuer);
  if (!issuerId?.startsWith('did:jwk:')) return;
  try {
    const didKey = JSON.parse(Buffer.from(issuerId.slice('did:jwk:'.length).split('#')[0]!, 'base64url').toString('utf8')) as JWK;
    if ((await calculateJwkThumbprint(didKey)) !== signer.thumbprint) problems.push('issuer: the did:jwk issuer is not the key that signed the credential');
  } catch {
    problems.push('issuer: the did:jwk issuer id does not decode to a JWK');
  }
}

function summarise(credential: Json): BadgeSummary {
  const issuer = obj(credential.issuer);
  const achievement = obj(obj(credential.credentialSubject)?.achievement);
  return {
    achievement: str(achievement?.name),
    issuer: str(issuer?.name) ?? issuerIdOf(credential.issuer),
    issuerId: issuerIdOf(credential.issuer),
    validFrom: str(credential.validFrom) ?? '',
  };
}

/**
 * Verifies a badge file without network access. Accepts the exported format (the credential JSON with a
 * JwtProof2020 proof carrying its VC-JWT) and a bare OB 3.0 VC-JWT (compact JWS, the spec's .jwt file).
 * Checks, reporting every problem found: JSON syntax; the official OB 3.0 schema (JSON pointer + message);
 * the JWS signature with the embedded key (and trustedKeys if given); that the signed credential equals the
 * file's credential field by field (naming each altered pointer); the iss/jti/nbf/exp/sub claims; validFrom/validUntil.
 */
export async function verifyBadgeFile(text: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const problems: string[] = [];
  const fail = (): VerifyResult => ({ ok: false, problems });
  const content = text.replace(/^\uFEFF/, '').trim();

  let document: Json | null = null;
  let jws: string | null;
  if (COMPACT_JWS.test(content)) {
    jws = content;
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (err) {
      problems.push(`json: the file is not valid JSON (${(err as Error).message})`);
      return fail();
    }
    document = obj(parsed);
    if (!document) {
      problems.push('json: the file is not a JSON object');
      return fail();
    }
    problems.push(...validateCredentialSchema(document).map((p) => `schema ${p}`));
    jws = jwtFromProof(document, problems);
  }
  if (!jws) return fail();

  const checked = await checkSignature(jws, opts, problems);
  if (!checked) return fail();
  const signed = credentialFromPayload(checked.payload);
  if (document) {
    for (const d of jsonDifferences(signed, withoutJwtProof(document))) {
      const how = d.kind === 'changed' ? 'differs from the signed credential' : d.kind === 'added' ? 'is not in the signed credential' : 'was removed from the signed credential';
      problems.push(`tampered: ${d.pointer} ${how}`);
    }
  } else {
    problems.push(...validateCredentialSchema(signed).map((p) => `schema ${p}`));
  }
  checkClaims(checked.payload, signed, problems);
  if (opts.checkValidityPeriod !== false) checkValidityPeriod(signed, opts.now ?? new Date(), problems);
  await checkIssuerKey(signed, checked.signer, problems);
  if (problems.length) return fail();

  const credential = (document ?? signed) as VerifiedCredential;
  return { ok: true, credential, signer: checked.signer, format: document ? 'json' : 'jwt', summary: summarise(signed) };
}

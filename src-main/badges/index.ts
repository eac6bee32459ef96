/**
 * Open Badges 3.0 credentials: build, sign, export, verify. Node-only (no Electron, no DOM, no network).
 *
 * # README
 *
 * ## What a badge is here
 * An OB 3.0 `OpenBadgeCredential` (VC Data Model 2.0: `@context` = VC v2 + OB context-3.0.3, `validFrom`/`validUntil`)
 * built by `buildAchievementCredential`. The recipient appears only as a salted SHA-256 email hash
 * (`identityHash` = "sha256$" + hex(sha256(lower-cased trimmed email + salt))); the micro-credential is an
 * `Achievement` of achievementType "MicroCredential" with humanCode (the code), creditsAvailable (credit points),
 * fieldOfStudy, and the framework level ("NZQF 8") as a `tag`. Every credential built or signed here is checked
 * against the official 1EdTech schema vendored at resources/schemas/ob_v3p0_achievementcredential_schema.json.
 *
 * ## Signature: VC-JWT (OB 3.0 §8.2, "JSON Web Token Proof Format")
 * `signCredential` produces a compact JWS, EdDSA over Ed25519:
 *   header  { alg: "EdDSA", typ: "JWT", kid: <RFC 9278 thumbprint URI>, jwk: <issuer public key> }
 *   payload the credential's members at top level + iss (issuer.id), jti (id), nbf (validFrom), exp (validUntil)
 * `typ` is "JWT" because OB 3.0 says it MUST be "JWT" if present (VC-JOSE-COSE's "vc+jwt" would fail OB verifiers).
 * The public key rides in `jwk` so verification needs no network. We chose VC-JWT over an embedded
 * DataIntegrityProof (eddsa-rdfc-2022) because that needs RDF canonicalisation and a JSON-LD document loader.
 *
 * ## File format (ONE format, `<code>-<uuid>-badge.json`)
 * The file IS the credential JSON-LD, unchanged, with one extra member:
 *   "proof": [ { "type": "JwtProof2020", "jwt": "<the compact JWS above>" } ]
 * - It validates against the official schema as is (`proof` is an array of Proof objects needing only `type`),
 *   and JSON-LD processors accept it (VC v2's @vocab covers the proof's terms).
 * - `JwtProof2020` is the convention did-jwt-vc/Veramo use to carry a VC-JWT inside a JSON credential; the `jwt`
 *   string alone is a standard OB 3.0 VC-JWT that any OB 3.0 verifier can check (it is also the spec's own
 *   ".jwt" file format, which `verifyBadgeFile` accepts as well).
 * - Tamper evidence: the verifier checks the JWS and then compares the signed payload with the file's credential
 *   (everything except this proof entry) field by field, so an edit to any field is reported by JSON pointer.
 * - Trust: the embedded key proves "unchanged since this key signed it". To prove "signed by our issuer", pass
 *   `trustedKeys` (e.g. this installation's public key) or use a did:jwk issuer id (`didJwkFor`).
 *
 * ## Keys
 * `loadOrCreateIssuerKey(dataDir)` keeps one Ed25519 pair in <dataDir>/keys/issuer-ed25519.json (mode 0600,
 * created atomically and never overwritten; a damaged file is an error, not a reason to mint a new key).
 */
export { buildAchievementCredential } from './credential';
export { identityHash, newRecipientSalt, normaliseEmail } from './identity';
export { didJwkFor, issuerKeyPath, loadOrCreateIssuerKey } from './keys';
export type { IssuerKey, PublicEd25519Jwk } from './keys';
export { validateCredentialSchema } from './schema';
export { jwtPayloadFor, signBadge, signCredential } from './sign';
export { verifyBadgeFile } from './verify';
export type { BadgeSigner, BadgeSummary, VerifyOptions, VerifyResult } from './verify';
export { badgeFileName, exportBadge, renderBadgeFile } from './export';
export type { RenderedBadge } from './export';
export * from './types';

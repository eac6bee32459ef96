/**
 * Shapes of the Open Badges 3.0 objects this module writes, and of the inputs it builds them from.
 * The vendored 1EdTech JSON Schema (resources/schemas/ob_v3p0_achievementcredential_schema.json) is the
 * authority on validity; these types only describe what buildAchievementCredential produces.
 */

/** VC Data Model 2.0 base context: the OB 3.0 schema requires it as the first @context entry. */
export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
/** OB 3.0 context, pinned to a version so the JSON-LD meaning of an issued badge never shifts under it. */
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Where 1EdTech publishes the schema we vendor; named in errors so readers know which rules failed. */
export const OB3_SCHEMA_URL = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
/** The proof entry that carries a VC-JWT inside a JSON credential (the did-jwt-vc / Veramo convention). */
export const JWT_PROOF_TYPE = 'JwtProof2020';

export interface IssuerInput {
  /** An http(s) URL or a DID; it becomes issuer.id and the JWT `iss`. */
  id: string;
  name: string;
  url?: string;
  email?: string;
}

export interface CredentialDefinitionInput {
  code: string;
  title: string;
  description: string;
  /** Markdown allowed: what a candidate had to show to earn the credential. */
  criteria_narrative: string;
  /** A qualifications-framework level such as "NZQF 8"; written as an achievement tag. */
  level: string;
  credit_points: number;
  field_of_study?: string;
  /** A stable URI for the achievement; by default a name-based urn:uuid of issuer id + code. */
  achievement_id?: string;
}

export interface RecipientInput {
  email: string;
  /** Required and non-empty: an unsalted email hash can be reversed with a list of addresses. */
  salt: string;
}

export interface BuildCredentialInput {
  issuer: IssuerInput;
  credential: CredentialDefinitionInput;
  recipient: RecipientInput;
  awardedAt: Date | string;
  portfolioId: string;
  validFrom: Date | string;
  validUntil?: Date | string | null;
  /** urn:uuid:… — the credential's id and the JWT `jti`. */
  credentialId: string;
}

export interface ProfileJson {
  id: string;
  type: ['Profile'];
  name: string;
  url?: string;
  email?: string;
}

export interface IdentityObjectJson {
  type: 'IdentityObject';
  identityHash: string;
  identityType: 'emailAddress';
  hashed: true;
  salt: string;
}

export interface AchievementJson {
  id: string;
  type: ['Achievement'];
  achievementType: 'MicroCredential';
  name: string;
  description: string;
  criteria: { narrative: string };
  humanCode: string;
  creditsAvailable: number;
  fieldOfStudy?: string;
  tag: string[];
}

export interface AchievementSubjectJson {
  type: ['AchievementSubject'];
  identifier: IdentityObjectJson[];
  achievement: AchievementJson;
  creditsEarned: number;
}

export interface EvidenceJson {
  type: ['Evidence'];
  name: string;
  description: string;
}

/** An unsigned OpenBadgeCredential as built here. */
export interface OpenBadgeCredential {
  '@context': [typeof VC_CONTEXT_V2, typeof OB3_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  name: string;
  description: string;
  issuer: ProfileJson;
  validFrom: string;
  validUntil?: string;
  awardedDate: string;
  credentialSubject: AchievementSubjectJson;
  evidence: EvidenceJson[];
}

export interface JwtProofJson {
  type: typeof JWT_PROOF_TYPE;
  /** Compact JWS: an OB 3.0 VC-JWT whose payload is this credential (without `proof`) plus JWT claims. */
  jwt: string;
}

/** The exported file: the credential itself plus one proof entry carrying its VC-JWT. */
export type SignedBadge = OpenBadgeCredential & { proof: JwtProofJson[] };

/** A credential read back from a file: what the schema guarantees, everything else left open. */
export interface VerifiedCredential {
  '@context': unknown[];
  id: string;
  type: string[];
  issuer: string | { id: string; name?: string; [k: string]: unknown };
  validFrom: string;
  validUntil?: string;
  name?: string;
  credentialSubject: { type: string[]; achievement: { id: string; name: string; [k: string]: unknown }; [k: string]: unknown };
  [k: string]: unknown;
}

/** Thrown for unusable inputs (bad ids, dates, a credential that would not validate); the message says which. */
export class BadgeError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(problems.length ? `${message}:\n${problems.map((p) => `- ${p}`).join('\n')}` : message);
    this.name = 'BadgeError';
  }
}

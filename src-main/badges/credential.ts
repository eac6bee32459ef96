import { identityHash, normaliseEmail } from './identity';
import { isIssuerId, isUrnUuid, toIsoSeconds, uuidV5 } from './ids';
import { validateCredentialSchema } from './schema';
import type { AchievementJson, BuildCredentialInput, OpenBadgeCredential, ProfileJson } from './types';
import { BadgeError, OB3_CONTEXT, VC_CONTEXT_V2 } from './types';

/** Problems with the input that would make a credential we should not sign; empty when usable. */
function inputProblems(input: BuildCredentialInput): string[] {
  const problems: string[] = [];
  const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
  if (!isIssuerId(input.issuer.id)) problems.push(`issuer.id must be an http(s) URL or a DID, got "${input.issuer.id}"`);
  if (blank(input.issuer.name)) problems.push('issuer.name is empty');
  if (!isUrnUuid(input.credentialId)) problems.push(`credentialId must be a urn:uuid, got "${input.credentialId}"`);
  const c = input.credential;
  for (const key of ['code', 'title', 'description', 'criteria_narrative', 'level'] as const) {
    if (blank(c[key])) problems.push(`credential.${key} is empty`);
  }
  if (!Number.isFinite(c.credit_points) || c.credit_points < 0) problems.push(`credential.credit_points must be a number >= 0, got ${String(c.credit_points)}`);
  if (blank(input.recipient.email) || !normaliseEmail(input.recipient.email).includes('@')) problems.push('recipient.email is not an email address');
  if (blank(input.recipient.salt)) problems.push('recipient.salt is empty (an unsalted email hash can be reversed)');
  if (blank(input.portfolioId)) problems.push('portfolioId is empty');
  return problems;
}

function dates(input: BuildCredentialInput): { validFrom: string; validUntil?: string; awardedDate: string } {
  try {
    const validFrom = toIsoSeconds(input.validFrom, 'validFrom');
    const awardedDate = toIsoSeconds(input.awardedAt, 'awardedAt');
    if (input.validUntil === undefined || input.validUntil === null) return { validFrom, awardedDate };
    const validUntil = toIsoSeconds(input.validUntil, 'validUntil');
    if (Date.parse(validUntil) <= Date.parse(validFrom)) throw new Error(`validUntil ${validUntil} is not after validFrom ${validFrom}`);
    return { validFrom, validUntil, awardedDate };
  } catch (err) {
    throw new BadgeError('cannot build the credential', [(err as Error).message]);
  }
}

function issuerProfile(issuer: BuildCredentialInput['issuer']): ProfileJson {
  return {
    id: issuer.id,
    type: ['Profile'],
    name: issuer.name.trim(),
    ...(issuer.url ? { url: issuer.url } : {}),
    ...(issuer.email ? { email: issuer.email } : {}),
  };
}

function achievement(input: BuildCredentialInput): AchievementJson {
  const c = input.credential;
  return {
    id: c.achievement_id ?? `urn:uuid:${uuidV5(`${input.issuer.id}#achievement/${c.code}`)}`,
    type: ['Achievement'],
    achievementType: 'MicroCredential',
    name: c.title.trim(),
    description: c.description.trim(),
    criteria: { narrative: c.criteria_narrative.trim() },
    humanCode: c.code,
    creditsAvailable: c.credit_points,
    ...(c.field_of_study?.trim() ? { fieldOfStudy: c.field_of_study.trim() } : {}),
    // The level ("NZQF 8") goes in `tag`: an Alignment would need a targetUrl we cannot vouch for.
    tag: [c.level.trim()],
  };
}

/**
 * An unsigned OB 3.0 OpenBadgeCredential (VC Data Model 2.0) for one awarded micro-credential. The recipient is
 * named only by a salted email hash, so the file does not disclose the address. Throws BadgeError if the input is
 * unusable or the result would not validate against the official schema.
 */
export function buildAchievementCredential(input: BuildCredentialInput): OpenBadgeCredential {
  const problems = inputProblems(input);
  if (problems.length) throw new BadgeError('cannot build the credential', problems);
  const { validFrom, validUntil, awardedDate } = dates(input);
  const c = input.credential;
  const credential: OpenBadgeCredential = {
    '@context': [VC_CONTEXT_V2, OB3_CONTEXT],
    id: input.credentialId.toLowerCase(),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: c.title.trim(),
    description: c.description.trim(),
    issuer: issuerProfile(input.issuer),
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    awardedDate,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityHash: identityHash(input.recipient.email, input.recipient.salt), identityType: 'emailAddress', hashed: true, salt: input.recipient.salt },
      ],
      achievement: achievement(input),
      creditsEarned: c.credit_points,
    },
    evidence: [
      {
        type: ['Evidence'],
        name: `Portfolio ${input.portfolioId}`,
        description: 'Portfolio of evidence assessed by reviewers against the credential rubric.',
      },
    ],
  };
  const invalid = validateCredentialSchema(credential);
  if (invalid.length) throw new BadgeError('the built credential does not validate against the OB 3.0 schema', invalid);
  return credential;
}

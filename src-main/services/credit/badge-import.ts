import { asc } from 'drizzle-orm';
import { identityHash } from '../../badges/identity';
import type { ServiceContext } from '../context';
import type { ImportProblem } from '../import/problems';
import { getCandidate } from './candidates';
import type { ExternalRecord } from './external';
import { localIssuerKey } from './trust';
import { candidates } from '../../db/schema';

type Json = Record<string, unknown>;

/** The JWT registered claims a VC-JWT adds beside the credential's members (as src-main/badges/sign.ts signs them). */
const JWT_CLAIMS = ['iss', 'jti', 'nbf', 'exp', 'sub', 'iat'] as const;

/** The official OB 3.0 schema check from src-main/badges, loaded on first use (it compiles a 60 kB schema). */
const officialSchemaCheck: BadgeStructureCheck = async (credential) => (await import('../../badges/schema')).validateCredentialSchema(credential);
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The credential inside a file: plain JSON-LD, or the payload of a VC-JWT (compact JWS). */
export function credentialFromFile(content: string): { credential: Json | null; problem?: string } {
  const text = content.replace(/^\uFEFF/, '').trim();
  if (/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(text)) {
    try {
      const payload = JSON.parse(Buffer.from(text.split('.')[1]!, 'base64url').toString('utf8')) as Json;
      // VCDM 1.1 nests the credential under `vc`; 2.0 puts its members at the top level beside the JWT claims.
      const legacy = obj(payload.vc);
      if (legacy) return { credential: legacy };
      const credential = { ...payload };
      for (const claim of JWT_CLAIMS) delete credential[claim];
      return { credential };
    } catch {
      return { credential: null, problem: 'not a readable VC-JWT' };
    }
  }
  try {
    const value = JSON.parse(text) as unknown;
    const o = obj(value);
    if (!o) return { credential: null, problem: 'not a JSON object' };
    return { credential: o };
  } catch (err) {
    return { credential: null, problem: `not valid JSON: ${(err as Error).message}` };
  }
}

/** The candidate an OB 3.0 credential names: plain or hashed email identifiers, or an id of the form mailto:. */
async function recipient(ctx: ServiceContext, subject: Json): Promise<string | null> {
  const all = await ctx.db.orm.select({ id: candidates.id, email: candidates.email }).from(candidates).orderBy(asc(candidates.id)).all();
  const ids = Array.isArray(subject.identifier) ? subject.identifier.map(obj).filter((x): x is Json => x !== null) : [];
  for (const ident of ids) {
    if (ident.identityType !== 'emailAddress') continue;
    const value = str(ident.identityHash);
    if (!value) continue;
    if (ident.hashed === true) {
      const salt = typeof ident.salt === 'string' ? ident.salt : '';
      const hit = all.find((c) => identityHash(c.email, salt).toLowerCase() === value.toLowerCase());
      if (hit) return hit.id;
    } else {
      const hit = all.find((c) => c.email.trim().toLowerCase() === value.toLowerCase());
      if (hit) return hit.id;
    }
  }
  const sid = str(subject.id);
  if (sid?.startsWith('mailto:')) return all.find((c) => c.email.trim().toLowerCase() === sid.slice(7).toLowerCase())?.id ?? null;
  return null;
}

export type BadgeStructureCheck = (credential: unknown) => string[] | Promise<string[]>;

/**
 * What vouches for a badge: its VC-JWT checked by src-main/badges (signature, content unchanged since signing, claims;
 * not the validity dates, which the pathway judges on the application date). A verified signature is recorded with
 * its key, and counts while that key is trusted (src-main/services/credit/trust.ts); anything else is unverified.
 */
async function badgeProof(ctx: ServiceContext, content: string): Promise<Pick<ExternalRecord, 'verification' | 'verificationNote' | 'signerThumbprint'>> {
  const r = await (await import('../../badges')).verifyBadgeFile(content, { now: ctx.now(), checkValidityPeriod: false });
  if (!r.ok) return { verification: 'unverified', verificationNote: r.problems.join('; '), signerThumbprint: null };
  const local = await localIssuerKey(ctx);
  if (local?.thumbprint === r.signer.thumbprint)
    return { verification: 'local', verificationNote: "signed with this installation's issuer key", signerThumbprint: r.signer.thumbprint };
  return { verification: 'signed', verificationNote: '', signerThumbprint: r.signer.thumbprint };
}

/**
 * Reads a credential earned elsewhere from an Open Badges 3.0 file: its structure is validated first (the badges
 * module's check against the official schema), then the achievement, issuer, dates and recipient are taken out, and
 * its proof is checked (a badge without a valid proof is kept, as unverified: it never counts).
 */
export async function readExternalBadge(
  ctx: ServiceContext,
  file: string,
  content: string,
  candidateId: string | undefined,
  check: BadgeStructureCheck = officialSchemaCheck,
): Promise<{ record?: ExternalRecord; problems: ImportProblem[] }> {
  const fail = (reason: string, field?: string) => ({ problems: [{ source: file, field, reason }] });
  const { credential, problem } = credentialFromFile(content);
  if (!credential) return fail(problem!);
  const structural = await check(credential);
  if (structural.length)
    return {
      problems: structural.map((reason) => ({
        source: file,
        field: reason.split(':')[0],
        reason: `not a valid Open Badges 3.0 credential: ${reason.slice(reason.indexOf(':') + 1).trim()}`,
      })),
    };
  const subject = obj(credential.credentialSubject)!;
  const achievement = obj(subject.achievement)!;
  const issuer = obj(credential.issuer);
  const issuerName = str(issuer?.name) ?? str(credential.issuer) ?? '';
  const awarded = str(credential.validFrom) ?? str(credential.issuanceDate) ?? str(credential.awardedDate);
  if (!awarded || Number.isNaN(Date.parse(awarded))) return fail('the credential has no validFrom date', 'validFrom');
  const until = str(credential.validUntil) ?? str(credential.expirationDate);
  let who = candidateId ?? null;
  if (who && !(await getCandidate(ctx, who))) return fail(`no candidate ${who}`);
  who ??= await recipient(ctx, subject);
  if (!who) return fail("the badge's recipient matches no candidate by email; choose the candidate it belongs to", 'credentialSubject.identifier');
  const c = (await getCandidate(ctx, who))!;
  const credits = typeof achievement.creditsAvailable === 'number' ? achievement.creditsAvailable : null;
  return {
    problems: [],
    record: {
      ref: str(credential.id) ?? 'badge',
      candidate: { id: c.id, email: c.email, name: c.name, school: c.school, district: c.district },
      code: '',
      title: str(achievement.name) ?? 'Untitled achievement',
      humanCode: str(achievement.humanCode),
      issuer: issuerName || 'unknown issuer',
      issuerId: str(issuer?.id) ?? str(credential.issuer),
      awardedOn: new Date(awarded).toISOString().slice(0, 10),
      expiresOn: until && !Number.isNaN(Date.parse(until)) ? new Date(until).toISOString().slice(0, 10) : null,
      points: credits,
      hours: null,
      // The file as imported (with its proof), so what was shown can be checked again.
      document: content.replace(/^\uFEFF/, '').trim(),
      ...(await badgeProof(ctx, content)),
    },
  };
}

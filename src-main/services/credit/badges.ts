import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { addYearsIso } from '../../../src-shared/domain/pathway';
import { BadgeError } from '../../badges/types';
import { candidates, creditBadges, portfolios } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { loadCredential } from '../credentials';
import { loadRubric } from '../rubrics';
import { canView } from './access';
import { getCreditSettings } from './settings';
import { attemptTrails, passedAt } from './trail';
import { localIssuerKey, signatureStanding, trustIndex } from './trust';

/**
 * src-main/badges (and the JSON Schema validator behind it) loads on first use: most requests never touch badges,
 * and a loader problem there must not take down every other API method with it.
 */
const badges = () => import('../../badges');

export interface BadgeCheck {
  ok: boolean;
  problems: string[];
  achievement: string | null;
  issuer: string | null;
  validFrom: string | null;
  /** Signed with this installation's issuer key (null when this data directory has no key yet). */
  signedHere: boolean | null;
}

/** What the candidate had to show, in words: the rubric's criteria and its pass rule. */
async function criteriaNarrative(ctx: ServiceContext, rubricId: string, version: number): Promise<string> {
  const rubric = await loadRubric(ctx, rubricId, version);
  if (!rubric) return 'A portfolio of evidence assessed by trained reviewers against the credential rubric.';
  const rule = rubric.decision_rule;
  const bar =
    rule.type === 'all_at_least'
      ? `every criterion at level ${rule.min_level} or above${rule.critical_min_level !== undefined ? ` (critical criteria at ${rule.critical_min_level} or above)` : ''}`
      : `a total of ${rule.min_total} or more`;
  return `A portfolio of evidence from the candidate's own practice, assessed by trained reviewers against the rubric "${rubric.title}" (version ${rubric.version}). Criteria: ${rubric.criteria.map((c) => c.title).join('; ')}. To pass: ${bar}.`;
}

/**
 * The Open Badges 3.0 credential for a passed micro-credential, signed (VC-JWT, Ed25519) with the key in the data
 * directory and checked against the official schema by src-main/badges. The recipient is a salted email hash.
 * The first export records the credential's id and salt, so exporting again re-signs the same credential.
 */
export async function exportPortfolioBadge(ctx: ServiceContext, portfolioId: string, actor: Reviewer): Promise<ExportFile> {
  canView(actor);
  const p = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, portfolioId)).get();
  if (!p || p.isAnchor) throw new ApiError('not_found', `no portfolio ${portfolioId}`);
  const trail = (await attemptTrails(ctx, [p]))[0]!;
  const passed = passedAt(trail);
  if (!passed) throw new ApiError('conflict', `${portfolioId} has not passed, so there is no badge to issue`);
  const credential = await loadCredential(ctx, p.credentialCode);
  const candidate = await ctx.db.orm.select().from(candidates).where(eq(candidates.id, p.candidateId)).get();
  if (!credential || !candidate) throw new ApiError('internal', `${portfolioId}: its credential or candidate is missing`);
  const issuer = (await getCreditSettings(ctx)).issuer;
  const { badgeFileName, buildAchievementCredential, loadOrCreateIssuerKey, newRecipientSalt, renderBadgeFile } = await badges();
  const issued =
    (await ctx.db.orm.select().from(creditBadges).where(eq(creditBadges.portfolioId, portfolioId)).get()) ??
    ({
      portfolioId,
      credentialId: `urn:uuid:${crypto.randomUUID()}`,
      salt: newRecipientSalt(),
      issuedAt: nowIso(ctx),
      issuedBy: actor.id,
      recipientEmail: candidate.email,
    } as const);
  const validUntil = credential.validity_years ? `${addYearsIso(passed.slice(0, 10), credential.validity_years)}T00:00:00Z` : null;
  let text: string;
  let fileName: string;
  try {
    const built = buildAchievementCredential({
      issuer: { id: issuer.url, name: issuer.name, url: issuer.url, ...(issuer.email ? { email: issuer.email } : {}) },
      credential: {
        code: credential.code,
        title: credential.title,
        description: `${credential.title}: a ${credential.credit_points}-credit micro-credential at ${credential.level}${credential.provider ? ` from ${credential.provider}` : ''}${credential.hours ? `, about ${credential.hours} hours of professional learning` : ''}.`,
        criteria_narrative: await criteriaNarrative(ctx, p.rubricId, p.rubricVersion),
        level: credential.level,
        credit_points: credential.credit_points,
        field_of_study: 'Education',
      },
      // The identity it was issued to, even if the candidate's details changed since.
      recipient: { email: issued.recipientEmail ?? candidate.email, salt: issued.salt },
      awardedAt: passed,
      validFrom: passed,
      validUntil,
      portfolioId,
      credentialId: issued.credentialId,
    });
    const key = await loadOrCreateIssuerKey(ctx.dataDir);
    text = (await renderBadgeFile(built, key)).text;
    fileName = badgeFileName(built);
  } catch (err) {
    if (err instanceof BadgeError) throw new ApiError('bad_request', err.message.split('\n')[0]!, err.problems);
    throw err;
  }
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm.insert(creditBadges).values(issued).onConflictDoNothing().run();
    await audit(ctx, {
      actor: actor.id,
      action: 'badge.export',
      entityType: 'portfolio',
      entityId: portfolioId,
      details: { credential: issued.credentialId, achievement: credential.code, issuer: issuer.url },
    });
  });
  return { fileName, mediaType: 'application/json', encoding: 'utf8', content: text, count: 1 };
}

/**
 * Checks a badge file: the official schema, the VC-JWT signature, that nothing was changed after signing, the dates,
 * and who signed it. Valid only when the signer is this installation's key or on the trust list for the issuer id the
 * badge names; `issuer` is then the name the key proves (the trust list's), never the one the badge claims.
 */
export async function verifyBadgeFile(ctx: ServiceContext, content: string, options: { requireLocalKey?: boolean } = {}): Promise<BadgeCheck> {
  const here = await localIssuerKey(ctx);
  const r = await (await badges()).verifyBadgeFile(content, { now: ctx.now() });
  if (!r.ok) return { ok: false, problems: r.problems, achievement: null, issuer: null, validFrom: null, signedHere: null };
  const signedHere = here === null ? null : r.signer.thumbprint === here.thumbprint;
  const fail = (problem: string): BadgeCheck => ({
    ok: false,
    problems: [`signature: ${problem}`],
    achievement: r.summary.achievement,
    issuer: null,
    validFrom: r.summary.validFrom,
    signedHere,
  });
  if (options.requireLocalKey && !signedHere) return fail(`signed by key ${r.signer.thumbprint}, not by this installation's issuer key`);
  const standing = signedHere
    ? { counts: true, issuer: (await getCreditSettings(ctx)).issuer.name, note: '' }
    : signatureStanding(await trustIndex(ctx), r.signer.thumbprint, r.summary.issuerId, r.summary.issuer ?? 'an unnamed issuer');
  if (!standing.counts) return fail(standing.note);
  return { ok: true, problems: [], achievement: r.summary.achievement, issuer: standing.issuer, validFrom: r.summary.validFrom, signedHere };
}

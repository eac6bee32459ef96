/**
 * Which badge issuers this installation trusts, and what that makes of a signature. A badge's embedded key only
 * proves "unchanged since this key signed it"; anyone can sign an edited badge with a key of their own and claim any
 * issuer name. So a signed badge counts only when the key is this installation's own issuer key (trusted implicitly)
 * or one an admin put on the trust list for the issuer id the badge names, and the name shown is the trust list's.
 */
import fs from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { calculateJwkThumbprint, importJWK } from 'jose';
import type { JWK } from 'jose';
import type { TrustList } from '../../../src-shared/contracts/credit';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { creditExternal, creditTrustedIssuers } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { requireRole } from '../reviewers';
import { canView } from './access';
import { getCreditSettings } from './settings';

type ExternalRow = typeof creditExternal.$inferSelect;

/** The trust list is the admins' to keep: it decides whose word counts for credit. */
export const canEditTrust = (actor: Reviewer): void => requireRole(actor, 'admin');

const badges = () => import('../../badges');

/** This installation's issuer key and its thumbprint, without creating a key where there is none. */
export async function localIssuerKey(ctx: ServiceContext): Promise<{ jwk: JWK; thumbprint: string } | null> {
  const { issuerKeyPath, loadOrCreateIssuerKey } = await badges();
  if (!fs.existsSync(issuerKeyPath(ctx.dataDir))) return null;
  const jwk = { ...(await loadOrCreateIssuerKey(ctx.dataDir)).publicJwk } as JWK;
  return { jwk, thumbprint: await calculateJwkThumbprint(jwk) };
}

export interface Standing {
  /** Whether it may meet a requirement. */
  counts: boolean;
  /** The issuer name to show: proven by the key, or attested; a claimed name is marked as such. */
  issuer: string;
  /** Who proved or attested it, or why it is unverified. */
  note: string;
}

export interface TrustIndex {
  localName: string;
  byThumbprint: Map<string, { issuerId: string; name: string }>;
}

export async function trustIndex(ctx: ServiceContext): Promise<TrustIndex> {
  const rows = await ctx.db.orm.select().from(creditTrustedIssuers).all();
  return {
    localName: (await getCreditSettings(ctx)).issuer.name,
    byThumbprint: new Map(rows.map((r) => [r.thumbprint, { issuerId: r.issuerId, name: r.name }])),
  };
}

const claimed = (name: string) => `${name} (claimed, not verified)`;

/** What a verified signature by `thumbprint` proves about a badge that names `claimedId` / `claimedName`. */
export function signatureStanding(index: TrustIndex, thumbprint: string, claimedId: string | null, claimedName: string): Standing {
  const entry = index.byThumbprint.get(thumbprint);
  if (!entry)
    return {
      counts: false,
      issuer: claimed(claimedName),
      note: `signed by key ${thumbprint}, which is not this installation's key nor on the trust list (the badge claims to be from "${claimedName}"${claimedId ? `, ${claimedId}` : ''})`,
    };
  if (entry.issuerId !== claimedId)
    return {
      counts: false,
      issuer: claimed(claimedName),
      note: `signed with the key of ${entry.name} (trust list), but the badge names issuer ${claimedId ?? '(none)'}, not ${entry.issuerId}`,
    };
  return { counts: true, issuer: entry.name, note: `signed with the key of ${entry.name} (trust list)` };
}

/** How a stored credential earned elsewhere stands today: trust list changes apply to records already imported. */
export function externalStanding(
  row: Pick<ExternalRow, 'verification' | 'verificationNote' | 'signerThumbprint' | 'issuer' | 'issuerId'>,
  index: TrustIndex,
): Standing {
  switch (row.verification) {
    case 'attested':
      return { counts: true, issuer: row.issuer, note: row.verificationNote };
    case 'local':
      return { counts: true, issuer: index.localName, note: "signed with this installation's issuer key" };
    case 'signed':
      return signatureStanding(index, row.signerThumbprint ?? '', row.issuerId, row.issuer);
    case 'unverified':
      return { counts: false, issuer: claimed(row.issuer), note: row.verificationNote };
  }
}

export async function listTrustedIssuers(ctx: ServiceContext, actor: Reviewer): Promise<TrustList> {
  canView(actor);
  const local = await localIssuerKey(ctx);
  const settings = (await getCreditSettings(ctx)).issuer;
  const rows = await ctx.db.orm.select().from(creditTrustedIssuers).orderBy(asc(creditTrustedIssuers.name), asc(creditTrustedIssuers.thumbprint)).all();
  return {
    local: local ? { thumbprint: local.thumbprint, issuerId: settings.url, name: settings.name, jwk: local.jwk as Record<string, unknown> } : null,
    issuers: rows.map((r) => ({
      thumbprint: r.thumbprint,
      issuerId: r.issuerId,
      name: r.name,
      jwk: JSON.parse(r.publicJwk) as Record<string, unknown>,
      addedAt: r.addedAt,
      addedBy: r.addedBy,
    })),
  };
}

/** The public members of each key type (RFC 7518 §6), and the algorithm badges signed with it use. */
const PUBLIC_MEMBERS: Record<string, { members: string[]; alg: (jwk: JWK) => string | null }> = {
  OKP: { members: ['kty', 'crv', 'x'], alg: (k) => (k.crv === 'Ed25519' ? 'EdDSA' : null) },
  EC: { members: ['kty', 'crv', 'x', 'y'], alg: (k) => (k.crv === 'P-256' ? 'ES256' : k.crv === 'P-384' ? 'ES384' : null) },
  RSA: { members: ['kty', 'n', 'e'], alg: () => 'RS256' },
};

/** The public key an admin pasted, checked and cut to its public members, or an ApiError saying what is wrong. */
async function publicKeyFrom(text: string): Promise<JWK> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new ApiError('bad_request', `the key is not valid JSON (${(err as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ApiError('bad_request', 'the key must be a JWK: a JSON object with "kty"');
  const jwk = parsed as JWK;
  if ('d' in jwk || 'p' in jwk || 'k' in jwk) {
    if (jwk.kty === 'oct') throw new ApiError('bad_request', 'the key is not a public key (kty "oct" is a shared secret)');
    throw new ApiError('bad_request', 'the key is a private key (it has "d"): add only the issuer\'s public key, and treat this private key as exposed');
  }
  const kind = PUBLIC_MEMBERS[jwk.kty ?? ''];
  const alg = kind?.alg(jwk);
  if (!kind || !alg)
    throw new ApiError(
      'bad_request',
      `the key is not a public key badges are signed with (kty ${JSON.stringify(jwk.kty)}${jwk.crv ? `, crv ${jwk.crv}` : ''}; accepted: Ed25519, P-256, P-384, RSA)`,
    );
  const publicJwk = Object.fromEntries(kind.members.map((m) => [m, (jwk as Record<string, unknown>)[m]])) as JWK;
  try {
    await importJWK(publicJwk, alg);
  } catch (err) {
    throw new ApiError('bad_request', `the key is not a usable ${jwk.kty} public key (${(err as Error).message})`);
  }
  return publicJwk;
}

export async function addTrustedIssuer(ctx: ServiceContext, input: { issuerId: string; name: string; jwk: string }, actor: Reviewer): Promise<TrustList> {
  canEditTrust(actor);
  const issuerId = input.issuerId.trim();
  const name = input.name.trim();
  if (!issuerId) throw new ApiError('bad_request', 'give the issuer id (URL or DID) its badges name');
  if (!name) throw new ApiError('bad_request', 'give the name to show for this issuer');
  const jwk = await publicKeyFrom(input.jwk);
  const thumbprint = await calculateJwkThumbprint(jwk);
  if (issuerId.startsWith('did:jwk:')) {
    let named: string | null = null;
    try {
      named = await calculateJwkThumbprint(JSON.parse(Buffer.from(issuerId.slice('did:jwk:'.length).split('#')[0]!, 'base64url').toString('utf8')) as JWK);
    } catch {
      /* reported below */
    }
    if (named !== thumbprint)
      throw new ApiError('bad_request', `the issuer id ${issuerId.slice(0, 60)}… is a did:jwk that names a different key than the one given`);
  }
  if ((await localIssuerKey(ctx))?.thumbprint === thumbprint)
    throw new ApiError('conflict', "this is this installation's own issuer key: it is trusted already");
  const existing = await ctx.db.orm.select().from(creditTrustedIssuers).where(eq(creditTrustedIssuers.thumbprint, thumbprint)).get();
  if (existing) throw new ApiError('conflict', `this key is already on the trust list as ${existing.name} (${existing.issuerId})`);
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm
      .insert(creditTrustedIssuers)
      .values({ thumbprint, issuerId, name, publicJwk: JSON.stringify(jwk), addedAt: nowIso(ctx), addedBy: actor.id })
      .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'credit.trust.add',
      entityType: 'trusted_issuer',
      entityId: thumbprint,
      details: { issuer_id: issuerId, name, jwk },
    });
  });
  return listTrustedIssuers(ctx, actor);
}

export async function removeTrustedIssuer(ctx: ServiceContext, thumbprint: string, actor: Reviewer): Promise<TrustList> {
  canEditTrust(actor);
  const existing = await ctx.db.orm.select().from(creditTrustedIssuers).where(eq(creditTrustedIssuers.thumbprint, thumbprint)).get();
  if (!existing) throw new ApiError('not_found', `no trusted issuer with key ${thumbprint.slice(0, 100)}`);
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm.delete(creditTrustedIssuers).where(eq(creditTrustedIssuers.thumbprint, thumbprint)).run();
    await audit(ctx, {
      actor: actor.id,
      action: 'credit.trust.remove',
      entityType: 'trusted_issuer',
      entityId: thumbprint,
      details: { issuer_id: existing.issuerId, name: existing.name },
    });
  });
  return listTrustedIssuers(ctx, actor);
}

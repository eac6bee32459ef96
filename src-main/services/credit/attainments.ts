import { and, eq, inArray } from 'drizzle-orm';
import type { ExternalCredential } from '../../../src-shared/contracts/credit';
import type { Credential } from '../../../src-shared/domain/credential';
import { addYearsIso, type Attainment, type CatalogueEntry } from '../../../src-shared/domain/pathway';
import { creditApplicationItems, creditApplications, creditCandidateMerges, creditExternal, portfolios } from '../../db/schema';
import type { ServiceContext } from '../context';
import { listCredentials } from '../credentials';
import { loadPathway } from './pathways';
import { attemptTrails, passedAt } from './trail';
import { pathwayLabel } from '../../../src-shared/domain/pathway';
import { externalStanding, trustIndex } from './trust';

/** A candidate id and every id merged into it (a later import may bring an old id back). */
export async function candidateIds(ctx: ServiceContext, id: string): Promise<string[]> {
  const ids = [id];
  for (let i = 0; i < ids.length; i++)
    for (const m of await ctx.db.orm
      .select({ from: creditCandidateMerges.fromId })
      .from(creditCandidateMerges)
      .where(eq(creditCandidateMerges.intoId, ids[i]!))
      .all())
      if (!ids.includes(m.from)) ids.push(m.from);
  return ids;
}

export const toCatalogue = (cs: Credential[]): CatalogueEntry[] =>
  cs.map((c) => ({ code: c.code, title: c.title, credit_points: c.credit_points, hours: c.hours }));

export const isoDay = (iso: string): string => iso.slice(0, 10);

export async function candidatePortfolios(ctx: ServiceContext, ids: string[]) {
  return await ctx.db.orm
    .select()
    .from(portfolios)
    .where(and(inArray(portfolios.candidateId, ids), eq(portfolios.isAnchor, false)))
    .orderBy(portfolios.submittedAt, portfolios.id)
    .all();
}

type ExternalRow = typeof creditExternal.$inferSelect;

/** A mapper to the view of stored external records, with the issuer and standing the trust list gives them today. */
export async function externalView(ctx: ServiceContext): Promise<(r: ExternalRow) => ExternalCredential> {
  const trust = await trustIndex(ctx);
  return (r) => {
    const standing = externalStanding(r, trust);
    return {
      id: r.id,
      key: `external:${r.id}`,
      code: r.credentialCode,
      title: r.title,
      issuer: standing.issuer,
      issuerId: r.issuerId,
      claimedIssuer: r.issuer,
      verification: !standing.counts ? 'unverified' : r.verification === 'attested' ? 'attested' : 'verified',
      verificationNote: standing.note,
      awardedOn: r.awardedOn,
      expiresOn: r.expiresOn,
      points: r.points,
      hours: r.hours,
      source: r.source,
      sourceFile: r.sourceFile,
      sourceRef: r.sourceRef,
      importedAt: r.importedAt,
      importedBy: r.importedBy,
    };
  };
}

export async function candidateExternal(ctx: ServiceContext, ids: string[]): Promise<ExternalRow[]> {
  return await ctx.db.orm
    .select()
    .from(creditExternal)
    .where(inArray(creditExternal.candidateId, ids))
    .orderBy(creditExternal.awardedOn, creditExternal.id)
    .all();
}

/**
 * Credentials of this candidate already counted toward an approved award, by credential code: the same credential
 * (from this app or from elsewhere) is one credential, so it counts once.
 */
export async function usedCredentials(
  ctx: ServiceContext,
  ids: string[],
  exceptApplication?: string,
): Promise<Map<string, NonNullable<Attainment['usedFor']>>> {
  const rows = await ctx.db.orm
    .select({
      app: creditApplications.id,
      code: creditApplicationItems.credentialCode,
      pathwayId: creditApplications.pathwayId,
      version: creditApplications.pathwayVersion,
      decidedAt: creditApplications.decidedAt,
    })
    .from(creditApplicationItems)
    .innerJoin(creditApplications, eq(creditApplications.id, creditApplicationItems.applicationId))
    .where(and(inArray(creditApplications.candidateId, ids), eq(creditApplications.status, 'approved')))
    .orderBy(creditApplications.decidedAt)
    .all();
  const used = new Map<string, NonNullable<Attainment['usedFor']>>();
  for (const r of rows) {
    if (r.app === exceptApplication || used.has(r.code)) continue;
    const p = await loadPathway(ctx, r.pathwayId, r.version);
    used.set(r.code, { application: r.app, award: p ? pathwayLabel(p) : r.pathwayId, decidedOn: isoDay(r.decidedAt ?? '') });
  }
  return used;
}

/** Everything the candidate holds that a pathway could count: passes in this app and credentials from elsewhere. */
export async function candidateAttainments(ctx: ServiceContext, candidateId: string, options: { exceptApplication?: string } = {}): Promise<Attainment[]> {
  const ids = await candidateIds(ctx, candidateId);
  const catalogue = new Map((await listCredentials(ctx)).map((c) => [c.code, c]));
  const used = await usedCredentials(ctx, ids, options.exceptApplication);
  const out: Attainment[] = [];
  for (const t of await attemptTrails(ctx, await candidatePortfolios(ctx, ids))) {
    const at = passedAt(t);
    if (!at) continue;
    const c = catalogue.get(t.credential.code);
    const awardedOn = isoDay(at);
    const p = await ctx.db.orm.select({ post: portfolios.testPost }).from(portfolios).where(eq(portfolios.id, t.portfolioId)).get();
    out.push({
      key: `portfolio:${t.portfolioId}`,
      code: t.credential.code,
      title: c?.title ?? t.credential.code,
      source: 'app',
      issuer: c?.provider ?? '',
      awardedOn,
      expiresOn: c?.validity_years ? addYearsIso(awardedOn, c.validity_years) : null,
      points: c?.credit_points ?? 0,
      hours: c?.hours ?? 0,
      attempt: t.attempt,
      portfolioId: t.portfolioId,
      postTest: p?.post ?? null,
      usedFor: used.get(t.credential.code) ?? null,
    });
  }
  const trust = await trustIndex(ctx);
  for (const e of await candidateExternal(ctx, ids)) {
    const c = e.credentialCode ? catalogue.get(e.credentialCode) : undefined;
    const standing = externalStanding(e, trust);
    out.push({
      key: `external:${e.id}`,
      code: e.credentialCode,
      title: c?.title ?? e.title,
      source: 'external',
      issuer: standing.issuer,
      awardedOn: e.awardedOn,
      // An explicit expiry on the record wins; otherwise the catalogue's rule for how long a pass counts.
      expiresOn: e.expiresOn ?? (c?.validity_years ? addYearsIso(e.awardedOn, c.validity_years) : null),
      points: e.points ?? c?.credit_points ?? 0,
      hours: e.hours ?? c?.hours ?? 0,
      attempt: null,
      portfolioId: null,
      postTest: null,
      usedFor: e.credentialCode ? (used.get(e.credentialCode) ?? null) : null,
      unverified: standing.counts ? null : standing.note,
    });
  }
  return out;
}

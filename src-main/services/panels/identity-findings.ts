/**
 * Where a portfolio's evidence names its candidate (found at import by ../import/identity-scan.ts). Only the place
 * and the field are kept — never the text found — so the finding itself identifies nobody.
 */
import { asc, eq } from 'drizzle-orm';
import type { IdentityFinding } from '../../../src-shared/contracts/portfolio';
import { identityFindings } from '../../db/schema';
import type { ServiceContext } from '../context';

export async function loadIdentityFindings(ctx: ServiceContext, portfolioId: string): Promise<IdentityFinding[]> {
  return (
    await ctx.db.orm.select().from(identityFindings).where(eq(identityFindings.portfolioId, portfolioId)).orderBy(asc(identityFindings.position)).all()
  ).map((f) => ({ evidence: f.evidenceId, location: f.location, field: f.field }));
}

export async function saveIdentityFindings(ctx: ServiceContext, portfolioId: string, findings: IdentityFinding[]): Promise<void> {
  for (const [position, f] of findings.entries())
    await ctx.db.orm.insert(identityFindings).values({ portfolioId, position, evidenceId: f.evidence, location: f.location, field: f.field }).run();
}

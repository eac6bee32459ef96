import { eq } from 'drizzle-orm';
import { CredentialSchema, type Credential } from '../../src-shared/domain/credential';
import { credentials } from '../db/schema';
import type { ServiceContext } from './context';
import { audit } from './audit';

type CredentialRow = typeof credentials.$inferSelect;

export function credentialFromRow(row: CredentialRow): Credential {
  return CredentialSchema.parse({
    code: row.code,
    title: row.title,
    provider: row.provider,
    level: row.level,
    credit_points: row.creditPoints,
    hours: row.hours ?? undefined,
    validity_years: row.validityYears ?? undefined,
    rubric: { id: row.rubricId, version: row.rubricVersion },
  });
}

export async function loadCredential(ctx: ServiceContext, code: string): Promise<Credential | null> {
  const row = await ctx.db.orm.select().from(credentials).where(eq(credentials.code, code)).get();
  return row ? credentialFromRow(row) : null;
}

export async function listCredentials(ctx: ServiceContext): Promise<Credential[]> {
  return (await ctx.db.orm.select().from(credentials).orderBy(credentials.code).all()).map(credentialFromRow);
}

/** Inserts or updates a credential (its rubric version may move on; portfolios keep the version they were assessed with). */
export async function upsertCredential(ctx: ServiceContext, c: Credential, actor: string): Promise<'created' | 'updated' | 'unchanged'> {
  const existing = await loadCredential(ctx, c.code);
  const normal = CredentialSchema.parse(c);
  if (existing && JSON.stringify(existing) === JSON.stringify(normal)) return 'unchanged';
  const values = {
    code: c.code,
    title: c.title,
    provider: c.provider,
    level: c.level,
    creditPoints: c.credit_points,
    hours: c.hours ?? null,
    validityYears: c.validity_years ?? null,
    rubricId: c.rubric.id,
    rubricVersion: c.rubric.version,
  };
  if (existing) await ctx.db.orm.update(credentials).set(values).where(eq(credentials.code, c.code)).run();
  else await ctx.db.orm.insert(credentials).values(values).run();
  await audit(ctx, {
    actor,
    action: existing ? 'credential.update' : 'credential.create',
    entityType: 'credential',
    entityId: c.code,
    details: existing ? { before: existing, after: normal } : { title: c.title },
  });
  return existing ? 'updated' : 'created';
}

import { eq } from 'drizzle-orm';
import { CreditSettingsSchema, type CreditSettings } from '../../../src-shared/contracts/credit';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { creditSettings } from '../../db/schema';
import { type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { requireRole } from '../reviewers';

const ISSUER_KEY = 'issuer';

/** Until someone sets it, badges name the provider of the demo catalogue; a real deployment sets its own. */
export const DEFAULT_SETTINGS: CreditSettings = {
  issuer: {
    name: 'Te Whare Ako Professional Learning',
    url: 'https://tewhareako.example.nz',
    email: 'credentials@tewhareako.example.nz',
    description: 'Provider of professional learning micro-credentials for educators.',
  },
};

export async function getCreditSettings(ctx: ServiceContext): Promise<CreditSettings> {
  const row = await ctx.db.orm.select().from(creditSettings).where(eq(creditSettings.key, ISSUER_KEY)).get();
  if (!row) return DEFAULT_SETTINGS;
  const parsed = CreditSettingsSchema.shape.issuer.safeParse(JSON.parse(row.value));
  return parsed.success ? { issuer: parsed.data } : DEFAULT_SETTINGS;
}

export async function setCreditSettings(ctx: ServiceContext, next: CreditSettings, actor: Reviewer): Promise<CreditSettings> {
  requireRole(actor, 'approver', 'admin');
  const value = CreditSettingsSchema.parse(next);
  const before = await getCreditSettings(ctx);
  await transaction(ctx, async (ctx) => {
    const text = JSON.stringify(value.issuer);
    await ctx.db.orm
      .insert(creditSettings)
      .values({ key: ISSUER_KEY, value: text })
      .onConflictDoUpdate({ target: creditSettings.key, set: { value: text } })
      .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'credit.settings',
      entityType: 'credit_settings',
      entityId: ISSUER_KEY,
      details: { before: before.issuer, after: value.issuer },
    });
  });
  return value;
}

import { desc } from 'drizzle-orm';
import { entryHash, GENESIS } from '../db/audit-chain';
import { auditLog } from '../db/schema';
import { nowIso, type ServiceContext, transaction } from './context';

export interface AuditEvent {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit log as the next link of its hash chain; callers run it inside the transaction of the change
 * it records. The last entry is read and the new one written in one (nested) transaction that first takes the
 * dialect's append lock, so two writers cannot both chain to the same entry: the second waits for the first to end.
 */
export async function audit(ctx: ServiceContext, event: AuditEvent): Promise<void> {
  await transaction(ctx, async (ctx) => {
    const { auditAppendLock } = ctx.db.fn;
    if (auditAppendLock) await ctx.db.get(auditAppendLock);
    const db = ctx.db.orm;
    const last = await db.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
    const entry = {
      id: (last?.id ?? 0) + 1,
      at: nowIso(ctx),
      actor: event.actor,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      details: JSON.stringify(event.details ?? {}),
    };
    await db
      .insert(auditLog)
      .values({ ...entry, hash: entryHash(last?.hash ?? GENESIS, entry) })
      .run();
  });
}

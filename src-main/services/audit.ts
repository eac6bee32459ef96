import { auditLog } from '../db/schema';
import { nowIso, type ServiceContext } from './context';

export interface AuditEvent {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; callers run it inside the transaction of the change it records. */
export function audit(ctx: ServiceContext, event: AuditEvent): void {
  ctx.handle.db
    .insert(auditLog)
    .values({
      at: nowIso(ctx),
      actor: event.actor,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      details: JSON.stringify(event.details ?? {}),
    })
    .run();
}

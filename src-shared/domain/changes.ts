import { z } from 'zod';

/**
 * What an import would change in a record that already exists: one field of one entity, old → new. Imports compute
 * these before writing anything and refuse them unless a lead or admin asked to update existing records.
 */
export const FieldChangeSchema = z.object({
  entity: z.enum(['reviewer', 'candidate', 'credential', 'rubric', 'pathway']),
  id: z.string(),
  field: z.string(),
  old: z.string(),
  new: z.string(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/** A field's value as people read it in a diff: lists sorted and comma separated, nothing as "(none)". */
export function showValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (Array.isArray(v)) return v.length ? [...v].map(showValue).sort().join(', ') : '(none)';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The fields of `after` that differ from `before` (compared as shown, so `[a, b]` and `[b, a]` are the same roles). */
export function diffFields<K extends string>(
  entity: FieldChange['entity'],
  id: string,
  before: { [k in K]?: unknown },
  after: { [k in K]?: unknown },
  fields: readonly K[],
): FieldChange[] {
  return fields.flatMap((field) => {
    const old = showValue(before[field]);
    const next = showValue(after[field]);
    return old === next ? [] : [{ entity, id, field, old, new: next }];
  });
}

/** One line per record: "reviewer R-hana: roles reviewer → admin, reviewer; email a@x → b@y". */
export function formatChanges(changes: readonly FieldChange[]): string[] {
  const byRecord = new Map<string, FieldChange[]>();
  for (const c of changes) {
    const key = `${c.entity} ${c.id}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), c]);
  }
  return [...byRecord].map(([record, cs]) => `${record}: ${cs.map((c) => `${c.field} ${c.old} → ${c.new}`).join('; ')}`);
}

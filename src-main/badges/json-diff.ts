const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface JsonDifference {
  pointer: string;
  kind: 'changed' | 'added' | 'removed';
}

/**
 * Where two JSON values differ, as JSON pointers (object key order ignored, array order significant).
 * Used to name the tampered field instead of just saying "signature mismatch". Stops after `limit` differences.
 */
export function jsonDifferences(signed: unknown, actual: unknown, limit = 20, pointer = '', out: JsonDifference[] = []): JsonDifference[] {
  if (out.length >= limit) return out;
  if (isObject(signed) && isObject(actual)) {
    for (const key of new Set([...Object.keys(signed), ...Object.keys(actual)])) {
      const child = `${pointer}/${escapePointer(key)}`;
      if (!(key in actual)) out.push({ pointer: child, kind: 'removed' });
      else if (!(key in signed)) out.push({ pointer: child, kind: 'added' });
      else jsonDifferences(signed[key], actual[key], limit, child, out);
      if (out.length >= limit) break;
    }
    return out;
  }
  if (Array.isArray(signed) && Array.isArray(actual)) {
    const n = Math.max(signed.length, actual.length);
    for (let i = 0; i < n && out.length < limit; i++) {
      if (i >= actual.length) out.push({ pointer: `${pointer}/${i}`, kind: 'removed' });
      else if (i >= signed.length) out.push({ pointer: `${pointer}/${i}`, kind: 'added' });
      else jsonDifferences(signed[i], actual[i], limit, `${pointer}/${i}`, out);
    }
    return out;
  }
  if (signed !== actual) out.push({ pointer: pointer || '/', kind: 'changed' });
  return out;
}

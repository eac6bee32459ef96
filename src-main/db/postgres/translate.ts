import type { Params } from '../port';

/**
 * Turns a query in the SQL both dialects share into PostgreSQL's spelling: `?`, `?NNN` and `@name` placeholders become
 * `$n`; LIKE becomes ILIKE (SQLite's LIKE ignores ASCII case, PostgreSQL's does not, and ILIKE on our "C"-collated
 * text folds ASCII only, as SQLite does); an unquoted alias written in mixed case (`AS submittedAt`) is quoted, so it
 * keeps its case as it does in SQLite instead of being folded to lower case. Text in string literals, quoted
 * identifiers and comments is never touched.
 *
 * `insertDefaults` is for drizzle's SQLite inserts, which write a bare `null` for a column left out: SQLite takes it
 * as "the next id" for an autoincrement key, PostgreSQL only as NULL, so in a VALUES list it becomes DEFAULT (the same
 * row on both: every other such column has no default, so DEFAULT is NULL there too).
 */
export interface Translated {
  text: string;
  values: unknown[];
}

/** Where each `$n` takes its value from: a position in an array of params, or a name in an object of params. */
type Binding = number | string;

interface Shape {
  text: string;
  bindings: Binding[];
}

const TOKEN =
  /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\?(\d*)|@([A-Za-z_][A-Za-z0-9_]*)|\$\d+|[A-Za-z_][A-Za-z0-9_$]*|[^'"\-/?@$A-Za-z_()]+|[\s\S]/gy;

const MIXED_CASE = /[a-z].*[A-Z]|[A-Z].*[a-z]/;

function shape(sql: string, insertDefaults: boolean): Shape {
  const out: string[] = [];
  const bindings: Binding[] = [];
  const named = new Map<string, number>();
  let next = 0;
  let depth = 0;
  let inValues = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(sql); m !== null; m = TOKEN.exec(sql)) {
    const token = m[0];
    const first = token[0]!;
    if (first === '?') {
      const index = m[1] ? Number(m[1]) - 1 : next++;
      bindings.push(index);
      out.push(`$${bindings.length}`);
    } else if (first === '@' && m[2] !== undefined) {
      let n = named.get(m[2]);
      if (n === undefined) {
        bindings.push(m[2]);
        n = bindings.length;
        named.set(m[2], n);
      }
      out.push(`$${n}`);
    } else if (/[A-Za-z_]/.test(first)) {
      const upper = token.toUpperCase();
      if (upper === 'LIKE') out.push('ILIKE');
      else if (insertDefaults && upper === 'VALUES' && depth === 0) {
        inValues = true;
        out.push(token);
      } else if (inValues && depth === 0 && (upper === 'ON' || upper === 'RETURNING')) {
        inValues = false;
        out.push(token);
      } else if (inValues && depth === 1 && upper === 'NULL') out.push('default');
      else if (MIXED_CASE.test(token)) out.push(`"${token}"`);
      else out.push(token);
    } else {
      if (token === '(') depth++;
      else if (token === ')') depth--;
      out.push(token);
    }
  }
  return { text: out.join(''), bindings };
}

const cache = new Map<string, Shape>();

function cachedShape(sql: string, insertDefaults: boolean): Shape {
  const key = insertDefaults ? `1${sql}` : `0${sql}`;
  let found = cache.get(key);
  if (!found) {
    found = shape(sql, insertDefaults);
    if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
    cache.set(key, found);
  }
  return found;
}

export function translate(sql: string, params: Params | undefined, insertDefaults = false): Translated {
  const { text, bindings } = cachedShape(sql, insertDefaults);
  if (bindings.length === 0) return { text, values: [] };
  if (params === undefined) throw new Error(`the query has ${bindings.length} placeholders but no parameters were given`);
  const values = bindings.map((b) => {
    if (typeof b === 'number') {
      if (!Array.isArray(params)) throw new Error('the query has ? placeholders but its parameters are named');
      return (params as readonly unknown[])[b];
    }
    if (Array.isArray(params)) throw new Error(`the query names @${b} but its parameters are a list`);
    const named = params as Readonly<Record<string, unknown>>;
    if (!(b in named)) throw new Error(`the query names @${b} but no parameter of that name was given`);
    return named[b];
  });
  return { text, values };
}

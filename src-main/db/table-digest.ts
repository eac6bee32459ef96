import crypto from 'node:crypto';

/**
 * A table's content as one sha256, computed the same way over SQLite's rows and PostgreSQL's, so a copy can be
 * checked against its source: the column names, then each row (fed in primary-key order) as a JSON array of its
 * values as text. Values are normalised to what both databases agree on: integers are read exactly on both sides
 * (SQLite's as BigInt, PostgreSQL's bigint as BigInt) and floats as JavaScript numbers, both written with String(),
 * so 3, 3n and 3.0 are all "3"; NULL stays null. Anything else (a BLOB) has no column to go to and is refused.
 */
export class TableDigest {
  private readonly hash = crypto.createHash('sha256');
  rows = 0;

  constructor(
    readonly table: string,
    columns: readonly string[],
  ) {
    this.hash.update(`${JSON.stringify(columns)}\n`);
  }

  add(row: readonly unknown[]): void {
    this.rows += 1;
    this.hash.update(`${JSON.stringify(row.map((v, i) => canonical(this.table, i, v)))}\n`);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

function canonical(table: string, column: number, value: unknown): string | null {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const what = value instanceof Uint8Array ? 'binary data' : `a ${typeof value}`;
  throw new Error(`table ${table} holds ${what} in its column ${column + 1}, which no PostgreSQL column of the queue can hold`);
}

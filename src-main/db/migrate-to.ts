/**
 * `cli db migrate-to`: moves a queue from its SQLite file into an empty PostgreSQL database. Everything on the target
 * happens in one transaction, the schema's creation included, so a refusal at any step leaves the database exactly
 * as it was found; the transaction also holds the migration lock, so an app started against the target meanwhile
 * waits for the copy to finish.
 *
 * Rows arrive as they are: ids keep their values (each identity sequence then continues above the highest id
 * SQLite ever handed out, as SQLite would), and no trigger rewrites a row on the way in (the anonymity flags follow
 * their policies only when the app writes either), except the audit log's guards, which stay on, so the copied log
 * passes the same append-only check a new entry does. Before committing, every table's rows are counted and hashed
 * again in PostgreSQL and compared with what was read from SQLite, and the audit chain is verified there.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import pg from 'pg';
import { verifyAuditChain } from './audit-chain-port';
import { openDatabase, type SqliteHandle } from './database';
import type { Db } from './port';
import { connectClient, connectPostgres, databaseName, describePostgresUrl, type PostgresConnection } from './postgres/connect';
import { inWords, type ServerName } from './postgres/errors';
import { migrateInTransaction } from './postgres/migrate';
import { postgresTransactionDb } from './postgres/postgres-db';
import { TableDigest } from './table-digest';

export interface TableReport {
  table: string;
  rows: number;
  /** The same on both sides: see TableDigest. */
  sha256: string;
}

export interface MigrateToResult {
  /** Every table, sorted by name. */
  tables: TableReport[];
  /** The target as it may be shown (no password). */
  target: string;
  /** The audit log's last hash, as `audit verify` prints it. */
  auditHead: string | null;
}

/** The copy was not made, and why, on one line; the target is as it was. */
export class MigrateToRefused extends Error {}

export interface MigrateToOptions {
  /** The queue to copy (`<data>/queue.sqlite`). */
  sqliteFile: string;
  /** postgres://USER:PASSWORD@HOST:PORT/DATABASE: an empty database, or one holding only this app's empty schema. */
  databaseUrl: string;
}

export async function migrateTo({ sqliteFile, databaseUrl }: MigrateToOptions): Promise<MigrateToResult> {
  describePostgresUrl(databaseUrl);
  if (!fs.existsSync(sqliteFile)) {
    throw new MigrateToRefused(`there is no queue to copy at ${sqliteFile}: --data must name the data folder that holds queue.sqlite`);
  }
  const target = await connectPostgres(databaseUrl, { poolSize: 1 });
  try {
    // An older queue is brought to this app's schema first, as opening it in the app would.
    const source = openDatabase(sqliteFile);
    try {
      return { ...(await copyInOneTransaction(source, target)), target: target.location };
    } finally {
      await source.close();
    }
  } finally {
    await target.pool.end();
  }
}

type Sql = (text: string, values?: unknown[]) => Promise<pg.QueryResult>;

async function copyInOneTransaction(source: SqliteHandle, { pool, server }: PostgresConnection): Promise<Omit<MigrateToResult, 'target'>> {
  const client = await connectClient(pool, server);
  const sql: Sql = (text, values) =>
    client.query(text, values).catch((err: unknown) => {
      throw inWords(err, server);
    });
  let broken: Error | undefined;
  try {
    await sql('BEGIN');
    await migrateInTransaction(client, databaseName(server)).catch((err: unknown) => {
      throw inWords(err, server);
    });
    const copy = new Copy(source, postgresTransactionDb(pool, client, server), client, sql, server, databaseName(server));
    const result = await copy.run();
    await sql('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackFailed: Error) => (broken = rollbackFailed));
    throw err;
  } finally {
    client.release(broken);
  }
}

/** A table as SQLite has it: the columns to copy, in order, and the key that orders its rows. */
interface Shape {
  table: string;
  columns: string[];
  key: string[];
}

/** Integers exactly (bigint as BigInt, as SQLite's are read), so a value beyond 2^53 is compared as it is stored. */
const EXACT_TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8) return (v: string) => BigInt(v);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const NOTHING_WRITTEN = 'nothing was written';
const FETCH = 2000;

class Copy {
  private readonly sqlite: Database.Database;

  constructor(
    private readonly source: SqliteHandle,
    private readonly tx: Db,
    private readonly client: pg.PoolClient,
    private readonly sql: Sql,
    private readonly server: ServerName,
    /** How messages name the target. */
    private readonly name: string,
  ) {
    this.sqlite = source.sqlite;
  }

  async run(): Promise<Omit<MigrateToResult, 'target'>> {
    const shapes = await this.shapes();
    await this.sql(`LOCK TABLE ${shapes.map((s) => quoted(s.table)).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
    await this.refuseRows(shapes);
    // One read transaction on SQLite: the copy is of one moment of the queue even if the app writes meanwhile.
    this.sqlite.exec('BEGIN');
    try {
      const sourceChain = await verifyAuditChain(this.source.db);
      if (!sourceChain.ok) {
        throw new MigrateToRefused(
          `the audit log of ${this.source.location} is not intact (${sourceChain.problems[0]}): run \`npm run cli -- audit verify\` for the details; ${NOTHING_WRITTEN}`,
        );
      }
      const triggered = shapes.filter((s) => s.table !== 'audit_log');
      for (const s of triggered) await this.sql(`ALTER TABLE ${quoted(s.table)} DISABLE TRIGGER USER`);
      await this.tx.deferForeignKeys();
      const copied: TableDigest[] = [];
      for (const shape of shapes) copied.push(await this.copyTable(shape));
      await this.continueIdentities();
      // The deferred foreign keys are checked now (a table with checks pending cannot have its triggers switched
      // back on), so a row that refers to a missing one refuses the copy in words.
      await this.sql('SET CONSTRAINTS ALL IMMEDIATE').catch((err: Error) => {
        throw new MigrateToRefused(`could not copy the queue into ${this.name}: ${err.message}; ${NOTHING_WRITTEN}`);
      });
      for (const s of triggered) await this.sql(`ALTER TABLE ${quoted(s.table)} ENABLE TRIGGER USER`);
      const tables = await this.verify(shapes, copied);
      const chain = await verifyAuditChain(this.tx);
      if (!chain.ok)
        throw new MigrateToRefused(
          `the audit log copied into ${this.name} does not verify (${chain.problems[0]}); the copy was rolled back, ${NOTHING_WRITTEN}`,
        );
      return { tables, auditHead: chain.head };
    } finally {
      this.sqlite.exec('ROLLBACK');
    }
  }

  /** SQLite's tables, each with its columns, which the target's schema must have exactly (beside generated ones). */
  private async shapes(): Promise<Shape[]> {
    const names = await this.source.db.tableNames();
    const targetNames = await this.tx.tableNames();
    const onlyIn = (a: string[], b: string[]) => a.filter((t) => !b.includes(t));
    const outOfStep = [...onlyIn(names, targetNames).map((t) => `${t} only in SQLite`), ...onlyIn(targetNames, names).map((t) => `${t} only in PostgreSQL`)];
    if (outOfStep.length)
      throw new MigrateToRefused(`the SQLite queue and ${this.name} do not have the same tables (${outOfStep.join(', ')}); ${NOTHING_WRITTEN}`);
    const { rows } = await this.sql(
      "SELECT table_name AS t, column_name AS c, is_generated = 'ALWAYS' AS generated FROM information_schema.columns WHERE table_schema = current_schema()",
    );
    const targetColumns = rows as { t: string; c: string; generated: number }[];
    return names.map((table) => {
      const shape = this.sourceShape(table);
      const present = targetColumns.filter((r) => r.t === table);
      const missing = shape.columns.filter((c) => !present.some((r) => r.c === c));
      const extra = present.filter((r) => !r.generated && !shape.columns.includes(r.c)).map((r) => r.c);
      if (missing.length || extra.length) {
        const diff = [...missing.map((c) => `${table}.${c} only in SQLite`), ...extra.map((c) => `${table}.${c} only in PostgreSQL`)];
        throw new MigrateToRefused(`the SQLite queue and ${this.name} do not have the same columns (${diff.join(', ')}); ${NOTHING_WRITTEN}`);
      }
      return shape;
    });
  }

  private sourceShape(table: string): Shape {
    const info = this.sqlite.prepare('SELECT name, pk FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string; pk: number }[];
    const key = info
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    // The FTS5 search index declares no key: its rowid is the key, and PostgreSQL keeps it as a column.
    if (!key.length) return { table, columns: ['rowid', ...info.map((c) => c.name)], key: ['rowid'] };
    return { table, columns: info.map((c) => c.name), key };
  }

  private async refuseRows(shapes: Shape[]): Promise<void> {
    const holding: string[] = [];
    for (const { table } of shapes) {
      if ((await this.sql(`SELECT 1 FROM ${quoted(table)} LIMIT 1`)).rowCount) holding.push(table);
    }
    if (holding.length) {
      const named = holding.length > 3 ? `${holding.slice(0, 3).join(', ')} and ${holding.length - 3} more` : holding.join(', ');
      throw new MigrateToRefused(`${this.name} already holds a queue (rows in ${named}): migrate-to copies only into an empty database; ${NOTHING_WRITTEN}`);
    }
  }

  private async copyTable(shape: Shape): Promise<TableDigest> {
    const digest = new TableDigest(shape.table, shape.columns);
    const width = shape.columns.length;
    // PostgreSQL takes at most 65535 parameters in a statement.
    const perInsert = Math.max(1, Math.min(500, Math.floor(30_000 / width)));
    const columns = shape.columns.map(quoted).join(', ');
    const rows = this.sqlite
      .prepare(`SELECT ${columns} FROM ${quoted(shape.table)} ORDER BY ${shape.key.map((k) => `${quoted(k)} COLLATE BINARY`).join(', ')}`)
      .safeIntegers(true)
      .raw(true);
    const insert = async (batch: unknown[][]) => {
      const values = batch.map((row, r) => `(${row.map((_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
      await this.sql(`INSERT INTO ${quoted(shape.table)} (${columns}) VALUES ${values}`, batch.flat()).catch((err: Error) => {
        throw new MigrateToRefused(`could not copy table ${shape.table} into ${this.name}: ${err.message}; ${NOTHING_WRITTEN}`);
      });
    };
    let batch: unknown[][] = [];
    for (const row of rows.iterate() as IterableIterator<unknown[]>) {
      digest.add(row);
      batch.push(row);
      if (batch.length === perInsert) {
        await insert(batch);
        batch = [];
      }
    }
    if (batch.length) await insert(batch);
    return digest;
  }

  /** Each identity sequence goes to the highest id SQLite ever handed out (sqlite_sequence), or the highest copied. */
  private async continueIdentities(): Promise<void> {
    const counters = new Map(
      (this.sqlite.prepare('SELECT name, seq FROM sqlite_sequence').safeIntegers(true).all() as { name: string; seq: bigint }[]).map((r) => [r.name, r.seq]),
    );
    const { rows } = await this.sql(
      "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'",
    );
    for (const { t, c } of rows as { t: string; c: string }[]) {
      await this.sql(
        `SELECT setval(pg_get_serial_sequence($1, $2), top) FROM (SELECT greatest(coalesce(max(${quoted(c)}), 0), $3::bigint) AS top FROM ${quoted(t)}) s WHERE top > 0`,
        [quoted(t), c, counters.get(t) ?? 0n],
      );
    }
  }

  /** Counts and hashes every table again as PostgreSQL now holds it, and compares each with what SQLite gave. */
  private async verify(shapes: Shape[], copied: TableDigest[]): Promise<TableReport[]> {
    const { rows } = await this.sql(
      "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND data_type = 'text'",
    );
    const text = new Set((rows as { t: string; c: string }[]).map((r) => `${r.t}.${r.c}`));
    const tables: TableReport[] = [];
    const differ: string[] = [];
    for (const [i, shape] of shapes.entries()) {
      const expected = copied[i]!;
      const sha256 = expected.digest();
      const found = await this.targetDigest(shape, (k) => (text.has(`${shape.table}.${k}`) ? `${quoted(k)} COLLATE "C"` : quoted(k)));
      const foundSha = found.digest();
      if (found.rows !== expected.rows) differ.push(`${shape.table} has ${found.rows} rows, not ${expected.rows}`);
      else if (foundSha !== sha256) differ.push(`${shape.table} has the same ${found.rows} rows but not the same content`);
      tables.push({ table: shape.table, rows: expected.rows, sha256 });
    }
    if (differ.length)
      throw new MigrateToRefused(`the copy in ${this.name} does not match the SQLite queue (${differ.join('; ')}); it was rolled back, ${NOTHING_WRITTEN}`);
    return tables;
  }

  private async targetDigest(shape: Shape, orderBy: (key: string) => string): Promise<TableDigest> {
    const digest = new TableDigest(shape.table, shape.columns);
    await this.sql(
      `DECLARE migrate_check NO SCROLL CURSOR FOR SELECT ${shape.columns.map(quoted).join(', ')} FROM ${quoted(shape.table)} ORDER BY ${shape.key.map(orderBy).join(', ')}`,
    );
    for (;;) {
      const page = await this.client
        .query({ text: `FETCH FORWARD ${FETCH} FROM migrate_check`, rowMode: 'array', types: EXACT_TYPES })
        .catch((err: unknown) => {
          throw inWords(err, this.server);
        });
      for (const row of page.rows as unknown[][]) digest.add(row);
      if (page.rows.length < FETCH) break;
    }
    await this.sql('CLOSE migrate_check');
    return digest;
  }
}

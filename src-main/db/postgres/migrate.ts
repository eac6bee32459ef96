import type pg from 'pg';
import { DatabaseTooNewError } from '../migrate';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from './migrations';

/** The table that marks a database as this app's and holds its schema version (SQLite keeps it in user_version). */
export const SCHEMA_TABLE = 'evidence_workbench_schema';

/** Any number, the same in every copy of the app: migrating processes queue behind it, one at a time. */
const MIGRATION_LOCK = 0x45570001;

/** The database holds tables, but not Evidence Workbench's: it belongs to another application. */
export class ForeignDatabaseError extends Error {}

function checkOrdered(migrations: readonly PostgresMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" has version ${m.version}, expected ${i + 1}`);
  });
}

/**
 * Brings the database to `target` (default: the newest) in one transaction, so a failed upgrade leaves it as it was
 * (PostgreSQL's DDL is transactional). Refuses, without changing anything, a database of a newer app and one whose
 * tables are another application's. `describe` names the database in those refusals.
 */
export async function migratePostgres(
  client: pg.ClientBase,
  describe: string,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
  target = migrations.length,
): Promise<number> {
  await client.query('BEGIN');
  try {
    const version = await migrateInTransaction(client, describe, migrations, target);
    await client.query('COMMIT');
    return version;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * migratePostgres's work inside a transaction the caller holds (and commits or rolls back), which then keeps every
 * other migrating process out until it ends: `db migrate-to` creates the schema and copies a queue into it at once.
 */
export async function migrateInTransaction(
  client: pg.ClientBase,
  describe: string,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
  target = migrations.length,
): Promise<number> {
  checkOrdered(migrations);
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  const current = await schemaVersion(client, describe);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  if (current >= target) return current;
  if (current === 0) await client.query(`CREATE TABLE ${SCHEMA_TABLE} (version integer NOT NULL)`);
  for (const m of migrations.slice(current, target)) {
    await client.query(m.sql);
    await m.run?.(client);
  }
  await client.query(`DELETE FROM ${SCHEMA_TABLE}`);
  await client.query(`INSERT INTO ${SCHEMA_TABLE} (version) VALUES ($1)`, [target]);
  return target;
}

/** 0 for an empty database (no tables in the schema we work in). */
async function schemaVersion(client: pg.ClientBase, describe: string): Promise<number> {
  const { rows } = await client.query<{ ours: boolean; tables: number }>(
    `SELECT to_regclass($1) IS NOT NULL AS ours,
            (SELECT count(*)::int FROM pg_tables WHERE schemaname = current_schema()) AS tables`,
    [SCHEMA_TABLE],
  );
  const { ours, tables } = rows[0]!;
  if (!ours) {
    if (tables > 0)
      throw new ForeignDatabaseError(
        `${describe} holds tables of another application (it has no ${SCHEMA_TABLE} table): point the app at an empty database or one of its own`,
      );
    return 0;
  }
  const version = await client.query<{ version: number }>(`SELECT version FROM ${SCHEMA_TABLE}`);
  return version.rows[0]?.version ?? 0;
}

/**
 * The audit chain check (audit-chain.ts) through the Db port, so it runs on either dialect: the guards are those the
 * dialect's migrations made (SQLite's triggers; PostgreSQL's triggers, enabled, and their functions), the entries
 * are read a page at a time, and the highest id ever handed out comes from the dialect's own counter.
 */
import { AUDIT_ROW_COLUMNS, AUDIT_TRIGGERS, ChainWalk, guardProblems, type AuditChainReport, type AuditRow } from './audit-chain';
import type { Db } from './port';
import { AUDIT_FUNCTIONS, AUDIT_TRIGGERS_POSTGRES } from './postgres/audit-guards';

const PAGE = 5000;

async function sqliteGuards(db: Db): Promise<string[]> {
  const rows = await db.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'");
  return guardProblems('trigger', AUDIT_TRIGGERS, new Map(rows.map((t) => [t.name, t.sql])));
}

async function postgresGuards(db: Db): Promise<string[]> {
  const triggers = await db.all<{ name: string; sql: string; enabled: string }>(
    "SELECT tgname AS name, pg_get_triggerdef(oid) AS sql, tgenabled AS enabled FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal",
  );
  const functions = await db.all<{ name: string; body: string }>(
    'SELECT proname AS name, prosrc AS body FROM pg_proc WHERE pronamespace = current_schema()::regnamespace AND proname IN (?, ?)',
    Object.keys(AUDIT_FUNCTIONS),
  );
  // The catalogue names the table with its schema; the frozen definitions do not.
  const unqualified = (sql: string) => sql.replace(/ ON (?:"?[\w]+"?\.)?audit_log /, ' ON audit_log ');
  const problems = [
    ...guardProblems('trigger', AUDIT_TRIGGERS_POSTGRES, new Map(triggers.map((t) => [t.name, unqualified(t.sql)]))),
    ...guardProblems('function', AUDIT_FUNCTIONS, new Map(functions.map((f) => [f.name, f.body]))),
  ];
  for (const t of triggers) {
    if (t.name in AUDIT_TRIGGERS_POSTGRES && t.enabled === 'D') problems.push(`trigger ${t.name} is disabled, so the log could have been changed`);
  }
  return problems;
}

async function reached(db: Db): Promise<number> {
  const row =
    db.dialect === 'sqlite'
      ? await db.get<{ n: number }>("SELECT seq AS n FROM sqlite_sequence WHERE name = 'audit_log'")
      : await db.get<{ n: number }>('SELECT max(id) AS n FROM audit_log_reached');
  return row?.n ?? 0;
}

/** Checks the guards, every entry's hash and link, and that no entry is missing from the end. */
export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  const walk = new ChainWalk(db.dialect === 'sqlite' ? await sqliteGuards(db) : await postgresGuards(db));
  for (;;) {
    const page = await db.all<AuditRow>(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ${PAGE}`, [walk.last]);
    for (const row of page) walk.add(row);
    if (page.length < PAGE) break;
  }
  return walk.finish(await reached(db));
}

/**
 * The audit log as a hash chain. Each entry stores hash = sha256(previous entry's hash + its own canonical content),
 * the first one chained to GENESIS. Triggers refuse UPDATE, DELETE and any INSERT that is not the next entry with a
 * hash (which also stops INSERT OR REPLACE: REPLACE deletes the old row without firing delete triggers, but the
 * BEFORE INSERT check runs first). Triggers can be dropped by anyone with the file, so the chain, the triggers and
 * the highest id ever handed out are verified whenever the data directory is opened and by `cli audit verify`.
 * This proves the log was not edited in place; someone who can write the file could still recompute the whole tail,
 * which is why `audit verify` prints the head hash: recorded elsewhere, it pins everything before it.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export const GENESIS = '0'.repeat(64);

export interface AuditContent {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  /** The JSON text exactly as stored. */
  details: string;
}

/** The entry's canonical form: its columns in a fixed order as a JSON array (unambiguous, whatever the text holds). */
export function entryHash(previous: string, e: AuditContent): string {
  const canonical = JSON.stringify([e.id, e.at, e.actor, e.action, e.entityType, e.entityId, e.details]);
  return crypto.createHash('sha256').update(previous).update('\n').update(canonical).digest('hex');
}

const APPEND_ONLY = "SELECT RAISE(ABORT, 'audit log is append-only')";

/** The guard triggers, exactly as migration audit_chain creates them; frozen (a change would need a new migration). */
export const AUDIT_TRIGGERS: Readonly<Record<string, string>> = {
  audit_log_no_update: `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN ${APPEND_ONLY}; END`,
  audit_log_no_delete: `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN ${APPEND_ONLY}; END`,
  audit_log_append_only:
    'CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log ' +
    'WHEN NEW.hash IS NULL OR NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit_log) ' +
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only: a new entry must follow the last one and carry its chain hash'); END",
};

export interface AuditChainReport {
  ok: boolean;
  entries: number;
  /** The last entry's hash: recorded elsewhere, it pins the whole log up to now. */
  head: string | null;
  /** The id of the first entry that does not fit the chain, or null. */
  firstBad: number | null;
  problems: string[];
}

export type AuditRow = AuditContent & { hash: string | null };

/** The columns of an entry as AuditRow names them, for a SELECT on either dialect. */
export const AUDIT_ROW_COLUMNS = 'id, at, actor, action, entity_type AS entityType, entity_id AS entityId, details, hash';

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** Problems with guards: each expected one missing from `present`, or present but different. */
export function guardProblems(kind: 'trigger' | 'function', expected: Readonly<Record<string, string>>, present: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const [name, sql] of Object.entries(expected)) {
    const found = present.get(name);
    if (found === undefined) problems.push(`${kind} ${name} is missing: it was dropped, so the log could have been changed`);
    else if (normalise(found) !== normalise(sql)) problems.push(`${kind} ${name} was replaced by a different one`);
  }
  return problems;
}

/**
 * The walk over the log in id order, one entry at a time (either dialect feeds it), then the end of the log against
 * the highest id ever handed out.
 */
export class ChainWalk {
  private firstBad: number | null = null;
  private entries = 0;
  private previous = GENESIS;
  private lastId = 0;
  constructor(private readonly problems: string[]) {}

  add(row: AuditRow): void {
    this.entries += 1;
    // Each entry is checked against the stored hash before it, so an edit is pinned to the entry itself
    // (its own hash no longer fits) or, if its hash was recomputed, to the next one (which no longer links).
    const problem =
      row.id !== this.lastId + 1
        ? `entry ${row.id} follows entry ${this.lastId}: ${row.id > this.lastId + 1 ? 'entries in between are missing' : 'ids are out of order'}`
        : row.hash === null
          ? `entry ${row.id} has no chain hash`
          : row.hash !== entryHash(this.previous, row)
            ? `entry ${row.id} does not fit the chain: it, or the hash of the entry before it, was changed`
            : null;
    if (problem) {
      this.firstBad ??= row.id;
      if (this.problems.length < 20) this.problems.push(problem);
    }
    this.previous = row.hash ?? '';
    this.lastId = row.id;
  }

  get last(): number {
    return this.lastId;
  }

  /** `reached`: the highest id the log ever handed out (SQLite's sqlite_sequence, PostgreSQL's audit_log_reached). */
  finish(reached: number): AuditChainReport {
    if (reached > this.lastId) {
      this.problems.push(`entries after ${this.lastId} are missing (the log had reached ${reached})`);
      this.firstBad ??= this.lastId + 1;
    }
    return {
      ok: this.problems.length === 0,
      entries: this.entries,
      head: this.entries ? this.previous : null,
      firstBad: this.firstBad,
      problems: this.problems,
    };
  }
}

/** Checks the guard triggers, every entry's hash and link, and that no entry is missing from the end. */
export function verifyAuditChain(sqlite: Database.Database): AuditChainReport {
  const present = new Map(
    (sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string; sql: string }[]).map(
      (t) => [t.name, t.sql],
    ),
  );
  const walk = new ChainWalk(guardProblems('trigger', AUDIT_TRIGGERS, present));
  for (const row of sqlite.prepare(`SELECT ${AUDIT_ROW_COLUMNS} FROM audit_log ORDER BY id`).iterate() as IterableIterator<AuditRow>) walk.add(row);
  const seq = (sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0;
  return walk.finish(seq);
}

/** Migration step: hashes the entries already there, in id order, and installs the guard triggers. */
export function backfillAuditChain(sqlite: Database.Database): void {
  const rows = sqlite
    .prepare('SELECT id, at, actor, action, entity_type AS entityType, entity_id AS entityId, details FROM audit_log ORDER BY id')
    .all() as AuditContent[];
  const set = sqlite.prepare('UPDATE audit_log SET hash = ? WHERE id = ?');
  let previous = GENESIS;
  for (const row of rows) {
    previous = entryHash(previous, row);
    set.run(previous, row.id);
  }
  for (const sql of Object.values(AUDIT_TRIGGERS)) sqlite.exec(sql);
}

/** Thrown when a data directory is opened whose audit log is not intact: the app refuses to work on it. */
export class AuditChainError extends Error {
  constructor(
    readonly dataDir: string,
    readonly report: AuditChainReport,
  ) {
    super(
      `the audit log of ${dataDir} is not intact, so Evidence Workbench will not open it:\n` +
        report.problems.map((p) => `- ${p}`).join('\n') +
        `\nRun \`npm run cli -- audit verify --data ${dataDir}\` for the details, and restore the data directory from a backup.`,
    );
  }
}

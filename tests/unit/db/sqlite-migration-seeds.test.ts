/**
 * A seeded test per SQLite migration: a fresh file is migrated to N−1, filled with the demo queue's rows as far as
 * that schema holds them, migrated to N, and then every row must still be there (same rowid, same values in the
 * columns it had) and the migration's own changes must be as it says. A new migration fails here until it gets an
 * entry in CHECKS. Deeper tests of some migrations: audit-chain.test.ts (audit_chain), release-migration.test.ts
 * (release), panels/anonymity-pseudonym.test.ts (anonymity with the app's pseudonyms).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src-main/db/audit-chain';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import type { Services } from '../../../src-main/core/services';
import { tempDir } from '../../support/fixtures';
import { demoServices, expectRowsSurvive, type Snapshot } from '../../support/demo-queue';

let demo: Services;
let demoFile: string;

beforeAll(async () => {
  ({ ctx: demo, sqliteFile: demoFile } = await demoServices());
}, 120_000);
afterAll(() => demo?.close());

// The search index's shadow tables are FTS5's machinery, not rows of the queue.
const tablesOf = (sqlite: Database.Database, schema = 'main') =>
  (
    sqlite
      .prepare(
        `SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'portfolio_search_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

const columnsOf = (sqlite: Database.Database, table: string, schema = 'main') =>
  (sqlite.prepare(`SELECT name FROM pragma_table_info(?, ?) ORDER BY cid`).all(table, schema) as { name: string }[]).map((r) => r.name);

function snapshot(sqlite: Database.Database): Snapshot {
  return new Map(
    tablesOf(sqlite).map((table) => {
      const columns = columnsOf(sqlite, table);
      const rows = sqlite.prepare(`SELECT rowid AS rowid, ${columns.join(', ')} FROM ${table} ORDER BY rowid`).all() as Record<string, unknown>[];
      return [table, { key: ['rowid'], columns, rows }];
    }),
  );
}

/**
 * Copies the demo's rows into the older schema of `sqlite`: the columns it has, the rows its CHECKs accept (a status
 * it does not know yet leaves that portfolio out, and then the rows that belong to it), and the search index in the
 * shape of its version (one body of the portfolio id and the identity text before `anonymity`).
 */
function seedFromDemo(sqlite: Database.Database): void {
  sqlite.exec(`ATTACH '${demoFile}' AS demo`);
  sqlite.pragma('foreign_keys = OFF');
  for (const table of tablesOf(sqlite).filter((t) => t !== 'portfolio_search')) {
    const columns = columnsOf(sqlite, table)
      .filter((c) => columnsOf(sqlite, table, 'demo').includes(c))
      .join(', ');
    sqlite.exec(`INSERT OR IGNORE INTO main.${table} (${columns}) SELECT ${columns} FROM demo.${table} ORDER BY rowid`);
  }
  for (
    let violations = sqlite.pragma('foreign_key_check') as { table: string; rowid: number }[];
    violations.length;
    violations = sqlite.pragma('foreign_key_check') as typeof violations
  ) {
    for (const v of violations) sqlite.prepare(`DELETE FROM main.${v.table} WHERE rowid = ?`).run(v.rowid);
  }
  if (tablesOf(sqlite).includes('portfolio_search')) {
    const body = columnsOf(sqlite, 'portfolio_search').includes('body');
    sqlite.exec(
      `INSERT INTO main.portfolio_search (rowid, ${body ? 'body' : 'ref, pseudonym, identity'})
       SELECT s.rowid, ${body ? "s.ref || ' ' || s.identity" : 's.ref, s.pseudonym, s.identity'} FROM demo.portfolio_search s WHERE s.rowid IN (SELECT seq FROM main.portfolios)`,
    );
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.exec('DETACH demo');
}

const count = (sqlite: Database.Database, sql: string, ...params: unknown[]) => (sqlite.prepare(sql).get(...params) as { n: number }).n;

/** The tables a migration adds, there and empty (nothing to fill them from). */
const addsEmptyTables =
  (...tables: string[]) =>
  (sqlite: Database.Database, before: Snapshot) => {
    for (const t of tables) {
      expect(before.has(t), t).toBe(false);
      expect(count(sqlite, `SELECT count(*) AS n FROM ${t}`), t).toBe(0);
    }
  };

interface Check {
  /** Rows the demo lacks that this migration changes, added after the demo's rows at N−1. */
  seed?: (sqlite: Database.Database) => void;
  /** After migrating to N: what the migration itself changed or added. */
  check: (sqlite: Database.Database, before: Snapshot) => void;
}

const CHECKS: Record<string, Check> = {
  init: {
    check: (sqlite, before) => {
      expect(before.size).toBe(0);
      expect(tablesOf(sqlite)).toEqual(expect.arrayContaining(['portfolios', 'reviews', 'decisions', 'audit_log', 'portfolio_search']));
    },
  },
  panels: {
    check: addsEmptyTables(
      'review_policies',
      'reviewer_conflicts',
      'assignments',
      'moderations',
      'settings',
      'bundles',
      'bundle_items',
      'received_bundles',
      'received_bundle_items',
    ),
  },
  calibration: {
    check: addsEmptyTables(
      'calibration_anchors',
      'calibration_references',
      'calibration_rounds',
      'calibration_round_anchors',
      'calibration_round_reviewers',
      'calibration_submissions',
      'calibration_thresholds',
    ),
  },
  credit: {
    check: addsEmptyTables(
      'credit_pathways',
      'credit_external',
      'credit_candidate_merges',
      'credit_applications',
      'credit_approvals',
      'credit_application_items',
      'credit_badges',
      'credit_settings',
    ),
  },
  audit_chain: {
    check: (sqlite, before) => {
      addsEmptyTables('credit_trusted_issuers')(sqlite, before);
      // The entries are hashed in id order exactly as the app chains new ones: the demo's own hashes come back.
      sqlite.exec(`ATTACH '${demoFile}' AS demo`);
      expect(count(sqlite, 'SELECT count(*) AS n FROM audit_log a JOIN demo.audit_log d ON d.id = a.id AND d.hash = a.hash')).toBe(
        before.get('audit_log')!.rows.length,
      );
      sqlite.exec('DETACH demo');
      expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: before.get('audit_log')!.rows.length });
      expect(() => sqlite.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(/append-only/);
      const external = sqlite.prepare('SELECT source, source_file, imported_by, verification, verification_note FROM credit_external').all() as Record<
        string,
        string
      >[];
      expect(external.length).toBeGreaterThan(0);
      for (const e of external) {
        if (e.source === 'csv')
          expect(e).toMatchObject({ verification: 'attested', verification_note: `attested by ${e.imported_by}, imported from ${e.source_file}` });
        else
          expect(e).toMatchObject({ verification: 'unverified', verification_note: expect.stringMatching(/^imported before badge signatures were checked/) });
      }
    },
  },
  badge_recipient: {
    seed: (sqlite) => {
      sqlite.exec(
        "INSERT INTO credit_badges (portfolio_id, credential_id, salt, issued_at, issued_by) VALUES ('P-2026-001', 'urn:uuid:1', 's', 't', 'R-lead')",
      );
    },
    check: (sqlite) => {
      expect(sqlite.prepare("SELECT recipient_email AS email FROM credit_badges WHERE portfolio_id = 'P-2026-001'").get()).toEqual(
        sqlite.prepare("SELECT c.email FROM portfolios p JOIN candidates c ON c.id = p.candidate_id WHERE p.id = 'P-2026-001'").get(),
      );
    },
  },
  import_runs: { check: addsEmptyTables('import_runs', 'import_run_items') },
  release: {
    check: (sqlite, before) => {
      addsEmptyTables('decision_sources')(sqlite, before);
      expect(count(sqlite, 'SELECT count(*) AS n FROM decisions')).toBeGreaterThan(0);
      expect(count(sqlite, 'SELECT count(*) AS n FROM decisions WHERE released_at IS NOT decided_at OR released_by IS NOT decided_by')).toBe(0);
      // The rebuilt table's status CHECK admits the new status (the seed at 7 had to leave the demo's ready portfolio out).
      expect(count(sqlite, "SELECT count(*) AS n FROM portfolios WHERE status = 'ready'")).toBe(0);
      sqlite.prepare("UPDATE portfolios SET status = 'ready' WHERE id = 'P-2026-001'").run();
    },
  },
  anonymity: {
    // A newer policy version overrules the older one: CST-8 stops being anonymous, EMP-8 becomes anonymous.
    seed: (sqlite) => {
      sqlite.exec(`
        INSERT INTO review_policies (credential_code, version, reviews_required, tolerance, anonymous, coi_same_school, coi_same_district, resubmission_reviewers, max_attempts, created_at, created_by)
        SELECT credential_code, version + 1, reviews_required, tolerance, 1 - anonymous, coi_same_school, coi_same_district, resubmission_reviewers, max_attempts, 't', 'test'
        FROM review_policies WHERE credential_code IN ('CST-8', 'EMP-8')`);
    },
    check: (sqlite, before) => {
      addsEmptyTables('identity_findings')(sqlite, before);
      expect(sqlite.prepare('SELECT credential_code AS code, min(anonymous) AS lo, max(anonymous) AS hi FROM portfolios GROUP BY 1 ORDER BY 1').all()).toEqual([
        { code: 'CST-8', lo: 0, hi: 0 },
        { code: 'EMP-8', lo: 1, hi: 1 },
        { code: 'FA-8', lo: 0, hi: 0 },
        { code: 'WCL-8', lo: 0, hi: 0 },
      ]);
      expect(count(sqlite, "SELECT count(*) AS n FROM portfolios WHERE pseudonym <> ''")).toBe(0);
      expect(count(sqlite, 'SELECT count(*) AS n FROM evidence WHERE stripped_sha256 IS NOT NULL')).toBe(0);
      // The one search body is split: the portfolio id, an empty pseudonym (the app fills it) and the identity text.
      const oldBodies = before.get('portfolio_search')!.rows;
      expect(oldBodies.length).toBe(count(sqlite, 'SELECT count(*) AS n FROM portfolios'));
      const search = sqlite
        .prepare('SELECT s.rowid, s.ref, s.pseudonym, s.identity, p.id FROM portfolio_search s JOIN portfolios p ON p.seq = s.rowid ORDER BY s.rowid')
        .all() as Record<string, unknown>[];
      expect(search.map((s) => ({ rowid: s.rowid, body: `${s.ref as string} ${s.identity as string}` }))).toEqual(oldBodies);
      for (const s of search) expect(s).toMatchObject({ ref: s.id, pseudonym: '' });
    },
  },
  revisions: {
    // Every record starts at revision 1, with nobody named as its last editor.
    check: (sqlite) => {
      expect(sqlite.prepare('SELECT DISTINCT revision FROM reviews').all()).toEqual([{ revision: 1 }]);
      expect(sqlite.prepare('SELECT DISTINCT revision, updated_by, updated_at FROM moderations').all()).toEqual([
        { revision: 1, updated_by: null, updated_at: null },
      ]);
      expect(sqlite.prepare('SELECT DISTINCT feedback_version, feedback_edited_by, feedback_edited_at FROM decisions').all()).toEqual([
        { feedback_version: 1, feedback_edited_by: null, feedback_edited_at: null },
      ]);
    },
  },
};

describe('each SQLite migration, seeded', () => {
  it('has a seeded check here, in order', () => {
    expect(Object.keys(CHECKS)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  for (const m of MIGRATIONS) {
    it(`${m.version} ${m.name}: keeps the rows of ${m.version - 1} and changes what it says`, () => {
      const sqlite = new Database(path.join(tempDir(), 'q.sqlite'));
      try {
        migrate(sqlite, MIGRATIONS, m.version - 1);
        seedFromDemo(sqlite);
        CHECKS[m.name]!.seed?.(sqlite);
        const before = snapshot(sqlite);
        expect(migrate(sqlite, MIGRATIONS, m.version)).toBe(m.version);
        expectRowsSurvive(before, snapshot(sqlite));
        CHECKS[m.name]!.check(sqlite, before);
        expect(sqlite.pragma('foreign_key_check')).toEqual([]);
      } finally {
        sqlite.close();
      }
    });
  }
});

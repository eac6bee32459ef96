import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { tempDir } from '../../support/fixtures';
import { sqliteOnly } from '../../support/dialect';

const release = MIGRATIONS.findIndex((m) => m.name === 'release');

sqliteOnly("a migration in SQLite's schema history; PostgreSQL databases start at the released schema", 'the release migration', () => {
  it('keeps every portfolio (seq, status, outcome), marks earlier decisions released, and admits the ready status', () => {
    const sqlite = new Database(path.join(tempDir(), 'q.sqlite'));
    migrate(sqlite, MIGRATIONS, release);
    sqlite.exec(`
      INSERT INTO rubrics (id, version, title, rule_type, rule_min_level, created_at) VALUES ('r', 1, 'R', 'all_at_least', 3, 't');
      INSERT INTO credentials (code, title, provider, level, credit_points, rubric_id, rubric_version) VALUES ('C', 'C', 'P', '8', 5, 'r', 1);
      INSERT INTO candidates (id, name, email, school, district) VALUES ('C-1', 'Aroha', 'a@x.nz', 'S', 'D');
      INSERT INTO portfolios (seq, id, candidate_id, candidate_name, school, district, credential_code, rubric_id, rubric_version, attempt, submitted_at, status, outcome, manifest_sha256, imported_at, updated_at)
        VALUES (7, 'P-1', 'C-1', 'Aroha', 'S', 'D', 'C', 'r', 1, 1, 't', 'decided', 'pass', 'x', 't', 't'),
               (9, 'P-2', 'C-1', 'Aroha', 'S', 'D', 'C', 'r', 1, 2, 't', 'in_review', NULL, 'x', 't', 't');
      UPDATE portfolios SET resubmission_of = 'P-1' WHERE id = 'P-2';
      INSERT INTO decisions (portfolio_id, revision, outcome, total, feedback, source, decided_by, decided_at) VALUES ('P-1', 1, 'pass', 6, 'f', 'reconciled', 'R-tom', '2026-05-01');
    `);
    migrate(sqlite, MIGRATIONS, release + 1);
    expect(sqlite.prepare('SELECT seq, id, status, outcome, resubmission_of FROM portfolios ORDER BY seq').all()).toEqual([
      { seq: 7, id: 'P-1', status: 'decided', outcome: 'pass', resubmission_of: null },
      { seq: 9, id: 'P-2', status: 'in_review', outcome: null, resubmission_of: 'P-1' },
    ]);
    expect(sqlite.prepare('SELECT released_at, released_by FROM decisions').get()).toEqual({ released_at: '2026-05-01', released_by: 'R-tom' });
    sqlite.prepare("UPDATE portfolios SET status = 'ready' WHERE id = 'P-2'").run();
    expect(() => sqlite.prepare("UPDATE portfolios SET status = 'bogus' WHERE id = 'P-2'").run()).toThrow(/CHECK/);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(
      (
        sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = 'portfolios' AND name LIKE 'portfolios_%'").get() as {
          n: number;
        }
      ).n,
    ).toBe(8);
    sqlite.close();
  });
});

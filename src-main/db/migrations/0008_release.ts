/**
 * Decisions released on purpose: a portfolio whose reviews agreed waits as `ready` until a lead releases its
 * reconciled decision. The status CHECK gains 'ready' (SQLite cannot alter a CHECK, so portfolios is rebuilt with
 * the same columns, rows, seq values — the search index's rowids — and indexes); each decision revision records when
 * and by whom it was released (every earlier revision went out when it was recorded), and a reconciled decision
 * records the reviews it was reconciled from.
 */
export const release = `
CREATE TABLE portfolios_rebuilt (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  candidate_id TEXT NOT NULL REFERENCES candidates(id),
  candidate_name TEXT NOT NULL,
  school TEXT NOT NULL,
  district TEXT NOT NULL,
  credential_code TEXT NOT NULL REFERENCES credentials(code),
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  resubmission_of TEXT REFERENCES portfolios(id),
  submitted_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted','in_review','scored','ready','decided','exported','returned','withdrawn')),
  outcome TEXT CHECK (outcome IN ('pass','not_yet','withdrawn')),
  test_pre REAL,
  test_post REAL,
  is_anchor INTEGER NOT NULL DEFAULT 0,
  manifest_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version)
);
INSERT INTO portfolios_rebuilt (seq, id, candidate_id, candidate_name, school, district, credential_code, rubric_id, rubric_version, attempt,
  resubmission_of, submitted_at, status, outcome, test_pre, test_post, is_anchor, manifest_sha256, imported_at, updated_at)
SELECT seq, id, candidate_id, candidate_name, school, district, credential_code, rubric_id, rubric_version, attempt,
  resubmission_of, submitted_at, status, outcome, test_pre, test_post, is_anchor, manifest_sha256, imported_at, updated_at FROM portfolios;
DROP TABLE portfolios;
ALTER TABLE portfolios_rebuilt RENAME TO portfolios;
CREATE INDEX portfolios_submitted ON portfolios(submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_status_submitted ON portfolios(status, submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_credential_submitted ON portfolios(credential_code, submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_district_submitted ON portfolios(district, submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_candidate_name ON portfolios(candidate_name COLLATE NOCASE, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_anchors ON portfolios(seq) WHERE is_anchor = 1;
CREATE INDEX portfolios_candidate ON portfolios(candidate_id);
CREATE INDEX portfolios_resubmission ON portfolios(resubmission_of);

ALTER TABLE decisions ADD COLUMN released_at TEXT;
ALTER TABLE decisions ADD COLUMN released_by TEXT;
UPDATE decisions SET released_at = decided_at, released_by = decided_by;
CREATE INDEX decisions_unreleased ON decisions(portfolio_id) WHERE released_at IS NULL;

CREATE TABLE decision_sources (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  review_id INTEGER NOT NULL REFERENCES reviews(id),
  PRIMARY KEY (decision_id, review_id)
);
`;

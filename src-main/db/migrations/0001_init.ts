export const init = `
CREATE TABLE rubrics (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  change_note TEXT,
  rule_type TEXT NOT NULL CHECK (rule_type IN ('all_at_least','total_at_least')),
  rule_min_level INTEGER,
  rule_min_total REAL,
  rule_critical_min_level INTEGER,
  feedback_pass TEXT NOT NULL DEFAULT '',
  feedback_not_yet TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE rubric_criteria (
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  guidance TEXT NOT NULL,
  weight REAL,
  critical INTEGER NOT NULL,
  PRIMARY KEY (rubric_id, rubric_version, criterion_id),
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version) ON DELETE CASCADE
);
CREATE TABLE rubric_levels (
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  criterion_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  label TEXT NOT NULL,
  descriptor TEXT NOT NULL,
  PRIMARY KEY (rubric_id, rubric_version, criterion_id, score),
  FOREIGN KEY (rubric_id, rubric_version, criterion_id) REFERENCES rubric_criteria(rubric_id, rubric_version, criterion_id) ON DELETE CASCADE
);
CREATE TABLE credentials (
  code TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  provider TEXT NOT NULL,
  level TEXT NOT NULL,
  credit_points REAL NOT NULL,
  hours REAL,
  validity_years REAL,
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version)
);
CREATE TABLE candidates (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  school TEXT NOT NULL,
  district TEXT NOT NULL
);
CREATE TABLE blobs (
  sha256 TEXT PRIMARY KEY,
  bytes INTEGER NOT NULL,
  media_type TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE portfolios (
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
  status TEXT NOT NULL CHECK (status IN ('submitted','in_review','scored','decided','exported','returned','withdrawn')),
  outcome TEXT CHECK (outcome IN ('pass','not_yet','withdrawn')),
  test_pre REAL,
  test_post REAL,
  is_anchor INTEGER NOT NULL DEFAULT 0,
  manifest_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version)
);
-- Partial indexes: the production queue never shows anchor (calibration exemplar) portfolios.
CREATE INDEX portfolios_submitted ON portfolios(submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_status_submitted ON portfolios(status, submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_credential_submitted ON portfolios(credential_code, submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_district_submitted ON portfolios(district, submitted_at, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_candidate_name ON portfolios(candidate_name COLLATE NOCASE, id) WHERE is_anchor = 0;
CREATE INDEX portfolios_anchors ON portfolios(seq) WHERE is_anchor = 1;
CREATE INDEX portfolios_candidate ON portfolios(candidate_id);
CREATE INDEX portfolios_resubmission ON portfolios(resubmission_of);
-- rowid = portfolios.seq, so a match joins straight onto the queue.
CREATE VIRTUAL TABLE portfolio_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
CREATE TABLE responses (
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  prompt TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (portfolio_id, position)
);
CREATE TABLE evidence (
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  evidence_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf','video','image','text')),
  media_type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  file_name TEXT NOT NULL,
  PRIMARY KEY (portfolio_id, evidence_id)
);
CREATE INDEX evidence_sha256 ON evidence(sha256);
CREATE TABLE evidence_criteria (
  portfolio_id TEXT NOT NULL,
  evidence_id TEXT NOT NULL,
  criterion_id TEXT NOT NULL,
  PRIMARY KEY (portfolio_id, evidence_id, criterion_id),
  FOREIGN KEY (portfolio_id, evidence_id) REFERENCES evidence(portfolio_id, evidence_id) ON DELETE CASCADE
);
CREATE TABLE evidence_captions (
  portfolio_id TEXT NOT NULL,
  evidence_id TEXT NOT NULL,
  position INTEGER NOT NULL,
  sha256 TEXT NOT NULL REFERENCES blobs(sha256),
  srclang TEXT NOT NULL,
  label TEXT NOT NULL,
  file_name TEXT NOT NULL,
  PRIMARY KEY (portfolio_id, evidence_id, position),
  FOREIGN KEY (portfolio_id, evidence_id) REFERENCES evidence(portfolio_id, evidence_id) ON DELETE CASCADE
);
CREATE TABLE reviewers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  school TEXT NOT NULL DEFAULT '',
  district TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  max_load INTEGER NOT NULL DEFAULT 20,
  created_at TEXT NOT NULL
);
CREATE TABLE reviewer_roles (
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('reviewer','moderator','lead','approver','admin')),
  PRIMARY KEY (reviewer_id, role)
);
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id),
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
  kind TEXT NOT NULL CHECK (kind IN ('review','moderation','calibration')),
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft','submitted')),
  outcome TEXT CHECK (outcome IN ('pass','not_yet')),
  total REAL,
  feedback TEXT NOT NULL DEFAULT '',
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  active_ms INTEGER NOT NULL DEFAULT 0,
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version)
);
CREATE INDEX reviews_portfolio ON reviews(portfolio_id);
CREATE INDEX reviews_reviewer_status ON reviews(reviewer_id, status);
CREATE TABLE review_scores (
  review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  score INTEGER,
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (review_id, criterion_id)
);
CREATE TABLE anchors (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  review_id INTEGER NOT NULL REFERENCES reviews(id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  evidence_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf_page','video_time')),
  page INTEGER,
  quote TEXT,
  start_s REAL,
  end_s REAL,
  created_at TEXT NOT NULL
);
CREATE INDEX anchors_review ON anchors(review_id);
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id),
  revision INTEGER NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('pass','not_yet','withdrawn')),
  total REAL,
  feedback TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('review','reconciled','moderation','correction')),
  review_id INTEGER REFERENCES reviews(id),
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  reason TEXT,
  UNIQUE (portfolio_id, revision)
);
CREATE INDEX decisions_portfolio_revision ON decisions(portfolio_id, revision);
CREATE TABLE decision_levels (
  decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (decision_id, criterion_id)
);
CREATE TABLE preferences (
  reviewer_id TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (reviewer_id, key)
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit_log(entity_type, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
`;

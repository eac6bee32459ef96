/**
 * Schema of the calibration feature: anchor portfolios with reference levels, calibration rounds (anchors ×
 * reviewers), which submitted calibration review belongs to which round, and qualification thresholds.
 * Calibration reviews themselves are ordinary rows of `reviews` (kind 'calibration') scored in the workbench.
 */
export const calibration = `
CREATE TABLE calibration_anchors (
  portfolio_id TEXT PRIMARY KEY REFERENCES portfolios(id),
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- The reference level of an anchor on each criterion of the rubric version it is scored with, and why.
CREATE TABLE calibration_references (
  portfolio_id TEXT NOT NULL REFERENCES calibration_anchors(portfolio_id) ON DELETE CASCADE,
  criterion_id TEXT NOT NULL,
  score INTEGER NOT NULL,
  rationale TEXT NOT NULL,
  PRIMARY KEY (portfolio_id, criterion_id)
);
CREATE TABLE calibration_rounds (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  opens_at TEXT NOT NULL,
  closes_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','closed')),
  closed_at TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  CHECK (closes_at > opens_at),
  FOREIGN KEY (rubric_id, rubric_version) REFERENCES rubrics(id, version)
);
CREATE INDEX calibration_rounds_rubric ON calibration_rounds(rubric_id, rubric_version);
CREATE TABLE calibration_round_anchors (
  round_id INTEGER NOT NULL REFERENCES calibration_rounds(id) ON DELETE CASCADE,
  portfolio_id TEXT NOT NULL REFERENCES calibration_anchors(portfolio_id),
  position INTEGER NOT NULL,
  PRIMARY KEY (round_id, portfolio_id)
);
CREATE INDEX calibration_round_anchors_portfolio ON calibration_round_anchors(portfolio_id);
CREATE TABLE calibration_round_reviewers (
  round_id INTEGER NOT NULL REFERENCES calibration_rounds(id) ON DELETE CASCADE,
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
  PRIMARY KEY (round_id, reviewer_id)
);
CREATE INDEX calibration_round_reviewers_reviewer ON calibration_round_reviewers(reviewer_id);
-- Written when a calibration review is submitted inside an open round: the round's ratings are exactly these.
CREATE TABLE calibration_submissions (
  review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
  round_id INTEGER NOT NULL REFERENCES calibration_rounds(id),
  portfolio_id TEXT NOT NULL,
  reviewer_id TEXT NOT NULL,
  submitted_at TEXT NOT NULL,
  UNIQUE (round_id, portfolio_id, reviewer_id)
);
CREATE INDEX calibration_submissions_reviewer ON calibration_submissions(reviewer_id, submitted_at);
-- Qualification thresholds: scope '*' is the default for every credential, otherwise a credential code.
CREATE TABLE calibration_thresholds (
  scope TEXT PRIMARY KEY,
  min_exact REAL NOT NULL CHECK (min_exact >= 0 AND min_exact <= 1),
  max_off INTEGER NOT NULL CHECK (max_off >= 0),
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`;

/** Review panels: policies per credential, declared conflicts, assignments, moderation, settings, offline review bundles. */
export const panels = `
CREATE TABLE review_policies (
  credential_code TEXT NOT NULL REFERENCES credentials(code),
  version INTEGER NOT NULL,
  reviews_required INTEGER NOT NULL CHECK (reviews_required BETWEEN 1 AND 3),
  tolerance INTEGER NOT NULL CHECK (tolerance >= 0),
  anonymous INTEGER NOT NULL,
  coi_same_school INTEGER NOT NULL,
  coi_same_district INTEGER NOT NULL,
  resubmission_reviewers TEXT NOT NULL CHECK (resubmission_reviewers IN ('prefer_earlier','require_new','any')),
  max_attempts INTEGER NOT NULL CHECK (max_attempts >= 1),
  qualified_only INTEGER NOT NULL DEFAULT 0,
  final_levels TEXT NOT NULL DEFAULT 'lower' CHECK (final_levels IN ('lower','higher')),
  change_note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (credential_code, version)
);
CREATE TABLE reviewer_conflicts (
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id) ON DELETE CASCADE,
  candidate_id TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  PRIMARY KEY (reviewer_id, candidate_id)
);
CREATE TABLE assignments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id),
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
  status TEXT NOT NULL CHECK (status IN ('assigned','submitted','released')),
  reason TEXT NOT NULL DEFAULT 'review' CHECK (reason IN ('review','third')),
  assigned_at TEXT NOT NULL,
  assigned_by TEXT NOT NULL,
  closed_at TEXT
);
CREATE UNIQUE INDEX assignments_active ON assignments(portfolio_id, reviewer_id) WHERE status <> 'released';
CREATE INDEX assignments_reviewer ON assignments(reviewer_id, status);
CREATE INDEX assignments_portfolio ON assignments(portfolio_id, status);
CREATE TABLE moderations (
  portfolio_id TEXT PRIMARY KEY REFERENCES portfolios(id),
  status TEXT NOT NULL CHECK (status IN ('open','third_review','resolved')),
  reason TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  resolved_by TEXT,
  resolved_at TEXT,
  note TEXT
);
CREATE INDEX moderations_status ON moderations(status, opened_at);
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE bundles (
  id TEXT PRIMARY KEY,
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  secret TEXT NOT NULL,
  results_imported_at TEXT
);
CREATE TABLE bundle_items (
  bundle_id TEXT NOT NULL REFERENCES bundles(id),
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id),
  assignment_id INTEGER NOT NULL REFERENCES assignments(id),
  rubric_id TEXT NOT NULL,
  rubric_version INTEGER NOT NULL,
  PRIMARY KEY (bundle_id, portfolio_id)
);
CREATE TABLE received_bundles (
  id TEXT PRIMARY KEY,
  reviewer_id TEXT NOT NULL REFERENCES reviewers(id),
  issued_at TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  secret TEXT NOT NULL
);
CREATE TABLE received_bundle_items (
  bundle_id TEXT NOT NULL REFERENCES received_bundles(id),
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id),
  PRIMARY KEY (bundle_id, portfolio_id)
);
`;

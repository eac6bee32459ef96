/**
 * Credit approval: versioned pathways, credentials earned elsewhere, candidate merges, credit applications with
 * their approvals and the credentials each approved award counted, the Open Badges issued, and the feature's settings
 * (issuer profile).
 */
export const credit = `
CREATE TABLE credit_pathways (
  id TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  -- The whole version as validated JSON (format evidence-workbench/pathway@1); the columns beside it are for lists.
  definition TEXT NOT NULL,
  target_code TEXT NOT NULL,
  target_title TEXT NOT NULL,
  four_eyes INTEGER NOT NULL DEFAULT 0,
  change_note TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE credit_external (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  candidate_id TEXT NOT NULL REFERENCES candidates(id),
  credential_code TEXT REFERENCES credentials(code),
  title TEXT NOT NULL,
  issuer TEXT NOT NULL,
  issuer_id TEXT,
  awarded_on TEXT NOT NULL,
  expires_on TEXT,
  points REAL,
  hours REAL,
  source TEXT NOT NULL CHECK (source IN ('csv','badge')),
  source_file TEXT NOT NULL,
  source_ref TEXT NOT NULL,
  -- Same candidate, credential, issuer and dates: a re-import of the same record is recognised and skipped.
  fingerprint TEXT NOT NULL UNIQUE,
  document TEXT,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);
CREATE INDEX credit_external_candidate ON credit_external(candidate_id);
CREATE TABLE credit_candidate_merges (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  from_id TEXT NOT NULL,
  into_id TEXT NOT NULL REFERENCES candidates(id),
  -- The merged-away candidate row and anything that could not move, kept so nothing is lost.
  snapshot TEXT NOT NULL,
  moved TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  merged_at TEXT NOT NULL,
  merged_by TEXT NOT NULL
);
CREATE INDEX credit_candidate_merges_from ON credit_candidate_merges(from_id);
CREATE TABLE credit_applications (
  id TEXT PRIMARY KEY,
  candidate_id TEXT NOT NULL REFERENCES candidates(id),
  pathway_id TEXT NOT NULL,
  pathway_version INTEGER NOT NULL,
  application_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','awaiting_second','approved','declined')),
  note TEXT NOT NULL DEFAULT '',
  -- The requirement checks as they stood when the application was decided (JSON); null while open.
  evaluation TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  decided_at TEXT,
  FOREIGN KEY (pathway_id, pathway_version) REFERENCES credit_pathways(id, version)
);
CREATE INDEX credit_applications_candidate ON credit_applications(candidate_id);
CREATE INDEX credit_applications_status ON credit_applications(status, created_at);
CREATE TABLE credit_approvals (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  application_id TEXT NOT NULL REFERENCES credit_applications(id),
  step INTEGER NOT NULL CHECK (step IN (1, 2)),
  approver_id TEXT NOT NULL,
  approver_name TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('approve','decline')),
  reasons TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL,
  UNIQUE (application_id, step)
);
CREATE TABLE credit_application_items (
  application_id TEXT NOT NULL REFERENCES credit_applications(id),
  position INTEGER NOT NULL,
  attainment_key TEXT NOT NULL,
  credential_code TEXT NOT NULL,
  title TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('app','external')),
  issuer TEXT NOT NULL,
  portfolio_id TEXT REFERENCES portfolios(id),
  external_id INTEGER REFERENCES credit_external(id),
  attempt INTEGER,
  awarded_on TEXT NOT NULL,
  expires_on TEXT,
  points REAL NOT NULL,
  hours REAL NOT NULL,
  PRIMARY KEY (application_id, attainment_key)
);
CREATE INDEX credit_application_items_code ON credit_application_items(credential_code);
-- One Open Badges credential per passed portfolio: re-exporting re-signs the same credential (same id and salt).
CREATE TABLE credit_badges (
  portfolio_id TEXT PRIMARY KEY REFERENCES portfolios(id),
  credential_id TEXT NOT NULL UNIQUE,
  salt TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL
);
CREATE TABLE credit_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;

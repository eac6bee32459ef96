/**
 * Imports in progress. A long import writes its portfolios in bounded transactions so others can save between them;
 * the run row and its items say what an unfinished run has written, so a failure (or a killed process, found at the
 * next start by its dead pid) can take exactly those rows out again.
 */
export const importRuns = `
CREATE TABLE import_runs (
  id TEXT PRIMARY KEY,
  pid INTEGER NOT NULL,
  source TEXT NOT NULL,
  started_at TEXT NOT NULL
);
CREATE TABLE import_run_items (
  run_id TEXT NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('portfolio','candidate','blob')),
  key TEXT NOT NULL,
  PRIMARY KEY (run_id, kind, key)
);
`;

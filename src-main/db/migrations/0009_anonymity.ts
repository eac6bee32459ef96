/**
 * Anonymous review that holds for every query: each portfolio knows whether its credential's review is anonymous
 * (kept in step by triggers, whoever writes a policy or a portfolio) and its candidate's keyed pseudonym (filled by
 * the app, which holds the key: see services/panels/pseudonym.ts), so search, filters and sorting can leave hidden
 * fields out for viewers who may not see identity without touching more than the page. Search gets separate columns
 * for the portfolio id, the pseudonym and the identity. Imports record where evidence names its candidate, and a
 * PDF's copy without metadata for reviewers.
 */
export const anonymity = `
ALTER TABLE portfolios ADD COLUMN pseudonym TEXT NOT NULL DEFAULT '';
ALTER TABLE portfolios ADD COLUMN anonymous INTEGER NOT NULL DEFAULT 0;
UPDATE portfolios SET anonymous = coalesce((SELECT rp.anonymous FROM review_policies rp WHERE rp.credential_code = portfolios.credential_code ORDER BY rp.version DESC LIMIT 1), 0);

CREATE TRIGGER portfolios_anonymous_on_insert AFTER INSERT ON portfolios
WHEN (SELECT rp.anonymous FROM review_policies rp WHERE rp.credential_code = NEW.credential_code ORDER BY rp.version DESC LIMIT 1) = 1
BEGIN UPDATE portfolios SET anonymous = 1 WHERE seq = NEW.seq; END;
-- Policy versions only grow: the newest one is in force for every portfolio of its credential.
CREATE TRIGGER review_policies_anonymous AFTER INSERT ON review_policies
WHEN NEW.version = (SELECT max(rp.version) FROM review_policies rp WHERE rp.credential_code = NEW.credential_code)
BEGIN UPDATE portfolios SET anonymous = NEW.anonymous WHERE credential_code = NEW.credential_code AND anonymous <> NEW.anonymous; END;

-- The name a viewer who may not see identity sorts by: the one they are shown.
CREATE INDEX portfolios_blind_name ON portfolios((CASE WHEN anonymous = 1 THEN 'Candidate ' || pseudonym ELSE candidate_name END) COLLATE NOCASE, id) WHERE is_anchor = 0;
-- A blind viewer's district filter leaves rows under anonymous review out: this index holds only the others.
CREATE INDEX portfolios_district_open ON portfolios(district, submitted_at, id) WHERE is_anchor = 0 AND anonymous = 0;
CREATE INDEX portfolios_without_pseudonym ON portfolios(seq) WHERE pseudonym = '';

-- Search, split by what a viewer may match: ref (portfolio id), pseudonym, identity (candidate ids, name, emails).
CREATE TABLE portfolio_search_old AS SELECT rowid AS seq, body FROM portfolio_search;
DROP TABLE portfolio_search;
CREATE VIRTUAL TABLE portfolio_search USING fts5(ref, pseudonym, identity, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
INSERT INTO portfolio_search (rowid, ref, pseudonym, identity)
  SELECT p.seq, p.id, '', substr(o.body, length(p.id) + 2) FROM portfolios p JOIN portfolio_search_old o ON o.seq = p.seq;
DROP TABLE portfolio_search_old;

-- A PDF's copy with its metadata (Info dictionary, XMP) removed, served to viewers who may not see identity.
ALTER TABLE evidence ADD COLUMN stripped_sha256 TEXT REFERENCES blobs(sha256);
-- Found when the store decides whether a blob is still referenced.
CREATE INDEX evidence_stripped_sha256 ON evidence(stripped_sha256) WHERE stripped_sha256 IS NOT NULL;

-- Where evidence (or a written response) names its candidate: the place and which field, never the text found.
CREATE TABLE identity_findings (
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  evidence_id TEXT,
  location TEXT NOT NULL,
  field TEXT NOT NULL CHECK (field IN ('name','email','school')),
  PRIMARY KEY (portfolio_id, position)
);
`;

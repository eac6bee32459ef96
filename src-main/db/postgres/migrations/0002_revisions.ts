/** SQLite's migration 10 (src-main/db/migrations/0010_revisions.ts): revisions of the records people edit in place. */
export const revisions = `
ALTER TABLE reviews ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE moderations ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE moderations ADD COLUMN updated_by text COLLATE "C";
ALTER TABLE moderations ADD COLUMN updated_at text COLLATE "C";
ALTER TABLE decisions ADD COLUMN feedback_version bigint NOT NULL DEFAULT 1;
ALTER TABLE decisions ADD COLUMN feedback_edited_by text COLLATE "C";
ALTER TABLE decisions ADD COLUMN feedback_edited_at text COLLATE "C";
`;

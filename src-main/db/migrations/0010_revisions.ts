/**
 * Revisions for the records people edit in place, so a write based on what someone saw is refused once someone
 * else has changed it since (services/stale.ts): a review draft, a moderation case, and a held decision's merged
 * feedback (a lead's edits before release). Each counts its changes; the case and the feedback also keep who made
 * the last one and when, for the refusal to name them. A review draft is only ever saved by its reviewer.
 */
export const revisions = `
ALTER TABLE reviews ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE moderations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE moderations ADD COLUMN updated_by TEXT;
ALTER TABLE moderations ADD COLUMN updated_at TEXT;
ALTER TABLE decisions ADD COLUMN feedback_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE decisions ADD COLUMN feedback_edited_by TEXT;
ALTER TABLE decisions ADD COLUMN feedback_edited_at TEXT;
`;

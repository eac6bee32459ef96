/**
 * An issued badge keeps the recipient it was issued to: the email behind its salted identity hash is recorded at
 * first export, so a later change to the candidate's details (an import with --update-existing) never re-signs the
 * same credential for another identity. Badges issued before this version take the email the candidate has now.
 */
export const badgeRecipient = `
ALTER TABLE credit_badges ADD COLUMN recipient_email TEXT;
UPDATE credit_badges SET recipient_email = (
  SELECT c.email FROM portfolios p JOIN candidates c ON c.id = p.candidate_id WHERE p.id = credit_badges.portfolio_id
);
`;

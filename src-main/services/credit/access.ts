import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { requireRole } from '../reviewers';

/**
 * Who may do what in credit approval. Checked in the services, so the desktop app, the browser shell and the CLI
 * (which runs as a system actor with every role) enforce the same rules.
 */
export const canView = (actor: Reviewer): void => requireRole(actor, 'approver', 'lead', 'admin');
/** Pathways decide who gets credit: university approvers and administrators shape them. */
export const canEditPathways = (actor: Reviewer): void => requireRole(actor, 'approver', 'admin');
/** Candidate data (external credentials, merges) is kept by the people who run panels and credit. */
export const canManageCandidates = (actor: Reviewer): void => requireRole(actor, 'approver', 'lead', 'admin');
/** Only a credit approver decides an application. */
export const canDecide = (actor: Reviewer): void => requireRole(actor, 'approver');

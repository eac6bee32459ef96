import { z } from 'zod';

/** Status values are stable identifiers (scripts filter on them); what people read is STATUS_LABEL. */
export const STATUSES = ['submitted', 'in_review', 'scored', 'ready', 'decided', 'exported', 'returned', 'withdrawn'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

/**
 * The one glossary of status words: queue chips, dashboard, dialogs, exports and the CLI all use these labels.
 * (tests/unit/domain/status-glossary.test.ts keeps renderer files from spelling them out themselves.)
 */
export const STATUS_LABEL: Record<Status, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  scored: 'Scored',
  ready: 'Ready to release',
  decided: 'Decided',
  exported: 'Exported',
  returned: 'Returned',
  withdrawn: 'Withdrawn',
};

/** What each status means, for tooltips and the README glossary. */
export const STATUS_MEANING: Record<Status, string> = {
  submitted: 'imported, no review started',
  in_review: 'reviewers at work',
  scored: 'all reviews are in, no decision yet (with a moderator, or scored offline)',
  ready: 'reviews agreed; the reconciled decision waits for a lead to release it',
  decided: 'decision released (pass or not yet)',
  exported: 'released decision included in an export',
  returned: 'a Not yet went back to the candidate',
  withdrawn: 'withdrawn by the candidate',
};

/** The panel dashboard's stages: statuses, plus portfolios still waiting for reviewers. */
export const PANEL_STAGES = ['awaiting_allocation', 'in_review', 'awaiting_moderation', 'ready_to_release', 'decided', 'returned'] as const;
export type PanelStage = (typeof PANEL_STAGES)[number];
export const PANEL_STAGE_LABEL: Record<PanelStage, string> = {
  awaiting_allocation: 'Awaiting allocation',
  in_review: STATUS_LABEL.in_review,
  awaiting_moderation: 'Awaiting moderation',
  ready_to_release: STATUS_LABEL.ready,
  decided: STATUS_LABEL.decided,
  returned: STATUS_LABEL.returned,
};

export const MODERATION_STATUS_LABEL: Record<'open' | 'third_review' | 'resolved', string> = {
  open: 'Awaiting moderator',
  third_review: 'Third review',
  resolved: 'Resolved',
};

export const ASSIGNMENT_STATUS_LABEL: Record<'assigned' | 'submitted' | 'released', string> = {
  assigned: 'Open',
  submitted: 'Submitted',
  released: 'Released',
};

/**
 * The queue's life cycle. scored = all required reviews are in but no decision yet (with a moderator); ready = they
 * agreed and the reconciled decision waits for a lead to release it; returned = a Not yet went back to the
 * candidate; a resubmission is a new portfolio linked to it.
 */
const TRANSITIONS: Record<Status, readonly Status[]> = {
  submitted: ['in_review', 'withdrawn'],
  in_review: ['scored', 'ready', 'decided', 'submitted', 'withdrawn'],
  scored: ['decided', 'in_review', 'withdrawn'],
  ready: ['decided', 'withdrawn'],
  decided: ['exported', 'returned'],
  exported: ['exported', 'returned', 'decided'],
  returned: ['in_review'],
  withdrawn: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

export class TransitionError extends Error {
  constructor(
    readonly from: Status,
    readonly to: Status,
  ) {
    super(`a portfolio that is ${STATUS_LABEL[from].toLowerCase()} cannot become ${STATUS_LABEL[to].toLowerCase()}`);
  }
}

export function assertTransition(from: Status, to: Status): void {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
}

import { z } from 'zod';

export const STATUSES = ['submitted', 'in_review', 'scored', 'decided', 'exported', 'returned', 'withdrawn'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const STATUS_LABEL: Record<Status, string> = {
  submitted: 'Submitted',
  in_review: 'In review',
  scored: 'Scored',
  decided: 'Decided',
  exported: 'Exported',
  returned: 'Returned',
  withdrawn: 'Withdrawn',
};

/**
 * The queue's life cycle. scored = all required reviews are in but no final decision yet (e.g. awaiting moderation);
 * returned = a Not yet went back to the candidate; a resubmission is a new portfolio linked to it.
 */
const TRANSITIONS: Record<Status, readonly Status[]> = {
  submitted: ['in_review', 'withdrawn'],
  in_review: ['scored', 'decided', 'submitted', 'withdrawn'],
  scored: ['decided', 'in_review', 'withdrawn'],
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

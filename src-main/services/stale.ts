import { ApiError } from '../../src-shared/contracts/errors';
import type { Reviewer } from '../../src-shared/contracts/reviewers';

/** The change a stale write would have overwritten: who made it, what they did ("saved this draft") and when. */
export interface LaterChange {
  byId: string;
  byName: string;
  did: string;
  at: string | null;
}

/** A time as people read it in a message: "10:42", or "10:42 on 3 Nov" when it was not today (the core's clock and zone). */
export function clockTime(iso: string, now: Date): string {
  const at = new Date(iso);
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  return `${time} on ${at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })}`;
}

/**
 * The refusal of a write based on an older revision of a record than the one stored: `conflict`, naming who changed
 * it since and when, never an overwrite. The same person in another window is told so.
 */
export function staleWrite(change: LaterChange, actor: Reviewer, now: Date): ApiError {
  const when = change.at ? ` at ${clockTime(change.at, now)}` : '';
  if (change.byId === actor.id)
    return new ApiError('conflict', `You ${change.did}${when} in another window after this one loaded it; reload to see those changes`);
  return new ApiError('conflict', `${change.byName} ${change.did}${when} after you opened it; reload to see their changes`);
}

/** Throws the refusal when the write was based on a revision other than the current one; no basis given, no check. */
export async function requireCurrent(
  basedOn: number | undefined,
  current: number,
  change: () => LaterChange | Promise<LaterChange>,
  actor: Reviewer,
  now: Date,
): Promise<void> {
  if (basedOn !== undefined && basedOn !== current) throw staleWrite(await change(), actor, now);
}

/** Small helpers the calibration services share: round status, rubric lookups, role checks. */
import { ApiError } from '../../../src-shared/contracts/errors';
import type { RoundStatus } from '../../../src-shared/contracts/calibration';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { Rubric } from '../../../src-shared/domain/rubric';
import type { calibrationRounds } from '../../db/schema';
import type { ServiceContext } from '../context';
import { requireRole } from '../reviewers';
import { loadRubric } from '../rubrics';

export type RoundRow = typeof calibrationRounds.$inferSelect;

/** Quality-team work (anchors, rounds, thresholds, reports, rubric versions) is for panel leads and administrators. */
export function requireLead(actor: Reviewer): void {
  requireRole(actor, 'lead', 'admin');
}

/**
 * A round is open for scoring between its dates unless a lead closed it early; once its close date has passed it
 * counts as closed even if nobody pressed "Close", so qualification never waits on a button.
 */
export function roundStatus(round: Pick<RoundRow, 'status' | 'opensAt' | 'closesAt'>, now: Date): RoundStatus {
  if (round.status === 'closed') return 'closed';
  const t = now.getTime();
  if (t > Date.parse(round.closesAt)) return 'closed';
  if (t < Date.parse(round.opensAt)) return 'scheduled';
  return 'open';
}

/** When a closed round ended: the moment a lead closed it, or its close date. */
export function roundEnd(round: Pick<RoundRow, 'closedAt' | 'closesAt'>): string {
  return round.closedAt ?? round.closesAt;
}

export async function rubricOrThrow(ctx: ServiceContext, id: string, version: number): Promise<Rubric> {
  const rubric = await loadRubric(ctx, id, version);
  if (!rubric) throw new ApiError('not_found', `no rubric ${id} version ${version}`);
  return rubric;
}

/** Loads each rubric version once per call site (reports touch the same few versions thousands of times). */
export function rubricCache(ctx: ServiceContext): (id: string, version: number) => Promise<Rubric> {
  const cache = new Map<string, Rubric>();
  return async (id, version) => {
    const key = `${id}@${version}`;
    let r = cache.get(key);
    if (!r) cache.set(key, (r = await rubricOrThrow(ctx, id, version)));
    return r;
  };
}

/** Credentials whose rubric (any version) is this one: the credentials a round on it can qualify reviewers for. */
export async function credentialsOfRubric(ctx: ServiceContext, rubricId: string): Promise<{ code: string; title: string }[]> {
  return (await ctx.db.all('SELECT code, title FROM credentials WHERE rubric_id = ? ORDER BY code', [rubricId])) as { code: string; title: string }[];
}

export const percent = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)} %`);
/** Fixed decimals with a true minus sign (U+2212), as in print. */
export const fixed = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined ? '–' : x.toFixed(digits).replace(/^-/, '−'));
export const signed = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '–' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;

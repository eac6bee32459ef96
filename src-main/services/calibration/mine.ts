/**
 * "My calibration": a reviewer's rounds and the anchors they still have to score. Nothing here reveals a reference
 * before the reviewer submitted that anchor; afterwards only the count of exact matches is given (the levels and
 * rationales are on the review page).
 */
import type { MyCalibration } from '../../../src-shared/contracts/calibration';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { ServiceContext } from '../context';
import { listCredentials } from '../credentials';
import { roundStatus, rubricOrThrow } from './common';
import { isQualified, roundComparisons, toRoundRow } from './qualification';
import { roundAnchors } from './rounds';
import { mapInOrder } from '../in-order';

export async function myCalibration(ctx: ServiceContext, actor: Reviewer): Promise<MyCalibration> {
  const rows = (
    (await ctx.db.all(
      `SELECT r.* FROM calibration_rounds r JOIN calibration_round_reviewers rr ON rr.round_id = r.id AND rr.reviewer_id = ?
         ORDER BY r.opens_at DESC, r.id DESC`,
      [actor.id],
    )) as Record<string, unknown>[]
  ).map(toRoundRow);
  const submitted = new Set(
    ((await ctx.db.all('SELECT portfolio_id AS p FROM calibration_submissions WHERE reviewer_id = ?', [actor.id])) as { p: string }[]).map((r) => r.p),
  );
  const drafts = new Set(
    (
      (await ctx.db.all("SELECT portfolio_id AS p FROM reviews WHERE reviewer_id = ? AND kind = 'calibration' AND status = 'draft'", [actor.id])) as {
        p: string;
      }[]
    ).map((r) => r.p),
  );
  const rounds = await mapInOrder(rows, async (round) => {
    const rubric = await rubricOrThrow(ctx, round.rubricId, round.rubricVersion);
    const comparisons = await roundComparisons(ctx, round.id, actor.id);
    return {
      id: round.id,
      name: round.name,
      status: roundStatus(round, ctx.now()),
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      rubricTitle: `${rubric.title} v${rubric.version}`,
      anchors: (await roundAnchors(ctx, round.id)).map((portfolioId) => {
        const done = submitted.has(portfolioId);
        const mine = comparisons.filter((c) => c.anchor === portfolioId);
        return {
          portfolioId,
          status: done ? ('submitted' as const) : drafts.has(portfolioId) ? ('draft' as const) : ('not_started' as const),
          exact: done ? mine.filter((c) => c.score === c.reference).length : null,
          criteria: rubric.criteria.length,
        };
      }),
    };
  });
  const rubricIds = new Set(rows.map((r) => r.rubricId));
  const qualifications = await mapInOrder(
    (await listCredentials(ctx)).filter((c) => rubricIds.has(c.rubric.id)),
    async (c) => ({ credential: c.code, title: c.title, ...(await isQualified(ctx, actor.id, c.code)) }),
  );
  return { rounds, qualifications };
}

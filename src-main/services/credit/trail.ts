import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import type { AttemptTrail } from '../../../src-shared/contracts/credit';
import { credentials, decisions, moderations, portfolios, reviews } from '../../db/schema';
import type { ServiceContext } from '../context';
import { reviewerName } from '../reviewers';

type PortfolioRow = typeof portfolios.$inferSelect;

const CHUNK = 500;

/**
 * The evidence behind attempts: every released decision revision (with how it was reached: one review, reconciled double
 * review, moderation, correction), the submitted reviews and moderations, and whether moderation was involved.
 */
export async function attemptTrails(ctx: ServiceContext, rows: PortfolioRow[]): Promise<AttemptTrail[]> {
  // In chunks: SQLite limits the number of bound parameters, and a programme can have many thousands of passes.
  if (rows.length > CHUNK)
    return (
      await mapInOrder(
        Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK)),
        (c) => attemptTrails(ctx, c),
      )
    ).flat();
  if (rows.length === 0) return [];
  const db = ctx.db.orm;
  const ids = rows.map((r) => r.id);
  const titles = new Map((await db.select({ code: credentials.code, title: credentials.title }).from(credentials).all()).map((c) => [c.code, c.title]));
  // Only released decisions count: a reconciled one waiting for a lead has not reached the candidate.
  const allDecisions = await db
    .select()
    .from(decisions)
    .where(and(inArray(decisions.portfolioId, ids), isNotNull(decisions.releasedAt)))
    .orderBy(asc(decisions.revision))
    .all();
  const allReviews = await db
    .select()
    .from(reviews)
    .where(and(inArray(reviews.portfolioId, ids), eq(reviews.status, 'submitted')))
    .orderBy(asc(reviews.submittedAt), asc(reviews.id))
    .all();
  const moderated = new Set(
    (await db.select({ id: moderations.portfolioId }).from(moderations).where(inArray(moderations.portfolioId, ids)).all()).map((m) => m.id),
  );
  const names = new Map<string, string>();
  const nameOf = async (id: string) => {
    if (!names.has(id)) names.set(id, await reviewerName(ctx, id));
    return names.get(id)!;
  };
  return await mapInOrder(rows, async (p) => {
    const ds = allDecisions.filter((d) => d.portfolioId === p.id);
    const rs = allReviews.filter((r) => r.portfolioId === p.id && r.kind !== 'calibration');
    return {
      portfolioId: p.id,
      credential: { code: p.credentialCode, title: titles.get(p.credentialCode) ?? p.credentialCode },
      attempt: p.attempt,
      submittedAt: p.submittedAt,
      status: p.status,
      outcome: p.outcome,
      testPre: p.testPre,
      testPost: p.testPost,
      decisions: await mapInOrder(ds, async (d) => ({
        revision: d.revision,
        outcome: d.outcome,
        source: d.source,
        decidedAt: d.decidedAt,
        decidedBy: d.decidedBy,
        decidedByName: await nameOf(d.decidedBy),
        reason: d.reason,
      })),
      reviews: await mapInOrder(rs, async (r) => ({
        reviewerId: r.reviewerId,
        reviewerName: await nameOf(r.reviewerId),
        kind: r.kind,
        outcome: r.outcome,
        submittedAt: r.submittedAt,
      })),
      moderated: moderated.has(p.id) || ds.some((d) => d.source === 'moderation') || rs.some((r) => r.kind === 'moderation'),
    };
  });
}

/**
 * When a portfolio passed: the first revision of the unbroken run of pass decisions that ends with the one in force
 * (a later correction that keeps the pass does not move the date; a Not yet corrected to Pass passes on the correction).
 */
export function passedAt(trail: AttemptTrail): string | null {
  const ds = trail.decisions;
  if (ds.length === 0 || ds.at(-1)!.outcome !== 'pass') return null;
  let i = ds.length - 1;
  while (i > 0 && ds[i - 1]!.outcome === 'pass') i--;
  return ds[i]!.decidedAt;
}

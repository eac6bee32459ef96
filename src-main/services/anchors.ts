import { asc, eq } from 'drizzle-orm';
import type { Anchor } from '../../src-shared/contracts/anchors';
import { anchors } from '../db/schema';
import type { ServiceContext } from './context';

export async function anchorsOf(ctx: ServiceContext, reviewId: number): Promise<Anchor[]> {
  return (await ctx.db.orm.select().from(anchors).where(eq(anchors.reviewId, reviewId)).orderBy(asc(anchors.id)).all()).map((a) => ({
    id: a.id,
    criterionId: a.criterionId,
    evidenceId: a.evidenceId,
    createdAt: a.createdAt,
    target:
      a.kind === 'pdf_page'
        ? { kind: 'pdf_page' as const, page: a.page ?? 1, ...(a.quote ? { quote: a.quote } : {}) }
        : { kind: 'video_time' as const, startS: a.startS ?? 0, ...(a.endS !== null ? { endS: a.endS } : {}) },
  }));
}

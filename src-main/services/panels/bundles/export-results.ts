/** Reviewer side: the submitted reviews of a received bundle, sealed for the lead (drafts stay behind). */
import { and, desc, eq } from 'drizzle-orm';
import { ApiError } from '../../../../src-shared/contracts/errors';
import type { Anchor } from '../../../../src-shared/contracts/anchors';
import { receivedBundleItems, receivedBundles, reviews } from '../../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../../context';
import { audit } from '../../audit';
import { toReviewView } from '../../reviews';
import { RESULTS_FORMAT, type ResultAnchor, type ResultReview, type ResultsPayload } from './format';
import { resultsMac } from './mac';

export interface ExportedResults {
  fileName: string;
  /** The results file (JSON). */
  text: string;
  bundle: string;
  reviewer: string;
  exported: string[];
  /** Portfolios of the bundle with a draft only: not exported. */
  drafts: string[];
  notStarted: string[];
}

async function receivedBundle(ctx: ServiceContext, bundleId?: string) {
  const db = ctx.db.orm;
  const row = bundleId
    ? await db.select().from(receivedBundles).where(eq(receivedBundles.id, bundleId)).get()
    : await db.select().from(receivedBundles).orderBy(desc(receivedBundles.importedAt), desc(receivedBundles.issuedAt)).limit(1).get();
  if (!row)
    throw new ApiError('not_found', bundleId ? `no review bundle ${bundleId} was imported here` : 'no review bundle was imported into this data directory');
  return row;
}

function toAnchor(a: Anchor): ResultAnchor {
  const t = a.target;
  return t.kind === 'pdf_page'
    ? { criterion: a.criterionId, evidence: a.evidenceId, kind: t.kind, page: t.page, ...(t.quote !== undefined ? { quote: t.quote } : {}) }
    : { criterion: a.criterionId, evidence: a.evidenceId, kind: t.kind, start_s: t.startS, ...(t.endS !== undefined ? { end_s: t.endS } : {}) };
}

/**
 * The results file of a received bundle (default: the one imported last): every submitted review of its portfolios by
 * the bundle's reviewer, with the MAC the lead checks. Refused while nothing has been submitted.
 */
export async function exportResults(ctx: ServiceContext, bundleId?: string, actor = 'system:results'): Promise<ExportedResults> {
  const bundle = await receivedBundle(ctx, bundleId);
  const items = await ctx.db.orm
    .select({ p: receivedBundleItems.portfolioId })
    .from(receivedBundleItems)
    .where(eq(receivedBundleItems.bundleId, bundle.id))
    .all();
  const out: ResultReview[] = [];
  const drafts: string[] = [];
  const notStarted: string[] = [];
  for (const { p } of items) {
    const row = await ctx.db.orm
      .select()
      .from(reviews)
      .where(and(eq(reviews.portfolioId, p), eq(reviews.reviewerId, bundle.reviewerId), eq(reviews.kind, 'review')))
      .orderBy(desc(reviews.id))
      .get();
    if (!row) notStarted.push(p);
    else if (row.status !== 'submitted') drafts.push(p);
    else {
      const v = await toReviewView(ctx, row);
      out.push({
        portfolio: p,
        rubric: { id: row.rubricId, version: row.rubricVersion },
        levels: Object.fromEntries(Object.entries(v.levels).filter((e): e is [string, number] => typeof e[1] === 'number')),
        comments: v.comments,
        anchors: v.anchors.map(toAnchor),
        feedback: row.feedback,
        outcome: row.outcome!,
        total: row.total ?? 0,
        submitted_at: row.submittedAt!,
        active_ms: row.activeMs,
      });
    }
  }
  if (out.length === 0)
    throw new ApiError(
      'conflict',
      `nothing to export yet: no submitted review among the ${items.length} portfolios of bundle ${bundle.id} (${drafts.length} draft${drafts.length === 1 ? '' : 's'})`,
    );
  const payload: ResultsPayload = { bundle: bundle.id, reviewer: bundle.reviewerId, exported_at: nowIso(ctx), reviews: out };
  const text = `${JSON.stringify({ format: RESULTS_FORMAT, payload, mac: resultsMac(bundle.secret, payload) }, null, 2)}\n`;
  await transaction(ctx, async (ctx) =>
    audit(ctx, {
      actor,
      action: 'results.export',
      entityType: 'bundle',
      entityId: bundle.id,
      details: { reviewer: bundle.reviewerId, exported: out.map((r) => r.portfolio), drafts, notStarted },
    }),
  );
  return {
    fileName: `review-results-${bundle.reviewerId}-${bundle.id.slice(0, 8)}.json`,
    text,
    bundle: bundle.id,
    reviewer: bundle.reviewerId,
    exported: out.map((r) => r.portfolio),
    drafts,
    notStarted,
  };
}

import { and, asc, eq } from 'drizzle-orm';
import { ApiError } from '../../src-shared/contracts/errors';
import type { PortfolioDetail, EvidenceView } from '../../src-shared/contracts/portfolio';
import { assertTransition, type Status } from '../../src-shared/domain/status';
import { evidence, evidenceCaptions, evidenceCriteria, portfolios, responses } from '../db/schema';
import { nowIso, type ServiceContext } from './context';
import { portfolioRow } from './queue';
import { loadRubric } from './rubrics';
import { loadCredential } from './credentials';
import { audit } from './audit';
import { currentPolicy } from './panels/policies';
import { loadIdentityFindings } from './panels/identity-findings';

export async function portfolioEvidence(ctx: ServiceContext, id: string): Promise<EvidenceView[]> {
  const db = ctx.db.orm;
  const items = await db.select().from(evidence).where(eq(evidence.portfolioId, id)).orderBy(asc(evidence.position)).all();
  const criteria = await db
    .select()
    .from(evidenceCriteria)
    .where(eq(evidenceCriteria.portfolioId, id))
    .orderBy(asc(evidenceCriteria.evidenceId), asc(evidenceCriteria.criterionId))
    .all();
  const captions = await db.select().from(evidenceCaptions).where(eq(evidenceCaptions.portfolioId, id)).orderBy(asc(evidenceCaptions.position)).all();
  return items.map((e) => ({
    id: e.evidenceId,
    title: e.title,
    kind: e.kind,
    mediaType: e.mediaType,
    bytes: e.bytes,
    sha256: e.sha256,
    fileName: e.fileName,
    criteria: criteria.filter((c) => c.evidenceId === e.evidenceId).map((c) => c.criterionId),
    captions: captions.filter((c) => c.evidenceId === e.evidenceId).map((c) => ({ sha256: c.sha256, srclang: c.srclang, label: c.label })),
  }));
}

export async function getPortfolio(ctx: ServiceContext, id: string): Promise<PortfolioDetail> {
  const db = ctx.db.orm;
  const row = await portfolioRow(ctx, id);
  const p = await db.select().from(portfolios).where(eq(portfolios.id, id)).get();
  if (!row || !p) throw new ApiError('not_found', `no portfolio ${id}`);
  const rubric = await loadRubric(ctx, p.rubricId, p.rubricVersion);
  const credential = await loadCredential(ctx, p.credentialCode);
  if (!rubric || !credential) throw new ApiError('internal', `portfolio ${id} refers to a missing rubric or credential`);
  const attempts = await db
    .select({ id: portfolios.id, attempt: portfolios.attempt, status: portfolios.status, outcome: portfolios.outcome, submittedAt: portfolios.submittedAt })
    .from(portfolios)
    .where(and(eq(portfolios.candidateId, p.candidateId), eq(portfolios.credentialCode, p.credentialCode)))
    .orderBy(asc(portfolios.attempt))
    .all();
  return {
    ...row,
    credentialDetail: credential,
    rubric,
    resubmissionOf: p.resubmissionOf,
    responses: await db
      .select({ prompt: responses.prompt, text: responses.text })
      .from(responses)
      .where(eq(responses.portfolioId, id))
      .orderBy(asc(responses.position))
      .all(),
    evidence: await portfolioEvidence(ctx, id),
    attempts,
    tests: { pre: p.testPre, post: p.testPost },
    identity: { anonymousReview: (await currentPolicy(ctx, p.credentialCode)).anonymous, withheld: false, findings: await loadIdentityFindings(ctx, id) },
  };
}

/** The single place a portfolio's status changes: checks the life cycle and writes the audit log. */
export async function setStatus(ctx: ServiceContext, id: string, to: Status, actor: string, details: Record<string, unknown> = {}): Promise<void> {
  const p = await ctx.db.orm.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, id)).get();
  if (!p) throw new ApiError('not_found', `no portfolio ${id}`);
  try {
    assertTransition(p.status, to);
  } catch (err) {
    throw new ApiError('conflict', `${id}: ${(err as Error).message}`);
  }
  await ctx.db.orm
    .update(portfolios)
    .set({ status: to, updatedAt: nowIso(ctx) })
    .where(eq(portfolios.id, id))
    .run();
  await audit(ctx, { actor, action: 'portfolio.status', entityType: 'portfolio', entityId: id, details: { from: p.status, to, ...details } });
}

/** The store serves only blobs an import registered, with the media type recorded then (never guessed from the request). */
export async function blobMediaType(ctx: ServiceContext, sha256: string): Promise<string | null> {
  const row = (await ctx.db.get('SELECT media_type AS mediaType FROM blobs WHERE sha256 = ?', [sha256])) as { mediaType: string } | undefined;
  return row?.mediaType ?? null;
}

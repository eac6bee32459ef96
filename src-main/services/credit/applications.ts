import { and, asc, eq, inArray } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { ApplicationStatus, ApplicationSummary, ApplicationView, AttainmentView, PathwayEvaluationView } from '../../../src-shared/contracts/credit';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { attainmentStatus, evaluatePathway, isIsoDate, pathwayLabel, type Attainment, type Pathway } from '../../../src-shared/domain/pathway';
import { creditApplicationItems, creditApplications, creditApprovals, portfolios } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { listCredentials } from '../credentials';
import { requireRole } from '../reviewers';
import { canDecide, canView } from './access';
import { candidateAttainments, candidateExternal, candidateIds, externalView, isoDay, toCatalogue } from './attainments';
import { getCandidate, mergedInto } from './candidates';
import { loadPathway } from './pathways';
import { attemptTrails } from './trail';
import { lockRow } from '../locks';
import { requireCurrent } from '../stale';

type AppRow = typeof creditApplications.$inferSelect;

/** What a decided application keeps: the checks and the attainments they were made on, as they stood. */
interface Snapshot {
  evaluation: PathwayEvaluationView;
  attainments: AttainmentView[];
}

const OPEN: ApplicationStatus[] = ['pending', 'awaiting_second'];

async function row(ctx: ServiceContext, id: string): Promise<AppRow> {
  const r = await ctx.db.orm.select().from(creditApplications).where(eq(creditApplications.id, id)).get();
  if (!r) throw new ApiError('not_found', `no credit application ${id}`);
  return r;
}

async function pathwayOf(ctx: ServiceContext, r: AppRow): Promise<Pathway> {
  const p = await loadPathway(ctx, r.pathwayId, r.pathwayVersion);
  if (!p) throw new ApiError('internal', `pathway ${r.pathwayId}@${r.pathwayVersion} of ${r.id} is missing`);
  return p;
}

/** The requirement checks now (open application) or as decided (closed one). */
async function assess(ctx: ServiceContext, r: AppRow, p: Pathway): Promise<Snapshot> {
  if (r.evaluation) return JSON.parse(r.evaluation) as Snapshot;
  const attainments = (await candidateAttainments(ctx, r.candidateId, { exceptApplication: r.id })).filter(
    (a) => a.code !== null && p.rule.credentials.includes(a.code),
  );
  const evaluation = evaluatePathway(p, attainments, toCatalogue(await listCredentials(ctx)), r.applicationDate);
  return { evaluation, attainments: attainments.map((a) => ({ ...a, status: attainmentStatus(a, r.applicationDate, p.rule.allow_double_counting) })) };
}

async function summary(ctx: ServiceContext, r: AppRow): Promise<ApplicationSummary> {
  const p = await pathwayOf(ctx, r);
  const candidate = await getCandidate(ctx, r.candidateId);
  return {
    id: r.id,
    candidate: { id: r.candidateId, name: candidate?.name ?? r.candidateId },
    pathway: { id: p.id, version: p.version, label: pathwayLabel(p) },
    date: r.applicationDate,
    status: r.status,
    met: (await assess(ctx, r, p)).evaluation.met,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
  };
}

export async function listApplications(
  ctx: ServiceContext,
  actor: Reviewer,
  filter: { status?: ApplicationStatus[]; candidateId?: string } = {},
): Promise<ApplicationSummary[]> {
  canView(actor);
  const where = [];
  if (filter.status?.length) where.push(inArray(creditApplications.status, filter.status));
  if (filter.candidateId) where.push(eq(creditApplications.candidateId, filter.candidateId));
  return await mapInOrder(
    await ctx.db.orm
      .select()
      .from(creditApplications)
      .where(and(...where))
      .orderBy(asc(creditApplications.createdAt), asc(creditApplications.id))
      .all(),
    (r) => summary(ctx, r),
  );
}

async function approvalsOf(ctx: ServiceContext, id: string) {
  return (await ctx.db.orm.select().from(creditApprovals).where(eq(creditApprovals.applicationId, id)).orderBy(asc(creditApprovals.step)).all()).map((a) => ({
    step: a.step,
    approverId: a.approverId,
    approverName: a.approverName,
    decision: a.decision,
    reasons: a.reasons,
    at: a.at,
  }));
}

/** What the caller may do with the application now, and if nothing, why. */
function actionsFor(
  r: AppRow,
  evaluation: PathwayEvaluationView,
  approvals: Awaited<ReturnType<typeof approvalsOf>>,
  actor: Reviewer,
): ApplicationView['actions'] {
  if (!OPEN.includes(r.status)) return { approve: false, decline: false, why: `this application was ${r.status}` };
  if (!actor.roles.includes('approver')) return { approve: false, decline: false, why: 'only a credit approver can decide' };
  if (r.status === 'awaiting_second' && approvals[0]?.approverId === actor.id)
    return { approve: false, decline: true, why: `you gave the first approval; a second, different approver must approve (four eyes)` };
  if (!evaluation.met) return { approve: false, decline: true, why: 'not every requirement is met' };
  return { approve: true, decline: true, why: null };
}

export async function getApplication(ctx: ServiceContext, id: string, actor: Reviewer): Promise<ApplicationView> {
  canView(actor);
  const r = await row(ctx, id);
  const p = await pathwayOf(ctx, r);
  const { evaluation, attainments } = await assess(ctx, r, p);
  const candidate = (await getCandidate(ctx, r.candidateId)) ?? { id: r.candidateId, name: r.candidateId, email: '', school: '', district: '' };
  const approvals = await approvalsOf(ctx, id);
  const ids = await candidateIds(ctx, r.candidateId);
  const portfolioIds = attainments.map((a) => a.portfolioId).filter((x): x is string => x !== null);
  const trails = await attemptTrails(
    ctx,
    portfolioIds.length ? await ctx.db.orm.select().from(portfolios).where(inArray(portfolios.id, portfolioIds)).all() : [],
  );
  const external = (await candidateExternal(ctx, ids)).map(await externalView(ctx));
  const counted = (
    await ctx.db.orm
      .select()
      .from(creditApplicationItems)
      .where(eq(creditApplicationItems.applicationId, id))
      .orderBy(asc(creditApplicationItems.position))
      .all()
  ).map((i) => ({
    key: i.attainmentKey,
    code: i.credentialCode,
    title: i.title,
    source: i.source,
    issuer: i.issuer,
    portfolioId: i.portfolioId,
    attempt: i.attempt,
    awardedOn: i.awardedOn,
    expiresOn: i.expiresOn,
    points: i.points,
    hours: i.hours,
  }));
  return {
    id: r.id,
    status: r.status,
    date: r.applicationDate,
    note: r.note,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    decidedAt: r.decidedAt,
    candidate,
    pathway: p,
    evaluation,
    attainments,
    trail: attainments.map((a) => ({
      key: a.key,
      attempt: trails.find((t) => `portfolio:${t.portfolioId}` === a.key) ?? null,
      external: external.find((e) => e.key === a.key) ?? null,
    })),
    approvals,
    counted,
    revision: approvals.length,
    actions: actionsFor(r, evaluation, approvals, actor),
  };
}

async function nextId(ctx: ServiceContext): Promise<string> {
  const n = ((await ctx.db.get('SELECT count(*) AS n FROM credit_applications')) as { n: number }).n;
  for (let i = n + 1; ; i++) {
    const id = `CA-${String(i).padStart(4, '0')}`;
    if (!(await ctx.db.orm.select({ id: creditApplications.id }).from(creditApplications).where(eq(creditApplications.id, id)).get())) return id;
  }
}

export interface NewApplication {
  candidateId: string;
  pathwayId: string;
  pathwayVersion?: number;
  date: string;
  note?: string;
}

/** Opens a credit application: a candidate, a pathway version (the latest unless named) and the application date. */
export async function createApplication(ctx: ServiceContext, input: NewApplication, actor: Reviewer): Promise<ApplicationView> {
  requireRole(actor, 'approver', 'lead', 'admin');
  if (!isIsoDate(input.date)) throw new ApiError('bad_request', `application date "${input.date}" is not a date (YYYY-MM-DD)`);
  const candidateId = (await getCandidate(ctx, input.candidateId)) ? input.candidateId : await mergedInto(ctx, input.candidateId);
  if (!candidateId || !(await getCandidate(ctx, candidateId))) throw new ApiError('not_found', `no candidate ${input.candidateId}`);
  const p = await loadPathway(ctx, input.pathwayId, input.pathwayVersion);
  if (!p) throw new ApiError('not_found', `no pathway ${input.pathwayId}${input.pathwayVersion ? ` version ${input.pathwayVersion}` : ''}`);
  const id = await transaction(ctx, async (ctx) => {
    const open = await ctx.db.orm
      .select({ id: creditApplications.id })
      .from(creditApplications)
      .where(and(eq(creditApplications.candidateId, candidateId), eq(creditApplications.pathwayId, p.id), inArray(creditApplications.status, OPEN)))
      .get();
    if (open) throw new ApiError('conflict', `${candidateId} already has an open application for ${pathwayLabel(p)} (${open.id})`);
    const appId = await nextId(ctx);
    await ctx.db.orm
      .insert(creditApplications)
      .values({
        id: appId,
        candidateId,
        pathwayId: p.id,
        pathwayVersion: p.version,
        applicationDate: input.date,
        status: 'pending',
        note: input.note ?? '',
        createdAt: nowIso(ctx),
        createdBy: actor.id,
      })
      .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'credit.apply',
      entityType: 'credit_application',
      entityId: appId,
      details: { candidate: candidateId, pathway: `${p.id}@${p.version}`, date: input.date },
    });
    return appId;
  });
  return getApplication(ctx, id, actor);
}

async function freeze(ctx: ServiceContext, r: AppRow, status: 'approved' | 'declined', snap: Snapshot): Promise<void> {
  const now = nowIso(ctx);
  await ctx.db.orm
    .update(creditApplications)
    .set({ status, evaluation: JSON.stringify(snap), decidedAt: now })
    .where(eq(creditApplications.id, r.id))
    .run();
  if (status !== 'approved') return;
  const byKey = new Map<string, Attainment>(snap.attainments.map((a) => [a.key, a]));
  for (const [position, key] of snap.evaluation.counted.entries()) {
    const a = byKey.get(key)!;
    await ctx.db.orm
      .insert(creditApplicationItems)
      .values({
        applicationId: r.id,
        position,
        attainmentKey: key,
        credentialCode: a.code!,
        title: a.title,
        source: a.source,
        issuer: a.issuer,
        portfolioId: a.portfolioId,
        externalId: a.source === 'external' ? Number(key.slice('external:'.length)) : null,
        attempt: a.attempt,
        awardedOn: a.awardedOn,
        expiresOn: a.expiresOn,
        points: a.points,
        hours: a.hours,
      })
      .run();
  }
}

/**
 * Approves or declines. Only a credit approver may decide. An approval needs every requirement met on the
 * application date (checked again inside the transaction, so two approvals cannot count one credential twice);
 * where the pathway asks for four eyes, a first approval waits for a second from a different approver. Decided and
 * written in one transaction on the application's locked row; a decision made on an earlier revision of it
 * (`revision`: another approver decided since) is refused with `conflict`, naming them.
 */
export async function decideApplication(
  ctx: ServiceContext,
  input: { applicationId: string; decision: 'approve' | 'decline'; reasons: string; revision?: number },
  actor: Reviewer,
): Promise<ApplicationView> {
  canDecide(actor);
  const reasons = input.reasons.trim();
  if (input.decision === 'decline' && reasons.length < 3) throw new ApiError('bad_request', 'a decline needs the reasons, for the candidate and the record');
  await transaction(ctx, async (ctx) => {
    await lockRow(ctx, 'credit_applications', input.applicationId);
    const r = await row(ctx, input.applicationId);
    const approvals = await approvalsOf(ctx, r.id);
    const last = approvals.at(-1);
    await requireCurrent(
      input.revision,
      approvals.length,
      () => ({
        byId: last?.approverId ?? '',
        byName: last?.approverName ?? 'Someone',
        did: `${last?.decision === 'decline' ? 'declined' : 'approved'} ${r.id}`,
        at: last?.at ?? null,
      }),
      actor,
      ctx.now(),
    );
    if (!OPEN.includes(r.status)) throw new ApiError('conflict', `${r.id} was already ${r.status}`);
    const p = await pathwayOf(ctx, r);
    const snap = await assess(ctx, r, p);
    const step = approvals.length + 1;
    const record = (decision: 'approve' | 'decline') =>
      ctx.db.orm
        .insert(creditApprovals)
        .values({ applicationId: r.id, step, approverId: actor.id, approverName: actor.name, decision, reasons, at: nowIso(ctx) })
        .run();
    const details = { pathway: `${p.id}@${p.version}`, step, reasons, met: snap.evaluation.met, counted: snap.evaluation.counted };
    if (input.decision === 'decline') {
      await record('decline');
      await freeze(ctx, r, 'declined', snap);
      await audit(ctx, { actor: actor.id, action: 'credit.decline', entityType: 'credit_application', entityId: r.id, details });
      return;
    }
    if (!snap.evaluation.met)
      throw new ApiError(
        'conflict',
        `${r.id} does not meet ${pathwayLabel(p)} on ${r.applicationDate}`,
        snap.evaluation.checks.filter((c) => c.required && !c.ok).map((c) => c.reason),
      );
    if (r.status === 'awaiting_second' && approvals[0]?.approverId === actor.id)
      throw new ApiError('forbidden', `${actor.name} gave the first approval; the second approval must come from a different approver`);
    await record('approve');
    if (p.four_eyes && r.status === 'pending') {
      await ctx.db.orm.update(creditApplications).set({ status: 'awaiting_second' }).where(eq(creditApplications.id, r.id)).run();
      await audit(ctx, { actor: actor.id, action: 'credit.approve.first', entityType: 'credit_application', entityId: r.id, details });
      return;
    }
    await freeze(ctx, r, 'approved', snap);
    await audit(ctx, { actor: actor.id, action: 'credit.approve', entityType: 'credit_application', entityId: r.id, details });
  });
  return getApplication(ctx, input.applicationId, actor);
}

/** Approved applications, oldest decision first: what the student-record export and letters read. */
export async function approvedApplications(ctx: ServiceContext): Promise<AppRow[]> {
  return await ctx.db.orm
    .select()
    .from(creditApplications)
    .where(eq(creditApplications.status, 'approved'))
    .orderBy(asc(creditApplications.decidedAt), asc(creditApplications.id))
    .all();
}

export { isoDay };

import { asc, eq } from 'drizzle-orm';
import { ApiError } from '../../src-shared/contracts/errors';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import type { Role } from '../../src-shared/domain/roles';
import { ROLE_LABEL, ROLES } from '../../src-shared/domain/roles';
import { reviewerRoles, reviewers } from '../db/schema';
import { nowIso, type ServiceContext, transaction } from './context';
import { audit } from './audit';

export async function listReviewers(ctx: ServiceContext): Promise<Reviewer[]> {
  const db = ctx.db.orm;
  const roles = await db.select().from(reviewerRoles).all();
  return (await db.select().from(reviewers).orderBy(asc(reviewers.name)).all()).map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    school: r.school,
    district: r.district,
    active: r.active,
    maxLoad: r.maxLoad,
    roles: ROLES.filter((role) => roles.some((x) => x.reviewerId === r.id && x.role === role)),
  }));
}

export async function getReviewer(ctx: ServiceContext, id: string): Promise<Reviewer | null> {
  return (await listReviewers(ctx)).find((r) => r.id === id) ?? null;
}

/** The caller's profile, required: every score and decision carries who made it. */
export async function requireActor(ctx: ServiceContext, actor: string | null): Promise<Reviewer> {
  if (!actor) throw new ApiError('unauthorized', 'choose a reviewer profile first');
  const reviewer = await getReviewer(ctx, actor);
  if (!reviewer) throw new ApiError('unauthorized', `unknown reviewer profile "${actor}"`);
  if (!reviewer.active) throw new ApiError('forbidden', `${reviewer.name}'s profile is inactive`);
  return reviewer;
}

/** Role checks live here, in the services, so both shells and the CLI enforce them alike. */
export function requireRole(reviewer: Reviewer, ...allowed: Role[]): void {
  if (!allowed.some((r) => reviewer.roles.includes(r)))
    throw new ApiError('forbidden', `${reviewer.name} needs the role ${allowed.map((r) => ROLE_LABEL[r]).join(' or ')} for this`);
}

async function newId(ctx: ServiceContext, name: string): Promise<string> {
  const base = `R-${
    name
      .normalize('NFKD')
      .replace(/[^\w]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 40) || 'reviewer'
  }`;
  let id = base;
  for (let i = 2; await getReviewer(ctx, id); i++) id = `${base}-${i}`;
  return id;
}

export interface NewReviewer {
  id?: string;
  name: string;
  email: string;
  school: string;
  district: string;
  roles: Role[];
  maxLoad?: number;
}

/**
 * Anyone may create a plain reviewer profile (first start on a shared machine); other roles need an admin or lead,
 * except for the very first profile of a new data directory, which may be anything.
 */
export async function createReviewer(ctx: ServiceContext, input: NewReviewer, actor: Reviewer | null): Promise<Reviewer> {
  const isFirst = (await listReviewers(ctx)).length === 0;
  const privileged = input.roles.some((r) => r !== 'reviewer');
  if (privileged && !isFirst) {
    if (!actor) throw new ApiError('unauthorized', 'only an administrator or panel lead can give roles other than Reviewer');
    requireRole(actor, 'admin', 'lead');
  }
  if ((await listReviewers(ctx)).some((r) => r.email.toLowerCase() === input.email.toLowerCase()))
    throw new ApiError('conflict', `a profile with the email ${input.email} already exists`);
  const id = input.id ?? (await newId(ctx, input.name));
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm
      .insert(reviewers)
      .values({
        id,
        name: input.name,
        email: input.email,
        school: input.school,
        district: input.district,
        maxLoad: input.maxLoad ?? 20,
        createdAt: nowIso(ctx),
      })
      .run();
    for (const role of new Set(input.roles)) await ctx.db.orm.insert(reviewerRoles).values({ reviewerId: id, role }).run();
    await audit(ctx, {
      actor: actor?.id ?? id,
      action: 'reviewer.create',
      entityType: 'reviewer',
      entityId: id,
      details: { name: input.name, roles: input.roles },
    });
  });
  return (await getReviewer(ctx, id))!;
}

export async function reviewerName(ctx: ServiceContext, id: string): Promise<string> {
  return (await ctx.db.orm.select({ name: reviewers.name }).from(reviewers).where(eq(reviewers.id, id)).get())?.name ?? id;
}

/**
 * The CLI runs as the local operator, who already holds the data files: a system actor with every role, recorded
 * in the audit log under its own name (e.g. "cli:ana").
 */
export function systemActor(id: string): Reviewer {
  return { id, name: id, email: '', school: '', district: '', roles: ['reviewer', 'moderator', 'lead', 'approver', 'admin'], active: true, maxLoad: 0 };
}

/**
 * Who a CLI command acts as: the reviewer profile `--actor` names, with that profile's own roles (so `list` run as a
 * reviewer sees what the reviewer sees), or else the local operator with every role.
 */
export async function cliActor(ctx: ServiceContext, id: string): Promise<Reviewer> {
  return (await getReviewer(ctx, id)) ? await requireActor(ctx, id) : systemActor(id);
}

export interface ReviewerUpdate {
  name?: string;
  email?: string;
  school?: string;
  district?: string;
  roles?: Role[];
  active?: boolean;
  maxLoad?: number;
}

/** Edits a profile (lead or admin), audited with before and after. */
export async function updateReviewer(ctx: ServiceContext, id: string, patch: ReviewerUpdate, actor: Reviewer): Promise<Reviewer> {
  requireRole(actor, 'lead', 'admin');
  const before = await getReviewer(ctx, id);
  if (!before) throw new ApiError('not_found', `no reviewer ${id}`);
  await transaction(ctx, async (ctx) => {
    const { roles, ...fields } = patch;
    if (Object.keys(fields).length) await ctx.db.orm.update(reviewers).set(fields).where(eq(reviewers.id, id)).run();
    if (roles) {
      await ctx.db.orm.delete(reviewerRoles).where(eq(reviewerRoles.reviewerId, id)).run();
      for (const role of new Set(roles)) await ctx.db.orm.insert(reviewerRoles).values({ reviewerId: id, role }).run();
    }
    await audit(ctx, { actor: actor.id, action: 'reviewer.update', entityType: 'reviewer', entityId: id, details: { before, patch } });
  });
  return (await getReviewer(ctx, id))!;
}

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { mapInOrder } from '../in-order';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import type { PathwaySummary, PathwayVersion } from '../../../src-shared/contracts/credit';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { PATHWAY_FORMAT, PathwaySchema, pathwayFingerprint, type Pathway, type PathwayInput } from '../../../src-shared/domain/pathway';
import { creditApplications, creditPathways, credentials } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { canEditPathways } from './access';

type Row = typeof creditPathways.$inferSelect;

const parseRow = (r: Row): Pathway => PathwaySchema.parse(JSON.parse(r.definition));

async function applicationCount(ctx: ServiceContext, id: string, version: number): Promise<number> {
  return (await ctx.db.orm
    .select({ n: sql<number>`count(*)` })
    .from(creditApplications)
    .where(and(eq(creditApplications.pathwayId, id), eq(creditApplications.pathwayVersion, version)))
    .get())!.n;
}

async function toVersion(ctx: ServiceContext, r: Row): Promise<PathwayVersion> {
  const applications = await applicationCount(ctx, r.id, r.version);
  return { pathway: parseRow(r), createdAt: r.createdAt, createdBy: r.createdBy, frozen: applications > 0, applications };
}

export async function loadPathway(ctx: ServiceContext, id: string, version?: number): Promise<Pathway | null> {
  const q = ctx.db.orm.select().from(creditPathways);
  const row =
    version === undefined
      ? await q.where(eq(creditPathways.id, id)).orderBy(desc(creditPathways.version)).limit(1).get()
      : await q.where(and(eq(creditPathways.id, id), eq(creditPathways.version, version))).get();
  return row ? parseRow(row) : null;
}

export async function pathwayVersions(ctx: ServiceContext, id: string): Promise<PathwayVersion[]> {
  return await mapInOrder(await ctx.db.orm.select().from(creditPathways).where(eq(creditPathways.id, id)).orderBy(asc(creditPathways.version)).all(), (r) =>
    toVersion(ctx, r),
  );
}

export async function getPathway(ctx: ServiceContext, id: string, version?: number): Promise<{ current: PathwayVersion; versions: PathwayVersion[] }> {
  const versions = await pathwayVersions(ctx, id);
  const current = version === undefined ? versions.at(-1) : versions.find((v) => v.pathway.version === version);
  if (!current) throw new ApiError('not_found', version === undefined ? `no pathway ${id}` : `no pathway ${id} version ${version}`);
  return { current, versions };
}

/** A one-line account of a rule, for lists: "all of EMP-8, WCL-8, CST-8; at least 15 points". */
export function ruleSummary(p: Pathway): string {
  const r = p.rule;
  const parts = [
    r.require.type === 'all_of'
      ? `all of ${r.credentials.join(', ')}`
      : r.require.type === 'n_of'
        ? `${r.require.n} of ${r.credentials.join(', ')}`
        : `any of ${r.credentials.join(', ')}`,
  ];
  if (r.min_points !== undefined) parts.push(`at least ${r.min_points} points`);
  if (r.min_hours !== undefined) parts.push(`at least ${r.min_hours} hours`);
  if (r.post_test) parts.push(`post-test ≥ ${r.post_test.min} %${r.post_test.credential ? ` in ${r.post_test.credential}` : ''}`);
  if (p.four_eyes) parts.push('two approvers');
  return parts.join('; ');
}

export async function listPathways(ctx: ServiceContext): Promise<PathwaySummary[]> {
  const rows = await ctx.db.orm
    .select()
    .from(creditPathways)
    .orderBy(asc(creditPathways.targetCode), asc(creditPathways.id), asc(creditPathways.version))
    .all();
  const latest = new Map<string, Row>();
  const counts = new Map<string, number>();
  for (const r of rows) {
    latest.set(r.id, r);
    counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  }
  return await mapInOrder([...latest.values()], async (r) => {
    const p = parseRow(r);
    const applications = (await ctx.db.orm
      .select({ n: sql<number>`count(*)` })
      .from(creditApplications)
      .where(eq(creditApplications.pathwayId, r.id))
      .get())!.n;
    return {
      id: r.id,
      version: r.version,
      targetCode: p.target.code,
      targetTitle: p.target.title,
      qualification: p.target.qualification,
      fourEyes: p.four_eyes,
      versions: counts.get(r.id)!,
      applications,
      summary: ruleSummary(p),
    };
  });
}

/** Credential codes a pathway names that the catalogue does not have. */
export async function unknownCredentials(ctx: ServiceContext, p: Pathway, extra: ReadonlySet<string> = new Set()): Promise<string[]> {
  const known = new Set((await ctx.db.orm.select({ code: credentials.code }).from(credentials).all()).map((c) => c.code));
  return p.rule.credentials.filter((c) => !known.has(c) && !extra.has(c));
}

export type SaveResult = 'created' | 'updated' | 'new_version' | 'unchanged';

/**
 * How a pathway version would be stored, or why not. Editing: a version nobody has applied under yet changes in
 * place; a used (frozen) version stays as it was and the edit becomes the next version. Importing is stricter, like
 * rubrics: a frozen version never changes, a file must say version n+1.
 */
export async function planSave(
  ctx: ServiceContext,
  p: Pathway,
  mode: 'edit' | 'import',
): Promise<{ result: SaveResult; version: number } | { problem: string }> {
  const versions = await ctx.db.orm.select().from(creditPathways).where(eq(creditPathways.id, p.id)).orderBy(asc(creditPathways.version)).all();
  if (versions.length === 0) return { result: 'created', version: mode === 'edit' ? 1 : p.version };
  const latest = versions.at(-1)!.version;
  const same = versions.find((v) => v.version === p.version);
  if (!same) {
    if (p.version === latest + 1) return { result: 'new_version', version: p.version };
    return { problem: `pathway ${p.id} is at version ${latest}; the next version is ${latest + 1}, not ${p.version}` };
  }
  if (pathwayFingerprint(parseRow(same)) === pathwayFingerprint(p)) return { result: 'unchanged', version: p.version };
  const frozen = (await applicationCount(ctx, p.id, p.version)) > 0;
  if (!frozen) return { result: 'updated', version: p.version };
  if (mode === 'import') return { problem: `pathway ${p.id} version ${p.version} is in use and cannot change; publish it as version ${latest + 1}` };
  if (p.version !== latest) return { problem: `version ${p.version} of ${p.id} is not the latest (${latest}); edit the latest version` };
  return { result: 'new_version', version: latest + 1 };
}

/** Writes a planned save; call inside a transaction. */
export async function writePathway(ctx: ServiceContext, input: Pathway, plan: { result: SaveResult; version: number }, actor: string): Promise<Pathway> {
  const p = PathwaySchema.parse({ ...input, version: plan.version });
  if (plan.result === 'unchanged') return p;
  const values = {
    id: p.id,
    version: p.version,
    definition: JSON.stringify(p),
    targetCode: p.target.code,
    targetTitle: p.target.title,
    fourEyes: p.four_eyes,
    changeNote: p.change_note ?? null,
    createdAt: nowIso(ctx),
    createdBy: actor,
  };
  if (plan.result === 'updated') {
    const before = await loadPathway(ctx, p.id, p.version);
    await ctx.db.orm
      .update(creditPathways)
      .set({
        definition: values.definition,
        targetCode: values.targetCode,
        targetTitle: values.targetTitle,
        fourEyes: values.fourEyes,
        changeNote: values.changeNote,
      })
      .where(and(eq(creditPathways.id, p.id), eq(creditPathways.version, p.version)))
      .run();
    await audit(ctx, { actor, action: 'pathway.update', entityType: 'pathway', entityId: `${p.id}@${p.version}`, details: { before, after: p } });
  } else {
    await ctx.db.orm.insert(creditPathways).values(values).run();
    await audit(ctx, {
      actor,
      action: 'pathway.create',
      entityType: 'pathway',
      entityId: `${p.id}@${p.version}`,
      details: { target: p.target, rule: p.rule, four_eyes: p.four_eyes, change_note: p.change_note ?? null },
    });
  }
  return p;
}

export async function savePathway(
  ctx: ServiceContext,
  input: PathwayInput,
  actor: Reviewer,
  mode: 'edit' | 'import' = 'edit',
): Promise<{ result: SaveResult; version: PathwayVersion }> {
  canEditPathways(actor);
  const parsed = PathwaySchema.safeParse(input);
  if (!parsed.success)
    throw new ApiError(
      'bad_request',
      'the pathway is not valid',
      parsed.error.issues.map((i) => `${i.path.join('.') || '(pathway)'}: ${i.message}`),
    );
  const p = parsed.data;
  const unknown = await unknownCredentials(ctx, p);
  if (unknown.length)
    throw new ApiError(
      'bad_request',
      'the pathway names credentials the catalogue does not have',
      unknown.map((c) => `rule.credentials: unknown credential "${c}"`),
    );
  return await transaction(ctx, async (ctx) => {
    const plan = await planSave(ctx, p, mode);
    if ('problem' in plan) throw new ApiError('conflict', plan.problem);
    const saved = await writePathway(ctx, p, plan, actor.id);
    return { result: plan.result, version: (await getPathway(ctx, saved.id, saved.version)).current };
  });
}

export async function importPathwayJson(ctx: ServiceContext, json: string, actor: Reviewer): Promise<{ result: SaveResult; version: PathwayVersion }> {
  let value: unknown;
  try {
    value = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ApiError('bad_request', `not valid JSON: ${(err as Error).message}`);
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== PATHWAY_FORMAT) throw new ApiError('bad_request', `unknown format ${JSON.stringify(format)}: expected ${PATHWAY_FORMAT}`);
  return await savePathway(ctx, value as PathwayInput, actor, 'import');
}

export async function exportPathway(ctx: ServiceContext, id: string, version?: number): Promise<ExportFile> {
  const { current } = await getPathway(ctx, id, version);
  const p = current.pathway;
  return {
    fileName: `pathway-${p.id}-v${p.version}.json`,
    mediaType: 'application/json',
    encoding: 'utf8',
    content: `${JSON.stringify(p, null, 2)}\n`,
    count: 1,
  };
}

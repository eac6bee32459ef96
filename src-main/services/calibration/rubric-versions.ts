/**
 * Rubric versions for the editor: list, save, compare, export. A version that any portfolio, review or calibration
 * round uses is frozen, so saving from it always makes the next version with a change note; only a version nobody
 * has used yet is edited in place. Saving never moves existing portfolios: they keep the version they were
 * scored with; credentials move to the new version only when the lead says so (`adoptFor`).
 */
import { and, eq } from 'drizzle-orm';
import type { RubricDiff, RubricFamily, RubricVersionSummary } from '../../../src-shared/contracts/calibration';
import { RubricDraftSchema } from '../../../src-shared/contracts/calibration';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { Rubric } from '../../../src-shared/domain/rubric';
import { rubricCriteria, rubrics } from '../../db/schema';
import { audit } from '../audit';
import { type ServiceContext, transaction } from '../context';
import { loadCredential, upsertCredential } from '../credentials';
import { insertRubric, isRubricFrozen, latestRubricVersion, loadRubric } from '../rubrics';
import { requireLead, rubricOrThrow } from './common';
import { diffRubrics } from './rubric-diff';

async function usage(ctx: ServiceContext, id: string, version: number): Promise<RubricVersionSummary['usage']> {
  const count = async (sql: string) => ((await ctx.db.get(sql, [id, version])) as { n: number }).n;
  return {
    portfolios: await count('SELECT count(*) AS n FROM portfolios WHERE rubric_id = ? AND rubric_version = ?'),
    reviews: await count('SELECT count(*) AS n FROM reviews WHERE rubric_id = ? AND rubric_version = ?'),
    rounds: await count('SELECT count(*) AS n FROM calibration_rounds WHERE rubric_id = ? AND rubric_version = ?'),
    credentials: (
      (await ctx.db.all('SELECT code FROM credentials WHERE rubric_id = ? AND rubric_version = ? ORDER BY code', [id, version])) as { code: string }[]
    ).map((c) => c.code),
  };
}

/** Frozen: used by a portfolio or review (rubrics.ts), or by a calibration round. */
export async function isVersionFrozen(ctx: ServiceContext, id: string, version: number): Promise<boolean> {
  return (await isRubricFrozen(ctx, id, version)) || (await usage(ctx, id, version)).rounds > 0;
}

async function summary(ctx: ServiceContext, row: typeof rubrics.$inferSelect): Promise<RubricVersionSummary> {
  return {
    version: row.version,
    title: row.title,
    changeNote: row.changeNote,
    createdAt: row.createdAt,
    frozen: await isVersionFrozen(ctx, row.id, row.version),
    usage: await usage(ctx, row.id, row.version),
  };
}

export async function listRubricFamilies(ctx: ServiceContext, actor: Reviewer): Promise<RubricFamily[]> {
  requireLead(actor);
  const rows = await ctx.db.orm.select().from(rubrics).orderBy(rubrics.id, rubrics.version).all();
  const families = new Map<string, RubricFamily>();
  for (const row of rows) {
    const f = families.get(row.id) ?? { id: row.id, title: row.title, versions: [] };
    f.title = row.title;
    f.versions.push(await summary(ctx, row));
    families.set(row.id, f);
  }
  return [...families.values()].sort((a, b) => a.title.localeCompare(b.title));
}

export async function getRubricVersion(
  ctx: ServiceContext,
  id: string,
  version: number,
  actor: Reviewer,
): Promise<{ rubric: Rubric; summary: RubricVersionSummary }> {
  requireLead(actor);
  const rubric = await rubricOrThrow(ctx, id, version);
  const row = (await ctx.db.orm
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.id, id), eq(rubrics.version, version)))
    .get())!;
  return { rubric, summary: await summary(ctx, row) };
}

/** A zod issue path as words: `criteria.1.levels.2.score` → `criterion 2 ("Reflection") › level 3 › score`. */
function describePath(raw: unknown, path: PropertyKey[]): string {
  const r = raw as { criteria?: { title?: unknown; levels?: { label?: unknown }[] }[] };
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'criteria' && typeof path[i + 1] === 'number') {
      const n = path[i + 1] as number;
      const title = r.criteria?.[n]?.title;
      parts.push(`criterion ${n + 1}${typeof title === 'string' && title ? ` ("${title}")` : ''}`);
      i++;
    } else if (key === 'levels' && typeof path[i + 1] === 'number') {
      parts.push(`level ${(path[i + 1] as number) + 1}`);
      i++;
    } else if (key === 'decision_rule') parts.push('decision rule');
    else parts.push(String(key).replace(/_/g, ' '));
  }
  return parts.join(' › ');
}

/** The rubric, validated for saving, or every problem with where it is. */
export function validateRubricDraft(raw: unknown): Rubric {
  const parsed = RubricDraftSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => (i.path.length ? `${describePath(raw, i.path)}: ${i.message}` : i.message));
  throw new ApiError('bad_request', 'this rubric cannot be saved', [...new Set(issues)]);
}

export interface SaveRubricInput {
  rubric: unknown;
  baseVersion?: number;
  changeNote: string;
  adoptFor: string[];
}

export async function saveRubric(
  ctx: ServiceContext,
  input: SaveRubricInput,
  actor: Reviewer,
): Promise<{ id: string; version: number; created: boolean; adoptedBy: string[] }> {
  requireLead(actor);
  const draft = validateRubricDraft(input.rubric);
  const latest = await latestRubricVersion(ctx, draft.id);
  if (latest !== null && input.baseVersion === undefined)
    throw new ApiError(
      'conflict',
      `a rubric with the id "${draft.id}" already exists (latest version ${latest}); open it to make a new version, or choose another id`,
    );
  if (input.baseVersion !== undefined && latest === null) throw new ApiError('not_found', `no rubric ${draft.id}`);
  if (input.baseVersion !== undefined && !(await loadRubric(ctx, draft.id, input.baseVersion)))
    throw new ApiError('not_found', `no rubric ${draft.id} version ${input.baseVersion}`);
  // In place only for the latest version, unused: anything else would rewrite what someone relied on.
  const inPlace = latest !== null && input.baseVersion === latest && !(await isVersionFrozen(ctx, draft.id, latest));
  const version = latest === null ? 1 : inPlace ? latest : latest + 1;
  const note = input.changeNote.trim();
  if (latest !== null && !inPlace && note.length < 3)
    throw new ApiError('bad_request', `version ${input.baseVersion} is in use, so saving makes version ${version}: describe the change in a change note`);
  for (const code of input.adoptFor) {
    const c = await loadCredential(ctx, code);
    if (!c) throw new ApiError('not_found', `no credential ${code}`);
    if (c.rubric.id !== draft.id) throw new ApiError('bad_request', `${code} is assessed with ${c.rubric.id}, not ${draft.id}`);
  }
  const rubric: Rubric = { ...draft, version, change_note: note || draft.change_note || undefined };
  if (!rubric.change_note) delete rubric.change_note;
  await transaction(ctx, async (ctx) => {
    if (inPlace) {
      // Criteria cascade to their levels; the head row stays (credentials may reference it).
      await ctx.db.orm
        .delete(rubricCriteria)
        .where(and(eq(rubricCriteria.rubricId, rubric.id), eq(rubricCriteria.rubricVersion, version)))
        .run();
      const rule = rubric.decision_rule;
      await ctx.db.orm
        .update(rubrics)
        .set({
          title: rubric.title,
          changeNote: rubric.change_note ?? null,
          ruleType: rule.type,
          ruleMinLevel: rule.type === 'all_at_least' ? rule.min_level : null,
          ruleMinTotal: rule.type === 'total_at_least' ? rule.min_total : null,
          ruleCriticalMinLevel: rule.critical_min_level ?? null,
          feedbackPass: rubric.feedback_templates?.pass ?? '',
          feedbackNotYet: rubric.feedback_templates?.not_yet ?? '',
        })
        .where(and(eq(rubrics.id, rubric.id), eq(rubrics.version, version)))
        .run();
      await insertCriteria(ctx, rubric);
      await audit(ctx, { actor: actor.id, action: 'rubric.edit', entityType: 'rubric', entityId: `${rubric.id}@${version}`, details: { title: rubric.title } });
    } else {
      await insertRubric(ctx, rubric, actor.id);
      if (note)
        await audit(ctx, {
          actor: actor.id,
          action: 'rubric.version',
          entityType: 'rubric',
          entityId: `${rubric.id}@${version}`,
          details: { from: input.baseVersion ?? null, note },
        });
    }
    for (const code of input.adoptFor) {
      const c = (await loadCredential(ctx, code))!;
      await upsertCredential(ctx, { ...c, rubric: { id: rubric.id, version } }, actor.id);
    }
  });
  return { id: rubric.id, version, created: !inPlace, adoptedBy: input.adoptFor };
}

/** insertRubric's criteria half, for an in-place edit of an unused version. */
async function insertCriteria(ctx: ServiceContext, r: Rubric): Promise<void> {
  for (const [position, c] of r.criteria.entries()) {
    await ctx.db.run(
      'INSERT INTO rubric_criteria (rubric_id, rubric_version, criterion_id, position, title, guidance, weight, critical) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.version, c.id, position, c.title, c.guidance, c.weight ?? null, c.critical ? 1 : 0],
    );
    for (const l of c.levels) {
      await ctx.db.run('INSERT INTO rubric_levels (rubric_id, rubric_version, criterion_id, score, label, descriptor) VALUES (?, ?, ?, ?, ?, ?)', [
        r.id,
        r.version,
        c.id,
        l.score,
        l.label,
        l.descriptor,
      ]);
    }
  }
}

export async function compareRubrics(ctx: ServiceContext, id: string, from: number, to: number, actor: Reviewer): Promise<RubricDiff> {
  requireLead(actor);
  return diffRubrics(await rubricOrThrow(ctx, id, from), await rubricOrThrow(ctx, id, to));
}

/** The rubric file the importer reads (RubricSchema, `evidence-workbench/rubric@1`). */
export async function rubricJson(ctx: ServiceContext, id: string, version: number): Promise<string> {
  return `${JSON.stringify(await rubricOrThrow(ctx, id, version), null, 2)}\n`;
}

export async function exportRubric(ctx: ServiceContext, id: string, version: number, actor: Reviewer): Promise<ExportFile> {
  requireLead(actor);
  const content = await rubricJson(ctx, id, version);
  await audit(ctx, { actor: actor.id, action: 'rubric.export', entityType: 'rubric', entityId: `${id}@${version}` });
  return { fileName: `${id}-v${version}.json`, mediaType: 'application/json', encoding: 'utf8', content, count: 1 };
}

import type { Pathway } from '../../../src-shared/domain/pathway';
import { mapInOrder } from '../in-order';
import type { ServiceContext } from '../context';
import type { ImportProblem } from '../import/problems';
import { diffFields, type FieldChange } from '../../../src-shared/domain/changes';
import { loadPathway, planSave, unknownCredentials, writePathway, type SaveResult } from './pathways';

/**
 * The importer's hooks for pathway files (`npm run cli -- import pathway.json`), checked with the rest of the
 * batch before anything is written (all or nothing), then written in the importer's transaction.
 */
export async function checkPathwayImports(
  ctx: ServiceContext,
  files: { file: string; pathway: Pathway }[],
  batchCredentials: ReadonlySet<string>,
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  for (const { file, pathway } of files) {
    const key = `${pathway.id}@${pathway.version}`;
    if (seen.has(key)) problems.push({ source: file, reason: `pathway ${key} appears twice in this import` });
    seen.add(key);
    (await unknownCredentials(ctx, pathway, batchCredentials)).forEach((code) =>
      problems.push({ source: file, field: 'rule.credentials', reason: `unknown credential "${code}": not in this import or the database` }),
    );
    const plan = await planSave(ctx, pathway, 'import');
    if ('problem' in plan) problems.push({ source: file, field: 'version', reason: plan.problem });
  }
  return problems;
}

export async function applyPathwayImports(
  ctx: ServiceContext,
  files: { pathway: Pathway }[],
  actor: string,
): Promise<{ id: string; version: number; result: SaveResult }[]> {
  return await mapInOrder(files, async ({ pathway }) => {
    const plan = await planSave(ctx, pathway, 'import');
    if ('problem' in plan) throw new Error(plan.problem);
    await writePathway(ctx, pathway, plan, actor);
    return { id: pathway.id, version: plan.version, result: plan.result };
  });
}

/** What a pathway file would change in a version that exists and is not yet in use (a used version is refused outright). */
export async function pathwayChanges(ctx: ServiceContext, pathway: Pathway): Promise<FieldChange[]> {
  const plan = await planSave(ctx, pathway, 'import');
  if ('problem' in plan || plan.result !== 'updated') return [];
  const before = (await loadPathway(ctx, pathway.id, pathway.version))!;
  return diffFields('pathway', `${pathway.id}@${pathway.version}`, before, pathway, ['description', 'target', 'rule', 'four_eyes', 'change_note']);
}

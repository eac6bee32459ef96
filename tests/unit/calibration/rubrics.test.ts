import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRubrics, exportRubric, listRubricFamilies, saveRubric, validateRubricDraft } from '../../../src-main/services/calibration/rubric-versions';
import { loadCredential } from '../../../src-main/services/credentials';
import { importPath } from '../../../src-main/services/import/importer';
import { loadRubric } from '../../../src-main/services/rubrics';
import { createReviewer } from '../../../src-main/services/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { rubricRuleProblems } from '../../../src-shared/contracts/calibration';
import type { Rubric } from '../../../src-shared/domain/rubric';
import { TEST_RUBRIC, tempDir, tempServices, writeCatalogue } from '../../support/fixtures';
import { calibrationWorld } from './setup';

async function issuesOf(fn: () => unknown): Promise<string[]> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ApiError) return err.issues ?? [err.message];
    throw err;
  }
  throw new Error('expected a refusal');
}

const levels = (...scores: number[]) => scores.map((score, i) => ({ score, label: `Level ${i + 1}`, descriptor: `Descriptor ${score}` }));

describe('rubric validation', () => {
  it('says plainly what is wrong, and where', async () => {
    const broken = {
      ...TEST_RUBRIC,
      criteria: [
        { ...TEST_RUBRIC.criteria[0]!, levels: [...levels(1, 3, 2)] },
        { ...TEST_RUBRIC.criteria[1]!, id: 'planning' },
        { id: 'talk', title: 'Talk', guidance: '', critical: false, levels: levels(1, 2, 3, 4) },
      ],
    };
    expect(await issuesOf(() => validateRubricDraft(broken))).toEqual([
      'criterion 1 ("Planning") › level 3 › score: levels of "planning" must have unique scores in increasing order',
      'criterion 2 ("Reflection") › id: duplicate criterion id "planning"',
    ]);
    const rule = {
      ...TEST_RUBRIC,
      criteria: [TEST_RUBRIC.criteria[0]!, { ...TEST_RUBRIC.criteria[1]!, levels: levels(0, 1, 2) }],
      decision_rule: { type: 'all_at_least', min_level: 3, critical_min_level: 4 },
    };
    expect(await issuesOf(() => validateRubricDraft(rule))).toEqual([
      'decision rule › min level: the rule\'s minimum level 3 is not a level of "Reflection" (its levels are 0, 1, 2)',
      'decision rule › critical min level: the rule\'s critical minimum 4 is not a level of the critical criterion "Reflection" (its levels are 0, 1, 2)',
    ]);
    expect(await issuesOf(() => validateRubricDraft({ ...TEST_RUBRIC, criteria: [] }))).toEqual(['criteria: a rubric needs at least one criterion']);
    const total = (min_total: number) =>
      rubricRuleProblems({ ...TEST_RUBRIC, decision_rule: { type: 'total_at_least', min_total } } as Rubric).map((p) => p.message);
    expect(total(9)).toEqual(['the pass total 9 cannot be reached: the highest possible total is 8']);
    expect(total(2)).toEqual(['the pass total 2 is reached by the lowest levels (total 2): every portfolio would pass']);
    expect(total(6)).toEqual([]);
    const labels = rubricRuleProblems({
      ...TEST_RUBRIC,
      criteria: [
        {
          ...TEST_RUBRIC.criteria[0]!,
          levels: [
            { score: 1, label: 'Low', descriptor: 'x' },
            { score: 2, label: 'low ', descriptor: 'y' },
          ],
        },
      ],
      decision_rule: { type: 'all_at_least', min_level: 1 },
    } as Rubric);
    expect(labels.map((p) => p.message)).toEqual(['"Planning" has two levels labelled "low "']);
  });
});

describe('rubric versions', () => {
  it('freeze a version once used: saving makes a new version with a change note; an unused one is edited in place', async () => {
    const w = await calibrationWorld(1, 1);
    const edited = {
      ...TEST_RUBRIC,
      title: 'Test rubric (2027)',
      criteria: [TEST_RUBRIC.criteria[0]!, { ...TEST_RUBRIC.criteria[1]!, title: 'Critical reflection' }],
    };
    await expect(saveRubric(w.ctx, { rubric: edited, baseVersion: 1, changeNote: '', adoptFor: [] }, w.lead)).rejects.toThrow(
      /version 1 is in use, so saving makes version 2: describe the change/,
    );
    await expect(saveRubric(w.ctx, { rubric: edited, baseVersion: 1, changeNote: 'Clearer title', adoptFor: [] }, w.reviewers[0]!)).rejects.toThrow(
      /needs the role/,
    );
    expect(await saveRubric(w.ctx, { rubric: edited, baseVersion: 1, changeNote: 'Reflection renamed', adoptFor: [] }, w.lead)).toEqual({
      id: 'test-rubric',
      version: 2,
      created: true,
      adoptedBy: [],
    });
    expect((await loadRubric(w.ctx, 'test-rubric', 1))!.title).toBe('Test rubric'); // never edited in place
    expect(await loadRubric(w.ctx, 'test-rubric', 2)).toMatchObject({ version: 2, title: 'Test rubric (2027)', change_note: 'Reflection renamed' });
    // Version 2 is used by nothing yet: saving it again edits it in place.
    const again = { ...edited, criteria: [{ ...edited.criteria[0]!, weight: 2 }, edited.criteria[1]!] };
    expect(await saveRubric(w.ctx, { rubric: again, baseVersion: 2, changeNote: '', adoptFor: ['TST-8'] }, w.lead)).toEqual({
      id: 'test-rubric',
      version: 2,
      created: false,
      adoptedBy: ['TST-8'],
    });
    expect((await loadRubric(w.ctx, 'test-rubric', 2))!.criteria[0]!.weight).toBe(2);
    expect((await loadCredential(w.ctx, 'TST-8'))!.rubric).toEqual({ id: 'test-rubric', version: 2 });
    expect(await w.ctx.db.get("SELECT rubric_version AS v FROM portfolios WHERE id = 'P-1'")).toEqual({ v: 1 });
    const family = (await listRubricFamilies(w.ctx, w.lead)).find((f) => f.id === 'test-rubric')!;
    expect(family.versions.map((v) => [v.version, v.frozen, v.usage.portfolios, v.usage.credentials])).toEqual([
      [1, true, 1, []],
      [2, false, 0, ['TST-8']],
    ]);
    await expect(saveRubric(w.ctx, { rubric: { ...TEST_RUBRIC, title: 'Clash' }, changeNote: '', adoptFor: [] }, w.lead)).rejects.toThrow(
      /already exists \(latest version 2\)/,
    );
    expect(await saveRubric(w.ctx, { rubric: { ...TEST_RUBRIC, id: 'brand-new', version: 1 }, changeNote: '', adoptFor: [] }, w.lead)).toMatchObject({
      id: 'brand-new',
      version: 1,
      created: true,
    });
    const audit = await w.ctx.db.all("SELECT action, entity_id AS id FROM audit_log WHERE entity_type = 'rubric' AND actor = 'R-lead' ORDER BY audit_log.id");
    expect(audit).toEqual([
      { action: 'rubric.create', id: 'test-rubric@2' },
      { action: 'rubric.version', id: 'test-rubric@2' },
      { action: 'rubric.edit', id: 'test-rubric@2' },
      { action: 'rubric.create', id: 'brand-new@1' },
    ]);
  });

  it('compare two versions criterion by criterion and level by level', async () => {
    const w = await calibrationWorld(1, 1);
    const v2 = {
      ...TEST_RUBRIC,
      criteria: [
        { ...TEST_RUBRIC.criteria[0]!, levels: TEST_RUBRIC.criteria[0]!.levels.map((l) => (l.score === 2 ? { ...l, descriptor: 'Plans some lessons.' } : l)) },
        { id: 'talk', title: 'Classroom talk', guidance: 'Talk moves.', critical: false, levels: levels(1, 2, 3, 4) },
      ],
      decision_rule: { type: 'all_at_least', min_level: 2 },
    };
    await saveRubric(w.ctx, { rubric: v2, baseVersion: 1, changeNote: 'Talk replaces reflection', adoptFor: [] }, w.lead);
    const diff = await compareRubrics(w.ctx, 'test-rubric', 1, 2, w.lead);
    expect(diff.rule).toEqual([{ field: 'minimum level', from: '3', to: '2' }]);
    expect(diff.criteria.map((c) => [c.id, c.change])).toEqual([
      ['planning', 'changed'],
      ['talk', 'added'],
      ['reflection', 'removed'],
    ]);
    expect(diff.criteria[0]!.levels.find((l) => l.score === 2)).toEqual({
      score: 2,
      change: 'changed',
      fields: [{ field: 'descriptor', from: 'd', to: 'Plans some lessons.' }],
    });
  });

  it('export as the JSON the importer reads', async () => {
    const w = await calibrationWorld(1, 1);
    const file = await exportRubric(w.ctx, 'test-rubric', 1, w.lead);
    expect(file).toMatchObject({ fileName: 'test-rubric-v1.json', mediaType: 'application/json' });
    expect(JSON.parse(file.content)).toMatchObject({ format: 'evidence-workbench/rubric@1', id: 'test-rubric', version: 1 });
    // Into the same database: unchanged; into a fresh one (with its credentials): imported.
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'rubric.json'), file.content);
    expect((await importPath(w.ctx, dir, { actor: 'test' })).rubrics).toEqual([{ id: 'test-rubric', version: 1, result: 'unchanged' }]);
    const fresh = await tempServices();
    const other = tempDir();
    writeCatalogue(other);
    fs.writeFileSync(path.join(other, 'rubric.json'), file.content);
    expect((await importPath(fresh, other, { actor: 'test' })).rubrics).toEqual([{ id: 'test-rubric', version: 1, result: 'imported' }]);
    await createReviewer(fresh, { name: 'x', email: 'x@x.nz', school: '', district: '', roles: ['admin'] }, null);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { tempDir } from '../../support/fixtures';
import { anchor, calibrationWorld, round, score } from './setup';
import { onTestDatabase } from '../../support/dialect';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function csvFile(text: string): string {
  const file = path.join(tempDir(), 'ratings.csv');
  fs.writeFileSync(file, text);
  return file;
}

describe('cli agreement', () => {
  it('prints the documented JSON, numbers unrounded', async () => {
    const file = csvFile('unit,rater,criterion,score\nu1,A,talk,1\nu1,B,talk,1\nu2,A,talk,2\nu2,B,talk,3\nu3,A,talk,3\nu3,B,talk,3\nu1,A,plan,2\n');
    const r = await cli('agreement', file, '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['criteria']);
    const [talk, plan] = json.criteria;
    expect(Object.keys(talk)).toEqual([
      'criterion',
      'units',
      'exact',
      'adjacent',
      'fleiss_kappa',
      'alpha_nominal',
      'alpha_ordinal',
      'alpha_interval',
      'alpha_ordinal_ci',
      'pairs',
    ]);
    expect(talk).toMatchObject({ criterion: 'talk', units: 3 });
    expect(talk.exact).toBeCloseTo(2 / 3, 15);
    expect(talk.exact).not.toBe(Number((2 / 3).toFixed(3)));
    expect(talk.adjacent).toBe(1);
    expect(talk.alpha_ordinal_ci).toHaveLength(2);
    expect(talk.pairs).toHaveLength(1);
    expect(Object.keys(talk.pairs[0])).toEqual(expect.arrayContaining(['raters', 'units', 'kappa', 'kappa_linear', 'kappa_quadratic']));
    expect(talk.pairs[0]).toMatchObject({ raters: ['A', 'B'], units: 3 });
    // A single rating: nothing to agree on, so nulls (never NaN).
    expect(plan).toMatchObject({ criterion: 'plan', units: 0, exact: null, alpha_nominal: null, alpha_ordinal_ci: null, pairs: [] });
    const table = await cli('agreement', file);
    expect(table.code).toBe(0);
    expect(table.out.split('\n')[1]).toMatch(/^talk\t3\t0\.667\t1\.000\t/);
  });

  it('exits 2 naming the line for a malformed file', async () => {
    const missing = await cli('agreement', csvFile('unit,rater,score\nu1,A,1\n'), '--json');
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toMatch(/line 1: missing column criterion/);
    const notInteger = await cli('agreement', csvFile('unit,rater,criterion,score\nu1,A,talk,1\nu1,B,talk,2.5\n'), '--json');
    expect(notInteger.code).toBe(2);
    expect(notInteger.err).toMatch(/line 3: score "2\.5" is not an integer/);
    const duplicate = await cli('agreement', csvFile('unit,rater,criterion,score\nu1,A,talk,1\n\nu2,A,talk,2\nu1,A,talk,3\n'), '--json');
    expect(duplicate.code).toBe(2);
    expect(duplicate.err).toMatch(/line 5: duplicate rating of unit "u1" by rater "A" on criterion "talk" \(first on line 2\)/);
    expect((await cli('agreement', '/no/such/file.csv')).code).toBe(2);
    expect((await cli('agreement')).code).toBe(2);
  });

  it('reads a round from the database: units are anchor ids, raters reviewer ids', async () => {
    const w = await calibrationWorld(3, 2);
    const [a, b] = w.reviewers;
    await anchor(w, 'P-1', 3, 3);
    await anchor(w, 'P-2', 2, 3);
    await round(w, 'Term 2 2026', ['P-1', 'P-2'], [a!, b!], '2026-05-01T00:00:00Z', '2099-12-31T00:00:00Z');
    await score(w, a!, 'P-1', 3, 3);
    await score(w, b!, 'P-1', 3, 4);
    await score(w, a!, 'P-2', 2, 3);
    await score(w, b!, 'P-2', 3, 3);
    const r = await cli('agreement', '--data', w.ctx.dataDir, '--round', 'term 2 2026', '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const json = JSON.parse(r.out);
    expect(json.criteria.map((c: { criterion: string; units: number; exact: number }) => [c.criterion, c.units, c.exact])).toEqual([
      ['planning', 2, 0.5],
      ['reflection', 2, 0.5],
    ]);
    expect(json.criteria[0].pairs[0].raters).toEqual(['R-a', 'R-b']);
    const unknown = await cli('agreement', '--data', w.ctx.dataDir, '--round', 'Nope', '--json');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no calibration round named "Nope"');

    const rounds = await cli('rounds', 'list', '--data', w.ctx.dataDir, '--json');
    expect(JSON.parse(rounds.out)).toEqual([
      expect.objectContaining({
        name: 'Term 2 2026',
        status: 'open',
        rubric: { id: 'test-rubric', version: 1 },
        anchors: ['P-1', 'P-2'],
        reviewers: ['R-a', 'R-b'],
        submitted: 4,
        expected: 4,
      }),
    ]);
  });

  it('exports a rubric version and a round report', async () => {
    const w = await calibrationWorld(2, 1);
    const out = path.join(tempDir(), 'rubric.json');
    const r = await cli('rubric', 'export', '--id', 'test-rubric', '--version', '1', '--out', out, '--data', w.ctx.dataDir);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ format: 'evidence-workbench/rubric@1', id: 'test-rubric', version: 1 });
    expect((await cli('rubric', 'export', '--id', 'nope', '--data', w.ctx.dataDir)).code).toBe(2);
    expect((await cli('rubric', 'export', '--id', 'test-rubric', '--version', '9', '--data', w.ctx.dataDir)).code).toBe(2);
    await anchor(w, 'P-1', 3, 3);
    await round(w, 'Solo', ['P-1'], w.reviewers);
    await score(w, w.reviewers[0]!, 'P-1', 3, 3);
    const pdf = path.join(tempDir(), 'report.pdf');
    expect(await cli('calibration', 'report', '--round', 'Solo', '--format', 'pdf', '--out', pdf, '--data', w.ctx.dataDir)).toMatchObject({ code: 0 });
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

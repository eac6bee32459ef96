import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { createApplication, decideApplication } from '../../../src-main/services/credit/applications';
import { STUDENT_RECORD_COLUMNS } from '../../../src-main/services/credit/records';
import { pdfText } from '../../support/pdf-text';
import { tempDir } from '../../support/fixtures';
import { AROHA, creditWorld, EDUC581, type CreditWorld } from './setup';
import { onTestDatabase } from '../../support/dialect';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let w: CreditWorld;
let data: string;
let work: string;
beforeEach(async () => {
  w = await creditWorld([
    { id: 'P-1', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' },
    { id: 'P-2', credential: 'WCL-8', candidate: AROHA, submitted_at: '2026-04-20T09:00:00Z' },
    { id: 'P-3', credential: 'CST-8', candidate: AROHA, submitted_at: '2026-04-10T09:00:00Z' },
  ]);
  await w.decide('P-1', 'pass', '2026-03-18T02:00:00Z');
  await w.decide('P-2', 'pass', '2026-05-19T02:00:00Z');
  await w.decide('P-3', 'pass', '2026-05-03T02:00:00Z');
  data = w.ctx.dataDir;
  work = tempDir();
});
afterEach(() => w.ctx.close());

describe('credit CLI', () => {
  it('`import pathway.json` adds a pathway through the all-or-nothing importer; a wrong one is refused naming the field', async () => {
    const file = path.join(work, 'educ-581.json');
    fs.writeFileSync(file, JSON.stringify(EDUC581, null, 2));
    const ok = await cli('import', file, '--data', data, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).pathways).toEqual([{ id: 'educ-581', version: 1, result: 'created' }]);
    expect(JSON.parse((await cli('import', file, '--data', data, '--json')).out).pathways).toEqual([{ id: 'educ-581', version: 1, result: 'unchanged' }]);
    const list = await cli('credit', 'pathways', '--data', data, '--json');
    expect(JSON.parse(list.out)).toMatchObject([
      { id: 'educ-581', version: 1, targetCode: 'EDUC 581', fourEyes: true, summary: 'all of EMP-8, WCL-8, CST-8; at least 15 points; two approvers' },
    ]);

    fs.writeFileSync(
      file,
      JSON.stringify({ ...EDUC581, version: 2, rule: { ...EDUC581.rule, credentials: ['EMP-8', 'XX-1'], require: { type: 'n_of', n: 3 } } }),
    );
    const bad = await cli('import', file, '--data', data);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('import refused, nothing was imported');
    expect(bad.err).toContain('(field rule.require.n, file educ-581.json): n is 3 but the pathway lists only 2 credentials');

    const out = path.join(work, 'exported.json');
    expect((await cli('credit', 'pathway', 'export', '--id', 'educ-581', '--out', out, '--data', data)).code).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toMatchObject({ format: 'evidence-workbench/pathway@1', id: 'educ-581', version: 1 });
  });

  it('`credit export --format csv --out FILE` writes the student-records file; `credit letter` the PDF', async () => {
    fs.writeFileSync(path.join(work, 'p.json'), JSON.stringify({ ...EDUC581, four_eyes: false }));
    expect((await cli('import', path.join(work, 'p.json'), '--data', data)).code).toBe(0);
    const app = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    expect((await cli('credit', 'letter', '--application', app.id, '--out', path.join(work, 'x.pdf'), '--data', data)).err).toMatch(/is not decided yet/);
    await decideApplication(w.ctx, { applicationId: app.id, decision: 'approve', reasons: 'All current.' }, w.approver);

    const csvFile = path.join(work, 'credit.csv');
    const r = await cli('credit', 'export', '--format', 'csv', '--out', csvFile, '--data', data);
    expect(r).toMatchObject({ code: 0, out: `wrote 1 approved award to ${csvFile}` });
    const rows = Papa.parse<string[]>(fs.readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...STUDENT_RECORD_COLUMNS]);
    expect(rows[1]!.slice(0, 3)).toEqual([app.id, 'C-1001', 'Aroha Ngata']);

    const pdf = path.join(work, 'letter.pdf');
    expect((await cli('credit', 'letter', '--application', app.id, '--out', pdf, '--data', data)).code).toBe(0);
    expect((await pdfText(fs.readFileSync(pdf))).join(' ')).toContain('Aroha Ngata (C-1001)');

    const apps = await cli('credit', 'applications', '--status', 'approved', '--data', data, '--json');
    expect(JSON.parse(apps.out)).toMatchObject([{ id: app.id, status: 'approved', met: true }]);
    expect((await cli('credit', 'applications', '--status', 'bogus', '--data', data)).code).toBe(2);
    expect((await cli('credit', 'export', '--format', 'xml', '--out', csvFile, '--data', data)).code).toBe(2);
  });

  it('`credit import-external` takes a CSV, all or nothing, exit 2 naming the line', async () => {
    const file = path.join(work, 'ext.csv');
    fs.writeFileSync(
      file,
      'candidate_id,candidate_email,candidate_name,credential_code,issuer,awarded_on\nC-1001,a.ngata@avonside.school.nz,Aroha Ngata,FA-8,Massey University,2024-02-01\n',
    );
    const ok = await cli('credit', 'import-external', file, '--data', data);
    expect(ok).toMatchObject({ code: 0, out: 'imported 1 external credential (0 unchanged); 0 new candidates, 0 matched by email, 0 not in the catalogue' });
    fs.writeFileSync(
      file,
      'candidate_id,candidate_email,candidate_name,credential_code,issuer,awarded_on\nC-1001,a.ngata@avonside.school.nz,Aroha Ngata,FA-8,Massey University,someday\n',
    );
    const bad = await cli('credit', 'import-external', file, '--data', data);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('ext.csv (field line 2, awarded_on): "someday" is not a date (YYYY-MM-DD)');
    const holders = path.join(work, 'holders.csv');
    expect((await cli('credit', 'holders', '--credential', 'FA-8', '--out', holders, '--data', data)).out).toBe(`wrote 1 holders to ${holders}`);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { terminalSafe } from '../../../src-main/cli/terminal-safe';
import { importPath } from '../../../src-main/services/import/importer';
import { parseReviewersCsv, ReviewerCsvError } from '../../../src-main/services/panels/reviewer-import';
import { parseExternalCsv } from '../../../src-main/services/credit/external-csv';
import { parseRatingsCsv } from '../../../src-shared/stats';
import type { Services } from '../../../src-main/core/services';
import { editManifest, TEST_CREDENTIALS, TEST_RUBRIC, writePackageFolder } from '../../support/fixtures';
import { expectRefusedUnchanged, servicesWithCatalogue } from './support';
import { onTestDatabase } from '../../support/dialect';

let ctx: Services;
let work: string;
beforeEach(async () => {
  ({ ctx, work } = await servicesWithCatalogue());
});
afterEach(() => ctx.close());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('control characters and direction overrides in names and titles', () => {
  const cases: [string, (m: any) => void, RegExp][] = [
    ['an ESC sequence in the candidate name', (m) => (m.candidate.name = 'Aroha \u001b[2J Ngata'), /U\+001B ESC at character 7/],
    ['a BEL in the school', (m) => (m.candidate.school = 'Kowhai\u0007'), /U\+0007 BEL/],
    ['a line break in an evidence title', (m) => (m.evidence[0].title = 'Plan\r\nApproved: yes'), /U\+000D carriage return/],
    ['a right-to-left override in an evidence title', (m) => (m.evidence[0].title = 'plan\u202Efdp.exe'), /U\+202E, a bidirectional override/],
    ['a first-strong isolate in the district', (m) => (m.candidate.district = '\u2068North'), /U\+2068, a bidirectional override/],
    ['an ESC in a written response', (m) => (m.responses[0].text = 'fine\n\u001b]0;owned\u0007'), /U\+001B ESC/],
  ];
  for (const [name, edit, reason] of cases)
    it(`a manifest with ${name} is refused`, async () => {
      const dir = path.join(work, 'P-1');
      await writePackageFolder(dir, { id: 'P-1' });
      editManifest(dir, edit);
      await expectRefusedUnchanged(ctx, dir, reason);
    });

  it('accepted on purpose: line breaks and tabs in a written response (it is prose)', async () => {
    const dir = path.join(work, 'P-2');
    await writePackageFolder(dir, { id: 'P-2' });
    editManifest(dir, (m) => (m.responses[0].text = 'First paragraph.\r\n\r\n\tSecond paragraph.'));
    expect((await importPath(ctx, dir, { actor: 'test' })).portfolios).toEqual([{ id: 'P-2', result: 'imported' }]);
  });

  it('a rubric title and a credential title with control characters are refused', async () => {
    const dir = path.join(work, 'cat2');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'rubric.json'), JSON.stringify({ ...TEST_RUBRIC, id: 'r2', title: 'Rubric\u001b[31m' }));
    const creds = structuredClone(TEST_CREDENTIALS);
    creds.credentials[0]!.code = 'TST-9';
    creds.credentials[0]!.title = 'Cred\u0007';
    fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(creds));
    const problems = await expectRefusedUnchanged(ctx, dir, /U\+001B ESC/);
    expect(problems.map((p) => p.reason).join('\n')).toMatch(/U\+0007 BEL/);
  });

  it('names longer than 500 characters are refused', async () => {
    const dir = path.join(work, 'P-3');
    await writePackageFolder(dir, { id: 'P-3' });
    editManifest(dir, (m) => (m.candidate.name = 'A'.repeat(501)));
    await expectRefusedUnchanged(ctx, dir, /at most 500 characters/);
  });
});

describe('CSV files: control characters, field lengths and size', () => {
  const header = 'id,name,email,school,district,roles';
  it('a reviewer name with an escape sequence, or longer than 500 characters, is refused naming the line', () => {
    const err = (() => {
      try {
        parseReviewersCsv(`${header}\nr1,Rangi \u001b[8m,r@x.nz,S,D,reviewer\nr2,${'n'.repeat(600)},q@x.nz,S,D,reviewer\n`);
      } catch (e) {
        return e;
      }
    })() as ReviewerCsvError;
    expect(err).toBeInstanceOf(ReviewerCsvError);
    expect(err.problems).toEqual([
      { line: 2, reason: expect.stringMatching(/^name contains U\+001B ESC/) },
      { line: 3, reason: 'name is longer than 500 characters' },
    ]);
  });

  it('a reviewer CSV of 100 MB is refused by its size before it is read (exit 2), without the memory to hold it', async () => {
    const file = path.join(work, 'huge.csv');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, `${header}\nr1,`);
    fs.ftruncateSync(fd, 100 * 1024 * 1024);
    fs.closeSync(fd);
    const rss = process.memoryUsage().rss;
    const r = await cli('reviewers', 'import', file, '--data', ctx.dataDir, '--actor', 'lead');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/huge\.csv is 104857600 bytes, larger than the limit of 16777216 bytes/);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * 1024 * 1024);
  });

  it('an external credit CSV with a direction override in the candidate name is refused naming line and column', () => {
    const csv = 'candidate_id,candidate_email,candidate_name,credential_title,issuer,awarded_on\nC-1,a@x.nz,\u202Eatok,Cert,Uni,2026-01-01\n';
    const { problems } = parseExternalCsv('ext.csv', csv, '2026-06-01');
    expect(problems).toContainEqual({ source: 'ext.csv', field: 'line 2, candidate_name', reason: expect.stringMatching(/U\+202E, a bidirectional override/) });
  });

  it('a calibration ratings CSV with a control character or an overlong field is refused naming the line', () => {
    expect(() => parseRatingsCsv('unit,rater,criterion,score\nu1,r\u001b1,c,3\n')).toThrow(/line 2: a field contains U\+001B ESC/);
    expect(() => parseRatingsCsv(`unit,rater,criterion,score\n${'u'.repeat(501)},r1,c,3\n`)).toThrow(/line 2: a field is longer than 500 characters/);
  });
});

describe('nothing from a package reaches the terminal raw', () => {
  it('a zip entry name with an escape sequence is printed escaped in the refusal', async () => {
    const dir = path.join(work, 'P-4');
    await writePackageFolder(dir, { id: 'P-4' });
    const files: Record<string, Uint8Array> = {};
    for (const name of fs.readdirSync(dir)) files[name] = new Uint8Array(fs.readFileSync(path.join(dir, name)));
    files['\u001b]0;pwned\u0007\u001b[2Jnotes.txt'] = Buffer.from('x');
    const zip = path.join(work, 'esc.zip');
    fs.writeFileSync(zip, zipSync(files));
    const r = await cli('import', zip, '--data', ctx.dataDir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('\\u001b]0;pwned\\u0007\\u001b[2Jnotes.txt');
    expect(r.err).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });

  it('escaped text in JSON output reads back as the same string', () => {
    const value = { name: 'a\u202Eb\u0085c' };
    expect(JSON.parse(terminalSafe(JSON.stringify(value)))).toEqual(value);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPath } from '../../../src-main/services/import/importer';
import { ImportError } from '../../../src-main/services/import/problems';
import type { Services } from '../../../src-main/core/services';
import { countRows, editManifest, makePdf, PNG_1x1, sha256, tempDir, tempServices, writeCatalogue, writePackageFolder } from '../../support/fixtures';

let ctx: Services;
let work: string;

beforeEach(async () => {
  ctx = await tempServices();
  work = tempDir();
  const cat = path.join(work, 'catalogue');
  writeCatalogue(cat);
  await importPath(ctx, cat, { actor: 'test' });
});
afterEach(() => ctx.close());

async function expectRefused(source: string, match: { file?: string; field?: string; reason: RegExp }, options = {}) {
  const before = { portfolios: await countRows(ctx, 'portfolios'), blobs: ctx.store.list().length, audit: await countRows(ctx, 'audit_log') };
  const err = await importPath(ctx, source, { actor: 'test', ...options }).catch((e) => e);
  expect(err).toBeInstanceOf(ImportError);
  const problems = (err as ImportError).problems;
  expect(problems.some((p) => match.reason.test(p.reason) && (!match.file || p.file === match.file) && (!match.field || p.field === match.field))).toBe(true);
  expect({ portfolios: await countRows(ctx, 'portfolios'), blobs: ctx.store.list().length, audit: await countRows(ctx, 'audit_log') }).toEqual(before);
  expect(fs.readdirSync(ctx.store.tmpDir)).toEqual([]);
  return problems;
}

function zipFolder(dir: string, extra: Record<string, Uint8Array | [Uint8Array, { attrs?: number; os?: number }]> = {}, prefix = ''): string {
  const files: Record<string, any> = {};
  const walk = (d: string, rel: string) => {
    for (const name of fs.readdirSync(d)) {
      const full = path.join(d, name);
      const r = rel ? `${rel}/${name}` : name;
      if (fs.statSync(full).isDirectory()) walk(full, r);
      else files[prefix + r] = new Uint8Array(fs.readFileSync(full));
    }
  };
  walk(dir, '');
  Object.assign(files, extra);
  const out = `${dir}.zip`;
  fs.writeFileSync(out, zipSync(files));
  return out;
}

describe('importing a package', () => {
  it('imports a folder package: rows, evidence in the content store, audit entry', async () => {
    const dir = path.join(work, 'P-1');
    const manifest = (await writePackageFolder(dir, { id: 'P-1' })) as { evidence: { sha256: string }[] };
    const report = await importPath(ctx, dir, { actor: 'lead' });
    expect(report.portfolios).toEqual([{ id: 'P-1', result: 'imported' }]);
    expect(await countRows(ctx, 'evidence')).toBe(2);
    for (const e of manifest.evidence) {
      const stored = fs.readFileSync(ctx.store.pathFor(e.sha256));
      expect(sha256(stored)).toBe(e.sha256);
    }
    const audit = await ctx.db.all("SELECT actor, action, entity_id FROM audit_log WHERE action = 'portfolio.import'");
    expect(audit).toEqual([{ actor: 'lead', action: 'portfolio.import', entity_id: 'P-1' }]);
  });

  it('is idempotent for the same package and refuses a changed one with the same id', async () => {
    const dir = path.join(work, 'P-1');
    await writePackageFolder(dir, { id: 'P-1' });
    await importPath(ctx, dir, { actor: 'a' });
    const again = await importPath(ctx, dir, { actor: 'a' });
    expect(again.portfolios).toEqual([{ id: 'P-1', result: 'unchanged' }]);
    expect(await countRows(ctx, 'portfolios')).toBe(1);
    editManifest(dir, (m) => (m.responses[0].text = 'Edited after submission'));
    await expectRefused(dir, { field: 'id', reason: /already imported with different content/ });
  });

  it('stores identical files once', async () => {
    const pdf = await makePdf(1);
    const files = { 'a.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' }, 'b.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' } };
    await writePackageFolder(path.join(work, 'batch', 'P-1'), { id: 'P-1', files });
    await writePackageFolder(path.join(work, 'batch', 'P-2'), { id: 'P-2', files });
    const report = await importPath(ctx, path.join(work, 'batch'), { actor: 'a' });
    // The PDF, and once its copy without metadata (what reviewers get under anonymous review).
    expect(report.files.added).toBe(2);
    const copies = (await ctx.db.all('SELECT DISTINCT stripped_sha256 AS sha FROM evidence')) as { sha: string }[];
    expect(copies).toHaveLength(1);
    expect(ctx.store.list()).toEqual([sha256(pdf), copies[0]!.sha].sort());
  });

  it('imports a zip of packages', async () => {
    await writePackageFolder(path.join(work, 'b', 'P-1'), { id: 'P-1' });
    await writePackageFolder(path.join(work, 'b', 'P-2'), { id: 'P-2', candidate: { id: 'C-2' } });
    const zip = zipFolder(path.join(work, 'b'));
    const report = await importPath(ctx, zip, { actor: 'a' });
    expect(report.portfolios.map((p) => p.id).sort()).toEqual(['P-1', 'P-2']);
  });
});

describe('all or nothing', () => {
  it('one bad package in a batch refuses the whole batch and names the package, file and reason', async () => {
    await writePackageFolder(path.join(work, 'batch', 'P-1'), { id: 'P-1' });
    await writePackageFolder(path.join(work, 'batch', 'P-2'), { id: 'P-2' });
    fs.writeFileSync(path.join(work, 'batch', 'P-2', 'wall.png'), Buffer.concat([PNG_1x1, Buffer.from('x')]));
    // One byte more than the manifest declares: refused before it is read (see tests/unit/hostile/zip-bombs.test.ts).
    const problems = await expectRefused(path.join(work, 'batch'), { file: 'wall.png', reason: /manifest says \d+ bytes, file has \d+/ });
    expect(problems[0]!.source).toContain('P-2');
    expect(await countRows(ctx, 'candidates')).toBe(0);
  });
});

describe('each rejection', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(work, 'P-9');
    await writePackageFolder(dir, { id: 'P-9' });
  });

  it('missing file', async () => {
    fs.rmSync(path.join(dir, 'wall.png'));
    await expectRefused(dir, { file: 'wall.png', reason: /missing from the package/ });
  });
  it('extra file', async () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'secret');
    await expectRefused(dir, { file: 'notes.txt', reason: /not listed in the manifest/ });
  });
  it('sha256 mismatch', async () => {
    editManifest(dir, (m) => (m.evidence[0].sha256 = 'a'.repeat(64)));
    await expectRefused(dir, { file: 'lesson-plan.pdf', reason: /sha256 mismatch/ });
  });
  it('byte count mismatch', async () => {
    editManifest(dir, (m) => (m.evidence[0].bytes += 1));
    await expectRefused(dir, { file: 'lesson-plan.pdf', reason: /manifest says \d+ bytes/ });
  });
  it('unknown media type', async () => {
    editManifest(dir, (m) => (m.evidence[0].media_type = 'application/x-msdownload'));
    await expectRefused(dir, { field: 'evidence.0.media_type', reason: /unknown media type/ });
  });
  it('bytes that do not match the claimed type', async () => {
    fs.writeFileSync(path.join(dir, 'lesson-plan.pdf'), PNG_1x1);
    editManifest(dir, (m) => {
      m.evidence[0].sha256 = sha256(PNG_1x1);
      m.evidence[0].bytes = PNG_1x1.length;
    });
    await expectRefused(dir, { file: 'lesson-plan.pdf', reason: /content does not match application\/pdf \(looks like image\/png\)/ });
  });
  it('a video claim over non-video bytes', async () => {
    editManifest(dir, (m) => {
      m.evidence[1].media_type = 'video/mp4';
      m.evidence[1].kind = 'video';
    });
    await expectRefused(dir, { file: 'wall.png', reason: /content does not match video\/mp4/ });
  });
  it('.. and absolute paths in the manifest', async () => {
    editManifest(dir, (m) => (m.evidence[0].file = '../outside.pdf'));
    await expectRefused(dir, { field: 'evidence.0.file', reason: /must not contain empty, \. or \.\. segments/ });
    editManifest(dir, (m) => (m.evidence[0].file = '/etc/passwd'));
    await expectRefused(dir, { field: 'evidence.0.file', reason: /relative path/ });
  });
  it('symlinks in a folder package', async () => {
    fs.rmSync(path.join(dir, 'wall.png'));
    fs.symlinkSync('/etc/passwd', path.join(dir, 'wall.png'));
    await expectRefused(dir, { file: 'wall.png', reason: /symbolic links are not allowed/ });
  });
  it('zip-slip entries', async () => {
    const zip = zipFolder(dir, { '../evil.sh': new Uint8Array([1, 2]) });
    await expectRefused(zip, { file: '../evil.sh', reason: /unsafe zip entry: path escapes the package/ });
  });
  it('absolute zip entries', async () => {
    const zip = zipFolder(dir, { '/tmp/evil.sh': new Uint8Array([1]) });
    await expectRefused(zip, { file: '/tmp/evil.sh', reason: /unsafe zip entry: absolute path/ });
  });
  it('symlink entries in a zip', async () => {
    const zip = zipFolder(dir, { 'link.png': [new TextEncoder().encode('/etc/passwd'), { os: 3, attrs: (0o120777 << 16) >>> 0 }] });
    await expectRefused(zip, { file: 'link.png', reason: /symbolic links are not allowed/ });
  });
  it('oversize files over the configured limit', async () => {
    await expectRefused(dir, { file: 'lesson-plan.pdf', reason: /over the limit of 100 bytes/ }, { maxFileBytes: 100 });
  });
  it('a manifest that is not JSON', async () => {
    fs.writeFileSync(path.join(dir, 'manifest.json'), '{ not json');
    await expectRefused(dir, { file: 'manifest.json', reason: /not valid JSON/ });
  });
  it('schema errors name the field', async () => {
    editManifest(dir, (m) => (m.candidate.email = 'not-an-email'));
    await expectRefused(dir, { field: 'candidate.email', reason: /email/i });
  });
  it('unknown credential and unknown criteria', async () => {
    editManifest(dir, (m) => (m.credential = 'NOPE'));
    await expectRefused(dir, { field: 'credential', reason: /unknown credential "NOPE"/ });
    editManifest(dir, (m) => {
      m.credential = 'TST-8';
      m.evidence[0].criteria = ['planning', 'made-up'];
    });
    await expectRefused(dir, { field: 'evidence.0.criteria.1', reason: /"made-up" is not a criterion/ });
  });
  it('a file that is not part of any package in a batch', async () => {
    fs.writeFileSync(path.join(work, 'stray.txt'), 'x');
    const batch = path.join(work, 'batch2');
    fs.mkdirSync(batch);
    fs.renameSync(dir, path.join(batch, 'P-9'));
    fs.writeFileSync(path.join(batch, 'stray.txt'), 'x');
    await expectRefused(batch, { file: 'stray.txt', reason: /not part of any package/ });
  });
});

describe('resubmissions', () => {
  it('links attempt 2 to attempt 1 and checks candidate, credential and attempt number', async () => {
    await writePackageFolder(path.join(work, 'a1'), { id: 'P-1' });
    await importPath(ctx, path.join(work, 'a1'), { actor: 'a' });
    await writePackageFolder(path.join(work, 'a2'), { id: 'P-1b', attempt: 2, resubmission_of: 'P-1' });
    await importPath(ctx, path.join(work, 'a2'), { actor: 'a' });
    const row = await ctx.db.get("SELECT attempt, resubmission_of FROM portfolios WHERE id = 'P-1b'");
    expect(row).toEqual({ attempt: 2, resubmission_of: 'P-1' });

    await writePackageFolder(path.join(work, 'a3'), { id: 'P-1c', attempt: 2, resubmission_of: 'P-1b', candidate: { id: 'C-other' } });
    const problems = await expectRefused(path.join(work, 'a3'), { field: 'resubmission_of', reason: /belongs to another candidate/ });
    expect(problems.map((p) => p.reason)).toContain('attempt should be 3 (the earlier attempt is 2)');
  });
});

describe('catalogue files', () => {
  it('refuses a changed rubric under an existing version', async () => {
    const file = path.join(work, 'catalogue', 'rubric.json');
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    r.title = 'Changed';
    fs.writeFileSync(file, JSON.stringify(r));
    await expectRefused(file, { field: 'version', reason: /rubric versions are immutable, publish it as version 2/ });
  });
  it('refuses a credential pointing at a rubric that does not exist', async () => {
    const file = path.join(work, 'creds.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'evidence-workbench/credentials@1',
        credentials: [{ code: 'X-1', title: 'X', level: 'NZQF 8', credit_points: 5, rubric: { id: 'missing', version: 1 } }],
      }),
    );
    await expectRefused(file, { field: 'rubric', reason: /rubric missing@1 is not in this import or the database/ });
  });
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPath } from '../../../src-main/services/import/importer';
import type { Services } from '../../../src-main/core/services';
import { makePdf, PNG_1x1, sha256, writePackageFolder } from '../../support/fixtures';
import { expectRefusedUnchanged, servicesWithCatalogue } from './support';

// Paths, zip-slip, absolute and symlinked entries, byte-count and hash lies are in tests/unit/import/importer.test.ts.

let ctx: Services;
let work: string;
beforeEach(async () => {
  ({ ctx, work } = await servicesWithCatalogue());
});
afterEach(() => ctx.close());

/** Bytes this process has written so far (Linux /proc/self/io), to show a refusal stopped early. */
const bytesWritten = () => Number(/wchar: (\d+)/.exec(fs.readFileSync('/proc/self/io', 'utf8'))![1]);

/** A package folder's files as zip entries, with `replace` swapping some entries' bytes after the manifest was written. */
function zipOf(dir: string, replace: Record<string, Uint8Array> = {}, first?: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  if (first) files[first] = replace[first]!;
  for (const name of fs.readdirSync(dir)) files[name] ??= replace[name] ?? new Uint8Array(fs.readFileSync(path.join(dir, name)));
  return files;
}

/** Sets the uncompressed size a zip's first entry claims, in its local header and its central directory record. */
function lieAboutFirstEntrySize(zip: Uint8Array, size: number): Buffer {
  const buf = Buffer.from(zip);
  buf.writeUInt32LE(size, 22);
  buf.writeUInt32LE(size, buf.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  return buf;
}

describe('zip bombs and lying sizes', () => {
  const BOMB = 200 * 1024 * 1024;
  let bomb: Uint8Array;
  let dir: string;
  beforeEach(async () => {
    dir = path.join(work, 'P-1');
    await writePackageFolder(dir, { id: 'P-1', files: { 'lesson-plan.pdf': { bytes: await makePdf(1), media_type: 'application/pdf', kind: 'pdf' } } });
    const zeros = new Uint8Array(BOMB);
    zeros.set(Buffer.from('%PDF-1.7\n'));
    bomb = zeros;
  });

  it('an entry whose zip header says it inflates past the size in the manifest is refused before a byte is inflated', async () => {
    const zip = path.join(work, 'bomb.zip');
    fs.writeFileSync(zip, zipSync(zipOf(dir, { 'lesson-plan.pdf': bomb }), { level: 9 }));
    const start = performance.now();
    const written = bytesWritten();
    await expectRefusedUnchanged(ctx, zip, /manifest says \d+ bytes, file has 209715200/);
    expect(bytesWritten() - written).toBeLessThan(1024 * 1024);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('an entry whose zip header lies small (and so does the manifest) is cut off at the declared size, not inflated to 200 MB', async () => {
    const declared = fs.statSync(path.join(dir, 'lesson-plan.pdf')).size;
    const zip = path.join(work, 'liar.zip');
    fs.writeFileSync(zip, lieAboutFirstEntrySize(zipSync(zipOf(dir, { 'lesson-plan.pdf': bomb }, 'lesson-plan.pdf'), { level: 9 }), declared));
    const start = performance.now();
    const written = bytesWritten();
    await expectRefusedUnchanged(ctx, zip, /the zip entry inflates to more than the \d+ bytes it declares/);
    expect(bytesWritten() - written).toBeLessThan(1024 * 1024);
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('a zip of 10,000 entries is refused quickly, every stray entry named, nothing staged', async () => {
    const files = zipOf(dir);
    for (let i = 0; i < 10_000; i++) files[`extra/${i}.txt`] = Buffer.from(String(i));
    const zip = path.join(work, 'many.zip');
    fs.writeFileSync(zip, zipSync(files));
    const start = performance.now();
    const problems = await expectRefusedUnchanged(ctx, zip, /not listed in the manifest/);
    expect(problems.length).toBe(10_000);
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('a zip holding the same path twice is refused', async () => {
    const files = zipOf(dir);
    files['lesson-plan.pdX'] = PNG_1x1;
    const zip = Buffer.from(zipSync(files));
    // Rename the second entry to the first one's name in both headers (same length, so offsets hold).
    let at = -1;
    while ((at = zip.indexOf('lesson-plan.pdX', at + 1)) !== -1) zip.write('lesson-plan.pdf', at);
    fs.writeFileSync(path.join(work, 'dup.zip'), zip);
    await expectRefusedUnchanged(ctx, path.join(work, 'dup.zip'), /holds this path twice/);
  });
});

describe('names, twins and file kinds', () => {
  it('two evidence files whose names differ only in letter case are refused', async () => {
    const dir = path.join(work, 'P-2');
    const pdf = await makePdf(1);
    await writePackageFolder(dir, {
      id: 'P-2',
      files: { 'Plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' }, 'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' } },
    });
    await expectRefusedUnchanged(ctx, dir, /differs from "Plan.pdf" only in letter case or Unicode form/);
  });

  it('two evidence files whose names differ only in Unicode form (é composed and decomposed) are refused', async () => {
    const dir = path.join(work, 'P-3');
    const pdf = await makePdf(1);
    await writePackageFolder(dir, {
      id: 'P-3',
      files: {
        'r\u00e9sum\u00e9.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' },
        're\u0301sume\u0301.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' },
      },
    });
    await expectRefusedUnchanged(ctx, dir, /only in letter case or Unicode form/);
  });

  it('a FIFO in a folder package is refused without being opened', async () => {
    const dir = path.join(work, 'P-4');
    await writePackageFolder(dir, { id: 'P-4' });
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    await expectRefusedUnchanged(ctx, dir, /not a regular file/);
  });

  it('a manifest with a key twice (two ids) is refused: other readers would take the other one', async () => {
    const dir = path.join(work, 'P-5');
    await writePackageFolder(dir, { id: 'P-5' });
    const text = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'manifest.json'), text.replace('"id": "P-5",', '"id": "P-5", "id": "P-6",'));
    await expectRefusedUnchanged(ctx, dir, /the key "id" appears twice in one object/);
  });

  it('accepted on purpose: a hard link in a folder package is an ordinary file (its bytes are copied, never followed later)', async () => {
    const dir = path.join(work, 'P-6');
    const outside = path.join(work, 'outside.png');
    fs.writeFileSync(outside, PNG_1x1);
    await writePackageFolder(dir, { id: 'P-6', files: { 'wall.png': { bytes: PNG_1x1, media_type: 'image/png', kind: 'image' } } });
    fs.rmSync(path.join(dir, 'wall.png'));
    fs.linkSync(outside, path.join(dir, 'wall.png'));
    const report = await importPath(ctx, dir, { actor: 'test' });
    expect(report.portfolios).toEqual([{ id: 'P-6', result: 'imported' }]);
    expect(fs.statSync(ctx.store.pathFor(sha256(PNG_1x1))).ino).not.toBe(fs.statSync(outside).ino);
  });

  it('accepted on purpose: a PDF with a zip appended (a polyglot) is stored as the PDF it claims, served only as application/pdf with nosniff and a sandbox', async () => {
    const dir = path.join(work, 'P-7');
    const polyglot = Buffer.concat([Buffer.from(await makePdf(1)), Buffer.from(zipSync({ 'evil.html': Buffer.from('<script>alert(1)</script>') }))]);
    await writePackageFolder(dir, { id: 'P-7', files: { 'plan.pdf': { bytes: polyglot, media_type: 'application/pdf', kind: 'pdf' } } });
    const report = await importPath(ctx, dir, { actor: 'test' });
    expect(report.portfolios).toEqual([{ id: 'P-7', result: 'imported' }]);
    const row = await ctx.db.get('SELECT media_type FROM blobs WHERE sha256 = ?', [sha256(polyglot)]);
    expect(row).toEqual({ media_type: 'application/pdf' });
  });

  it('a zip claiming to be a PDF is refused by its signature', async () => {
    const dir = path.join(work, 'P-8');
    const zip = Buffer.from(zipSync({ 'a.txt': Buffer.from('a') }));
    await writePackageFolder(dir, { id: 'P-8', files: { 'plan.pdf': { bytes: zip, media_type: 'application/pdf', kind: 'pdf' } } });
    await expectRefusedUnchanged(ctx, dir, /content does not match application\/pdf/);
  });
});

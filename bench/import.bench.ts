/** Import throughput on a generated batch of 1,000 real packages (PDF + PNG each, distinct bytes). */
import fs from 'node:fs';
import path from 'node:path';
import { openServices } from '../src-main/core/services';
import { importPath } from '../src-main/services/import/importer';
import { makePdf, PNG_1x1, tempDir, writeCatalogue, writePackageFolder } from '../tests/support/fixtures';
import { mb } from './stats';

/** Writes a batch of `n` packages (catalogue + one folder each) into `batch`; returns the bytes of their evidence. */
export async function writeImportBatch(batch: string, n: number): Promise<number> {
  writeCatalogue(batch);
  const pdf = await makePdf(4);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    // Distinct bytes per package, so deduplication does not flatter the figure.
    const unique = Buffer.concat([Buffer.from(pdf), Buffer.from(`\n%${i}\n`)]);
    bytes += unique.length + PNG_1x1.length;
    await writePackageFolder(path.join(batch, `P-${i}`), {
      id: `P-${i}`,
      candidate: { id: `C-${i}`, email: `c${i}@example.nz` },
      files: {
        'plan.pdf': { bytes: unique, media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] },
        'wall.png': { bytes: PNG_1x1, media_type: 'image/png', kind: 'image' },
      },
    });
  }
  return bytes;
}

export async function benchImport(n = 1000): Promise<Record<string, string>> {
  const work = tempDir('ew-bench-import-');
  const batch = path.join(work, 'batch');
  const bytes = await writeImportBatch(batch, n);
  const ctx = await openServices({ dataDir: path.join(work, 'data') });
  const t0 = performance.now();
  await importPath(ctx, batch, { actor: 'bench' });
  const seconds = (performance.now() - t0) / 1000;
  await ctx.close();
  fs.rmSync(work, { recursive: true, force: true });
  return {
    'import: batch': `${n} portfolios, ${mb(bytes)}`,
    'import: time': `${seconds.toFixed(2)} s`,
    'import: throughput': `${(n / seconds).toFixed(0)} portfolios/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s`,
  };
}

/**
 * Import throughput on both dialects: one generated batch imported into a fresh SQLite data directory and into a
 * fresh PostgreSQL database, beside the floor of any import: reading, hashing (sha256) and copying the same files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openServices } from '../../src-main/core/services';
import { importPath } from '../../src-main/services/import/importer';
import { tempDir } from '../../tests/support/fixtures';
import { writeImportBatch } from '../import.bench';
import { mb } from '../stats';
import { ratio } from './compare';
import { createDatabase, type PostgresServer } from './postgres-server';

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Seconds to read, hash and write a copy of every file of the batch (named by its hash, as the evidence store does). */
function hashAndCopy(batch: string, into: string): number {
  fs.mkdirSync(into, { recursive: true });
  const t0 = performance.now();
  for (const file of filesUnder(batch)) {
    const bytes = fs.readFileSync(file);
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');
    fs.writeFileSync(path.join(into, hash), bytes);
  }
  return (performance.now() - t0) / 1000;
}

async function importSeconds(batch: string, dataDir: string, databaseUrl?: string): Promise<number> {
  const ctx = await openServices({ dataDir, databaseUrl });
  try {
    const t0 = performance.now();
    await importPath(ctx, batch, { actor: 'bench' });
    return (performance.now() - t0) / 1000;
  } finally {
    await ctx.close();
  }
}

export async function importFigures(server: PostgresServer, n: number): Promise<Record<string, string>> {
  const work = tempDir('ew-bench-db-import-');
  try {
    const batch = path.join(work, 'batch');
    const bytes = await writeImportBatch(batch, n);
    const raw = hashAndCopy(batch, path.join(work, 'copies'));
    const rate = (seconds: number) => `${(n / seconds).toFixed(0)} portfolios/s`;
    const out: Record<string, string> = {
      'databases: import batch': `${n} portfolios (PDF + PNG each), ${mb(bytes)}; bare = sha256 + copy of its files: ${raw.toFixed(2)} s, ${rate(raw)}`,
    };
    const runs = [
      ['sqlite', () => importSeconds(batch, path.join(work, 'sqlite'))],
      ['postgres', async () => importSeconds(batch, path.join(work, 'postgres'), await createDatabase(server, 'ew_bench_import'))],
    ] as const;
    for (const [dialect, run] of runs) {
      const seconds = await run();
      out[`databases: ${dialect} import (app / bare)`] = `${seconds.toFixed(2)} / ${raw.toFixed(2)} s = ${ratio(seconds, raw)}; ${rate(seconds)}`;
    }
    return out;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

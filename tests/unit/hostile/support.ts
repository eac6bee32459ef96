import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { importPath } from '../../../src-main/services/import/importer';
import { ImportError, type ImportProblem } from '../../../src-main/services/import/problems';
import type { Services } from '../../../src-main/core/services';
import { onTestDatabase } from '../../support/dialect';
import { PNG_1x1, tempDir, tempServices, writeCatalogue, writePackageFolder } from '../../support/fixtures';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A data directory with the test rubric and credential imported, and a work folder to write packages into. */
export async function servicesWithCatalogue(): Promise<{ ctx: Services; work: string }> {
  const ctx = await tempServices();
  const work = tempDir();
  writeCatalogue(path.join(work, 'catalogue'));
  await importPath(ctx, path.join(work, 'catalogue'), { actor: 'test' });
  return { ctx, work };
}

/** Every table's row count, the store's files and the staging area: what a refused import must leave as it was. */
export async function snapshot(ctx: Services): Promise<{ rows: Record<string, number>; files: string[]; staging: string[] }> {
  const tables = await ctx.db.tableNames();
  const rows: Record<string, number> = {};
  for (const t of tables) rows[t] = (await ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM "${t}"`))!.n;
  return { rows, files: ctx.store.list(), staging: fs.readdirSync(ctx.store.tmpDir).sort() };
}

/** Imports `source`, expects a refusal whose reasons match, and the database, store and staging area unchanged. */
export async function expectRefusedUnchanged(ctx: Services, source: string, reason: RegExp, options: { maxFileBytes?: number } = {}): Promise<ImportProblem[]> {
  const before = await snapshot(ctx);
  const err = await importPath(ctx, source, { actor: 'test', ...options }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportError);
  const problems = (err as ImportError).problems;
  expect(problems.map((p) => p.reason).join('\n')).toMatch(reason);
  expect(await snapshot(ctx)).toEqual(before);
  return problems;
}

/** A package whose one evidence file is a unique PNG (small, quick to write in bulk). */
export async function writeSmallPackage(dir: string, id: string, candidate = `C-${id}`): Promise<void> {
  await writePackageFolder(dir, {
    id,
    candidate: { id: candidate, name: `Candidate ${id}`, email: `${id.toLowerCase()}@example.nz` },
    files: { 'wall.png': { bytes: Buffer.concat([PNG_1x1, Buffer.from(`#${id}`)]), media_type: 'image/png', kind: 'image', criteria: ['reflection'] } },
  });
}

export async function writeBatch(dir: string, n: number, prefix = 'B'): Promise<string> {
  for (let i = 1; i <= n; i++) await writeSmallPackage(path.join(dir, `${prefix}-${i}`), `${prefix}-${i}`);
  return dir;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** The real CLI in its own process (`npm run cli -- …` without npm), for concurrency and kill tests. */
export async function startCli(args: string[]): Promise<{ child: ReturnType<typeof spawn>; done: Promise<CliRun> }> {
  const argv = await onTestDatabase(args);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src-main/cli/bin.ts'), ...argv], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const done = new Promise<CliRun>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

export const runCliProcess = async (args: string[]) => (await startCli(args)).done;

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../../src-main/services/import/importer';
import { checkStore } from '../../../src-main/services/store-integrity';
import { startReview } from '../../../src-main/services/reviews';
import { reviewSetup } from '../../support/review';
import { countRows, tempDir, writeCatalogue } from '../../support/fixtures';
import { expectRefusedUnchanged, runCliProcess, startCli, writeBatch, writeSmallPackage } from './support';
import { openTestServices } from '../../support/dialect';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A data directory holding the test catalogue, and a batch of `n` packages to import into it. */
async function prepared(n: number) {
  const data = tempDir('ew-data-');
  const cat = tempDir();
  writeCatalogue(cat);
  const ctx = await openTestServices({ dataDir: data });
  await importPath(ctx, cat, { actor: 'test' });
  await ctx.close();
  return { data, batch: await writeBatch(tempDir(), n) };
}

describe('an import killed with SIGKILL', () => {
  it('while staging evidence: the next start empties evidence/tmp and nothing was imported', async () => {
    const { data, batch } = await prepared(1500);
    const tmp = path.join(data, 'evidence', 'tmp');
    const { child, done } = await startCli(['import', batch, '--data', data]);
    while (!(fs.existsSync(tmp) && fs.readdirSync(tmp).length > 50)) await pause(5);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(fs.readdirSync(tmp).length).toBeGreaterThan(0);
    const ctx = await openTestServices({ dataDir: data });
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(await countRows(ctx, 'portfolios')).toBe(0);
    expect((await checkStore(ctx)).clean).toBe(true);
    await ctx.close();
  }, 60_000);

  it('while writing its rows: the next start takes out the portfolios it had written; store check --repair leaves the store clean', async () => {
    const { data, batch } = await prepared(1500);
    const watch = await openTestServices({ dataDir: data });
    const { child, done } = await startCli(['import', batch, '--data', data]);
    while ((await countRows(watch, 'portfolios')) < 100) await pause(2);
    child.kill('SIGKILL');
    await done;
    expect(await countRows(watch, 'portfolios')).toBeGreaterThan(0);
    expect(await countRows(watch, 'import_runs')).toBe(1);
    await watch.close();

    const ctx = await openTestServices({ dataDir: data });
    expect(await countRows(ctx, 'portfolios')).toBe(0);
    expect(await countRows(ctx, 'candidates')).toBe(0);
    expect(await countRows(ctx, 'import_runs')).toBe(0);
    expect(await countRows(ctx, 'audit_log')).toBe(await countRows(ctx, "audit_log WHERE action <> 'portfolio.import'"));
    expect(fs.readdirSync(ctx.store.tmpDir)).toEqual([]);
    const check = await checkStore(ctx);
    expect(check.missing).toEqual([]);
    await ctx.close();
    // Files moved into place by the transaction the kill interrupted are referenced by nothing: listed, then repaired.
    const repair = await runCliProcess(['store', 'check', '--repair', '--data', data, '--json']);
    expect(repair.code, repair.err).toBe(0);
    expect(JSON.parse(repair.out)).toMatchObject({ clean: true, missing: [], unreferenced: [] });
    // And the batch imports whole afterwards.
    const again = await runCliProcess(['import', batch, '--data', data]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain('imported 1500 portfolios');
  }, 120_000);
});

describe('an unfinished import found at start', () => {
  it('is taken out, except a portfolio someone already began work on, which stays with an audit entry saying why', async () => {
    const data = tempDir('ew-data-');
    let ctx = await openTestServices({ dataDir: data });
    const { reviewer } = await reviewSetup(ctx, 2);
    await startReview(ctx, 'P-1', reviewer);
    // As a killed process (pid that cannot exist) would have left it: P-1 and P-2 written, the run never closed.
    await ctx.db.run("INSERT INTO import_runs (id, pid, source, started_at) VALUES ('dead', 999999999, 'batch', '2026-11-01')");
    for (const [kind, key] of [
      ['portfolio', 'P-1'],
      ['portfolio', 'P-2'],
      ['candidate', 'C-1'],
      ['candidate', 'C-2'],
    ])
      await ctx.db.run("INSERT INTO import_run_items (run_id, kind, key) VALUES ('dead', ?, ?)", [kind, key]);
    await ctx.close();
    ctx = await openTestServices({ dataDir: data });
    expect((await ctx.db.all('SELECT id FROM portfolios')).map((r) => r.id)).toEqual(['P-1']);
    expect((await ctx.db.all('SELECT id FROM candidates')).map((r) => r.id)).toEqual(['C-1']);
    expect(await countRows(ctx, 'import_runs')).toBe(0);
    const kept = (await ctx.db.get<{ details: string }>("SELECT details FROM audit_log WHERE entity_id = 'P-1' AND details LIKE '%kept%'"))!.details;
    expect(JSON.parse(kept)).toEqual({ kept: 'work began on it before its unfinished import was taken out' });
    expect(await checkStore(ctx)).toMatchObject({ missing: [], clean: true });
    await ctx.close();
  });
});

describe('the staging area after a refusal', () => {
  it('an oversized manifest beside a valid package: refused naming the package and file, nothing staged is left', async () => {
    const ctx = await openTestServices({ dataDir: tempDir('ew-data-') });
    const cat = tempDir();
    writeCatalogue(cat);
    await importPath(ctx, cat, { actor: 'test' });
    const batch = tempDir();
    await writeSmallPackage(path.join(batch, 'A-1'), 'A-1');
    await writeSmallPackage(path.join(batch, 'Z-9'), 'Z-9');
    fs.writeFileSync(path.join(batch, 'Z-9', 'manifest.json'), `{"id": "Z-9", "pad": "${'x'.repeat(17 * 1024 * 1024)}"}`);
    const problems = await expectRefusedUnchanged(ctx, batch, /larger than the limit of 16777216 bytes/);
    expect(problems).toContainEqual(expect.objectContaining({ source: `${path.basename(batch)}/Z-9`, file: 'manifest.json' }));
    await ctx.close();
  });

  it('the CLI exits 2 (bad input) for an oversized manifest and names the package and file', async () => {
    const data = tempDir('ew-data-');
    const batch = tempDir();
    await writeSmallPackage(path.join(batch, 'Z-9'), 'Z-9');
    fs.writeFileSync(path.join(batch, 'Z-9', 'manifest.json'), `{"pad": "${'x'.repeat(17 * 1024 * 1024)}"}`);
    const run = await runCliProcess(['import', batch, '--data', data]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Z-9 \(file manifest\.json\): larger than the limit of 16777216 bytes/);
  }, 30_000);
});

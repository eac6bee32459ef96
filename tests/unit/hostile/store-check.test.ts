import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { importPath } from '../../../src-main/services/import/importer';
import { PNG_1x1, sha256, tempDir, writeCatalogue } from '../../support/fixtures';
import { writeBatch } from './support';
import { onTestDatabase, openTestServices } from '../../support/dialect';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function importedDataDir(): Promise<{ data: string; shas: string[] }> {
  const data = tempDir('ew-data-');
  const work = tempDir();
  writeCatalogue(work);
  await writeBatch(work, 3);
  const ctx = await openTestServices({ dataDir: data });
  await importPath(ctx, work, { actor: 'test' });
  const shas = ctx.store.list();
  await ctx.close();
  return { data, shas };
}

describe('cli store check', () => {
  it('exits 0 and says so when the store matches the database', async () => {
    const { data } = await importedDataDir();
    const r = await cli('store', 'check', '--data', data);
    expect(r).toMatchObject({ code: 0, out: 'store is consistent with the database' });
  });

  it('lists missing, changed and unreferenced files; --repair removes only what nothing refers to, exit 1 while problems remain', async () => {
    const { data, shas } = await importedDataDir();
    const store = path.join(data, 'evidence');
    const file = (sha: string) => path.join(store, sha.slice(0, 2), sha);
    fs.rmSync(file(shas[0]!));
    fs.chmodSync(file(shas[1]!), 0o644);
    fs.appendFileSync(file(shas[1]!), 'tampered');
    const stray = Buffer.concat([PNG_1x1, Buffer.from('stray')]);
    fs.mkdirSync(path.dirname(file(sha256(stray))), { recursive: true });
    fs.writeFileSync(file(sha256(stray)), stray);
    fs.writeFileSync(path.join(store, 'tmp', '999999999-left-by-a-dead-process'), 'x');

    const check = await cli('store', 'check', '--data', data, '--json');
    expect(check.code).toBe(1);
    expect(JSON.parse(check.out)).toMatchObject({
      missing: [shas[0]],
      corrupt: [shas[1]],
      unreferenced: [sha256(stray)],
      clean: false,
    });
    // Opening the data directory already swept the staged file of the dead process.
    expect(fs.readdirSync(path.join(store, 'tmp'))).toEqual([]);
    const text = await cli('store', 'check', '--data', data);
    expect(text.out).toContain(`referenced but missing from the store (1):\n  ${shas[0]}`);

    const repair = await cli('store', 'check', '--repair', '--data', data, '--json');
    const report = JSON.parse(repair.out);
    expect(report.repaired).toMatchObject({ unreferenced: [sha256(stray)] });
    // A referenced file is never removed, even one whose bytes changed: that needs a person.
    expect(fs.existsSync(file(shas[1]!))).toBe(true);
    expect(report).toMatchObject({ missing: [shas[0]], corrupt: [shas[1]], unreferenced: [], staleStaging: [], clean: false });
    expect(repair.code).toBe(1);
  });
});

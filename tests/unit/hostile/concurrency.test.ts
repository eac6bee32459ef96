import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src-main/db/port';
import { openDatabase } from '../../../src-main/db/database';
import { importPath } from '../../../src-main/services/import/importer';
import { ImportError } from '../../../src-main/services/import/problems';
import { checkStore } from '../../../src-main/services/store-integrity';
import { saveDraft, startReview } from '../../../src-main/services/reviews';
import type { Services } from '../../../src-main/core/services';
import { countRows, editManifest, tempDir, writeCatalogue } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';
import { runCliProcess, startCli, writeBatch } from './support';
import { openTestServices, sqliteOnly } from '../../support/dialect';

const open: Services[] = [];
const services = async (dataDir: string) => {
  const ctx = await openTestServices({ dataDir });
  open.push(ctx);
  return ctx;
};
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

sqliteOnly(
  "two connections on one SQLite file and SQLite's own busy error; PostgreSQL's locking is tested in postgres-claims.test.ts",
  'the SQLite write lock',
  () => {
    it('every write transaction takes the lock first, so a second writer waits instead of the first failing with SQLITE_BUSY', async () => {
      const file = path.join(tempDir(), 'queue.sqlite');
      const a = openDatabase(file);
      const b = openDatabase(file);
      b.sqlite.pragma('busy_timeout = 50');
      const insert = (db: Db, id: string) => db.run("INSERT INTO candidates (id, name, email, school, district) VALUES (?, 'n', 'e@x.nz', 's', 'd')", [id]);
      let other: unknown = null;
      await a.db.transaction(async (tx) => {
        await tx.get('SELECT count(*) FROM candidates');
        // Another connection writes while this transaction has only read: it must be the one that waits (here: times out).
        try {
          await insert(b.db, 'B');
        } catch (err) {
          other = err;
        }
        await insert(tx, 'A');
      });
      expect((other as { code?: string } | null)?.code).toBe('SQLITE_BUSY');
      expect(await a.db.all('SELECT id FROM candidates')).toEqual([{ id: 'A' }]);
      await a.close();
      await b.close();
    });
  },
);

describe('concurrent writers', () => {
  it('two services on one data directory importing the same batch at once: one imports, the other reports unchanged', async () => {
    const data = tempDir('ew-data-');
    const work = tempDir();
    writeCatalogue(work);
    await writeBatch(work, 60);
    const [a, b] = [await services(data), await services(data)];
    const reports = await Promise.all([importPath(a, work, { actor: 'a' }), importPath(b, work, { actor: 'b' })]);
    const results = reports.flatMap((r) => r.portfolios.map((p) => p.result));
    expect(results.filter((r) => r === 'imported')).toHaveLength(60);
    expect(results.filter((r) => r === 'unchanged')).toHaveLength(60);
    expect(await countRows(a, 'portfolios')).toBe(60);
    expect((await checkStore(a)).clean).toBe(true);
  });

  it('two CLI processes importing the same batch at once: both exit 0, no raw driver message, every referenced file present', async () => {
    const data = tempDir('ew-data-');
    const work = tempDir();
    writeCatalogue(work);
    await writeBatch(work, 120);
    const runs = await Promise.all([runCliProcess(['import', work, '--data', data, '--json']), runCliProcess(['import', work, '--data', data, '--json'])]);
    for (const r of runs) {
      expect(r.err).not.toMatch(/UNIQUE constraint|SQLITE_/);
      expect(r.code, r.err).toBe(0);
    }
    const results = runs.flatMap((r) => (JSON.parse(r.out) as { portfolios: { result: string }[] }).portfolios.map((p) => p.result));
    expect(results.filter((r) => r === 'imported')).toHaveLength(120);
    const check = await runCliProcess(['store', 'check', '--data', data, '--json']);
    expect(JSON.parse(check.out)).toMatchObject({ missing: [], unreferenced: [], corrupt: [], clean: true });
    expect(check.code).toBe(0);
  }, 60_000);

  it('the same ids with different content imported at once: the loser is refused in words and the winner keeps every file', async () => {
    const data = tempDir('ew-data-');
    const [one, two] = [tempDir(), tempDir()];
    writeCatalogue(one);
    writeCatalogue(two);
    await writeBatch(one, 60);
    await writeBatch(two, 60);
    for (let i = 1; i <= 60; i += 7) editManifest(path.join(two, `B-${i}`), (m) => (m.responses[0].text = 'another answer'));
    const [a, b] = [await services(data), await services(data)];
    const settled = await Promise.allSettled([importPath(a, one, { actor: 'a' }), importPath(b, two, { actor: 'b' })]);
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused).toHaveLength(1);
    const err = (refused[0] as PromiseRejectedResult).reason;
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/already imported with different content|imported with different content by another import/);
    expect(await countRows(a, 'portfolios')).toBe(60);
    expect(await checkStore(a)).toMatchObject({ missing: [], corrupt: [] });
  });

  it("a reviewer's draft saves while a CLI import writes a large batch: none fails and none waits long", async () => {
    const data = tempDir('ew-data-');
    const ctx = await services(data);
    const { reviewer } = await reviewSetup(ctx, 1);
    const review = (await startReview(ctx, 'P-1', reviewer)).review!;
    const work = tempDir();
    await writeBatch(work, 1500);
    const { done } = await startCli(['import', work, '--data', data]);
    let finished = false;
    void done.then(() => (finished = true));
    const waits: number[] = [];
    const failures: string[] = [];
    let i = 0;
    const before = await countRows(ctx, 'portfolios');
    let sawImportRows = false;
    while (!finished) {
      const t0 = performance.now();
      try {
        await saveDraft(ctx, { reviewId: review.id, comments: { planning: `draft ${i++}` }, activeMsDelta: 10 }, reviewer);
      } catch (err) {
        failures.push((err as Error).message);
      }
      waits.push(performance.now() - t0);
      const n = await countRows(ctx, 'portfolios');
      if (n > before && n < before + 1500) sawImportRows = true;
      if (n === before + 1500) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const run = await done;
    expect(run.code, run.err).toBe(0);
    expect(await countRows(ctx, 'portfolios')).toBe(before + 1500);
    expect(failures).toEqual([]);
    // The import lands in several transactions, and the saves ran between them.
    expect(sawImportRows, 'saves ran while the import was writing').toBe(true);
    expect(Math.max(...waits)).toBeLessThan(500);
  }, 120_000);
});

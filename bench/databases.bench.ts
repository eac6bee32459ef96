/**
 * Both databases side by side (`npm run bench -- databases`): the queue through the API beside the bare query on
 * SQLite and on PostgreSQL, claim throughput with concurrent clients on PostgreSQL, and import throughput on both.
 * Starts its own PostgreSQL server (as the tests do) and stops it at the end. Smaller runs for a quick check:
 * EW_BENCH_N (portfolios, default 100,000), EW_BENCH_SAMPLES (timings per figure and side, default 50),
 * EW_BENCH_CLIENTS (claiming clients, default 50), EW_BENCH_CLAIM_SECONDS (default 20), EW_BENCH_IMPORT_N (default 300).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openServices, type Services } from '../src-main/core/services';
import { fillMissingPseudonyms } from '../src-main/services/queue';
import { tempDir } from '../tests/support/fixtures';
import { barePostgres, bareSqlite, type BareQueue } from './databases/bare-queue';
import { claimFigures } from './databases/claims';
import { importFigures } from './databases/import-figures';
import { createDatabase, serverVersion, withPostgresServer } from './databases/postgres-server';
import { queueFigures } from './databases/queue-figures';
import { seedPortfolios } from './queue.bench';

function envCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0 (it is "${raw}")`);
  return n;
}

/** Progress on stderr: the figures are printed together at the end, and a full run takes minutes. */
const step = (what: string) => process.stderr.write(`databases: ${what}…\n`);

async function seeded(dialect: string, ctx: Services, n: number, out: Record<string, string>): Promise<void> {
  step(`seeding ${n.toLocaleString('en')} portfolios on ${dialect}`);
  const t0 = performance.now();
  await seedPortfolios(ctx, n);
  // What the next openServices would do otherwise, once per client.
  await fillMissingPseudonyms(ctx);
  // That fill rewrote every row: on PostgreSQL the old versions stay until a vacuum, which autovacuum runs on a used
  // database soon after; timing before it would measure a table twice its size.
  if (ctx.db.dialect === 'postgres') await ctx.db.run('VACUUM ANALYZE');
  out[`databases: ${dialect} seed (through the port)`] = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

async function withBare<T>(bare: BareQueue, work: (bare: BareQueue) => Promise<T>): Promise<T> {
  try {
    return await work(bare);
  } finally {
    await bare.close();
  }
}

export async function benchDatabases(): Promise<Record<string, string>> {
  const n = envCount('EW_BENCH_N', 100_000);
  const samples = envCount('EW_BENCH_SAMPLES', 50);
  const clients = envCount('EW_BENCH_CLIENTS', 50);
  const claimSeconds = envCount('EW_BENCH_CLAIM_SECONDS', 20);
  const importN = envCount('EW_BENCH_IMPORT_N', 300);
  const work = tempDir('ew-bench-databases-');
  try {
    return await withPostgresServer(async (server) => {
      const out: Record<string, string> = {
        'databases: portfolios': n.toLocaleString('en'),
        'databases: timings per figure': `${samples} API + ${samples} bare, interleaved`,
      };

      const sqliteDir = path.join(work, 'sqlite');
      const sqlite = await openServices({ dataDir: sqliteDir });
      try {
        await seeded('sqlite', sqlite, n, out);
        step('timing the queue on sqlite');
        Object.assign(
          out,
          await withBare(bareSqlite(path.join(sqliteDir, 'queue.sqlite'), sqlite.db.fn), (bare) => queueFigures('sqlite', sqlite, bare, n, samples)),
        );
      } finally {
        await sqlite.close();
      }

      const databaseUrl = await createDatabase(server, 'ew_bench_queue');
      out['databases: postgres server'] = `PostgreSQL ${await serverVersion(databaseUrl)} on 127.0.0.1, started by the bench (fsync off, as for the tests)`;
      const postgresDir = path.join(work, 'postgres');
      const postgres = await openServices({ dataDir: postgresDir, databaseUrl });
      try {
        await seeded('postgres', postgres, n, out);
        step('timing the queue on postgres');
        Object.assign(out, await withBare(await barePostgres(databaseUrl, postgres.db.fn), (bare) => queueFigures('postgres', postgres, bare, n, samples)));
        step(`claiming with ${clients} clients on postgres for up to ${claimSeconds} s`);
        Object.assign(out, await claimFigures(postgres, { dataDir: postgresDir, databaseUrl, clients, seconds: claimSeconds }));
      } finally {
        await postgres.close();
      }

      step(`importing ${importN} portfolios on both`);
      Object.assign(out, await importFigures(server, importN));
      return out;
    });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

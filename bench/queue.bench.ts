/** Queue page queries at 100,000 portfolios: rows inserted in bulk into a real migrated database. */
import fs from 'node:fs';
import path from 'node:path';
import { openServices } from '../src-main/core/services';
import { fillMissingPseudonyms, listQueue, statusCounts } from '../src-main/services/queue';
import { systemActor } from '../src-main/services/reviewers';
import { STATUSES } from '../src-shared/domain/status';
import { TEST_RUBRIC, TEST_CREDENTIALS, tempDir } from '../tests/support/fixtures';
import { insertRubric } from '../src-main/services/rubrics';
import { upsertCredential } from '../src-main/services/credentials';
import { type ServiceContext, transaction } from '../src-main/services/context';
import { mb, samplesAsync, summarize, timeAsync } from './stats';

const DISTRICTS = ['Ōtautahi Christchurch', 'Tāmaki Makaurau Auckland', 'Te Whanganui-a-Tara Wellington', 'Waikato', 'Otago'];
const FIRST = ['Aroha', 'Ben', 'Chloé', 'Daniel', 'Eru', 'Fiona', 'Hemi', 'Isla', 'Jack', 'Kiri', 'Liam', 'Mere', 'Noah', 'Olivia', 'Pita', 'Ruby'];
const LAST = ['Ngata', 'Walker', 'Martin', 'Smith', 'Parata', 'Wilson', 'Tane', 'Brown', 'Kaur', 'Lee', 'Taylor', 'Williams'];

/** Fills a database with `n` portfolios (and candidates) in one transaction; shared by the queue and panel benchmarks. */
export async function seedPortfolios(ctx: ServiceContext, n: number): Promise<void> {
  await insertRubric(ctx, TEST_RUBRIC, 'bench');
  for (const c of TEST_CREDENTIALS.credentials) await upsertCredential(ctx, c as never, 'bench');
  const start = Date.parse('2024-01-01T00:00:00Z');
  await transaction(ctx, async (ctx) => {
    for (let i = 0; i < n; i++) {
      const id = `C-${i}`;
      const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`;
      const [school, district] = [`School ${i % 300}`, DISTRICTS[i % DISTRICTS.length]];
      await ctx.db.run('INSERT INTO candidates (id, name, email, school, district) VALUES (?, ?, ?, ?, ?)', [
        id,
        name,
        `c${i}@school${i % 300}.nz`,
        school,
        district,
      ]);
      const at = new Date(start + i * 60_000).toISOString();
      const pid = `P-${String(i).padStart(6, '0')}`;
      const { seq } = (await ctx.db.get<{ seq: number }>(
        `INSERT INTO portfolios (id, candidate_id, candidate_name, school, district, credential_code, rubric_id, rubric_version, attempt, submitted_at, status, manifest_sha256, imported_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'TST-8', 'test-rubric', 1, 1, ?, ?, 'x', ?, ?) RETURNING seq`,
        [pid, id, name, school, district, at, STATUSES[i % 5], at, at],
      ))!;
      await ctx.db.run("INSERT INTO portfolio_search (rowid, ref, pseudonym, identity) VALUES (?, ?, '', ?)", [
        seq,
        pid,
        `${id} ${name} c${i}@school${i % 300}.nz`,
      ]);
    }
  });
  // Planner statistics for the bulk-inserted rows, so the timed queries use the plans a used database gets.
  await ctx.db.run(ctx.db.dialect === 'sqlite' ? 'PRAGMA optimize' : 'ANALYZE');
}

export async function benchQueue(n = 100_000): Promise<Record<string, string>> {
  const dataDir = tempDir('ew-bench-queue-');
  const ctx = await openServices({ dataDir });
  const [, seedMs] = await timeAsync(() => seedPortfolios(ctx, n));
  // Every other portfolio under anonymous review, as a reviewer (who sees pseudonyms there) and a lead see the queue.
  await ctx.db.run('UPDATE portfolios SET anonymous = (seq % 2 = 0)');
  await fillMissingPseudonyms(ctx);
  const lead = systemActor('bench:lead');
  const reviewer = { ...lead, id: 'bench:reviewer', roles: ['reviewer' as const] };
  const queries = [
    () => listQueue(ctx, { offset: Math.floor(Math.random() * (n - 100)), limit: 100 }, lead),
    () => listQueue(ctx, { status: ['in_review'], offset: Math.floor(Math.random() * (n / 5 - 100)), limit: 100 }, lead),
    () => listQueue(ctx, { district: 'Waikato', sort: 'submitted_at', dir: 'desc', limit: 100 }, lead),
    () => listQueue(ctx, { search: 'Ngata', limit: 100 }, lead),
    () => listQueue(ctx, { sort: 'candidate', offset: Math.floor(Math.random() * 1000), limit: 100 }, lead),
    () => listQueue(ctx, { district: 'Waikato', sort: 'submitted_at', dir: 'desc', limit: 100 }, reviewer),
    () => listQueue(ctx, { search: 'Ngata', limit: 100 }, reviewer),
    () => listQueue(ctx, { sort: 'candidate', offset: Math.floor(Math.random() * 1000), limit: 100 }, reviewer),
  ];
  const names = [
    'random page (all)',
    'random page (status filter)',
    'district filter, newest first',
    'name search',
    'sorted by candidate',
    'reviewer, half anonymous: district filter',
    'reviewer, half anonymous: name search',
    'reviewer, half anonymous: sorted by candidate',
  ];
  const out: Record<string, string> = { 'queue: portfolios': n.toLocaleString('en'), 'queue: seed time': `${(seedMs / 1000).toFixed(1)} s` };
  for (const [i, q] of queries.entries()) {
    for (let w = 0; w < 5; w++) await q();
    const s = summarize(await samplesAsync(60, q));
    out[`queue: ${names[i]} (median / p95)`] = `${s.median} / ${s.p95}`;
  }
  const counts = summarize(await samplesAsync(30, () => statusCounts(ctx)));
  out['queue: counts per status (median / p95)'] = `${counts.median} / ${counts.p95}`;
  // Folds the write-ahead log into the file, so its size is the database's.
  await ctx.db.run('PRAGMA wal_checkpoint(TRUNCATE)');
  out['queue: database size'] = mb(fs.statSync(path.join(dataDir, 'queue.sqlite')).size);
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return out;
}

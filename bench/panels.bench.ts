/** Panel figures: allocation of 10,000 portfolios across 50 reviewers with conflict rules; the moderation queue at 100,000. */
import fs from 'node:fs';
import { openServices } from '../src-main/core/services';
import { allocateAll } from '../src-main/services/panels/assignments';
import { moderationQueue } from '../src-main/services/panels/moderation';
import { setPolicy } from '../src-main/services/panels/policies';
import { createReviewer, systemActor } from '../src-main/services/reviewers';
import { allocate } from '../src-shared/domain/panel/allocation';
import { DEFAULT_POLICY } from '../src-shared/domain/panel/policy';
import { tempDir } from '../tests/support/fixtures';
import { seedPortfolios } from './queue.bench';
import { samplesAsync, summarize, time, timeAsync } from './stats';

const DISTRICTS = ['Ōtautahi Christchurch', 'Tāmaki Makaurau Auckland', 'Te Whanganui-a-Tara Wellington', 'Waikato', 'Otago'];

export async function benchPanels(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  // Pure allocation: 10,000 portfolios, 50 reviewers, same-school and same-district conflicts, declared conflicts.
  const reviewers = Array.from({ length: 50 }, (_, i) => ({
    id: `R-${String(i).padStart(2, '0')}`,
    school: `School ${i * 6}`,
    district: DISTRICTS[i % DISTRICTS.length]!,
    load: 0,
    maxLoad: 500,
    conflicts: new Set(Array.from({ length: 20 }, (_, k) => `C-${i * 37 + k}`)),
    qualified: new Set<string>(),
  }));
  const portfolios = Array.from({ length: 10_000 }, (_, i) => ({
    id: `P-${i}`,
    credential: 'TST-8',
    candidateId: `C-${i}`,
    school: `School ${i % 300}`,
    district: DISTRICTS[i % DISTRICTS.length]!,
    needed: 2,
    taken: new Set<string>(),
    earlierReviewers: [],
  }));
  const policy = { ...DEFAULT_POLICY, coi_same_district: true };
  const [pure, pureMs] = time(() => allocate(portfolios, reviewers, () => policy));
  out['allocation (pure): 10,000 portfolios × 50 reviewers'] =
    `${pureMs.toFixed(0)} ms (${pure.assigned.length} assignments, ${pure.unallocated.length} unallocated)`;

  // The same through the database service (loads, policies, conflicts from SQLite; writes and audits every assignment).
  const dataDir = tempDir('ew-bench-panels-');
  const ctx = await openServices({ dataDir });
  await seedPortfolios(ctx, 10_000);
  const admin = systemActor('bench');
  for (const r of reviewers)
    await createReviewer(
      ctx,
      { id: r.id, name: r.id, email: `${r.id.toLowerCase()}@bench.nz`, school: r.school, district: r.district, roles: ['reviewer'], maxLoad: 500 },
      admin,
    );
  await setPolicy(ctx, 'TST-8', { coi_same_district: true }, admin);
  const [db, dbMs] = await timeAsync(() => allocateAll(ctx, admin));
  out['allocation (database): 10,000 portfolios × 50 reviewers'] = `${(dbMs / 1000).toFixed(2)} s (${db.assigned.length} assignments)`;
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });

  // Moderation queue at 100,000 portfolios, 2,000 of them awaiting moderation.
  const bigDir = tempDir('ew-bench-moderation-');
  const big = await openServices({ dataDir: bigDir });
  await seedPortfolios(big, 100_000);
  await big.db.run(
    "INSERT INTO moderations (portfolio_id, status, reason, opened_at) SELECT id, 'open', 'Reflection: 2 vs 4; outcomes differ', submitted_at FROM portfolios WHERE seq % 50 = 0",
  );
  await moderationQueue(big);
  const s = summarize(await samplesAsync(20, () => moderationQueue(big)));
  out['moderation queue at 100,000 portfolios (2,000 open; median / p95)'] = `${s.median} / ${s.p95}`;
  await big.close();
  fs.rmSync(bigDir, { recursive: true, force: true });
  return out;
}

/**
 * Claim throughput on PostgreSQL: `clients` app processes (each its own openServices, so its own pool) on one
 * database, each a reviewer calling the service behind `assignments.claimNext` (the oldest portfolio they may take,
 * claimed for them) until the time is up or nothing is left. The policy asks for one reviewer per portfolio, so a
 * portfolio held by two reviewers afterwards was claimed twice.
 */
import { openServices, type Services } from '../../src-main/core/services';
import { claimNext } from '../../src-main/services/panels/assignments';
import { setPolicy } from '../../src-main/services/panels/policies';
import { createReviewer, systemActor } from '../../src-main/services/reviewers';
import type { Reviewer } from '../../src-shared/contracts/reviewers';

export interface ClaimOptions {
  dataDir: string;
  databaseUrl: string;
  clients: number;
  seconds: number;
}

/** drizzle wraps the driver's error (already in words, see db/postgres/errors.ts) in one that quotes the query. */
function reason(err: unknown): string {
  const e = err as Error;
  return (e.cause instanceof Error ? e.cause : e).message.split('\n')[0]!;
}

export async function claimFigures(ctx: Services, { dataDir, databaseUrl, clients, seconds }: ClaimOptions): Promise<Record<string, string>> {
  const admin = systemActor('bench');
  await setPolicy(ctx, 'TST-8', { reviews_required: 1 }, admin);
  const reviewers: Reviewer[] = [];
  for (let i = 0; i < clients; i++) {
    const id = `R-${String(i).padStart(2, '0')}`;
    // No school or district of any candidate's, and room for every claim: nothing but another claim stops one.
    reviewers.push(
      await createReviewer(
        ctx,
        { id, name: id, email: `${id.toLowerCase()}@bench.nz`, school: `Reviewer school ${i}`, district: '', roles: ['reviewer'], maxLoad: 1_000_000 },
        admin,
      ),
    );
  }
  const apps: Services[] = [];
  try {
    for (let i = 0; i < clients; i++) apps.push(await openServices({ dataDir, databaseUrl }));
    let claims = 0;
    const failures = new Map<string, number>();
    const t0 = performance.now();
    const deadline = t0 + seconds * 1000;
    await Promise.all(
      apps.map(async (app, i) => {
        while (performance.now() < deadline) {
          try {
            if (!(await claimNext(app, reviewers[i]!))) return;
            claims++;
          } catch (err) {
            const message = reason(err);
            failures.set(message, (failures.get(message) ?? 0) + 1);
          }
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    const held = await ctx.db.get<{ portfolios: number; twice: number; rows: number }>(
      `SELECT count(*) AS portfolios, count(*) FILTER (WHERE n > 1) AS twice, coalesce(sum(n), 0) AS rows
       FROM (SELECT count(*) AS n FROM assignments WHERE status <> 'released' GROUP BY portfolio_id) per_portfolio`,
    );
    const out: Record<string, string> = {
      [`databases: postgres claims, ${clients} clients (claimNext)`]: `${claims} claims in ${elapsed.toFixed(1)} s = ${(claims / elapsed).toFixed(1)} claims/s`,
      'databases: postgres claims: portfolios claimed twice': held!.twice
        ? `${held!.twice} of ${held!.portfolios} claimed portfolios have more than one reviewer (${held!.rows} assignments for ${held!.portfolios} places)`
        : `none (${held!.portfolios} portfolios, one reviewer each)`,
    };
    const failed = [...failures.entries()].sort((a, b) => b[1] - a[1]);
    out['databases: postgres claims: refused'] = failed.length ? failed.map(([m, k]) => `${k}× "${m}"`).join('; ') : 'none';
    return out;
  } finally {
    for (const app of apps) await app.close();
  }
}

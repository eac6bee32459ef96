import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import type { DatabaseHandle } from '../../../src-main/db/port';
import { createTestDatabase } from '../../support/postgres';

const PORTFOLIOS = 40;
const CLIENTS = 50;

let url: string;
let setup: DatabaseHandle;

beforeAll(async () => {
  url = await createTestDatabase();
  setup = await openPostgres(url);
  await setup.db.transaction(async (tx) => {
    await tx.run("INSERT INTO rubrics (id, version, title, rule_type, created_at) VALUES ('R', 1, 'R', 'all_at_least', 't')");
    await tx.run("INSERT INTO credentials (code, title, provider, level, credit_points, rubric_id, rubric_version) VALUES ('C', 'C', 'P', 'L', 1, 'R', 1)");
    for (let i = 1; i <= PORTFOLIOS; i++) {
      const id = `P-${String(i).padStart(3, '0')}`;
      await tx.run("INSERT INTO candidates (id, name, email, school, district) VALUES (?, 'N', 'e', 's', 'd')", [`cand-${id}`]);
      await tx.run(
        `INSERT INTO portfolios (id, candidate_id, candidate_name, school, district, credential_code, rubric_id, rubric_version, attempt,
           submitted_at, status, manifest_sha256, imported_at, updated_at)
         VALUES (?, ?, 'N', 's', 'd', 'C', 'R', 1, 1, ?, 'submitted', 'x', 't', 't')`,
        [id, `cand-${id}`, `2025-01-01T00:00:${String(i).padStart(2, '0')}Z`],
      );
    }
  });
});
afterAll(() => setup?.close());

describe('claiming on PostgreSQL with row locks', () => {
  it(`${CLIENTS} clients on their own connections claim from ${PORTFOLIOS} portfolios at once: each claimed once, the rest get nothing`, async () => {
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => openPostgres(url, { poolSize: 1 })));
    let release!: () => void;
    const start = new Promise<void>((resolve) => (release = resolve));
    const claims = clients.map(async (client, n) => {
      await start;
      return client.db.transaction(async (tx) => {
        const next = await tx.get<{ seq: number; id: string }>(
          `SELECT seq, id FROM portfolios WHERE status = 'submitted' AND is_anchor = 0 ORDER BY submitted_at, id LIMIT 1 ${tx.fn.forUpdateSkipLocked}`,
        );
        if (!next) return null;
        await tx.run('SELECT pg_sleep(0.01)'); // hold the lock a while, so the others must really skip it
        const { changes } = await tx.run("UPDATE portfolios SET status = 'in_review', updated_at = ? WHERE seq = ? AND status = 'submitted'", [
          `client-${n}`,
          next.seq,
        ]);
        expect(changes).toBe(1);
        return next.id;
      });
    });
    release();
    const results = await Promise.all(claims);
    await Promise.all(clients.map((c) => c.close()));
    const claimed = results.filter((r): r is string => r !== null);
    expect(claimed).toHaveLength(PORTFOLIOS);
    expect(new Set(claimed).size).toBe(PORTFOLIOS);
    expect(results.filter((r) => r === null)).toHaveLength(CLIENTS - PORTFOLIOS);
    const rows = await setup.db.all<{ n: number; writers: number }>(
      "SELECT count(*) AS n, count(DISTINCT updated_at) AS writers FROM portfolios WHERE status = 'in_review'",
    );
    expect(rows).toEqual([{ n: PORTFOLIOS, writers: PORTFOLIOS }]);
  });
});

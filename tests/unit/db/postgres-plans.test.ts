import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import type { DatabaseHandle } from '../../../src-main/db/port';
import { createTestDatabase } from '../../support/postgres';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openPostgres(await createTestDatabase());
  await handle.db.transaction(async (tx) => {
    await tx.run("INSERT INTO rubrics (id, version, title, rule_type, created_at) VALUES ('R', 1, 'R', 'all_at_least', 't')");
    await tx.run("INSERT INTO credentials (code, title, provider, level, credit_points, rubric_id, rubric_version) VALUES ('C', 'C', 'P', 'L', 1, 'R', 1)");
    await tx.run("INSERT INTO candidates (id, name, email, school, district) VALUES ('cand', 'N', 'e', 's', 'd')");
    await tx.run(
      `INSERT INTO portfolios (id, candidate_id, candidate_name, school, district, credential_code, rubric_id, rubric_version, attempt,
         submitted_at, status, manifest_sha256, imported_at, updated_at, pseudonym, anonymous)
       SELECT 'P-' || n, 'cand', 'Name ' || (n % 97), 's', 'd' || (n % 5), 'C', 'R', 1, 1, '2025-' || n, 'submitted', 'x', 't', 't', 'K' || n, n % 2
         FROM generate_series(1, 3000) n`,
    );
    await tx.run('ANALYZE portfolios');
  });
});
afterAll(() => handle?.close());

/** The plan of a queue page; sorting is switched off, so a plan that still sorts means no index yields the order. */
async function plan(order: string, where = 'p.is_anchor = 0'): Promise<string> {
  return handle.db.transaction(async (tx) => {
    await tx.run('SET LOCAL enable_sort = off');
    const rows = await tx.all<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT p.seq FROM portfolios p WHERE ${where} ORDER BY ${order} LIMIT 100`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('the queue sorts walk an index on PostgreSQL, as on SQLite', () => {
  it.each([
    ['p.submitted_at DESC, p.id DESC', 'portfolios_submitted'],
    ['p.status, p.submitted_at, p.id', 'portfolios_status_submitted'],
    ['p.credential_code, p.submitted_at, p.id', 'portfolios_credential_submitted'],
  ])('ORDER BY %s uses %s', async (order, index) => {
    const text = await plan(order);
    expect(text).toMatch(new RegExp(`Index (Only )?Scan( Backward)? using ${index}`));
    expect(text).not.toMatch(/\bSort\b/);
  });

  it('sorts by name through the case-folded indexes that DialectSql.nocase spells', async () => {
    const { fn } = handle.db;
    const named = await plan(`${fn.nocase('p.candidate_name')} ASC, p.id ASC`);
    expect(named).toMatch(/Index Scan using portfolios_candidate_name/);
    expect(named).not.toMatch(/\bSort\b/);
    const blind = await plan(`${fn.nocase("CASE WHEN anonymous = 1 THEN 'Candidate ' || pseudonym ELSE candidate_name END")} DESC, p.id DESC`);
    expect(blind).toMatch(/Index Scan Backward using portfolios_blind_name/);
    expect(blind).not.toMatch(/\bSort\b/);
  });
});

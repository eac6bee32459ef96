import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq, sql } from 'drizzle-orm';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import { DatabaseError } from '../../../src-main/db/postgres/errors';
import type { DatabaseHandle, Db } from '../../../src-main/db/port';
import { auditLog, candidates, credentials, portfolios, reviewers, rubrics, settings } from '../../../src-main/db/schema';
import { createTestDatabase } from '../../support/postgres';

let handle: DatabaseHandle;
let db: Db;
let url: string;

beforeAll(async () => {
  url = await createTestDatabase();
  handle = await openPostgres(url);
  db = handle.db;
});
afterAll(() => handle?.close());

/** The worded error behind a rejection (drizzle's query builder wraps it in an error quoting the SQL). */
async function failure(promise: Promise<unknown>): Promise<string> {
  const err = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as Error | null;
  if (!err) throw new Error('expected a failure');
  return (err.cause instanceof DatabaseError ? err.cause : err).message;
}

async function seedPortfolio(tx: Db, id: string, extra: Partial<typeof portfolios.$inferInsert> = {}): Promise<void> {
  await tx.orm.insert(rubrics).values({ id: 'R', version: 1, title: 'R', ruleType: 'all_at_least', createdAt: 't' }).onConflictDoNothing();
  await tx.orm
    .insert(credentials)
    .values({ code: 'C', title: 'C', provider: 'P', level: 'L', creditPoints: 1, rubricId: 'R', rubricVersion: 1 })
    .onConflictDoNothing();
  await tx.orm
    .insert(candidates)
    .values({ id: `cand-${id}`, name: 'N', email: 'e', school: 's', district: 'd' })
    .onConflictDoNothing();
  await tx.orm.insert(portfolios).values({
    id,
    candidateId: `cand-${id}`,
    candidateName: 'N',
    school: 's',
    district: 'd',
    credentialCode: 'C',
    rubricId: 'R',
    rubricVersion: 1,
    attempt: 1,
    submittedAt: '2025-01-01',
    status: 'submitted',
    manifestSha256: 'x',
    importedAt: 't',
    updatedAt: 't',
    ...extra,
  });
}

describe('PostgreSQL Db: queries in the shared SQL', () => {
  it('translates ? and @name placeholders, leaving string literals, quoted identifiers and comments alone', async () => {
    const row = await db.get(
      `SELECT ? AS "a?b", 'it''s ? and @x' AS lit, /* ? @y */ ? AS second -- trailing ? @z
       , 'x' AS "@q"`,
      ['one', 'two'],
    );
    expect(row).toEqual({ 'a?b': 'one', lit: "it's ? and @x", second: 'two', '@q': 'x' });
    const named = await db.get('SELECT @b AS b, @a AS a, @b || @a AS ba', { a: 'A', b: 'B' });
    expect(named).toEqual({ b: 'B', a: 'A', ba: 'BA' });
    const numbered = await db.get('SELECT ?2 AS two, ?1 AS one', ['first', 'second']);
    expect(numbered).toEqual({ two: 'second', one: 'first' });
  });

  it('keeps the case of mixed-case aliases and gives integers, counts and comparisons as SQLite does', async () => {
    const row = await db.get('SELECT 1 AS submittedAt, count(*) AS n, 2 > 1 AS yes, 7::numeric / 2 AS half FROM (SELECT 1) s ORDER BY submittedAt');
    expect(row).toEqual({ submittedAt: 1, n: 1, yes: 1, half: 3.5 });
  });

  it('all/get/run report rows and changes', async () => {
    await db.run("INSERT INTO settings (key, value) VALUES ('a', '1'), ('b', '2'), ('c', '3')");
    expect(await db.all('SELECT key, value FROM settings ORDER BY key')).toEqual([
      { key: 'a', value: '1' },
      { key: 'b', value: '2' },
      { key: 'c', value: '3' },
    ]);
    expect(await db.get('SELECT value FROM settings WHERE key = ?', ['zzz'])).toBeUndefined();
    expect(await db.run('UPDATE settings SET value = value || ? WHERE key <> ?', ['!', 'a'])).toEqual({ changes: 2 });
    expect((await db.run('DELETE FROM settings')).changes).toBe(3);
  });

  it("LIKE ignores ASCII case as SQLite's does, and only ASCII", async () => {
    await db.run("INSERT INTO settings (key, value) VALUES ('like1', 'Émile ZOLA')");
    expect(await db.get("SELECT key FROM settings WHERE value LIKE '%zola'")).toEqual({ key: 'like1' });
    expect(await db.get("SELECT key FROM settings WHERE value LIKE 'émile%'")).toBeUndefined();
    expect(await db.get("SELECT key FROM settings WHERE value NOT LIKE 'x%' AND key = 'like1'")).toEqual({ key: 'like1' });
    await db.run("DELETE FROM settings WHERE key = 'like1'");
  });

  it('nocase compares and orders as COLLATE NOCASE does: ASCII folded, everything else by its bytes', async () => {
    const rows = await db.all<{ v: string }>(`SELECT v FROM (VALUES ('b'), ('B2'), ('a'), ('Á'), ('Z'), ('_')) t(v) ORDER BY ${db.fn.nocase('v')}, v`);
    expect(rows.map((r) => r.v)).toEqual(['_', 'a', 'b', 'B2', 'Z', 'Á']);
    expect(await db.get(`SELECT 1 AS same WHERE ${db.fn.nocase('?')} = ${db.fn.nocase('?')}`, ['École', 'éCOLE'])).toBeUndefined();
    expect(await db.get(`SELECT 1 AS same WHERE ${db.fn.nocase('?')} = ${db.fn.nocase('?')}`, ['Round One', 'ROUND one'])).toEqual({ same: 1 });
  });

  it('reads a JSON array parameter as rows of text', async () => {
    const rows = await db.all<{ value: string }>(`SELECT value FROM (${db.fn.jsonTextValues('?')}) v WHERE value LIKE ? ORDER BY value`, [
      JSON.stringify(['P-2', 'P-1', 'Q-1', "it's"]),
      'p-%',
    ]);
    expect(rows).toEqual([{ value: 'P-1' }, { value: 'P-2' }]);
  });

  it('runs drizzle sql templates with their parameters', async () => {
    const key = 'tmpl';
    await db.run(sql`INSERT INTO ${settings} (key, value) VALUES (${key}, ${'v'})`);
    expect(await db.get(sql`SELECT ${settings.value} AS theValue FROM ${settings} WHERE ${settings.key} = ${key}`)).toEqual({ theValue: 'v' });
    await db.run(sql`DELETE FROM settings WHERE key LIKE ${'TMP%'}`);
    expect(await db.get(sql`SELECT count(*) AS n FROM settings WHERE key = ${key}`)).toEqual({ n: 0 });
  });

  it('says what a refused change was, in one line of words', async () => {
    await db.run("INSERT INTO settings (key, value) VALUES ('dup', '1')");
    const err = await db.run("INSERT INTO settings (key, value) VALUES ('dup', '2')").catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/already holds a row with the same key \(table settings, rule settings_pkey\)/);
    const fk = await db.run("INSERT INTO reviewer_roles (reviewer_id, role) VALUES ('nobody', 'lead')").catch((e: Error) => e);
    expect((fk as Error).message).toMatch(/reference to a row that does not exist/);
    const bad = await db.run('SELECT no_such_column FROM settings').catch((e: Error) => e);
    expect((bad as Error).message).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+ could not run a query of this app \(SQLSTATE 42703\)$/);
    for (const e of [err, fk, bad]) expect((e as Error).message).not.toMatch(/\n/);
  });
});

describe('PostgreSQL Db: transactions', () => {
  it('commits what the work wrote, and leaves nothing of work that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO settings (key, value) VALUES ('t1', 'kept')");
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.run("INSERT INTO settings (key, value) VALUES ('t2', 'lost')");
        await tx.run("UPDATE settings SET value = 'changed' WHERE key = 't1'");
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(await db.all("SELECT key, value FROM settings WHERE key IN ('t1', 't2')")).toEqual([{ key: 't1', value: 'kept' }]);
  });

  it('sees its own writes inside, and other connections see them only after commit', async () => {
    let outsideDuring: unknown;
    const other = await openPostgres(url);
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO settings (key, value) VALUES ('iso', '1')");
      expect(await tx.get("SELECT value FROM settings WHERE key = 'iso'")).toEqual({ value: '1' });
      outsideDuring = await other.db.get("SELECT value FROM settings WHERE key = 'iso'");
    });
    expect(outsideDuring).toBeUndefined();
    expect(await other.db.get("SELECT value FROM settings WHERE key = 'iso'")).toEqual({ value: '1' });
    await other.close();
  });

  it('refuses a query on the outer Db from inside a transaction', async () => {
    await expect(db.transaction(async () => db.get('SELECT 1 AS one'))).rejects.toThrow(/pass the transaction on/);
  });

  it('nests as savepoints: an inner failure undoes only the inner work', async () => {
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO settings (key, value) VALUES ('outer', '1')");
      await expect(
        tx.transaction(async (inner) => {
          await inner.run("INSERT INTO settings (key, value) VALUES ('inner', '1')");
          await inner.run("INSERT INTO settings (key, value) VALUES ('outer', 'duplicate')");
        }),
      ).rejects.toThrow(/same key/);
      await tx.transaction(async (inner) => inner.run("INSERT INTO settings (key, value) VALUES ('inner2', '1')"));
    });
    expect((await db.all<{ key: string }>("SELECT key FROM settings WHERE key IN ('outer', 'inner', 'inner2') ORDER BY key")).map((r) => r.key)).toEqual([
      'inner2',
      'outer',
    ]);
  });

  it('says so when a transaction goes on after a failed statement (PostgreSQL refuses the rest; a savepoint would not)', async () => {
    const err = await db
      .transaction(async (tx) => {
        await tx.run('SELECT no_such_column FROM settings').catch(() => undefined);
        await tx.run('SELECT 1');
      })
      .catch((e: Error) => e);
    expect((err as Error).message).toBe(
      'an earlier statement of this transaction failed, so PostgreSQL refuses the rest of it: run a statement that may fail in a nested transaction',
    );
  });

  it('defers foreign keys to commit when asked, inside a transaction only', async () => {
    await db.transaction(async (tx) => {
      await tx.deferForeignKeys();
      await tx.run("INSERT INTO reviewer_roles (reviewer_id, role) VALUES ('later', 'lead')");
      await tx.orm.insert(reviewers).values({ id: 'later', name: 'L', email: 'l@x', createdAt: 't' });
    });
    await expect(db.deferForeignKeys()).rejects.toThrow(/only inside a transaction/);
    await expect(
      db.transaction(async (tx) => {
        await tx.deferForeignKeys();
        await tx.run("INSERT INTO reviewer_roles (reviewer_id, role) VALUES ('never', 'lead')");
      }),
    ).rejects.toThrow(/reference to a row that does not exist/);
  });

  it('lists the application tables, without the dialect’s own', async () => {
    const tables = await db.tableNames();
    expect(tables).toContain('portfolios');
    expect(tables).toContain('portfolio_search');
    expect(tables).not.toContain('evidence_workbench_schema');
    expect(tables).not.toContain('audit_log_reached');
    expect(tables).toEqual([...tables].sort());
    expect(await db.tablesWithColumn('candidate_id')).toEqual(['credit_applications', 'credit_external', 'portfolios', 'reviewer_conflicts']);
  });
});

describe('PostgreSQL Db: drizzle over the logical schema', () => {
  it('inserts with generated ids, selects, updates, returns and resolves conflicts', async () => {
    await db.transaction(async (tx) => {
      await seedPortfolio(tx, 'P-1');
      await seedPortfolio(tx, 'P-2', { isAnchor: true });
    });
    const rows = await db.orm.select({ seq: portfolios.seq, id: portfolios.id, isAnchor: portfolios.isAnchor }).from(portfolios).orderBy(portfolios.seq);
    expect(rows.map((r) => [r.id, r.isAnchor])).toEqual([
      ['P-1', false],
      ['P-2', true],
    ]);
    expect(rows[1]!.seq).toBe(rows[0]!.seq + 1);
    const one = await db.orm.select().from(portfolios).where(eq(portfolios.id, 'P-1')).get();
    expect(one).toMatchObject({ id: 'P-1', attempt: 1, testPre: null, pseudonym: '', anonymous: false });
    const changed = await db.orm.update(portfolios).set({ status: 'in_review' }).where(eq(portfolios.id, 'P-1')).run();
    expect(changed.changes).toBe(1);
    const returned = await db.orm
      .update(portfolios)
      .set({ attempt: 2 })
      .where(eq(portfolios.id, 'P-1'))
      .returning({ id: portfolios.id, attempt: portfolios.attempt });
    expect(returned).toEqual([{ id: 'P-1', attempt: 2 }]);
    await db.orm
      .insert(settings)
      .values({ key: 'k', value: 'first' })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value || '+'` } });
    await db.orm
      .insert(settings)
      .values({ key: 'k', value: 'second' })
      .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value || '+'` } });
    expect(await db.orm.select({ value: settings.value }).from(settings).where(eq(settings.key, 'k')).all()).toEqual([{ value: 'second+' }]);
    const inserted = await db.orm.insert(settings).values({ key: 'k', value: 'third' }).onConflictDoNothing().returning();
    expect(inserted).toEqual([]);
  });

  it('keeps generated ids ahead of ids inserted explicitly, as AUTOINCREMENT does', async () => {
    await db.orm.insert(reviewers).values({ id: 'r-gen', name: 'R', email: 'r@x', createdAt: 't' }).onConflictDoNothing();
    await seedPortfolio(db, 'P-explicit', { seq: 1000 });
    await seedPortfolio(db, 'P-after');
    const after = await db.orm.select({ seq: portfolios.seq }).from(portfolios).where(eq(portfolios.id, 'P-after')).get();
    expect(after!.seq).toBe(1001);
  });

  it('appends to the audit log in chain order; UPDATE, DELETE and TRUNCATE are refused', async () => {
    const entry = { at: 't', actor: 'a', action: 'x', entityType: 'e', entityId: '1', details: '{}' };
    await db.orm.insert(auditLog).values({ id: 1, ...entry, hash: 'h1' });
    expect(await failure(db.orm.insert(auditLog).values({ id: 3, ...entry, hash: 'h3' }))).toMatch(
      /^audit log is append-only: a new entry must follow the last one/,
    );
    expect(await failure(db.orm.insert(auditLog).values({ id: 2, ...entry }))).toMatch(/append-only/);
    expect(await failure(db.run("UPDATE audit_log SET actor = 'mallory'"))).toBe('audit log is append-only');
    expect(await failure(db.run('DELETE FROM audit_log'))).toBe('audit log is append-only');
    expect(await failure(db.run('TRUNCATE audit_log'))).toBe('audit log is append-only');
    expect(
      await failure(
        db.orm
          .insert(auditLog)
          .values({ id: 1, ...entry, hash: 'h1' })
          .onConflictDoUpdate({ target: auditLog.id, set: { actor: 'm' } }),
      ),
    ).toMatch(/^audit log is append-only/);
    const last = await db.orm.select({ id: auditLog.id, actor: auditLog.actor }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
    expect(last).toEqual({ id: 1, actor: 'a' });
  });
});

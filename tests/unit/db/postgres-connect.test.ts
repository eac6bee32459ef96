import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../src-main/db/migrate';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import { migratePostgres } from '../../../src-main/db/postgres/migrate';
import { POSTGRES_MIGRATIONS, type PostgresMigration } from '../../../src-main/db/postgres/migrations';
import { createTestDatabase, databaseUrl, freePort, testServer } from '../../support/postgres';

async function refusal(url: string): Promise<string> {
  const err = await openPostgres(url).then(
    async (h) => {
      await h.close();
      return null;
    },
    (e: Error) => e,
  );
  if (!err) throw new Error(`expected ${url} to be refused`);
  expect(err.message).not.toMatch(/\n/);
  return err.message;
}

async function raw<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('opening a PostgreSQL database', () => {
  it('migrates an empty database and names where it is without the password', async () => {
    const url = await createTestDatabase({ migrated: false });
    const handle = await openPostgres(url);
    expect(handle.location).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/ew_test_/);
    expect(handle.location).not.toContain((await testServer()).password);
    expect(await handle.db.get('SELECT version FROM evidence_workbench_schema')).toEqual({ version: POSTGRES_MIGRATIONS.length });
    expect(handle.db.dialect).toBe('postgres');
    await handle.close();
    const again = await openPostgres(url); // already current: nothing to do
    await again.close();
  });

  it('refuses a URL that is not postgres://, without echoing the password', async () => {
    expect(await refusal('mysql://root:hunter2@localhost/db')).toBe(
      'the database URL must start with postgres:// (it starts with mysql://): write it as postgres://USER:PASSWORD@HOST:PORT/DATABASE',
    );
    expect(await refusal('not a url')).toMatch(/^the database URL is not a URL/);
    expect(await refusal('postgres://u:hunter2@db.example')).toMatch(/^the database URL for db\.example names no database/);
    expect(await refusal('postgres://u:hunter2@db.example/')).not.toContain('hunter2');
  });

  it('names the host when the connection is refused', async () => {
    const port = await freePort();
    expect(await refusal(`postgres://u:p@127.0.0.1:${port}/queue`)).toBe(
      `cannot reach PostgreSQL at 127.0.0.1:${port}: the connection was refused (is the server running, and on that port?)`,
    );
  });

  it('names the host and user when the password is wrong, and the database when it does not exist', async () => {
    const server = await testServer();
    expect(await refusal(databaseUrl(server, 'postgres', 'wrong'))).toBe(
      `PostgreSQL at 127.0.0.1:${server.port} refused the login of user "postgres": wrong password, or the user may not connect to database "postgres"`,
    );
    expect(await refusal(databaseUrl(server, 'no_such_db'))).toBe(
      `PostgreSQL at 127.0.0.1:${server.port} has no database "no_such_db": create it first (createdb no_such_db)`,
    );
  });

  it('refuses a database of another app, leaving it as it was', async () => {
    const url = await createTestDatabase({ migrated: false });
    await raw(url, (c) => c.query('CREATE TABLE customers (id int PRIMARY KEY)'));
    const server = await testServer();
    const name = new URL(url).pathname.slice(1);
    expect(await refusal(url)).toBe(
      `database "${name}" at 127.0.0.1:${server.port} holds tables of another application (it has no evidence_workbench_schema table): point the app at an empty database or one of its own`,
    );
    const tables = await raw(url, (c) => c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"));
    expect(tables.rows).toEqual([{ tablename: 'customers' }]);
  });

  it('refuses a database written by a newer app, without touching it', async () => {
    const url = await createTestDatabase();
    await raw(url, (c) => c.query('UPDATE evidence_workbench_schema SET version = $1', [POSTGRES_MIGRATIONS.length + 3]));
    const err = await openPostgres(url).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DatabaseTooNewError);
    expect((err as Error).message).toMatch(/written by a newer Evidence Workbench/);
    expect(await raw(url, (c) => c.query('SELECT version FROM evidence_workbench_schema'))).toMatchObject({
      rows: [{ version: POSTGRES_MIGRATIONS.length + 3 }],
    });
  });

  it('upgrades in order keeping rows, and rolls a failing migration back whole', async () => {
    const url = await createTestDatabase();
    await raw(url, async (c) => {
      await c.query("INSERT INTO candidates (id, name, email, school, district) VALUES ('C-1', 'Aroha', 'a@x.nz', 'S', 'D')");
      const next: PostgresMigration = {
        version: POSTGRES_MIGRATIONS.length + 1,
        name: 'test_add_column',
        sql: "ALTER TABLE candidates ADD COLUMN phone text NOT NULL DEFAULT ''",
      };
      expect(await migratePostgres(c, 'test', [...POSTGRES_MIGRATIONS, next])).toBe(next.version);
      expect((await c.query("SELECT name, phone FROM candidates WHERE id = 'C-1'")).rows).toEqual([{ name: 'Aroha', phone: '' }]);
      const broken: PostgresMigration = { version: next.version + 1, name: 'broken', sql: 'CREATE TABLE half (x int); SELECT * FROM no_such_table;' };
      await expect(migratePostgres(c, 'test', [...POSTGRES_MIGRATIONS, next, broken])).rejects.toThrow(/no_such_table/);
      expect((await c.query('SELECT version FROM evidence_workbench_schema')).rows).toEqual([{ version: next.version }]);
      expect((await c.query("SELECT to_regclass('half') AS half")).rows).toEqual([{ half: null }]);
    });
  });

  it('lets two processes opening a new database at once both succeed, migrating it once', async () => {
    const url = await createTestDatabase({ migrated: false });
    const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
    expect(await a.db.get('SELECT count(*) AS n FROM evidence_workbench_schema')).toEqual({ n: 1 });
    await Promise.all([a.close(), b.close()]);
  });
});

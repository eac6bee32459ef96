import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS, verifyAuditChain as verifySqliteFile } from '../../../src-main/db/audit-chain';
import { verifyAuditChain } from '../../../src-main/db/audit-chain-port';
import { migrate } from '../../../src-main/db/migrate';
import { openPostgres } from '../../../src-main/db/postgres/connect';
import type { Db } from '../../../src-main/db/port';
import { sqliteDb } from '../../../src-main/db/sqlite-db';
import { createTestDatabase } from '../../support/postgres';

/** Appends `n` entries the way services/audit.ts does: next id, chained to the last hash. */
async function append(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await db.transaction(async (tx) => {
      const last = await tx.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
      const entry = {
        id: (last?.id ?? 0) + 1,
        at: '2026-11-01T10:00:00Z',
        actor: 'R-lead',
        action: 'test.event',
        entityType: 'portfolio',
        entityId: `P-${i}`,
        details: `{"n":${i}}`,
      };
      await tx.run('INSERT INTO audit_log (id, at, actor, action, entity_type, entity_id, details, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        entry.id,
        entry.at,
        entry.actor,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.details,
        entryHash(last?.hash ?? GENESIS, entry),
      ]);
    });
  }
}

/** As a superuser with direct access would: no app, no checks. */
async function tamper(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function postgresWith(n: number) {
  const url = await createTestDatabase();
  const handle = await openPostgres(url);
  await append(handle.db, n);
  return { url, handle };
}

describe('the audit chain check through the Db port', () => {
  it('gives the same report on SQLite as the file check, and an intact one on PostgreSQL', async () => {
    const sqlite = new Database(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ew-chain-')), 'q.sqlite'));
    migrate(sqlite);
    const lite = sqliteDb(sqlite);
    await append(lite, 3);
    const report = await verifyAuditChain(lite);
    expect(report).toMatchObject({ ok: true, entries: 3, firstBad: null, problems: [] });
    expect(report).toEqual(verifySqliteFile(sqlite));
    sqlite.close();

    const { handle } = await postgresWith(3);
    const onPostgres = await verifyAuditChain(handle.db);
    expect(onPostgres).toEqual({ ...report }); // same content, same chain
    await handle.close();
  });

  it('reads a long log a page at a time', async () => {
    const { handle } = await postgresWith(1);
    await handle.db.transaction(async (tx) => {
      let previous = (await tx.get<{ hash: string }>('SELECT hash FROM audit_log WHERE id = 1'))!.hash;
      for (let id = 2; id <= 5_001; id++) {
        const entry = { id, at: 't', actor: 'a', action: 'x', entityType: 'e', entityId: String(id), details: '{}' };
        previous = entryHash(previous, entry);
        await tx.run("INSERT INTO audit_log (id, at, actor, action, entity_type, entity_id, details, hash) VALUES (?, 't', 'a', 'x', 'e', ?, '{}', ?)", [
          id,
          String(id),
          previous,
        ]);
      }
    });
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, entries: 5_001 });
    await handle.close();
  });

  it('on PostgreSQL names a disabled trigger and the entry edited behind its back', async () => {
    const { url, handle } = await postgresWith(4);
    await tamper(url, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone-else' WHERE id = 2");
    const report = await verifyAuditChain(handle.db);
    expect(report).toMatchObject({ ok: false, firstBad: 2 });
    expect(report.problems).toEqual([
      'trigger audit_log_no_update is disabled, so the log could have been changed',
      'entry 2 does not fit the chain: it, or the hash of the entry before it, was changed',
    ]);
    await handle.close();
  });

  it('on PostgreSQL names a dropped trigger, a replaced guard function and a deleted tail', async () => {
    const { url, handle } = await postgresWith(3);
    await tamper(
      url,
      `DROP TRIGGER audit_log_no_delete ON audit_log; DELETE FROM audit_log WHERE id = 3;
       CREATE OR REPLACE FUNCTION audit_log_append() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
    );
    const report = await verifyAuditChain(handle.db);
    expect(report).toMatchObject({ ok: false, entries: 2, firstBad: 3 });
    expect(report.problems).toEqual([
      'trigger audit_log_no_delete is missing: it was dropped, so the log could have been changed',
      'function audit_log_append was replaced by a different one',
      'entries after 2 are missing (the log had reached 3)',
    ]);
    await handle.close();
  });

  it('on PostgreSQL keeps the high-water mark with the transaction: a rolled-back append is not a missing entry', async () => {
    const { handle } = await postgresWith(2);
    await expect(
      handle.db.transaction(async (tx) => {
        await append(tx, 1);
        throw new Error('the change it recorded failed');
      }),
    ).rejects.toThrow('the change it recorded failed');
    expect(await verifyAuditChain(handle.db)).toMatchObject({ ok: true, entries: 2 });
    await handle.close();
  });
});

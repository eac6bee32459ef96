import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../../src-main/db/open';
import { createTestDatabase } from '../../support/postgres';

const sqliteFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ew-open-')), 'queue.sqlite');

describe('choosing the database', () => {
  it('opens the SQLite file when no URL is given', async () => {
    const file = sqliteFile();
    const handle = await openDb({ sqliteFile: file });
    expect(handle.db.dialect).toBe('sqlite');
    expect(handle.location).toBe(file);
    expect(fs.existsSync(file)).toBe(true);
    await handle.close();
  });

  it('opens PostgreSQL when a URL is given, and writes no SQLite file', async () => {
    const file = sqliteFile();
    const handle = await openDb({ databaseUrl: await createTestDatabase(), sqliteFile: file });
    expect(handle.db.dialect).toBe('postgres');
    expect(handle.location).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\//);
    expect(fs.existsSync(file)).toBe(false);
    await handle.close();
  });

  it('refuses a URL that is not PostgreSQL’s instead of falling back to SQLite', async () => {
    const file = sqliteFile();
    await expect(openDb({ databaseUrl: 'sqlite:///tmp/x', sqliteFile: file })).rejects.toThrow(/^the database URL must start with postgres:\/\//);
    expect(fs.existsSync(file)).toBe(false);
  });
});

/**
 * vitest setupFiles: on a PostgreSQL run, each test file's databases (tests/support/dialect.ts) are dropped when it
 * ends. A SQLite run loads nothing here.
 */
import { afterAll } from 'vitest';

afterAll(async () => {
  if (process.env.EW_TEST_DIALECT === 'postgres') await (await import('./dialect')).dropTestDatabases();
});

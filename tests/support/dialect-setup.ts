/** vitest setupFiles: each test file's PostgreSQL databases (tests/support/dialect.ts) are dropped when it ends. */
import { afterAll } from 'vitest';
import { dropTestDatabases } from './dialect';

afterAll(dropTestDatabases);

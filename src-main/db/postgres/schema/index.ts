/** The drizzle pg-core view of the PostgreSQL schema, table for table the twin of ../../schema (kept in step by tests/unit/db/dialect-schemas.test.ts). */
export * from './core';
export * from './panels';
export * from './calibration';
export * from './credit';
export * from './imports';

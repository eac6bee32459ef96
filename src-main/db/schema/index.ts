/** The drizzle view of the schema, one file per feature area; migrations (../migrations) are the source of truth for DDL. */
export * from './core';
export * from './panels';
export * from './calibration';
export * from './credit';
export * from './imports';

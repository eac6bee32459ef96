/**
 * vitest globalSetup: one state folder per run for the PostgreSQL test server (tests/support/postgres.ts), which the
 * first test that needs a server starts; at the end of the run the server, if any, is stopped and the folder removed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { newStateFolder, stopPostgres, type PostgresServer } from './postgres-server';

export default function setup(project: TestProject): () => Promise<void> {
  const state = newStateFolder();
  project.provide('postgresState', state);
  return async () => {
    const file = path.join(state, 'server.json');
    if (fs.existsSync(file)) await stopPostgres(JSON.parse(fs.readFileSync(file, 'utf8')) as PostgresServer);
    fs.rmSync(state, { recursive: true, force: true });
  };
}

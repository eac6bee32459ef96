/**
 * Many clients on one queue at once, each with its own connection, on either dialect: the setup of the race tests
 * (tests/unit/panels/race-*.test.ts). A client is what a panel server's request or another desktop app is: its own
 * services over its own database connection, sharing the data directory.
 */
import path from 'node:path';
import { openServices, type Services } from '../../src-main/core/services';
import { importPath } from '../../src-main/services/import/importer';
import { createReviewer } from '../../src-main/services/reviewers';
import { setPolicy } from '../../src-main/services/panels/policies';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import { testDialect } from './dialect';
import { PNG_1x1, tempDir, writeCatalogue, writePackageFolder } from './fixtures';
import { createTestDatabase } from './postgres';

export type Dialect = 'sqlite' | 'postgres';
/** The run's dialect: the SQLite run races on SQLite, the PostgreSQL run (EW_TEST_DIALECT=postgres) on PostgreSQL. */
export const DIALECTS: Dialect[] = [testDialect];

export const NOW = new Date('2026-11-01T10:00:00Z');

/** Where a queue lives: a data directory and, on PostgreSQL, a fresh database of its own. */
export interface Place {
  dataDir: string;
  databaseUrl?: string;
}

export async function newPlace(dialect: Dialect): Promise<Place> {
  return { dataDir: tempDir('ew-data-'), ...(dialect === 'postgres' ? { databaseUrl: await createTestDatabase() } : {}) };
}

/** A client of the queue: its own services and database connection (on SQLite a connection of its own to the file). */
export async function client(place: Place, now: () => Date = () => NOW): Promise<Services> {
  return await openServices({ ...place, now });
}

/**
 * The queue of a race: `portfolios` portfolios (B-1…) of one credential that needs one review each, an admin and
 * `reviewers` reviewers (none with a conflict of interest).
 */
export async function raceQueue(ctx: Services, portfolios: number, reviewers: number): Promise<{ admin: Reviewer; reviewers: Reviewer[] }> {
  const work = tempDir();
  writeCatalogue(work);
  for (let i = 1; i <= portfolios; i++)
    await writePackageFolder(path.join(work, `B-${i}`), {
      id: `B-${i}`,
      candidate: { id: `C-${i}`, name: `Candidate ${i}`, email: `c${i}@example.nz` },
      submitted_at: `2026-05-01T09:${String(i % 60).padStart(2, '0')}:00Z`,
      files: { 'wall.png': { bytes: Buffer.concat([PNG_1x1, Buffer.from(`#${i}`)]), media_type: 'image/png', kind: 'image', criteria: ['reflection'] } },
    });
  await importPath(ctx, work, { actor: 'test' });
  const admin = await createReviewer(ctx, { name: 'Ada Admin', email: 'ada@example.nz', school: '', district: '', roles: ['admin', 'reviewer'] }, null);
  await setPolicy(ctx, 'TST-8', { reviews_required: 1 }, admin);
  const people: Reviewer[] = [];
  for (let i = 1; i <= reviewers; i++) {
    const n = String(i).padStart(2, '0');
    people.push(
      await createReviewer(ctx, { name: `Reviewer ${n}`, email: `r${n}@example.nz`, school: 'Other School', district: 'South', roles: ['reviewer'] }, admin),
    );
  }
  return { admin, reviewers: people };
}

/** Runs every task at once (each started only when all are ready) and settles them all. */
export async function atOnce<T>(tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  let go!: () => void;
  const start = new Promise<void>((resolve) => (go = resolve));
  const running = tasks.map(async (task) => {
    await start;
    return task();
  });
  go();
  return Promise.allSettled(running);
}

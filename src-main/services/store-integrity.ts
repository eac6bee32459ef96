import { type ServiceContext, transaction } from './context';
import { processAlive } from './store';
import { audit } from './audit';

/** Blob hashes that committed evidence (and its copy without metadata) or caption rows refer to: the files the store must keep. */
async function referencedShas(ctx: ServiceContext): Promise<Set<string>> {
  const rows = await ctx.db.all<{ sha256: string }>(
    'SELECT sha256 FROM evidence UNION SELECT stripped_sha256 FROM evidence WHERE stripped_sha256 IS NOT NULL UNION SELECT sha256 FROM evidence_captions',
  );
  return new Set(rows.map((r) => r.sha256));
}

function requireWriteLock(ctx: ServiceContext, what: string): void {
  if (!ctx.db.inTransaction) throw new Error(`${what} must run inside a write transaction`);
}

/**
 * Removes the blobs (row and file) among `shas` that no committed evidence (original or copy without metadata) or
 * caption refers to. Runs inside the
 * write transaction, so no other import can commit a reference to one of them between the check and the removal.
 */
export async function dropUnreferencedBlobs(ctx: ServiceContext, shas: Iterable<string>): Promise<string[]> {
  requireWriteLock(ctx, 'dropping blobs');
  const dropped: string[] = [];
  for (const sha of new Set(shas)) {
    const referenced = await ctx.db.get(
      'SELECT 1 FROM evidence WHERE sha256 = @sha UNION ALL SELECT 1 FROM evidence WHERE stripped_sha256 = @sha UNION ALL SELECT 1 FROM evidence_captions WHERE sha256 = @sha LIMIT 1',
      { sha },
    );
    if (referenced) continue;
    await ctx.db.run('DELETE FROM blobs WHERE sha256 = ?', [sha]);
    ctx.store.remove(sha);
    dropped.push(sha);
  }
  return dropped;
}

/**
 * Takes out what an import that did not finish wrote (its portfolios, the candidates it created, the blobs it
 * registered), in the caller's write transaction. Its audit entries were never written: they land with the last batch.
 */
export async function rollBackImportRun(ctx: ServiceContext, runId: string): Promise<{ portfolios: string[] }> {
  requireWriteLock(ctx, 'rolling back an import');
  const items = async (kind: string) =>
    (await ctx.db.all<{ key: string }>('SELECT key FROM import_run_items WHERE run_id = ? AND kind = ?', [runId, kind])).map((r) => r.key);
  const rows: { seq: number; id: string; attempt: number }[] = [];
  for (const id of await items('portfolio')) {
    const row = await ctx.db.get<{ seq: number; id: string; attempt: number }>('SELECT seq, id, attempt FROM portfolios WHERE id = ?', [id]);
    if (row) rows.push(row);
  }
  // Later attempts first: a resubmission refers to its earlier attempt.
  rows.sort((a, b) => b.attempt - a.attempt);
  const removed: string[] = [];
  for (const r of rows) {
    try {
      // A savepoint: a refused delete must not abort the caller's transaction (PostgreSQL aborts it on any error).
      await transaction(ctx, async (ctx) => {
        await ctx.db.run('DELETE FROM portfolio_search WHERE rowid = ?', [r.seq]);
        await ctx.db.run('DELETE FROM portfolios WHERE id = ?', [r.id]);
      });
      removed.push(r.id);
    } catch {
      // Someone began work on it while the import ran (an assignment, a review): it stays, and the log says why.
      await audit(ctx, {
        actor: 'system:import',
        action: 'portfolio.import',
        entityType: 'portfolio',
        entityId: r.id,
        details: { kept: 'work began on it before its unfinished import was taken out' },
      });
    }
  }
  for (const id of await items('candidate'))
    if (!(await ctx.db.get('SELECT 1 FROM portfolios WHERE candidate_id = ? LIMIT 1', [id]))) {
      try {
        await transaction(ctx, (ctx) => ctx.db.run('DELETE FROM candidates WHERE id = ?', [id]));
      } catch {
        // Something else (a credit record) has come to refer to the candidate since: it stays.
      }
    }
  await dropUnreferencedBlobs(ctx, await items('blob'));
  await ctx.db.run('DELETE FROM import_runs WHERE id = ?', [runId]);
  return { portfolios: removed };
}

/** Import runs whose process is gone (killed, crashed): they will never finish. */
async function abandonedRuns(ctx: ServiceContext): Promise<{ id: string; source: string }[]> {
  const runs = (await ctx.db.all('SELECT id, pid, source FROM import_runs')) as { id: string; pid: number; source: string }[];
  return runs.filter((r) => r.pid !== process.pid && !processAlive(r.pid));
}

export interface StoreCheckReport {
  /** Blobs the database registers whose file is not in the store. */
  missing: string[];
  /** Files in the store that no evidence or caption refers to. */
  unreferenced: string[];
  /** Files whose bytes no longer hash to their name. */
  corrupt: string[];
  /** Staged files left in evidence/tmp by processes that are no longer running. */
  staleStaging: string[];
  /** Imports a killed process left unfinished. */
  abandonedImports: string[];
  repaired: { unreferenced: string[]; staleStaging: string[]; abandonedImports: string[] };
  /** True when nothing above remains after repair. */
  clean: boolean;
}

/**
 * What is wrong between the database and the evidence store. With `repair`, removes what nothing needs (unreferenced
 * files, stale staged files, the rows of abandoned imports), under the write lock; a referenced file is never removed.
 */
export async function checkStore(ctx: ServiceContext, options: { repair?: boolean } = {}): Promise<StoreCheckReport> {
  const onDisk = ctx.store.list();
  const corrupt: string[] = [];
  for (const sha of onDisk) if ((await ctx.store.hashOf(sha)) !== sha) corrupt.push(sha);
  const repaired: StoreCheckReport['repaired'] = { unreferenced: [], staleStaging: [], abandonedImports: [] };
  const look = async (ctx: ServiceContext) => {
    const registered = new Set((await ctx.db.all<{ sha256: string }>('SELECT sha256 FROM blobs')).map((r) => r.sha256));
    const referenced = await referencedShas(ctx);
    const present = new Set(ctx.store.list());
    return {
      missing: [...new Set([...registered, ...referenced])].filter((s) => !present.has(s)).sort(),
      unreferenced: [...present].filter((s) => !referenced.has(s)).sort(),
      staleStaging: ctx.store.staleStagingFiles().sort(),
      abandonedImports: (await abandonedRuns(ctx)).map((r) => r.id),
    };
  };
  if (options.repair)
    await transaction(ctx, async (ctx) => {
      for (const run of await abandonedRuns(ctx)) {
        await rollBackImportRun(ctx, run.id);
        repaired.abandonedImports.push(run.id);
      }
      repaired.unreferenced.push(...(await dropUnreferencedBlobs(ctx, (await look(ctx)).unreferenced)));
      for (const f of ctx.store.staleStagingFiles()) {
        ctx.store.removeStagingFile(f);
        repaired.staleStaging.push(f);
      }
    });
  const now = await look(ctx);
  const stillCorrupt = corrupt.filter((s) => ctx.store.has(s));
  const clean = Object.values(now).every((xs) => xs.length === 0) && stillCorrupt.length === 0;
  return { ...now, corrupt: stillCorrupt, repaired, clean };
}

/**
 * What every start does: takes out imports a killed process left half-written and empties the staging area of
 * processes that are gone. Unreferenced files are only listed (`cli store check`), never removed unasked.
 */
export async function sweepAtStart(ctx: ServiceContext): Promise<{ abandonedImports: string[]; staleStaging: string[] }> {
  const abandonedImports: string[] = [];
  if ((await abandonedRuns(ctx)).length > 0)
    await transaction(ctx, async (ctx) => {
      for (const run of await abandonedRuns(ctx)) {
        await rollBackImportRun(ctx, run.id);
        abandonedImports.push(run.id);
      }
    });
  const staleStaging = ctx.store.staleStagingFiles();
  staleStaging.forEach((f) => ctx.store.removeStagingFile(f));
  return { abandonedImports, staleStaging };
}

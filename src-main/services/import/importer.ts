import crypto from 'node:crypto';
import { mapInOrder } from '../in-order';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Rubric } from '../../../src-shared/domain/rubric';
import type { Credential } from '../../../src-shared/domain/credential';
import type { PortfolioManifest } from '../../../src-shared/domain/portfolio';
import { blobs, candidates, evidence, evidenceCaptions, evidenceCriteria, importRunItems, importRuns, portfolios, responses } from '../../db/schema';
import { dropUnreferencedBlobs, rollBackImportRun } from '../store-integrity';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { insertRubric, loadRubric, rubricFingerprint } from '../rubrics';
import { loadCredential, upsertCredential } from '../credentials';
import { ImportError, type ImportProblem } from './problems';
import { readTextOrProblem, readTree, readZipTree, type SourceTree } from './tree';
import { parseCatalogueFile, parseJson, type CatalogueFile } from './catalogue';
import { validatePackage, type ValidatedPackage } from './package';
import { currentPolicy } from '../panels/policies';
import { importReviewers, parseReviewersCsv, planReviewerImport, ReviewerCsvError } from '../panels/reviewer-import';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { diffFields, type FieldChange } from '../../../src-shared/domain/changes';
import { candidateChanges, credentialChanges, requireUpdatePermission } from './existing';
import { systemActor } from '../reviewers';
import { ACTIVITY_REPLAYS } from './activity';
import { setStatus } from '../portfolios';
import { applyPathwayImports, checkPathwayImports, pathwayChanges } from '../credit/pathway-import';
import { indexForSearch } from '../queue';
import { pseudonymCode } from '../panels/pseudonym';
import { identityWarning } from '../../../src-shared/domain/anonymity';
import { recordScan, scanPackages, type IdentityScan } from './identity-scan';
import type { IdentityFinding } from '../../../src-shared/contracts/portfolio';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

export interface ImportOptions {
  actor: string;
  maxFileBytes?: number;
  /**
   * Apply what the import would change in existing reviewers, candidates, credentials and pathways (each change
   * audited with old and new values). Without it such an import is refused, naming every changed field.
   */
  updateExisting?: boolean;
  /** Whose roles allow `updateExisting` (a lead or admin); by default the operator `actor` with every role, as the CLI runs. */
  caller?: Reviewer;
}

export interface ImportReport {
  portfolios: { id: string; result: 'imported' | 'unchanged' }[];
  reviewers: { created: string[]; updated: string[]; unchanged: string[] };
  activity: string[];
  rubrics: { id: string; version: number; result: 'imported' | 'unchanged' }[];
  credentials: { code: string; result: 'created' | 'updated' | 'unchanged' }[];
  pathways: { id: string; version: number; result: 'created' | 'updated' | 'new_version' | 'unchanged' }[];
  files: { added: number; bytes: number };
  /** Changes applied to existing records (only with `updateExisting`), each also in the audit log with old and new values. */
  changes: FieldChange[];
  /** Imported portfolios under anonymous review whose evidence names the candidate: where, for the lead. */
  identity: { portfolio: string; warning: string; findings: IdentityFinding[] }[];
}

interface Collected {
  catalogue: CatalogueFile[];
  packages: ValidatedPackage[];
  /** Reviewer profile CSV files (id,name,email,school,district,roles). */
  reviewers: { file: string; csv: string }[];
  /** Demo activity files (`activity/<feature>.json` at the top of a set), replayed after the import. */
  activity: string[];
  problems: ImportProblem[];
  /** What the identity scan found in each new package (by portfolio id), filled in once the import is checked. */
  scans: Map<string, IdentityScan>;
}

const dirOf = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');

/** Finds the packages (folders holding manifest.json), catalogue JSON files and nested zips of one tree. */
async function collectTree(ctx: ServiceContext, tree: SourceTree, maxFileBytes: number, out: Collected): Promise<void> {
  out.problems.push(...tree.problems);
  const roots = [...tree.entries.keys()].filter((p) => p === 'manifest.json' || p.endsWith('/manifest.json')).map(dirOf);
  const inPackage = (p: string) => roots.some((r) => r === '' || p.startsWith(`${r}/`));
  for (const root of roots) {
    if (roots.some((r) => r !== root && (r === '' || root.startsWith(`${r}/`)))) {
      out.problems.push({ source: tree.label, file: `${root}/manifest.json`, reason: 'a package may not contain another package' });
      continue;
    }
    const { pkg, problems } = await validatePackage(tree, root, ctx.store, maxFileBytes);
    out.problems.push(...problems);
    if (pkg) out.packages.push(pkg);
  }
  for (const entry of tree.entries.values()) {
    if (inPackage(entry.path)) continue;
    const lower = entry.path.toLowerCase();
    const activity = /^activity\/([a-z0-9-]+)\.json$/.exec(entry.path);
    if (activity) {
      if (!ACTIVITY_REPLAYS[activity[1]!])
        out.problems.push({
          source: tree.label,
          file: entry.path,
          reason: `unknown demo activity "${activity[1]}" (known: ${Object.keys(ACTIVITY_REPLAYS).join(', ')})`,
        });
      else out.activity.push(activity[1]!);
    } else if (lower.endsWith('.csv')) {
      const read = await readTextOrProblem(tree.label, entry);
      if ('problem' in read) {
        out.problems.push(read.problem);
        continue;
      }
      const csv = read.text;
      try {
        parseReviewersCsv(csv);
        out.reviewers.push({ file: entry.path, csv });
      } catch (err) {
        if (!(err instanceof ReviewerCsvError)) throw err;
        for (const p of err.problems) out.problems.push({ source: tree.label, file: entry.path, field: `line ${p.line}`, reason: p.reason });
      }
    } else if (lower.endsWith('.json')) {
      const read = await readTextOrProblem(tree.label, entry);
      const parsed = 'problem' in read ? { value: undefined, problem: read.problem } : parseJson(tree.label, entry.path, read.text);
      if (parsed.problem) out.problems.push(parsed.problem);
      else {
        const { entry: cat, problems } = parseCatalogueFile(tree.label, entry.path, parsed.value);
        out.problems.push(...problems);
        if (cat) out.catalogue.push(cat);
      }
    } else if (lower.endsWith('.zip') && entry.fsPath) {
      const inner = await readZipTree(entry.fsPath);
      try {
        await collectTree(ctx, inner, maxFileBytes, out);
      } finally {
        inner.close();
      }
    } else out.problems.push({ source: tree.label, file: entry.path, reason: 'file is not part of any package' });
  }
}

/** Checks what the batch refers to (credentials, rubrics, earlier attempts) against the batch itself and the database. */
async function crossCheck(
  ctx: ServiceContext,
  c: Collected,
): Promise<{
  rubrics: Map<string, Rubric>;
  credentials: Map<string, Credential>;
  unchanged: Set<string>;
  /** What the import would change in records already here: refused unless the caller asked to update them. */
  changes: FieldChange[];
}> {
  const changes: FieldChange[] = [];
  const rubricsIn = new Map<string, Rubric>();
  const credentialsIn = new Map<string, Credential>();
  for (const cat of c.catalogue) {
    if (cat.kind === 'rubric') {
      const key = `${cat.rubric.id}@${cat.rubric.version}`;
      if (rubricsIn.has(key)) c.problems.push({ source: cat.file, reason: `rubric ${key} appears twice in this import` });
      rubricsIn.set(key, cat.rubric);
      const existing = await loadRubric(ctx, cat.rubric.id, cat.rubric.version);
      if (existing && rubricFingerprint(existing) !== rubricFingerprint(cat.rubric)) {
        const differ = diffFields('rubric', key, existing, cat.rubric, ['title', 'criteria', 'decision_rule', 'feedback_templates']).map((d) => d.field);
        c.problems.push({
          source: cat.file,
          field: 'version',
          reason: `rubric ${key} already exists with different content${differ.length ? ` (${differ.join(', ')})` : ''}; rubric versions are immutable, publish it as version ${cat.rubric.version + 1}`,
        });
      }
    } else if (cat.kind === 'credentials')
      for (const cred of cat.credentials) {
        if (credentialsIn.has(cred.code)) c.problems.push({ source: cat.file, reason: `credential ${cred.code} appears twice in this import` });
        credentialsIn.set(cred.code, cred);
        const existing = await loadCredential(ctx, cred.code);
        if (existing) changes.push(...credentialChanges(existing, cred));
      }
  }
  const rubricKnown = async (id: string, version: number) => rubricsIn.get(`${id}@${version}`) ?? (await loadRubric(ctx, id, version));
  for (const cred of credentialsIn.values())
    if (!(await rubricKnown(cred.rubric.id, cred.rubric.version)))
      c.problems.push({ source: cred.code, field: 'rubric', reason: `rubric ${cred.rubric.id}@${cred.rubric.version} is not in this import or the database` });
  const pathways = c.catalogue.flatMap((cat) => (cat.kind === 'pathway' ? [cat] : []));
  c.problems.push(...(await checkPathwayImports(ctx, pathways, new Set(credentialsIn.keys()))));
  changes.push(...(await mapInOrder(pathways, ({ pathway }) => pathwayChanges(ctx, pathway))).flat());
  for (const r of c.reviewers) {
    try {
      changes.push(...(await planReviewerImport(ctx, parseReviewersCsv(r.csv))).changes);
    } catch (err) {
      if (!(err instanceof ReviewerCsvError)) throw err;
      for (const p of err.problems) c.problems.push({ source: r.file, field: `line ${p.line}`, reason: p.reason });
    }
  }

  const byId = new Map<string, ValidatedPackage>();
  const unchanged = new Set<string>();
  for (const pkg of c.packages) {
    const m = pkg.manifest;
    if (byId.has(m.id)) c.problems.push({ source: pkg.source, field: 'id', reason: `portfolio ${m.id} appears twice in this import` });
    byId.set(m.id, pkg);
  }
  for (const pkg of c.packages) {
    const m = pkg.manifest;
    const existing = await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, m.id)).get();
    if (existing) {
      if (existing.manifestSha256 === pkg.manifestSha256) unchanged.add(m.id);
      else
        c.problems.push({
          source: pkg.source,
          field: 'id',
          reason: `portfolio ${m.id} was already imported with different content; a new attempt needs its own id and resubmission_of: "${m.id}"`,
        });
      continue;
    }
    const credential = credentialsIn.get(m.credential) ?? (await loadCredential(ctx, m.credential));
    if (!credential) {
      c.problems.push({ source: pkg.source, field: 'credential', reason: `unknown credential "${m.credential}"` });
      continue;
    }
    const rubric = await rubricKnown(credential.rubric.id, credential.rubric.version);
    if (rubric) {
      const criteria = new Set(rubric.criteria.map((x) => x.id));
      m.evidence.forEach((e, i) =>
        e.criteria.forEach((cid, j) => {
          if (!criteria.has(cid))
            c.problems.push({
              source: pkg.source,
              field: `evidence.${i}.criteria.${j}`,
              reason: `"${cid}" is not a criterion of rubric ${rubric.id}@${rubric.version}`,
            });
        }),
      );
    }
    if (m.resubmission_of) await checkResubmission(ctx, pkg, byId, c.problems);
  }
  changes.push(
    ...(await candidateChangesOf(
      ctx,
      c.packages.filter((p) => !unchanged.has(p.manifest.id)),
      c.problems,
    )),
  );
  return { rubrics: rubricsIn, credentials: credentialsIn, unchanged, changes };
}

/**
 * How the new packages would change candidates already here (a package reusing an id with another name, email or
 * school). Packages of one import that give one candidate id different details are refused outright.
 */
async function candidateChangesOf(ctx: ServiceContext, packages: ValidatedPackage[], problems: ImportProblem[]): Promise<FieldChange[]> {
  const first = new Map<string, ValidatedPackage>();
  const changes: FieldChange[] = [];
  for (const pkg of packages) {
    const who = pkg.manifest.candidate;
    const earlier = first.get(who.id);
    if (earlier) {
      const differ = candidateChanges(earlier.manifest.candidate, who);
      if (differ.length)
        problems.push({
          source: pkg.source,
          field: 'candidate',
          reason: `candidate ${who.id} has other details in ${earlier.manifest.id}: ${differ.map((d) => `${d.field} ${d.old} / ${d.new}`).join('; ')}`,
        });
      continue;
    }
    first.set(who.id, pkg);
    const known = await ctx.db.orm.select().from(candidates).where(eq(candidates.id, who.id)).get();
    if (known) changes.push(...candidateChanges(known, who));
  }
  return changes;
}

async function checkResubmission(ctx: ServiceContext, pkg: ValidatedPackage, batch: Map<string, ValidatedPackage>, problems: ImportProblem[]): Promise<void> {
  const m = pkg.manifest;
  const inBatch = batch.get(m.resubmission_of!)?.manifest;
  const row = inBatch ? null : await ctx.db.orm.select().from(portfolios).where(eq(portfolios.id, m.resubmission_of!)).get();
  const earlier = inBatch
    ? { candidate: inBatch.candidate.id, credential: inBatch.credential, attempt: inBatch.attempt, outcome: null }
    : row && { candidate: row.candidateId, credential: row.credentialCode, attempt: row.attempt, outcome: row.outcome };
  const fail = (reason: string): void => void problems.push({ source: pkg.source, field: 'resubmission_of', reason });
  if (!earlier) return fail(`earlier attempt "${m.resubmission_of}" is not in this import or the database`);
  if (earlier.candidate !== m.candidate.id) fail(`earlier attempt ${m.resubmission_of} belongs to another candidate`);
  if (earlier.credential !== m.credential) fail(`earlier attempt ${m.resubmission_of} is for another credential`);
  if (m.attempt !== earlier.attempt + 1) fail(`attempt should be ${earlier.attempt + 1} (the earlier attempt is ${earlier.attempt})`);
  if (earlier.outcome === 'pass') fail(`earlier attempt ${m.resubmission_of} already passed; there is nothing to resubmit`);
  const maxAttempts = (await currentPolicy(ctx, m.credential)).max_attempts;
  if (m.attempt > maxAttempts)
    problems.push({
      source: pkg.source,
      field: 'attempt',
      reason: `attempt ${m.attempt} is beyond the maximum of ${maxAttempts} attempts for ${m.credential}`,
    });
}

/** A resubmission sends its earlier, decided Not yet attempt back to the candidate (returned), if that had not happened yet. */
async function returnEarlierAttempt(ctx: ServiceContext, m: PortfolioManifest, actor: string): Promise<void> {
  if (!m.resubmission_of) return;
  const earlier = await ctx.db.orm.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, m.resubmission_of)).get();
  if (earlier && (earlier.status === 'decided' || earlier.status === 'exported'))
    await setStatus(ctx, m.resubmission_of, 'returned', actor, { resubmission: m.id });
}

async function insertPortfolio(ctx: ServiceContext, pkg: ValidatedPackage, credential: Credential, actor: string): Promise<void> {
  const db = ctx.db.orm;
  const m: PortfolioManifest = pkg.manifest;
  const now = nowIso(ctx);
  const candidate = { id: m.candidate.id, name: m.candidate.name, email: m.candidate.email, school: m.candidate.school, district: m.candidate.district };
  const known = await db.select().from(candidates).where(eq(candidates.id, candidate.id)).get();
  if (!known) await db.insert(candidates).values(candidate).run();
  else if (JSON.stringify(known) !== JSON.stringify(candidate)) {
    await db.update(candidates).set(candidate).where(eq(candidates.id, candidate.id)).run();
    await audit(ctx, { actor, action: 'candidate.update', entityType: 'candidate', entityId: candidate.id, details: { before: known, after: candidate } });
  }
  const pseudonym = pseudonymCode(ctx.dataDir, m.candidate.id);
  const { seq } = await db
    .insert(portfolios)
    .values({
      id: m.id,
      pseudonym,
      candidateId: m.candidate.id,
      candidateName: m.candidate.name,
      school: m.candidate.school,
      district: m.candidate.district,
      credentialCode: m.credential,
      rubricId: credential.rubric.id,
      rubricVersion: credential.rubric.version,
      attempt: m.attempt,
      resubmissionOf: m.resubmission_of,
      submittedAt: new Date(m.submitted_at).toISOString(),
      status: 'submitted',
      outcome: null,
      testPre: m.tests?.pre ?? null,
      testPost: m.tests?.post ?? null,
      manifestSha256: pkg.manifestSha256,
      importedAt: now,
      updatedAt: now,
    })
    .returning({ seq: portfolios.seq })
    .get();
  await indexForSearch(ctx, { seq, id: m.id, pseudonym, identity: [m.candidate.id, m.candidate.name, m.candidate.email] });
  for (const [position, r] of m.responses.entries()) await db.insert(responses).values({ portfolioId: m.id, position, prompt: r.prompt, text: r.text }).run();
  for (const [position, e] of m.evidence.entries()) {
    await db
      .insert(evidence)
      .values({
        portfolioId: m.id,
        evidenceId: e.id,
        position,
        title: e.title,
        kind: e.kind,
        mediaType: e.media_type,
        bytes: e.bytes,
        sha256: e.sha256,
        fileName: e.file,
      })
      .run();
    for (const criterionId of new Set(e.criteria)) await db.insert(evidenceCriteria).values({ portfolioId: m.id, evidenceId: e.id, criterionId }).run();
    for (const [i, c] of e.captions.entries())
      await db
        .insert(evidenceCaptions)
        .values({ portfolioId: m.id, evidenceId: e.id, position: i, sha256: c.sha256, srclang: c.srclang, label: c.label, fileName: c.file })
        .run();
  }
}

/** Written when the import lands (its last transaction), so an import taken out again leaves no entry claiming it. */
async function auditImported(ctx: ServiceContext, m: PortfolioManifest, actor: string): Promise<void> {
  await audit(ctx, {
    actor,
    action: 'portfolio.import',
    entityType: 'portfolio',
    entityId: m.id,
    details: { candidate: m.candidate.id, credential: m.credential, attempt: m.attempt, files: m.evidence.length },
  });
}

/** The media type to record for a blob: the one the manifest claimed (captions are WebVTT). */
function blobMediaTypes(packages: ValidatedPackage[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const { manifest } of packages)
    for (const e of manifest.evidence) {
      types.set(e.sha256, e.media_type);
      for (const c of e.captions) types.set(c.sha256, 'text/vtt');
    }
  return types;
}

async function collectAndWrite(ctx: ServiceContext, source: string, options: ImportOptions, collected: Collected): Promise<ImportReport> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!fs.existsSync(source)) throw new ImportError([{ source, reason: 'no such file or folder' }]);
  if (fs.statSync(source).isFile() && source.toLowerCase().endsWith('.json')) {
    const label = path.basename(source);
    const parsed = parseJson(label, label, fs.readFileSync(source, 'utf8'));
    if (parsed.problem) collected.problems.push(parsed.problem);
    else {
      const { entry, problems } = parseCatalogueFile(label, label, parsed.value);
      collected.problems.push(...problems);
      if (entry) collected.catalogue.push(entry);
    }
  } else {
    let tree: SourceTree;
    try {
      tree = await readTree(source);
    } catch (err) {
      throw new ImportError([{ source: path.basename(source), reason: (err as Error).message }]);
    }
    try {
      await collectTree(ctx, tree, maxFileBytes, collected);
    } finally {
      tree.close();
    }
  }
  if (collected.catalogue.length === 0 && collected.packages.length === 0 && collected.reviewers.length === 0 && collected.problems.length === 0)
    collected.problems.push({ source: path.basename(source), reason: 'no portfolio package (manifest.json), rubric or credentials file found' });
  const checked = collected.problems.length === 0 ? await crossCheck(ctx, collected) : null;
  if (checked)
    requireUpdatePermission(
      checked.changes,
      { updateExisting: options.updateExisting, caller: options.caller ?? systemActor(options.actor) },
      collected.problems,
    );
  if (!checked || collected.problems.length > 0) throw new ImportError(collected.problems);
  collected.scans = await scanPackages(
    ctx,
    collected.packages.filter((p) => !checked.unchanged.has(p.manifest.id)),
  );
  return await writeImport(ctx, collected, checked, path.basename(source), options);
}

/**
 * How long one import transaction may hold the write lock, and the pause after it. A waiting save polls the lock
 * (SQLite's busy handler sleeps 1, 2, 5 … 25 ms between tries), so the pause must be long enough for it to get in;
 * together they keep any save's wait to a few tens of milliseconds however large the import.
 */
const WRITE_BUDGET_MS = 20;
const WRITE_PAUSE_MS = 25;
const PORTFOLIOS_PER_TRANSACTION = 25;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes a checked import. Each transaction takes the write lock first and holds it only for a bounded batch of
 * portfolios; evidence files are moved into the store inside the transaction that registers them. All or nothing is
 * kept by the import run row: the rows of an unfinished run are listed in import_run_items, audit entries and the
 * reviewer, resubmission and run-closing changes land with the last batch, and a failure (or, at the next start, a
 * killed process) takes the run's rows and the files nothing else refers to out again.
 */
async function writeImport(
  ctx: ServiceContext,
  collected: Collected,
  checked: Awaited<ReturnType<typeof crossCheck>>,
  source: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const { actor } = options;
  const report: ImportReport = {
    portfolios: [],
    reviewers: { created: [], updated: [], unchanged: [] },
    activity: [],
    rubrics: [],
    credentials: [],
    pathways: [],
    files: { added: 0, bytes: 0 },
    changes: checked.changes,
    identity: [],
  };
  const types = blobMediaTypes(collected.packages);
  for (const scan of collected.scans.values()) for (const sha256 of scan.stripped.values()) types.set(sha256, 'application/pdf');
  const runId = crypto.randomUUID();
  const placed: string[] = [];
  const imported: PortfolioManifest[] = [];
  // Each step runs in the batch's transaction: it is handed the transaction's context.
  const item = (ctx: ServiceContext, kind: 'portfolio' | 'candidate' | 'blob', key: string) =>
    ctx.db.orm.insert(importRunItems).values({ runId, kind, key }).onConflictDoNothing().run();

  const writeCatalogue = async (ctx: ServiceContext) => {
    const db = ctx.db.orm;
    await db
      .insert(importRuns)
      .values({ id: runId, pid: process.pid, source, startedAt: nowIso(ctx) })
      .run();
    for (const r of checked.rubrics.values()) {
      const exists = (await loadRubric(ctx, r.id, r.version)) !== null;
      if (!exists) await insertRubric(ctx, r, actor);
      report.rubrics.push({ id: r.id, version: r.version, result: exists ? 'unchanged' : 'imported' });
    }
    for (const c of checked.credentials.values()) report.credentials.push({ code: c.code, result: await upsertCredential(ctx, c, actor) });
    report.pathways.push(
      ...(await applyPathwayImports(
        ctx,
        collected.catalogue.flatMap((cat) => (cat.kind === 'pathway' ? [cat] : [])),
        actor,
      )),
    );
  };
  const writePortfolios = async (ctx: ServiceContext, batch: ValidatedPackage[]) => {
    const db = ctx.db.orm;
    for (const pkg of batch) {
      const m = pkg.manifest;
      // Checked again under the lock: another import may have landed the same portfolio since the batch was read.
      const existing = await db.select({ manifestSha256: portfolios.manifestSha256 }).from(portfolios).where(eq(portfolios.id, m.id)).get();
      if (existing || checked.unchanged.has(m.id)) {
        if (existing && existing.manifestSha256 !== pkg.manifestSha256)
          throw new ImportError([
            {
              source: pkg.source,
              field: 'id',
              reason: `portfolio ${m.id} was imported with different content by another import while this one ran; nothing was imported`,
            },
          ]);
        report.portfolios.push({ id: m.id, result: 'unchanged' });
        continue;
      }
      const now = nowIso(ctx);
      for (const blob of pkg.staged) {
        if (ctx.store.commit(blob)) {
          placed.push(blob.sha256);
          report.files.added += 1;
          report.files.bytes += blob.bytes;
        }
        const row = await db
          .insert(blobs)
          .values({ sha256: blob.sha256, bytes: blob.bytes, mediaType: types.get(blob.sha256)!, createdAt: now })
          .onConflictDoNothing()
          .run();
        if (row.changes > 0) await item(ctx, 'blob', blob.sha256);
      }
      if (!(await db.select({ id: candidates.id }).from(candidates).where(eq(candidates.id, m.candidate.id)).get()))
        await item(ctx, 'candidate', m.candidate.id);
      await insertPortfolio(ctx, pkg, checked.credentials.get(m.credential) ?? (await loadCredential(ctx, m.credential))!, actor);
      await recordScan(ctx, m.id, collected.scans.get(m.id));
      await item(ctx, 'portfolio', m.id);
      imported.push(m);
      report.portfolios.push({ id: m.id, result: 'imported' });
    }
  };
  const land = async (ctx: ServiceContext) => {
    for (const r of collected.reviewers) {
      const done = await importReviewers(ctx, r.csv, systemActor(actor), { updateExisting: options.updateExisting });
      report.reviewers.created.push(...done.created);
      report.reviewers.updated.push(...done.updated);
      report.reviewers.unchanged.push(...done.unchanged);
    }
    for (const m of imported) {
      await auditImported(ctx, m, actor);
      await returnEarlierAttempt(ctx, m, actor);
    }
    await ctx.db.orm.delete(importRuns).where(eq(importRuns.id, runId)).run();
  };

  // Earlier attempts first, so a resubmission's link always points at a row that exists.
  const queue = [...collected.packages].sort((a, b) => a.manifest.attempt - b.manifest.attempt);
  // Inside a caller's transaction (a review bundle's import) the lock is held throughout: pausing would only delay.
  const nested = ctx.db.inTransaction;
  try {
    for (let first = true; first || queue.length > 0; first = false) {
      if (!first && !nested) await pause(WRITE_PAUSE_MS);
      await transaction(ctx, async (ctx) => {
        // Under the audit log's append lock (which an import's last batch takes anyway) the batches of two imports go
        // one after another, as SQLite's write transaction has them: what is already there is checked against the
        // other import's committed rows instead of racing them.
        const { auditAppendLock } = ctx.db.fn;
        if (auditAppendLock) await ctx.db.get(auditAppendLock);
        if (first) await writeCatalogue(ctx);
        const started = performance.now();
        let n = 0;
        while (queue.length > 0 && n < PORTFOLIOS_PER_TRANSACTION && (n === 0 || performance.now() - started < WRITE_BUDGET_MS)) {
          await writePortfolios(ctx, [queue.shift()!]);
          n += 1;
        }
        if (queue.length === 0) await land(ctx);
      });
    }
  } catch (err) {
    await transaction(ctx, async (ctx) => {
      await rollBackImportRun(ctx, runId);
      await dropUnreferencedBlobs(ctx, placed);
    });
    throw err;
  }
  return report;
}

/**
 * Imports a package, a batch of packages, rubric/credential JSON, or a folder holding any of these, all or nothing:
 * every problem in every package is reported together and nothing reaches the database or the store unless all pass.
 * Whatever happens, the files this import staged are gone from the staging area when it returns.
 */
export async function importPath(ctx: ServiceContext, source: string, options: ImportOptions): Promise<ImportReport> {
  const collected: Collected = { catalogue: [], packages: [], reviewers: [], activity: [], problems: [], scans: new Map() };
  let report: ImportReport;
  try {
    report = await collectAndWrite(ctx, source, options, collected);
  } finally {
    collected.packages.forEach((p) => p.staged.forEach((b) => ctx.store.discard(b)));
  }
  // Demo activity runs through the services after the import has landed, in a fixed order (panels decide before credit).
  for (const name of Object.keys(ACTIVITY_REPLAYS))
    if (collected.activity.includes(name)) {
      await ACTIVITY_REPLAYS[name]!(ctx);
      report.activity.push(name);
    }
  // Warned once the policies in force are known (a demo's activity may just have made a review anonymous).
  for (const { id, result } of report.portfolios) {
    const findings = collected.scans.get(id)?.findings ?? [];
    if (
      result === 'imported' &&
      findings.length &&
      (await currentPolicy(ctx, collected.packages.find((p) => p.manifest.id === id)!.manifest.credential)).anonymous
    )
      report.identity.push({ portfolio: id, warning: identityWarning(findings), findings });
  }
  return report;
}

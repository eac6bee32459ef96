import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Rubric } from '../../../src-shared/domain/rubric';
import type { Credential } from '../../../src-shared/domain/credential';
import type { PortfolioManifest } from '../../../src-shared/domain/portfolio';
import { blobs, candidates, evidence, evidenceCaptions, evidenceCriteria, portfolios, responses } from '../../db/schema';
import { nowIso, type ServiceContext } from '../context';
import { audit } from '../audit';
import { insertRubric, loadRubric, rubricFingerprint } from '../rubrics';
import { loadCredential, upsertCredential } from '../credentials';
import { ImportError, type ImportProblem } from './problems';
import { readText, readTree, readZipTree, type SourceTree } from './tree';
import { parseCatalogueFile, parseJson, type CatalogueFile } from './catalogue';
import { validatePackage, type ValidatedPackage } from './package';
import { currentPolicy } from '../panels/policies';
import { importReviewers, parseReviewersCsv, ReviewerCsvError } from '../panels/reviewer-import';
import { systemActor } from '../reviewers';
import { ACTIVITY_REPLAYS } from './activity';
import { setStatus } from '../portfolios';
import { applyPathwayImports, checkPathwayImports } from '../credit/pathway-import';
import { indexForSearch } from '../queue';
import { pseudonymCode } from '../panels/pseudonym';
import { identityWarning } from '../../../src-shared/domain/anonymity';
import { recordScan, scanPackages, type IdentityScan } from './identity-scan';
import type { IdentityFinding } from '../../../src-shared/contracts/portfolio';

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

export interface ImportOptions {
  actor: string;
  maxFileBytes?: number;
}

export interface ImportReport {
  portfolios: { id: string; result: 'imported' | 'unchanged' }[];
  reviewers: { created: string[]; updated: string[] };
  activity: string[];
  rubrics: { id: string; version: number; result: 'imported' | 'unchanged' }[];
  credentials: { code: string; result: 'created' | 'updated' | 'unchanged' }[];
  pathways: { id: string; version: number; result: 'created' | 'updated' | 'new_version' | 'unchanged' }[];
  files: { added: number; bytes: number };
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
      if (!ACTIVITY_REPLAYS[activity[1]!]) out.problems.push({ source: tree.label, file: entry.path, reason: `unknown demo activity "${activity[1]}" (known: ${Object.keys(ACTIVITY_REPLAYS).join(', ')})` });
      else out.activity.push(activity[1]!);
    } else if (lower.endsWith('.csv')) {
      const csv = await readText(entry);
      try {
        parseReviewersCsv(csv);
        out.reviewers.push({ file: entry.path, csv });
      } catch (err) {
        if (!(err instanceof ReviewerCsvError)) throw err;
        for (const p of err.problems) out.problems.push({ source: tree.label, file: entry.path, field: `line ${p.line}`, reason: p.reason });
      }
    } else if (lower.endsWith('.json')) {
      const parsed = parseJson(tree.label, entry.path, await readText(entry));
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
function crossCheck(ctx: ServiceContext, c: Collected): {
  rubrics: Map<string, Rubric>;
  credentials: Map<string, Credential>;
  unchanged: Set<string>;
} {
  const rubricsIn = new Map<string, Rubric>();
  const credentialsIn = new Map<string, Credential>();
  for (const cat of c.catalogue) {
    if (cat.kind === 'rubric') {
      const key = `${cat.rubric.id}@${cat.rubric.version}`;
      if (rubricsIn.has(key)) c.problems.push({ source: cat.file, reason: `rubric ${key} appears twice in this import` });
      rubricsIn.set(key, cat.rubric);
      const existing = loadRubric(ctx, cat.rubric.id, cat.rubric.version);
      if (existing && rubricFingerprint(existing) !== rubricFingerprint(cat.rubric))
        c.problems.push({
          source: cat.file,
          field: 'version',
          reason: `rubric ${key} already exists with different content; rubric versions are immutable, publish it as version ${cat.rubric.version + 1}`,
        });
    } else if (cat.kind === 'credentials')
      for (const cred of cat.credentials) {
        if (credentialsIn.has(cred.code)) c.problems.push({ source: cat.file, reason: `credential ${cred.code} appears twice in this import` });
        credentialsIn.set(cred.code, cred);
      }
  }
  const rubricKnown = (id: string, version: number) => rubricsIn.get(`${id}@${version}`) ?? loadRubric(ctx, id, version);
  for (const cred of credentialsIn.values())
    if (!rubricKnown(cred.rubric.id, cred.rubric.version))
      c.problems.push({ source: cred.code, field: 'rubric', reason: `rubric ${cred.rubric.id}@${cred.rubric.version} is not in this import or the database` });
  const pathways = c.catalogue.flatMap((cat) => (cat.kind === 'pathway' ? [cat] : []));
  c.problems.push(...checkPathwayImports(ctx, pathways, new Set(credentialsIn.keys())));

  const byId = new Map<string, ValidatedPackage>();
  const unchanged = new Set<string>();
  for (const pkg of c.packages) {
    const m = pkg.manifest;
    if (byId.has(m.id)) c.problems.push({ source: pkg.source, field: 'id', reason: `portfolio ${m.id} appears twice in this import` });
    byId.set(m.id, pkg);
  }
  for (const pkg of c.packages) {
    const m = pkg.manifest;
    const existing = ctx.handle.db.select().from(portfolios).where(eq(portfolios.id, m.id)).get();
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
    const credential = credentialsIn.get(m.credential) ?? loadCredential(ctx, m.credential);
    if (!credential) {
      c.problems.push({ source: pkg.source, field: 'credential', reason: `unknown credential "${m.credential}"` });
      continue;
    }
    const rubric = rubricKnown(credential.rubric.id, credential.rubric.version);
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
    if (m.resubmission_of) checkResubmission(ctx, pkg, byId, c.problems);
  }
  return { rubrics: rubricsIn, credentials: credentialsIn, unchanged };
}

function checkResubmission(ctx: ServiceContext, pkg: ValidatedPackage, batch: Map<string, ValidatedPackage>, problems: ImportProblem[]): void {
  const m = pkg.manifest;
  const inBatch = batch.get(m.resubmission_of!)?.manifest;
  const row = inBatch ? null : ctx.handle.db.select().from(portfolios).where(eq(portfolios.id, m.resubmission_of!)).get();
  const earlier = inBatch
    ? { candidate: inBatch.candidate.id, credential: inBatch.credential, attempt: inBatch.attempt, outcome: null }
    : row && { candidate: row.candidateId, credential: row.credentialCode, attempt: row.attempt, outcome: row.outcome };
  const fail = (reason: string): void => void problems.push({ source: pkg.source, field: 'resubmission_of', reason });
  if (!earlier) return fail(`earlier attempt "${m.resubmission_of}" is not in this import or the database`);
  if (earlier.candidate !== m.candidate.id) fail(`earlier attempt ${m.resubmission_of} belongs to another candidate`);
  if (earlier.credential !== m.credential) fail(`earlier attempt ${m.resubmission_of} is for another credential`);
  if (m.attempt !== earlier.attempt + 1) fail(`attempt should be ${earlier.attempt + 1} (the earlier attempt is ${earlier.attempt})`);
  if (earlier.outcome === 'pass') fail(`earlier attempt ${m.resubmission_of} already passed; there is nothing to resubmit`);
  const maxAttempts = currentPolicy(ctx, m.credential).max_attempts;
  if (m.attempt > maxAttempts)
    problems.push({ source: pkg.source, field: 'attempt', reason: `attempt ${m.attempt} is beyond the maximum of ${maxAttempts} attempts for ${m.credential}` });
}

/** A resubmission sends its earlier, decided Not yet attempt back to the candidate (returned), if that had not happened yet. */
function returnEarlierAttempt(ctx: ServiceContext, m: PortfolioManifest, actor: string): void {
  if (!m.resubmission_of) return;
  const earlier = ctx.handle.db.select({ status: portfolios.status }).from(portfolios).where(eq(portfolios.id, m.resubmission_of)).get();
  if (earlier && (earlier.status === 'decided' || earlier.status === 'exported')) setStatus(ctx, m.resubmission_of, 'returned', actor, { resubmission: m.id });
}

function insertPortfolio(ctx: ServiceContext, pkg: ValidatedPackage, credential: Credential, actor: string): void {
  const { db } = ctx.handle;
  const m: PortfolioManifest = pkg.manifest;
  const now = nowIso(ctx);
  const candidate = { id: m.candidate.id, name: m.candidate.name, email: m.candidate.email, school: m.candidate.school, district: m.candidate.district };
  const known = db.select().from(candidates).where(eq(candidates.id, candidate.id)).get();
  if (!known) db.insert(candidates).values(candidate).run();
  else if (JSON.stringify(known) !== JSON.stringify(candidate)) {
    db.update(candidates).set(candidate).where(eq(candidates.id, candidate.id)).run();
    audit(ctx, { actor, action: 'candidate.update', entityType: 'candidate', entityId: candidate.id, details: { before: known, after: candidate } });
  }
  const pseudonym = pseudonymCode(ctx.dataDir, m.candidate.id);
  const { seq } = db
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
  indexForSearch(ctx, { seq, id: m.id, pseudonym, identity: [m.candidate.id, m.candidate.name, m.candidate.email] });
  m.responses.forEach((r, position) => db.insert(responses).values({ portfolioId: m.id, position, prompt: r.prompt, text: r.text }).run());
  m.evidence.forEach((e, position) => {
    db.insert(evidence)
      .values({ portfolioId: m.id, evidenceId: e.id, position, title: e.title, kind: e.kind, mediaType: e.media_type, bytes: e.bytes, sha256: e.sha256, fileName: e.file })
      .run();
    for (const criterionId of new Set(e.criteria)) db.insert(evidenceCriteria).values({ portfolioId: m.id, evidenceId: e.id, criterionId }).run();
    e.captions.forEach((c, i) =>
      db.insert(evidenceCaptions)
        .values({ portfolioId: m.id, evidenceId: e.id, position: i, sha256: c.sha256, srclang: c.srclang, label: c.label, fileName: c.file })
        .run(),
    );
  });
  audit(ctx, {
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

/**
 * Imports a package, a batch of packages, rubric/credential JSON, or a folder holding any of these, all or nothing:
 * every problem in every package is reported together and nothing reaches the database or the store unless all pass.
 */
export async function importPath(ctx: ServiceContext, source: string, options: ImportOptions): Promise<ImportReport> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (!fs.existsSync(source)) throw new ImportError([{ source, reason: 'no such file or folder' }]);
  const collected: Collected = { catalogue: [], packages: [], reviewers: [], activity: [], problems: [] };
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
  const discardAll = () => collected.packages.forEach((p) => p.staged.forEach((b) => ctx.store.discard(b)));
  if (collected.catalogue.length === 0 && collected.packages.length === 0 && collected.reviewers.length === 0 && collected.problems.length === 0)
    collected.problems.push({ source: path.basename(source), reason: 'no portfolio package (manifest.json), rubric or credentials file found' });
  const checked = collected.problems.length === 0 ? crossCheck(ctx, collected) : null;
  if (!checked || collected.problems.length > 0) {
    discardAll();
    throw new ImportError(collected.problems);
  }

  let scans: Map<string, IdentityScan>;
  try {
    scans = await scanPackages(ctx, collected.packages.filter((p) => !checked.unchanged.has(p.manifest.id)));
  } catch (err) {
    discardAll();
    throw err;
  }
  const added: string[] = [];
  const report: ImportReport = {
    portfolios: [],
    reviewers: { created: [], updated: [] },
    activity: [],
    rubrics: [],
    credentials: [],
    pathways: [],
    files: { added: 0, bytes: 0 },
    identity: [],
  };
  const types = blobMediaTypes(collected.packages);
  for (const scan of scans.values()) for (const sha256 of scan.stripped.values()) types.set(sha256, 'application/pdf');
  try {
    for (const pkg of collected.packages)
      for (const blob of pkg.staged)
        if (ctx.store.commit(blob)) {
          added.push(blob.sha256);
          report.files.added += 1;
          report.files.bytes += blob.bytes;
        }
    ctx.handle.sqlite.transaction(() => {
      const { db } = ctx.handle;
      for (const r of checked.rubrics.values()) {
        const exists = loadRubric(ctx, r.id, r.version) !== null;
        if (!exists) insertRubric(ctx, r, options.actor);
        report.rubrics.push({ id: r.id, version: r.version, result: exists ? 'unchanged' : 'imported' });
      }
      for (const c of checked.credentials.values())
        report.credentials.push({ code: c.code, result: upsertCredential(ctx, c, options.actor) });
      report.pathways.push(...applyPathwayImports(ctx, collected.catalogue.flatMap((cat) => (cat.kind === 'pathway' ? [cat] : [])), options.actor));
      const now = nowIso(ctx);
      for (const [sha256, mediaType] of types) {
        const bytes = collected.packages.flatMap((p) => p.staged).find((b) => b.sha256 === sha256)!.bytes;
        db.insert(blobs).values({ sha256, bytes, mediaType, createdAt: now }).onConflictDoNothing().run();
      }
      // Earlier attempts first, so a resubmission's link always points at a row that exists.
      const ordered = [...collected.packages].sort((a, b) => a.manifest.attempt - b.manifest.attempt);
      for (const pkg of ordered) {
        const id = pkg.manifest.id;
        if (checked.unchanged.has(id)) {
          report.portfolios.push({ id, result: 'unchanged' });
          continue;
        }
        insertPortfolio(ctx, pkg, checked.credentials.get(pkg.manifest.credential) ?? loadCredential(ctx, pkg.manifest.credential)!, options.actor);
        recordScan(ctx, id, scans.get(id));
        returnEarlierAttempt(ctx, pkg.manifest, options.actor);
        report.portfolios.push({ id, result: 'imported' });
      }
      for (const r of collected.reviewers) {
        const done = importReviewers(ctx, r.csv, systemActor(options.actor));
        report.reviewers.created.push(...done.created);
        report.reviewers.updated.push(...done.updated);
      }
    })();
  } catch (err) {
    for (const sha of added) ctx.store.remove(sha);
    discardAll();
    throw err;
  }
  // Demo activity runs through the services after the import has landed, in a fixed order (panels decide before credit).
  for (const name of Object.keys(ACTIVITY_REPLAYS))
    if (collected.activity.includes(name)) {
      await ACTIVITY_REPLAYS[name]!(ctx);
      report.activity.push(name);
    }
  // Warned once the policies in force are known (a demo's activity may just have made a review anonymous).
  for (const { id, result } of report.portfolios) {
    const findings = scans.get(id)?.findings ?? [];
    if (result === 'imported' && findings.length && currentPolicy(ctx, collected.packages.find((p) => p.manifest.id === id)!.manifest.credential).anonymous)
      report.identity.push({ portfolio: id, warning: identityWarning(findings), findings });
  }
  return report;
}

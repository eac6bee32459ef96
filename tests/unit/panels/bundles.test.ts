import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle, exportResults, importBundle, importResults, RefusedError } from '../../../src-main/services/panels/bundles';
import { resultsMac } from '../../../src-main/services/panels/bundles/mac';
import { loadOrCreateBundleKey, signDigest } from '../../../src-main/services/panels/bundles/keys';
import { addAnchor, saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { createReviewer, getReviewer, systemActor } from '../../../src-main/services/reviewers';
import { claim, listAssignments, reassign } from '../../../src-main/services/panels/assignments';
import { setPolicy } from '../../../src-main/services/panels/policies';
import { Anonymizer } from '../../../src-main/services/panels/anonymity';
import { getPortfolio } from '../../../src-main/services/portfolios';
import { loadDecisions } from '../../../src-main/services/decisions';
import { runCli } from '../../../src-main/cli/run';
import { attemptHistory } from '../../../src-main/services/panels/history';
import { importPath } from '../../../src-main/services/import/importer';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { makePdf, sha256, tempDir, tempServices, writeCatalogue, writePackageFolder } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';
import { onTestDatabase, openTestServices } from '../../support/dialect';

let lead: Services;
let home: Services;
let admin: Reviewer;
let rangi: Reviewer;
let tom: Reviewer;
let work: string;

const cliActor = systemActor('cli:test');
const status = async (ctx: Services, id: string) =>
  (await ctx.db.get('SELECT status, outcome FROM portfolios WHERE id = ?', [id])) as { status: string; outcome: string | null };
const assignmentStatus = async (ctx: Services, p: string, r: string) =>
  (await listAssignments(ctx, { reviewer: r, includeReleased: true })).filter((a) => a.portfolio === p).map((a) => a.status);

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<RefusedError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof RefusedError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The lead exports a bundle for `who`, written to a file. */
async function bundleFile(who = rangi, name = 'bundle.zip'): Promise<string> {
  const b = await exportBundle(lead, who.id, admin);
  const file = path.join(work, name);
  fs.writeFileSync(file, b.bytes);
  return file;
}

/** On the reviewer's machine: open, score, cite page 2, submit. */
async function scoreAtHome(portfolioId: string, levels: Record<string, number>, feedback = 'Offline feedback') {
  const me = (await getReviewer(home, rangi.id))!;
  const state = await startReview(home, portfolioId, me);
  expect(state.readOnlyReason).toBe(null);
  const id = state.review!.id;
  await saveDraft(home, { reviewId: id, levels, feedback, comments: { planning: 'Offline planning note' }, activeMsDelta: 90_000 }, me);
  const pdf = (await getPortfolio(home, portfolioId)).evidence[0]!.id;
  await addAnchor(home, { reviewId: id, criterionId: 'planning', evidenceId: pdf, target: { kind: 'pdf_page', page: 2, quote: 'success criteria' } }, me);
  return await submitReview(home, id, 0, me);
}

async function scoreOnline(who: Reviewer, portfolioId: string, levels: Record<string, number>) {
  const state = await startReview(lead, portfolioId, who);
  await saveDraft(lead, { reviewId: state.review!.id, levels, feedback: 'Online feedback', activeMsDelta: 1 }, who);
  return await submitReview(lead, state.review!.id, 0, who);
}

async function resultsFile(name = 'results.json', bundleId?: string): Promise<string> {
  const r = await exportResults(home, bundleId);
  const file = path.join(work, name);
  fs.writeFileSync(file, r.text);
  return file;
}

/** Edits a results file; with `reseal`, recomputes the MAC with the bundle's secret (as a forger holding the bundle could). */
async function editResults(file: string, edit: (doc: any) => void, reseal = false): Promise<string> {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(doc);
  if (reseal) {
    const secret = ((await lead.db.get('SELECT secret FROM bundles WHERE id = ?', [doc.payload.bundle])) as { secret: string }).secret;
    doc.mac = resultsMac(secret, doc.payload);
  }
  const out = file.replace(/\.json$/, `-${Math.random().toString(36).slice(2, 8)}.json`);
  fs.writeFileSync(out, JSON.stringify(doc, null, 2));
  return out;
}

/** Rewrites a zip with one entry changed (or added). */
function editZip(file: string, edit: (entries: Record<string, Uint8Array>) => void): string {
  const entries = unzipSync(fs.readFileSync(file));
  edit(entries);
  const out = file.replace(/\.zip$/, `-${Math.random().toString(36).slice(2, 8)}.zip`);
  fs.writeFileSync(out, zipSync(entries));
  return out;
}

beforeEach(async () => {
  lead = await tempServices();
  home = await tempServices();
  work = tempDir('ew-bundles-');
  ({ admin, reviewer: rangi } = await reviewSetup(lead, 3, 2));
  await lead.db.run('UPDATE reviewers SET max_load = 0 WHERE id = ?', [admin.id]);
  tom = await createReviewer(lead, { name: 'Tom', email: 'tom@example.nz', school: 'Tom School', district: 'South', roles: ['reviewer'] }, admin);
  await claim(lead, 'P-1', rangi);
  await claim(lead, 'P-1', tom);
  await claim(lead, 'P-2', rangi);
});
afterEach(async () => {
  await lead.close();
  await home.close();
});

describe('round trip', () => {
  it('lands the offline review on its assignment and reconciles with the online one', async () => {
    const imported = await importBundle(home, await bundleFile(), cliActor);
    expect(imported).toMatchObject({ reviewer: { id: rangi.id, created: true }, alreadyImported: false });
    expect(imported.portfolios.map((p) => p.id)).toEqual(['P-1', 'P-2']);
    expect((await getReviewer(home, rangi.id))?.roles).toEqual(['reviewer']);
    expect((await listAssignments(home, { reviewer: rangi.id })).map((a) => [a.portfolio, a.status])).toEqual([
      ['P-1', 'assigned'],
      ['P-2', 'assigned'],
    ]);
    // Offline: a submitted review just waits for the lead.
    await scoreAtHome('P-1', { planning: 3, reflection: 3 });
    expect(await status(home, 'P-1')).toEqual({ status: 'scored', outcome: null });
    const me = (await getReviewer(home, rangi.id))!;
    await saveDraft(home, { reviewId: (await startReview(home, 'P-2', me)).review!.id, levels: { planning: 2 }, activeMsDelta: 0 }, me);
    const exported = await exportResults(home);
    expect(exported).toMatchObject({ exported: ['P-1'], drafts: ['P-2'], notStarted: [] });
    const file = path.join(work, exported.fileName);
    fs.writeFileSync(file, exported.text);

    await scoreOnline(tom, 'P-1', { planning: 4, reflection: 3 });
    expect((await status(lead, 'P-1')).status).toBe('in_review');
    const report = await importResults(lead, file, admin);
    expect(report.reviews).toEqual([expect.objectContaining({ portfolio: 'P-1', outcome: 'pass', status: 'ready', moderation: false })]);
    expect(await assignmentStatus(lead, 'P-1', rangi.id)).toEqual(['submitted']);
    expect(await assignmentStatus(lead, 'P-2', rangi.id)).toEqual(['assigned']);
    const decision = (await loadDecisions(lead, 'P-1')).at(-1)!;
    // Reconciled from the online and the offline review, with neither reviewer as its author; it waits for release.
    expect(decision).toMatchObject({ source: 'reconciled', outcome: 'pass', decidedBy: 'system:reconciliation', releasedAt: null });
    expect(decision.sources.map((s) => s.reviewerId)).toContain(rangi.id);
    expect(decision.timeOnTaskMs).toBeGreaterThanOrEqual(90_000);
    expect(decision.levels.map((l) => l.score)).toEqual([3, 3]);
    const review = (await lead.db.get("SELECT * FROM reviews WHERE portfolio_id = 'P-1' AND reviewer_id = ?", [rangi.id])) as Record<string, unknown>;
    expect(review).toMatchObject({ status: 'submitted', kind: 'review', outcome: 'pass', total: 6, feedback: 'Offline feedback', active_ms: 90_000 });
    expect(await lead.db.all('SELECT criterion_id, kind, page, quote FROM anchors WHERE review_id = ?', [review.id])).toEqual([
      { criterion_id: 'planning', kind: 'pdf_page', page: 2, quote: 'success criteria' },
    ]);
    expect(await lead.db.all("SELECT actor FROM audit_log WHERE action = 'results.import'")).toEqual([{ actor: admin.id }]);
  });

  it('reviews that disagree go to moderation', async () => {
    await importBundle(home, await bundleFile(), cliActor);
    await scoreAtHome('P-1', { planning: 2, reflection: 2 }, 'Not yet: revisit.');
    await scoreOnline(tom, 'P-1', { planning: 4, reflection: 4 });
    expect((await importResults(lead, await resultsFile(), admin)).reviews[0]).toMatchObject({ status: 'scored', moderation: true });
  });

  it('an earlier attempt travels with a resubmission, decided and read-only, so the attempt history is there offline', async () => {
    // P-9 is a Not yet that came back as P-10.
    const pkgs = tempDir();
    writeCatalogue(pkgs);
    await writePackageFolder(path.join(pkgs, 'P-9'), {
      id: 'P-9',
      candidate: { id: 'C-9' },
      files: { 'a.pdf': { bytes: await makePdf(1), media_type: 'application/pdf', kind: 'pdf' } },
    });
    await importPath(lead, pkgs, { actor: 'test' });
    await setPolicy(lead, 'TST-8', { reviews_required: 1 }, admin);
    await claim(lead, 'P-9', tom);
    await scoreOnline(tom, 'P-9', { planning: 2, reflection: 2 });
    const again = tempDir();
    await writePackageFolder(path.join(again, 'P-10'), {
      id: 'P-10',
      candidate: { id: 'C-9' },
      attempt: 2,
      resubmission_of: 'P-9',
      files: { 'b.pdf': { bytes: await makePdf(2), media_type: 'application/pdf', kind: 'pdf' } },
    });
    await importPath(lead, again, { actor: 'test' });
    await claim(lead, 'P-10', rangi);
    const r = await importBundle(home, await bundleFile(), cliActor);
    expect(r.history).toEqual(['P-9']);
    expect(await status(home, 'P-9')).toEqual({ status: 'returned', outcome: 'not_yet' });
    expect((await loadDecisions(home, 'P-9')).at(-1)).toMatchObject({ outcome: 'not_yet', feedback: 'Online feedback' });
    expect((await listAssignments(home, { reviewer: rangi.id })).map((a) => a.portfolio).sort()).toEqual(['P-1', 'P-10', 'P-2']);
    const history = await attemptHistory(home, 'P-10');
    expect(history.attempts.map((a) => [a.id, a.decision?.outcome ?? null])).toEqual([
      ['P-9', 'not_yet'],
      ['P-10', null],
    ]);
    expect(history.changes).toEqual([expect.objectContaining({ change: 'changed' })]);
  });
});

describe('anonymous review', () => {
  it('leaves candidate name, email, school, district and original file names out of every entry of the bundle', async () => {
    await setPolicy(lead, 'TST-8', { anonymous: true }, admin);
    const onlineName = (await new Anonymizer(lead, rangi).detail(await getPortfolio(lead, 'P-1'))).candidate.name;
    expect(onlineName).toMatch(/^Candidate [A-Z2-7]{8}$/);
    const file = await bundleFile();
    const entries = unzipSync(fs.readFileSync(file));
    const names = Object.keys(entries);
    expect(names.some((n) => n.includes('plan.pdf'))).toBe(false);
    expect(names.filter((n) => n.startsWith('portfolios/P-1/')).sort()).toEqual(['portfolios/P-1/E1.pdf', 'portfolios/P-1/manifest.json']);
    const text = Object.values(entries)
      .map((b) => Buffer.from(b).toString('utf8'))
      .join('\n');
    for (const secret of ['Aroha', 'Ngātai', 'Ngata', 'c1@example.nz', 'Kowhai School', 'North', 'plan.pdf', '"C-1"'])
      expect(text.includes(secret), `${secret} is in the bundle`).toBe(false);
    const manifest = JSON.parse(Buffer.from(entries['portfolios/P-1/manifest.json']!).toString('utf8'));
    expect(manifest.candidate).toEqual({
      id: expect.stringMatching(/^anon-/),
      name: onlineName,
      email: `anon-${onlineName.slice(-8).toLowerCase()}@anonymous.invalid`,
      school: '(withheld)',
      district: '(withheld)',
    });
    // The reviewer sees the same pseudonym at home as the lead's panel shows reviewers online.
    await importBundle(home, file, cliActor);
    const atHome = await new Anonymizer(home, await getReviewer(home, rangi.id)).detail(await getPortfolio(home, 'P-1'));
    expect(atHome.candidate.name).toBe(onlineName);
    expect(atHome.evidence[0]!.fileName).toBe('E1.pdf');
    // …and is told, as online, that identity is withheld (the page's notice that evidence may still name them).
    expect(atHome.identity).toEqual({ anonymousReview: true, withheld: true, findings: [] });
    expect(JSON.stringify(await home.db.all('SELECT * FROM candidates'))).not.toMatch(/Aroha|Kowhai|c1@example/);
  });
});

describe('bundle refusals', () => {
  it('a changed byte of an evidence file is refused, nothing imported', async () => {
    const file = await bundleFile();
    const tampered = editZip(file, (e) => {
      const name = Object.keys(e).find((n) => n.endsWith('.pdf'))!;
      const bytes = e[name]!;
      bytes[200] = bytes[200]! ^ 1;
    });
    const err = await refusal(importBundle(home, tampered, cliActor));
    expect(err.reasons.join('\n')).toMatch(/tampered: portfolios\/P-1\/plan\.pdf does not match the sha256/);
    expect(await home.db.get('SELECT count(*) AS n FROM portfolios')).toEqual({ n: 0 });
    expect(await home.db.get('SELECT count(*) AS n FROM reviewers')).toEqual({ n: 0 });
  });

  it('a changed byte of bundle.json is refused (the signature covers it)', async () => {
    const file = await bundleFile();
    const tampered = editZip(file, (e) => {
      e['bundle.json'] = strToU8(Buffer.from(e['bundle.json']!).toString('utf8').replace('"Rangi Reviewer"', '"Rangi Reviewes"'));
    });
    expect((await refusal(importBundle(home, tampered, cliActor))).reasons).toEqual(['tampered: bundle.json was changed after it was signed']);
  });

  it('an added file, a missing file or a bad signature is refused', async () => {
    const file = await bundleFile();
    const added = editZip(file, (e) => (e['catalogue/reviewers.csv'] = strToU8('id,name\n')));
    expect((await refusal(importBundle(home, added, cliActor))).reasons.join()).toMatch(/catalogue\/reviewers\.csv is not listed/);
    const missing = editZip(file, (e) => delete e['catalogue/credentials.json']);
    expect((await refusal(importBundle(home, missing, cliActor))).reasons.join()).toMatch(/credentials\.json is listed .* but missing/);
    const badSig = editZip(file, (e) => (e['bundle.sig'] = strToU8('eyJhbGciOiJFZERTQSJ9.e30.AAAA')));
    expect((await refusal(importBundle(home, badSig, cliActor))).reasons.join()).toMatch(/bundle\.sig does not verify/);
    const notZip = path.join(work, 'x.zip');
    fs.writeFileSync(notZip, 'hello');
    expect((await refusal(importBundle(home, notZip, cliActor))).reasons.join()).toMatch(/not a review bundle/);
  });

  it('the same bundle twice changes nothing; another bundle under the same id is refused', async () => {
    const file = await bundleFile();
    await importBundle(home, file, cliActor);
    const count = () => home.db.get('SELECT count(*) AS n FROM audit_log');
    const before = await count();
    expect(await importBundle(home, file, cliActor)).toMatchObject({ alreadyImported: true });
    expect(await count()).toEqual(before);
    // A bundle re-signed by another key with another secret but the same id: valid signature, different content.
    const forged = path.join(work, 'forged.zip');
    const entries = unzipSync(fs.readFileSync(file));
    const bundle = JSON.parse(Buffer.from(entries['bundle.json']!).toString('utf8'));
    const key = await loadOrCreateBundleKey(tempDir());
    bundle.secret = 'A'.repeat(43);
    bundle.issuer = { public_key: key.publicJwk, thumbprint: key.thumbprint };
    entries['bundle.json'] = strToU8(JSON.stringify(bundle));
    entries['bundle.sig'] = strToU8(await signDigest(key, { bundle: bundle.id, sha256: sha256(entries['bundle.json']) }));
    fs.writeFileSync(forged, zipSync(entries));
    expect((await refusal(importBundle(home, forged, cliActor))).reasons.join()).toMatch(/a different bundle with the id .* was already imported/);
  });

  it('an import the importer refuses leaves nothing behind (no rows, no new evidence files)', async () => {
    // The reviewer's machine already holds another P-1.
    const pkgs = tempDir();
    writeCatalogue(pkgs);
    await writePackageFolder(path.join(pkgs, 'P-1'), { id: 'P-1' });
    await importPath(home, pkgs, { actor: 'test' });
    const files = () => fs.readdirSync(home.store.root, { recursive: true }).length;
    const before = files();
    const err = await refusal(importBundle(home, await bundleFile(), cliActor));
    expect(err.reasons.join()).toMatch(/P-1 was already imported with different content/);
    expect(await home.db.get('SELECT count(*) AS n FROM portfolios')).toEqual({ n: 1 });
    expect(await home.db.get('SELECT count(*) AS n FROM received_bundles')).toEqual({ n: 0 });
    expect(await getReviewer(home, rangi.id)).toBe(null);
    expect(files()).toBe(before);
  });
});

describe('results refusals (all or nothing)', () => {
  let file: string;
  beforeEach(async () => {
    await importBundle(home, await bundleFile(), cliActor);
    await scoreAtHome('P-1', { planning: 3, reflection: 3 });
    await scoreAtHome('P-2', { planning: 4, reflection: 4 });
    file = await resultsFile();
  });
  const landed = () => lead.db.get('SELECT count(*) AS n FROM reviews WHERE reviewer_id = ?', [rangi.id]);

  it('unknown bundle', async () => {
    const other = await editResults(file, (d) => (d.payload.bundle = '00000000-0000-4000-8000-000000000000'));
    expect((await refusal(() => importResults(lead, other, admin))).reasons.join()).toMatch(/unknown bundle "00000000-/);
  });

  it('any edit to any field is detected by the MAC', async () => {
    const edits: ((d: any) => void)[] = [
      (d) => (d.payload.reviews[0].levels.planning = 4),
      (d) => (d.payload.reviews[0].feedback += '!'),
      (d) => (d.payload.reviews[0].anchors[0].page = 1),
      (d) => (d.payload.reviews[1].active_ms += 1),
      (d) => (d.payload.exported_at = '2026-11-02T10:00:00.000Z'),
      (d) => (d.payload.reviews[0].extra = true),
      (d) => d.payload.reviews.pop(),
      (d) => (d.mac = d.mac.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'))),
    ];
    for (const edit of edits)
      expect((await refusal(async () => importResults(lead, await editResults(file, edit), admin))).reasons.join()).toMatch(
        /^tampered: the MAC does not match/,
      );
    expect(await landed()).toEqual({ n: 0 });
  });

  it('wrong reviewer', async () => {
    const other = await editResults(file, (d) => (d.payload.reviewer = tom.id), true);
    expect((await refusal(() => importResults(lead, other, admin))).reasons).toEqual([expect.stringMatching(/^wrong reviewer: these results are by R-tom/)]);
  });

  it('a portfolio that is not in the bundle, or another rubric version', async () => {
    const notInBundle = await editResults(file, (d) => (d.payload.reviews[1].portfolio = 'P-3'), true);
    expect((await refusal(() => importResults(lead, notInBundle, admin))).reasons).toEqual([
      'P-3 is not in bundle ' + JSON.parse(fs.readFileSync(file, 'utf8')).payload.bundle,
    ]);
    const version = await editResults(file, (d) => (d.payload.reviews[0].rubric.version = 2), true);
    expect((await refusal(() => importResults(lead, version, admin))).reasons).toEqual([
      'P-1: scored with rubric test-rubric@2, but the bundle assigned test-rubric@1',
    ]);
    expect(await landed()).toEqual({ n: 0 });
  });

  it('stale: reassigned since the bundle was issued; nothing lands, not even the good review', async () => {
    const mere = await createReviewer(lead, { name: 'Mere', email: 'mere@example.nz', school: 'Mere School', district: 'South', roles: ['reviewer'] }, admin);
    await reassign(lead, 'P-2', rangi.id, mere.id, admin);
    const err = await refusal(() => importResults(lead, file, admin));
    expect(err.reasons).toEqual([`stale: P-2 is no longer assigned to ${rangi.id} (reassigned or released since the bundle was issued)`]);
    expect(err.code).toBe('conflict');
    expect(await landed()).toEqual({ n: 0 });
    expect(await assignmentStatus(lead, 'P-1', rangi.id)).toEqual(['assigned']);
  });

  it('stale: the portfolio was decided meanwhile', async () => {
    await setPolicy(lead, 'TST-8', { reviews_required: 1 }, admin);
    await scoreOnline(tom, 'P-1', { planning: 3, reflection: 3 });
    expect((await status(lead, 'P-1')).status).toBe('decided');
    expect((await refusal(() => importResults(lead, file, admin))).reasons).toEqual(['stale: P-1 is already decided; the review is no longer needed']);
  });

  it('duplicated: the same results twice, or a review already imported through another bundle', async () => {
    // A second bundle while P-1 and P-2 are still open (the reviewer lost the first file, say).
    const second = await importBundle(home, await bundleFile(rangi, 'again.zip'), cliActor);
    expect(second.portfolios).toEqual([
      { id: 'P-1', result: 'unchanged' },
      { id: 'P-2', result: 'unchanged' },
    ]);
    const secondResults = await resultsFile('results-2.json', second.bundle);
    await importResults(lead, file, admin);
    expect((await refusal(() => importResults(lead, file, admin))).reasons.join()).toMatch(/^duplicated: the results of bundle .* were already imported/);
    const err = await refusal(() => importResults(lead, secondResults, admin));
    expect(err.reasons).toEqual([
      `duplicated: a review of P-1 by ${rangi.id} was already submitted or imported`,
      `duplicated: a review of P-2 by ${rangi.id} was already submitted or imported`,
    ]);
  });

  it('scores that do not fit the rubric are refused even with a valid MAC', async () => {
    const bad = await editResults(file, (d) => (d.payload.reviews[0].levels.planning = 9), true);
    expect((await refusal(() => importResults(lead, bad, admin))).reasons.join('\n')).toMatch(/P-1: Planning: 9 is not a level/);
  });

  it('a draft the reviewer had started on the lead machine is replaced by the imported review', async () => {
    const state = await startReview(lead, 'P-2', rangi);
    await saveDraft(lead, { reviewId: state.review!.id, levels: { planning: 1 }, activeMsDelta: 0 }, rangi);
    await importResults(lead, file, admin);
    expect(await lead.db.all("SELECT id, status FROM reviews WHERE portfolio_id = 'P-2' AND reviewer_id = ?", [rangi.id])).toEqual([
      { id: state.review!.id, status: 'submitted' },
    ]);
  });
});

describe('cli', () => {
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('bundle export / import, results export / import; refused files exit 2 with the reason', async () => {
    const leadDir = lead.dataDir;
    const homeDir = home.dataDir;
    await lead.close();
    await home.close();
    const zip = path.join(work, 'cli.zip');
    const exp = await cli('bundle', 'export', '--reviewer', rangi.id, '--out', zip, '--data', leadDir, '--json');
    expect(exp.code).toBe(0);
    expect(JSON.parse(exp.out)).toMatchObject({ reviewer: rangi.id, portfolios: ['P-1', 'P-2'] });
    const imp = await cli('bundle', 'import', zip, '--data', homeDir);
    expect(imp).toMatchObject({ code: 0, err: '' });
    expect(imp.out).toContain('imported bundle');
    const none = await cli('results', 'export', '--out', path.join(work, 'r.json'), '--data', homeDir);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/nothing to export yet/);
    home = await openTestServices({ dataDir: homeDir });
    await scoreAtHome('P-1', { planning: 3, reflection: 3 });
    await home.close();
    const res = path.join(work, 'r.json');
    const rexp = await cli('results', 'export', '--out', res, '--data', homeDir, '--json');
    expect(JSON.parse(rexp.out)).toMatchObject({ exported: ['P-1'], skipped_drafts: [], not_started: ['P-2'] });
    const tampered = editResultsRaw(res);
    const refused = await cli('results', 'import', tampered, '--data', leadDir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/review results refused, nothing was imported \(1 problem\):\n- tampered: the MAC does not match/);
    const ok = await cli('results', 'import', res, '--data', leadDir, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).reviews).toEqual([expect.objectContaining({ portfolio: 'P-1', outcome: 'pass' })]);
    const badZip = path.join(work, 'bad.zip');
    fs.writeFileSync(badZip, 'not a zip');
    const badImport = await cli('bundle', 'import', badZip, '--data', homeDir);
    expect(badImport.code).toBe(2);
    expect(badImport.err).toMatch(/not a review bundle/);
    // Reopened so afterEach can close them.
    lead = await openTestServices({ dataDir: leadDir });
    home = await openTestServices({ dataDir: homeDir });
  });

  function editResultsRaw(file: string): string {
    const out = file.replace(/\.json$/, '-t.json');
    fs.writeFileSync(out, fs.readFileSync(file, 'utf8').replace('"planning": 3', '"planning": 4'));
    return out;
  }
});

/**
 * Hostile input: an import that reuses ids of records already here (a reviewer, a candidate, a credential, a rubric
 * version, a pathway version) and so would rewrite who someone is or what a credential is worth. Each is refused,
 * naming every changed field, with the database unchanged — unless a lead or admin asked to update existing records.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import { importPath, type ImportOptions } from '../../../src-main/services/import/importer';
import { ImportError } from '../../../src-main/services/import/problems';
import { ExistingRecordsError } from '../../../src-main/services/import/existing';
import { importReviewers } from '../../../src-main/services/panels/reviewer-import';
import { importExternal } from '../../../src-main/services/credit/external';
import { exportPortfolioBadge } from '../../../src-main/services/credit/badges';
import { createReviewer, getReviewer, systemActor } from '../../../src-main/services/reviewers';
import { loadCredential } from '../../../src-main/services/credentials';
import { savePathway } from '../../../src-main/services/credit/pathways';
import type { Services } from '../../../src-main/core/services';
import { ApiError } from '../../../src-shared/contracts/errors';
import { toApiError as clientError } from '../../../src-shared/contracts/client';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { Role } from '../../../src-shared/domain/roles';
import { onTestDatabase } from '../../support/dialect';
import { editManifest, tempDir, tempServices, TEST_CREDENTIALS, TEST_RUBRIC, writeCatalogue, writePackageFolder } from '../../support/fixtures';
import { AROHA, creditWorld, EDUC581 } from '../credit/setup';

const REVIEWERS = 'id,name,email,school,district,roles';
const HANA = 'R-hana,Hana Kereama,a@x.nz,Kowhai School,North,reviewer';

let ctx: Services;
let work: string;
beforeEach(async () => {
  ctx = await tempServices();
  work = tempDir();
  writeCatalogue(path.join(work, 'catalogue'));
  await writePackageFolder(path.join(work, 'P-1'), { id: 'P-1' });
  fs.writeFileSync(path.join(work, 'reviewers.csv'), `${REVIEWERS}\n${HANA}\n`);
  await importPath(ctx, work, { actor: 'test' });
});
afterEach(() => ctx.close());

/** Every row of the tables an import writes, to show a refused import changed nothing. */
async function snapshot(c = ctx): Promise<string> {
  const tables = [
    'candidates',
    'reviewers',
    'reviewer_roles',
    'credentials',
    'portfolios',
    'rubrics',
    'audit_log',
    'blobs',
    'credit_pathways',
    'credit_external',
  ];
  // In an order of their own: a table has no row order both databases keep.
  const rows = async (t: string) => (await c.db.all(`SELECT * FROM ${t}`)).map((r) => JSON.stringify(r)).sort();
  return JSON.stringify(await Promise.all(tables.map(rows)));
}

async function refused(source: string, options: Partial<ImportOptions> = {}): Promise<ExistingRecordsError> {
  const before = await snapshot();
  const err = await importPath(ctx, source, { actor: 'test', ...options }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ExistingRecordsError);
  expect(await snapshot()).toBe(before);
  return err as ExistingRecordsError;
}

function batch(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const audits = async (action: string, c = ctx) =>
  (
    (await c.db.all('SELECT actor, entity_id AS entity, details FROM audit_log WHERE action = ? ORDER BY id', [action])) as {
      actor: string;
      entity: string;
      details: string;
    }[]
  ).map((a) => ({
    ...a,
    details: JSON.parse(a.details) as Record<string, unknown>,
  }));

describe('a reviewers.csv in a batch', () => {
  const escalate = () => batch({ 'reviewers.csv': `${REVIEWERS}\nR-hana,Hana Kereama,b@y.nz,Kowhai School,North,admin;reviewer\n` });

  it("refuses to change a known reviewer's roles and email, naming each field, and changes nothing", async () => {
    const err = await refused(escalate());
    expect(err.changes).toEqual([
      { entity: 'reviewer', id: 'R-hana', field: 'roles', old: 'reviewer', new: 'admin, reviewer' },
      { entity: 'reviewer', id: 'R-hana', field: 'email', old: 'a@x.nz', new: 'b@y.nz' },
    ]);
    expect(err.message).toContain('reviewer R-hana: roles reviewer → admin, reviewer; email a@x.nz → b@y.nz');
    expect(err.message).toContain('--update-existing');
    expect(await getReviewer(ctx, 'R-hana')).toMatchObject({ roles: ['reviewer'], email: 'a@x.nz' });
  });

  it('applies the change with updateExisting, audited with the old and new values', async () => {
    const report = await importPath(ctx, escalate(), { actor: 'cli:lead', updateExisting: true });
    expect(report.reviewers).toEqual({ created: [], updated: ['R-hana'], unchanged: [] });
    expect(report.changes.map((c) => c.field)).toEqual(['roles', 'email']);
    expect(await getReviewer(ctx, 'R-hana')).toMatchObject({ roles: ['reviewer', 'admin'], email: 'b@y.nz' });
    const [entry] = await audits('reviewer.update');
    expect(entry).toMatchObject({
      actor: 'cli:lead',
      entity: 'R-hana',
      details: { before: { email: 'a@x.nz', roles: ['reviewer'] }, patch: { email: 'b@y.nz', roles: ['admin', 'reviewer'] } },
    });
  });

  it('an identical re-import is unchanged, and a new reviewer is created without the flag', async () => {
    const report = await importPath(ctx, batch({ 'reviewers.csv': `${REVIEWERS}\n${HANA}\nR-tui,Tui Ropata,tui@x.nz,,,reviewer\n` }), { actor: 'test' });
    expect(report.reviewers).toEqual({ created: ['R-tui'], updated: [], unchanged: ['R-hana'] });
    expect(report.changes).toEqual([]);
    expect(await audits('reviewer.update')).toEqual([]);
  });

  it('refuses an email that another profile already uses, in words', async () => {
    const err = await importPath(ctx, batch({ 'reviewers.csv': `${REVIEWERS}\nR-tui,Tui Ropata,A@X.nz,,,reviewer\n` }), {
      actor: 'test',
      updateExisting: true,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toContain('line 2): the email A@X.nz belongs to the profile R-hana');
  });
});

describe('a package reusing a known candidate id', () => {
  async function impostor(): Promise<string> {
    const dir = tempDir();
    await writePackageFolder(path.join(dir, 'P-2'), { id: 'P-2', candidate: { name: 'Someone Else', email: 'else@evil.nz', school: 'Other School' } });
    return dir;
  }

  it("refuses to overwrite the candidate's name, email and school (the identity behind a badge)", async () => {
    const err = await refused(await impostor());
    expect(err.changes).toEqual([
      { entity: 'candidate', id: 'C-1', field: 'name', old: 'Aroha Ngata', new: 'Someone Else' },
      { entity: 'candidate', id: 'C-1', field: 'email', old: 'aroha@example.school.nz', new: 'else@evil.nz' },
      { entity: 'candidate', id: 'C-1', field: 'school', old: 'Kowhai School', new: 'Other School' },
    ]);
    expect(err.message).toContain(
      'candidate C-1: name Aroha Ngata → Someone Else; email aroha@example.school.nz → else@evil.nz; school Kowhai School → Other School',
    );
  });

  it('with updateExisting the candidate changes, audited before and after; the new portfolio is imported', async () => {
    const report = await importPath(ctx, await impostor(), { actor: 'test', updateExisting: true });
    expect(report.portfolios).toEqual([{ id: 'P-2', result: 'imported' }]);
    expect(await ctx.db.get("SELECT name, email FROM candidates WHERE id = 'C-1'")).toEqual({ name: 'Someone Else', email: 'else@evil.nz' });
    expect((await audits('candidate.update'))[0]!.details).toMatchObject({ before: { email: 'aroha@example.school.nz' }, after: { email: 'else@evil.nz' } });
  });

  it('a new attempt with the same details and a new candidate need no flag; re-importing is unchanged', async () => {
    const dir = tempDir();
    await writePackageFolder(path.join(dir, 'P-2'), { id: 'P-2' });
    await writePackageFolder(path.join(dir, 'P-3'), { id: 'P-3', candidate: { id: 'C-2', name: 'Mere Hēnare', email: 'mere@example.nz' } });
    expect((await importPath(ctx, dir, { actor: 'test' })).portfolios.map((p) => p.result)).toEqual(['imported', 'imported']);
    expect((await importPath(ctx, work, { actor: 'test' })).portfolios).toEqual([{ id: 'P-1', result: 'unchanged' }]);
  });

  it('two packages of one batch giving one candidate id different names are refused, whatever the flag', async () => {
    const dir = tempDir();
    await writePackageFolder(path.join(dir, 'P-2'), { id: 'P-2', candidate: { id: 'C-9' } });
    await writePackageFolder(path.join(dir, 'P-3'), { id: 'P-3', candidate: { id: 'C-9', name: 'Another Name' } });
    const err = (await importPath(ctx, dir, { actor: 'test', updateExisting: true }).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/candidate C-9 has other details in P-[23]: name/);
  });
});

describe('catalogue files', () => {
  const points60 = () =>
    batch({ 'credentials.json': JSON.stringify({ ...TEST_CREDENTIALS, credentials: [{ ...TEST_CREDENTIALS.credentials[0], credit_points: 60 }] }) });

  it("a credentials file may not change a credential's points from 5 to 60 without updateExisting", async () => {
    const err = await refused(points60());
    expect(err.message).toContain('credential TST-8: credit_points 5 → 60');
    expect((await loadCredential(ctx, 'TST-8'))!.credit_points).toBe(5);
    const report = await importPath(ctx, points60(), { actor: 'test', updateExisting: true });
    expect(report.credentials).toEqual([{ code: 'TST-8', result: 'updated' }]);
    expect((await audits('credential.update'))[0]!.details).toMatchObject({ before: { credit_points: 5 }, after: { credit_points: 60 } });
  });

  it('a rubric version stays immutable even with updateExisting, and the refusal names what differs', async () => {
    const dir = batch({ 'rubric.json': JSON.stringify({ ...TEST_RUBRIC, title: 'Changed' }) });
    const err = (await importPath(ctx, dir, { actor: 'test', updateExisting: true }).catch((e: unknown) => e)) as ImportError;
    expect(err.message).toContain('rubric test-rubric@1 already exists with different content (title); rubric versions are immutable, publish it as version 2');
  });

  it('a pathway file may not rewrite a pathway version in place without updateExisting', async () => {
    const w = await creditWorld([]);
    try {
      await savePathway(w.ctx, EDUC581, w.approver);
      const dir = batch({ 'pathway.json': JSON.stringify({ ...EDUC581, four_eyes: false }) });
      const err = (await importPath(w.ctx, dir, { actor: 'test' }).catch((e: unknown) => e)) as ExistingRecordsError;
      expect(err).toBeInstanceOf(ExistingRecordsError);
      expect(err.message).toContain('pathway educ-581@1: four_eyes true → false');
      expect((await importPath(w.ctx, dir, { actor: 'test', updateExisting: true })).pathways).toEqual([{ id: 'educ-581', version: 1, result: 'updated' }]);
    } finally {
      await w.ctx.close();
    }
  });
});

describe('who may apply updates to existing records (role matrix)', () => {
  const everyRole: Role[] = ['reviewer', 'moderator', 'approver', 'lead', 'admin'];
  let people: Record<Role, Reviewer>;
  beforeEach(async () => {
    const admin = await createReviewer(ctx, { id: 'R-admin', name: 'Ada', email: 'ada@x.nz', school: '', district: '', roles: ['admin'] }, systemActor('test'));
    people = Object.fromEntries(
      await Promise.all(
        everyRole.map(async (role) => [
          role,
          role === 'admin'
            ? admin
            : await createReviewer(ctx, { id: `R-${role}`, name: role, email: `${role}@x.nz`, school: '', district: '', roles: [role] }, admin),
        ]),
      ),
    ) as Record<Role, Reviewer>;
  });

  it.each(everyRole)('importing with updateExisting as %s', async (role) => {
    const dir = tempDir();
    await writePackageFolder(path.join(dir, 'P-2'), { id: 'P-2', candidate: { email: 'new@x.nz' } });
    const result = await importPath(ctx, dir, { actor: people[role].id, updateExisting: true, caller: people[role] }).then(
      () => 'applied',
      (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
    );
    expect(result).toBe(role === 'lead' || role === 'admin' ? 'applied' : 'forbidden');
  });

  it.each(everyRole)("the app's reviewer CSV import with updateExisting as %s", async (role) => {
    const core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
    const result = await core
      .handle('reviewers.importCsv', { csv: `${REVIEWERS}\nR-hana,Hana K,a@x.nz,,,lead\n`, updateExisting: true }, { actor: people[role].id })
      .then(
        () => 'applied',
        (e: unknown) => (e as ApiError).code,
      );
    expect(result).toBe(role === 'lead' || role === 'admin' ? 'applied' : 'forbidden');
  });
});

describe('the app contract (through the core)', () => {
  it('reviewers.importCsv first refuses with the diff as { conflicts }, then applies when the lead confirms', async () => {
    const lead = await createReviewer(ctx, { id: 'R-lead', name: 'Lead', email: 'lead@x.nz', school: '', district: '', roles: ['lead'] }, systemActor('test'));
    const core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
    const csv = `${REVIEWERS}\nR-hana,Hana Kereama,b@y.nz,Kowhai School,North,admin;reviewer\nR-tui,Tui,tui@x.nz,,,reviewer\n`;
    const before = await snapshot();
    const err = (await core.handle('reviewers.importCsv', { csv }, { actor: lead.id }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('conflict');
    expect(err.conflicts).toEqual([
      { entity: 'reviewer', id: 'R-hana', field: 'roles', old: 'reviewer', new: 'admin, reviewer' },
      { entity: 'reviewer', id: 'R-hana', field: 'email', old: 'a@x.nz', new: 'b@y.nz' },
    ]);
    expect(err.issues).toEqual(['- reviewer R-hana: roles reviewer → admin, reviewer; email a@x.nz → b@y.nz']);
    // the new profile waits with the rest: all or nothing
    expect(await snapshot()).toBe(before);
    // both transports carry the body as is; the client rebuilds the same error
    expect(clientError(JSON.parse(JSON.stringify(err.toBody()))).conflicts).toEqual(err.conflicts);
    const done = await core.handle('reviewers.importCsv', { csv, updateExisting: true }, { actor: lead.id });
    expect(done).toEqual({ created: ['R-tui'], updated: ['R-hana'], unchanged: [] });
    expect(await core.handle('reviewers.importCsv', { csv }, { actor: lead.id })).toEqual({ created: [], updated: [], unchanged: ['R-hana', 'R-tui'] });
  });

  it('importReviewers refuses a changed row without the option, naming it', async () => {
    const lead = await createReviewer(ctx, { id: 'R-lead', name: 'Lead', email: 'lead@x.nz', school: '', district: '', roles: ['lead'] }, systemActor('test'));
    await expect(importReviewers(ctx, `${REVIEWERS}\nR-hana,Hana Kereama,a@x.nz,Kowhai School,South,reviewer\n`, lead)).rejects.toThrow(
      'reviewer R-hana: district North → South',
    );
  });
});

describe('credentials earned elsewhere (credit import-external)', () => {
  const HEADER = 'candidate_id,candidate_email,candidate_name,credential_code,credential_title,issuer,awarded_on,expires_on,points,hours,school,district';

  it('a CSV naming a known candidate id with another name and email is refused; with updateExisting the candidate changes', async () => {
    const w = await creditWorld([{ id: 'P-1', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' }]);
    try {
      const content = `${HEADER}\nC-1001,impostor@evil.nz,Not Aroha,FA-8,,Massey University,2024-02-01,,,,,`;
      const before = await snapshot(w.ctx);
      const err = (await importExternal(w.ctx, { fileName: 'e.csv', content }, w.approver).catch((e: unknown) => e)) as ExistingRecordsError;
      expect(err).toBeInstanceOf(ExistingRecordsError);
      expect(err.message).toContain('candidate C-1001: name Aroha Ngata → Not Aroha; email a.ngata@avonside.school.nz → impostor@evil.nz');
      expect(await snapshot(w.ctx)).toBe(before);
      // an approver may add credentials but not rewrite a person: that is for a lead or admin
      await expect(importExternal(w.ctx, { fileName: 'e.csv', content, updateExisting: true }, w.approver)).rejects.toMatchObject({ code: 'forbidden' });
      const report = await importExternal(w.ctx, { fileName: 'e.csv', content, updateExisting: true }, w.lead);
      expect(report).toMatchObject({ imported: 1, candidatesUpdated: ['C-1001'] });
      expect((await audits('candidate.update', w.ctx))[0]).toMatchObject({
        actor: 'R-lead',
        details: { before: { name: 'Aroha Ngata' }, after: { name: 'Not Aroha' } },
      });
      // the same details again: nothing to confirm (and the approver's import attests the record the lead left unverified)
      expect(await importExternal(w.ctx, { fileName: 'e.csv', content }, w.approver)).toMatchObject({ imported: 0, upgraded: 1, candidatesUpdated: [] });
    } finally {
      await w.ctx.close();
    }
  });

  it("an issued badge keeps the identity hash it was issued with after the candidate's email changes", async () => {
    const w = await creditWorld([{ id: 'P-1', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' }]);
    try {
      await w.decide('P-1', 'pass', '2026-03-18T02:00:00Z');
      const first = JSON.parse((await exportPortfolioBadge(w.ctx, 'P-1', w.lead)).content);
      // a later package brings the same candidate with a new email, and a lead applies it
      const dir = tempDir();
      await writePackageFolder(path.join(dir, 'P-2'), { id: 'P-2', candidate: { ...AROHA, email: 'aroha.new@example.nz' } });
      editManifest(path.join(dir, 'P-2'), (m) => (m.credential = 'WCL-8'));
      await importPath(w.ctx, dir, { actor: 'test', updateExisting: true, caller: w.lead });
      expect(await w.ctx.db.get("SELECT email FROM candidates WHERE id = 'C-1001'")).toEqual({ email: 'aroha.new@example.nz' });
      const again = JSON.parse((await exportPortfolioBadge(w.ctx, 'P-1', w.lead)).content);
      const [ident] = again.credentialSubject.identifier;
      expect(ident.identityHash).toBe(first.credentialSubject.identifier[0].identityHash);
      expect(ident.identityHash).toBe(
        `sha256$${crypto
          .createHash('sha256')
          .update(AROHA.email + ident.salt)
          .digest('hex')}`,
      );
    } finally {
      await w.ctx.close();
    }
  });
});

describe('the command line (a real process)', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const run = async (...argv: string[]) => spawnSync(tsx, await onTestDatabase(['src-main/cli/bin.ts', ...argv, '--data', ctx.dataDir]), { encoding: 'utf8' });

  it('import and reviewers import exit 2 naming each conflicting field, and 0 with --update-existing', async () => {
    await ctx.close();
    const csv = path.join(tempDir(), 'reviewers.csv');
    fs.writeFileSync(csv, `${REVIEWERS}\nR-hana,Hana Kereama,b@y.nz,Kowhai School,North,admin;reviewer\n`);
    const refusedImport = await run('import', path.dirname(csv));
    expect(refusedImport.status).toBe(2);
    expect(refusedImport.stderr).toContain('reviewer R-hana: roles reviewer → admin, reviewer; email a@x.nz → b@y.nz');
    expect(refusedImport.stderr).toContain('--update-existing');
    const refusedReviewers = await run('reviewers', 'import', csv);
    expect(refusedReviewers.status).toBe(2);
    expect(refusedReviewers.stderr).toContain('reviewer R-hana: roles reviewer → admin, reviewer; email a@x.nz → b@y.nz');
    const applied = await run('reviewers', 'import', csv, '--update-existing', '--json');
    expect(applied.status).toBe(0);
    expect(JSON.parse(applied.stdout)).toEqual({ created: [], updated: ['R-hana'], unchanged: [] });
    const again = await run('import', path.dirname(csv));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('imported 0 portfolios');
    ctx = await tempServices();
  });

  it('credit import-external exits 2 on a changed candidate and 0 with --update-existing', async () => {
    await ctx.close();
    const file = path.join(tempDir(), 'external.csv');
    fs.writeFileSync(
      file,
      'candidate_id,candidate_email,candidate_name,credential_code,issuer,awarded_on\nC-1,aroha@example.school.nz,Someone Else,TST-8,Massey University,2024-02-01\n',
    );
    const no = await run('credit', 'import-external', file);
    expect(no.status).toBe(2);
    expect(no.stderr).toContain('candidate C-1: name Aroha Ngata → Someone Else');
    const yes = await run('credit', 'import-external', file, '--update-existing');
    expect(yes.status).toBe(0);
    ctx = await tempServices();
  });
});

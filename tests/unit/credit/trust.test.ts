import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateIssuerKey, signBadge } from '../../../src-main/badges';
import type { OpenBadgeCredential } from '../../../src-main/badges';
import { runCli } from '../../../src-main/cli/run';
import { createCore } from '../../../src-main/core/api';
import { createApplication, getApplication } from '../../../src-main/services/credit/applications';
import { exportPortfolioBadge, verifyBadgeFile } from '../../../src-main/services/credit/badges';
import { candidateRecord } from '../../../src-main/services/credit/candidates';
import { importExternal } from '../../../src-main/services/credit/external';
import { savePathway } from '../../../src-main/services/credit/pathways';
import { setCreditSettings } from '../../../src-main/services/credit/settings';
import { addTrustedIssuer, listTrustedIssuers, removeTrustedIssuer } from '../../../src-main/services/credit/trust';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { tempDir } from '../../support/fixtures';
import { AROHA, creditWorld, EDUC581, SIONE, type CreditWorld } from './setup';
import { onTestDatabase } from '../../support/dialect';

/**
 * Open Badges from elsewhere count toward credit only when their proof verifies against the key of an issuer this
 * installation trusts (its own key, or one an admin put on the trust list). Everything here uses real Ed25519 keys
 * (jose, via src-main/badges): another installation's export, a key of an attacker's own.
 */
async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const WAIKATO = { name: 'University of Waikato', url: 'https://waikato.example.nz', email: '', description: '' };

/** Sione's WCL-8, passed at another installation ("Waikato") and exported there as a signed badge, with its public key. */
async function waikatoBadge(): Promise<{ content: string; jwk: string }> {
  const other = await creditWorld([{ id: 'P-77', credential: 'WCL-8', candidate: SIONE, submitted_at: '2024-03-01T09:00:00Z' }], '2026-01-01T00:00:00Z');
  await other.decide('P-77', 'pass', '2024-04-02T02:00:00Z');
  await setCreditSettings(other.ctx, { issuer: WAIKATO }, other.admin);
  const content = (await exportPortfolioBadge(other.ctx, 'P-77', other.approver)).content;
  const jwk = JSON.stringify((await listTrustedIssuers(other.ctx, other.admin)).local!.jwk);
  await other.ctx.close();
  return { content, jwk };
}

/** The badge edited (60 credits, Aroha as recipient stays hashed as is) and re-signed with a key of the attacker's own. */
async function forged(content: string, edit: (d: Record<string, any>) => void): Promise<string> {
  const { proof: _proof, ...doc } = JSON.parse(content) as Record<string, any>;
  edit(doc);
  const mallory = await loadOrCreateIssuerKey(tempDir('ew-mallory-'));
  return JSON.stringify((await signBadge(doc as unknown as OpenBadgeCredential, mallory)).document);
}

let w: CreditWorld;
let badge: { content: string; jwk: string };
beforeEach(async () => {
  w = await creditWorld([
    { id: 'P-5', credential: 'EMP-8', candidate: SIONE, submitted_at: '2026-01-10T09:00:00Z' },
    { id: 'P-6', credential: 'CST-8', candidate: SIONE, submitted_at: '2026-01-12T09:00:00Z' },
    { id: 'P-1', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' },
  ]);
  await w.decide('P-5', 'pass', '2026-02-01T02:00:00Z');
  await w.decide('P-6', 'pass', '2026-02-03T02:00:00Z');
  await w.decide('P-1', 'pass', '2026-03-18T02:00:00Z');
  await savePathway(w.ctx, EDUC581, w.approver);
  badge = await waikatoBadge();
});
afterEach(() => w.ctx.close());

/** Sione's EDUC 581 application: EMP-8 and CST-8 passed here; WCL-8 only from the imported badge. */
const application = () => createApplication(w.ctx, { candidateId: SIONE.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
const wclCheck = async (id: string) => (await getApplication(w.ctx, id, w.approver)).evaluation.checks.find((c) => c.code === 'WCL-8')!;
const trustWaikato = (by: Reviewer = w.admin) => addTrustedIssuer(w.ctx, { issuerId: WAIKATO.url, name: 'The University of Waikato', jwk: badge.jwk }, by);

describe('imported badges count only when a trusted issuer signed them', () => {
  it('an unsigned badge is stored as unverified, with the reason, and never meets a requirement', async () => {
    const { proof: _proof, ...unsigned } = JSON.parse(badge.content) as Record<string, unknown>;
    const report = await importExternal(w.ctx, { fileName: 'unsigned.json', content: JSON.stringify(unsigned) }, w.approver);
    expect(report).toMatchObject({ imported: 1, unverified: [{ line: expect.any(String), reason: expect.stringMatching(/no JwtProof2020 proof/) }] });
    const app = await application();
    expect(app.evaluation.met).toBe(false);
    expect(await wclCheck(app.id)).toMatchObject({
      ok: false,
      status: 'unverified',
      reason: expect.stringMatching(/^Working Collaboratively and Building Leadership Capability: unverified: .*no JwtProof2020 proof/),
    });
    const ext = (await candidateRecord(w.ctx, SIONE.id, w.approver)).external[0]!;
    expect(ext).toMatchObject({ verification: 'unverified', claimedIssuer: 'University of Waikato' });
    expect(ext.issuer).not.toBe('University of Waikato');
    // Trusting Waikato changes nothing: there is no signature to check.
    await trustWaikato();
    expect((await wclCheck(app.id)).ok).toBe(false);
  });

  it('a badge signed by a key nobody trusts is unverified until an admin trusts that issuer; then it counts, under the trusted name', async () => {
    const report = await importExternal(w.ctx, { fileName: 'waikato.json', content: badge.content }, w.approver);
    expect(report.unverified[0]!.reason).toMatch(/nor on the trust list/);
    const app = await application();
    expect(app.evaluation.met).toBe(false);
    expect(await wclCheck(app.id)).toMatchObject({
      status: 'unverified',
      reason: expect.stringMatching(/unverified: signed by key \S+, which is not this installation's key nor on the trust list/),
    });

    await trustWaikato();
    const trusted = await getApplication(w.ctx, app.id, w.approver);
    expect(trusted.evaluation.met).toBe(true);
    expect(await wclCheck(app.id)).toMatchObject({
      ok: true,
      reason: 'Working Collaboratively and Building Leadership Capability: awarded 2024-04-02 by The University of Waikato (external)',
    });
    expect((await candidateRecord(w.ctx, SIONE.id, w.approver)).external[0]).toMatchObject({
      verification: 'verified',
      issuer: 'The University of Waikato',
      claimedIssuer: 'University of Waikato',
    });

    // Taking the issuer off the list takes the credit away again (applications not yet decided re-check).
    const [entry] = (await listTrustedIssuers(w.ctx, w.admin)).issuers;
    await removeTrustedIssuer(w.ctx, entry!.thumbprint, w.admin);
    expect((await getApplication(w.ctx, app.id, w.approver)).evaluation.met).toBe(false);
  });

  it('a badge edited and re-signed with another key, still claiming the trusted issuer, is unverified and shown without the claimed name', async () => {
    await trustWaikato();
    const fake = await forged(badge.content, (d) => (d.credentialSubject.achievement.creditsAvailable = 60));
    expect(JSON.parse(fake).issuer).toMatchObject({ id: WAIKATO.url, name: WAIKATO.name });
    const report = await importExternal(w.ctx, { fileName: 'fake.json', content: fake }, w.approver);
    expect(report.unverified).toHaveLength(1);
    const app = await application();
    expect(app.evaluation.met).toBe(false);
    expect((await wclCheck(app.id)).reason).toMatch(
      /unverified: signed by key \S+, which is not this installation's key nor on the trust list \(the badge claims to be from "University of Waikato"/,
    );
    const ext = (await candidateRecord(w.ctx, SIONE.id, w.approver)).external[0]!;
    expect(ext.verification).toBe('unverified');
    expect(ext.issuer).not.toContain('The University of Waikato');
  });

  it('a trusted key signing for an issuer id other than the one it is trusted for does not count', async () => {
    await addTrustedIssuer(w.ctx, { issuerId: 'https://canterbury.example.nz', name: 'University of Canterbury', jwk: badge.jwk }, w.admin);
    await importExternal(w.ctx, { fileName: 'waikato.json', content: badge.content }, w.approver);
    expect((await wclCheck((await application()).id)).reason).toMatch(
      /unverified: signed with the key of University of Canterbury \(trust list\), but the badge names issuer https:\/\/waikato\.example\.nz/,
    );
  });

  it("a badge signed with this installation's own key is trusted implicitly", async () => {
    const ours = (await exportPortfolioBadge(w.ctx, 'P-1', w.approver)).content;
    const report = await importExternal(w.ctx, { fileName: 'ours.json', content: ours, candidateId: AROHA.id }, w.approver);
    expect(report.unverified).toEqual([]);
    expect((await candidateRecord(w.ctx, AROHA.id, w.approver)).external[0]).toMatchObject({
      verification: 'verified',
      issuer: 'Te Whare Ako Professional Learning',
    });
  });

  it('re-importing the genuine badge upgrades a record first stored unverified', async () => {
    const { proof: _proof, ...unsigned } = JSON.parse(badge.content) as Record<string, unknown>;
    await importExternal(w.ctx, { fileName: 'unsigned.json', content: JSON.stringify(unsigned) }, w.approver);
    await trustWaikato();
    const again = await importExternal(w.ctx, { fileName: 'waikato.json', content: badge.content }, w.approver);
    expect(again).toMatchObject({ imported: 0, upgraded: 1, unverified: [] });
    expect((await candidateRecord(w.ctx, SIONE.id, w.approver)).external).toMatchObject([{ verification: 'verified' }]);
    expect((await application()).evaluation.met).toBe(true);
  });
});

describe('credentials from a CSV carry no proof: they count when an approver or admin attests them', () => {
  const csv =
    'candidate_id,candidate_email,candidate_name,credential_code,issuer,awarded_on\nC-1002,s.tupou@manukau.school.nz,Sione Tupou,WCL-8,University of Waikato,2024-04-02\n';
  it('imported by a lead: unverified; the same file imported by an approver: attested by them, and it counts', async () => {
    const lead = await importExternal(w.ctx, { fileName: 'ext.csv', content: csv }, w.lead);
    expect(lead.unverified).toEqual([
      { line: 'line 2', reason: expect.stringMatching(/imported from a CSV file by Te Rina Walker, who is not a credit approver or admin/) },
    ]);
    const app = await application();
    expect(await wclCheck(app.id)).toMatchObject({ ok: false, status: 'unverified' });
    const approved = await importExternal(w.ctx, { fileName: 'ext.csv', content: csv }, w.approver);
    expect(approved).toMatchObject({ upgraded: 1, unverified: [] });
    expect((await candidateRecord(w.ctx, SIONE.id, w.approver)).external[0]).toMatchObject({
      verification: 'attested',
      verificationNote: 'attested by Dr James Park (R-james), imported from ext.csv',
      issuer: 'University of Waikato',
    });
    expect((await getApplication(w.ctx, app.id, w.approver)).evaluation.met).toBe(true);
  });
});

describe('the trust list', () => {
  it('only admins add and remove entries (checked in the service); credit staff see it; every change is audited', async () => {
    const core = createCore(w.ctx, { name: 'EW', version: 't', shell: 'browser' });
    const add = (who: Reviewer) =>
      core.handle('credit.trustAdd', { issuerId: WAIKATO.url, name: 'The University of Waikato', jwk: badge.jwk }, { actor: who.id });
    for (const who of [w.approver, w.lead, w.reviewer]) await expect(add(who), who.id).rejects.toMatchObject({ code: 'forbidden' });
    const list = (await add(w.admin)) as Awaited<ReturnType<typeof listTrustedIssuers>>;
    expect(list.issuers).toMatchObject([{ issuerId: WAIKATO.url, name: 'The University of Waikato', addedBy: 'R-admin' }]);
    const thumbprint = list.issuers[0]!.thumbprint;
    for (const who of [w.approver, w.lead, w.admin])
      expect(((await core.handle('credit.trustList', {}, { actor: who.id })) as typeof list).issuers).toHaveLength(1);
    await expect(core.handle('credit.trustList', {}, { actor: w.reviewer.id })).rejects.toMatchObject({ code: 'forbidden' });
    for (const who of [w.approver, w.lead, w.reviewer])
      await expect(core.handle('credit.trustRemove', { thumbprint }, { actor: who.id })).rejects.toMatchObject({ code: 'forbidden' });
    await core.handle('credit.trustRemove', { thumbprint }, { actor: w.admin.id });
    const audit = await w.ctx.db.all("SELECT actor, action, entity_id AS entity FROM audit_log WHERE action LIKE 'credit.trust.%' ORDER BY id");
    expect(audit).toEqual([
      { actor: 'R-admin', action: 'credit.trust.add', entity: thumbprint },
      { actor: 'R-admin', action: 'credit.trust.remove', entity: thumbprint },
    ]);
  });

  it('refuses, in words, a key that is not a public key, a duplicate, and a did:jwk issuer that names another key', async () => {
    const bad = (jwk: string, issuerId = WAIKATO.url) => addTrustedIssuer(w.ctx, { issuerId, name: 'X', jwk }, w.admin);
    await expect(bad('{ nope')).rejects.toMatchObject({ code: 'bad_request', message: expect.stringMatching(/not valid JSON/) });
    const withPrivate = JSON.stringify({ ...JSON.parse(badge.jwk), d: 'c2VjcmV0' });
    await expect(bad(withPrivate)).rejects.toMatchObject({ message: expect.stringMatching(/private key/) });
    await expect(bad(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0' }))).rejects.toMatchObject({ message: expect.stringMatching(/not a public key/) });
    await trustWaikato();
    await expect(trustWaikato()).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already on the trust list as The University of Waikato/),
    });
    const other = JSON.stringify((await loadOrCreateIssuerKey(tempDir())).publicJwk);
    const did = `did:jwk:${Buffer.from(badge.jwk).toString('base64url')}`;
    await expect(bad(other, did)).rejects.toMatchObject({ message: expect.stringMatching(/did:jwk .* names a different key/) });
  });
});

describe('cli badge verify and credit trust', () => {
  it('names the proven issuer for a trusted badge, and exits 2 saying the signer is not trusted otherwise', async () => {
    const data = w.ctx.dataDir;
    const dir = tempDir();
    const file = path.join(dir, 'waikato.json');
    fs.writeFileSync(file, badge.content);
    const untrusted = await cli('badge', 'verify', file, '--data', data);
    expect(untrusted.code).toBe(2);
    expect(untrusted.err).toMatch(
      /signature: signed by key \S+, which is not this installation's key nor on the trust list \(the badge claims to be from "University of Waikato"/,
    );

    const jwk = path.join(dir, 'waikato.jwk.json');
    fs.writeFileSync(jwk, badge.jwk);
    const added = await cli('credit', 'trust', 'add', '--issuer', WAIKATO.url, '--name', 'The University of Waikato', '--jwk', jwk, '--data', data);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^trusted The University of Waikato \(https:\/\/waikato\.example\.nz\), key \S+$/);
    const ok = await cli('badge', 'verify', file, '--data', data);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toBe(
      'valid: "Working Collaboratively and Building Leadership Capability" issued by The University of Waikato on 2024-04-02T02:00:00Z (schema, signature and content checked; signed with the key of The University of Waikato on the trust list)',
    );

    const fake = path.join(dir, 'fake.json');
    fs.writeFileSync(fake, await forged(badge.content, (d) => (d.credentialSubject.achievement.creditsAvailable = 60)));
    const forgedRun = await cli('badge', 'verify', fake, '--data', data);
    expect(forgedRun.code).toBe(2);
    expect(forgedRun.err).toMatch(/not this installation's key nor on the trust list/);
    expect(forgedRun.out).not.toMatch(/valid/);

    await exportPortfolioBadge(w.ctx, 'P-1', w.approver); // this installation's key exists once it has signed a badge
    const listed = await cli('credit', 'trust', 'list', '--data', data, '--json');
    const parsed = JSON.parse(listed.out);
    expect(parsed.issuers).toMatchObject([{ issuerId: WAIKATO.url, name: 'The University of Waikato' }]);
    expect(parsed.local).toMatchObject({ name: 'Te Whare Ako Professional Learning', jwk: { kty: 'OKP', crv: 'Ed25519' } });
    expect(parsed.local.jwk.d).toBeUndefined();
    const text = await cli('credit', 'trust', 'list', '--data', data);
    expect(text.out).toContain('The University of Waikato');
    const removed = await cli('credit', 'trust', 'remove', '--key', parsed.issuers[0].thumbprint, '--data', data);
    expect(removed).toMatchObject({ code: 0, out: `removed The University of Waikato (key ${parsed.issuers[0].thumbprint}) from the trust list` });
    expect((await cli('badge', 'verify', file, '--data', data)).code).toBe(2);
    const unknown = await cli('credit', 'trust', 'remove', '--key', 'nope', '--data', data);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/no trusted issuer with key nope/);
  });

  it('verifyBadgeFile reports the proven issuer, never the claimed one', async () => {
    await trustWaikato();
    const r = await verifyBadgeFile(w.ctx, badge.content);
    expect(r).toMatchObject({ ok: true, issuer: 'The University of Waikato' });
    const { proof: _proof, ...unsigned } = JSON.parse(badge.content) as Record<string, unknown>;
    expect(await verifyBadgeFile(w.ctx, JSON.stringify(unsigned))).toMatchObject({ ok: false, issuer: null });
  });
});

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run';
import { createCore } from '../../../src-main/core/api';
import { exportPortfolioBadge, verifyBadgeFile } from '../../../src-main/services/credit/badges';
import { candidateRecord } from '../../../src-main/services/credit/candidates';
import { importExternal } from '../../../src-main/services/credit/external';
import { setCreditSettings } from '../../../src-main/services/credit/settings';
import { addTrustedIssuer, listTrustedIssuers } from '../../../src-main/services/credit/trust';
import { ImportError } from '../../../src-main/services/import/problems';
import { tempDir } from '../../support/fixtures';
import { AROHA, creditWorld, SIONE, type CreditWorld } from './setup';
import { onTestDatabase } from '../../support/dialect';

/** The official OB 3.0 AchievementCredential schema as vendored (2019-09), compiled independently of src-main/badges. */
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const ob3 = ajv.compile(JSON.parse(fs.readFileSync('resources/schemas/ob_v3p0_achievementcredential_schema.json', 'utf8')));
function expectValidOb3(doc: unknown): void {
  expect(ob3(doc), JSON.stringify(ob3.errors, null, 1)).toBe(true);
}

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(await onTestDatabase(argv), { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

let w: CreditWorld;
beforeEach(async () => {
  w = await creditWorld([
    { id: 'P-1', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' },
    { id: 'P-2', credential: 'CST-8', candidate: SIONE, submitted_at: '2026-03-01T09:00:00Z' },
  ]);
  await w.decide('P-1', 'pass', '2026-03-18T02:00:00Z', 'reconciled');
  await w.decide('P-2', 'not_yet', '2026-03-20T02:00:00Z');
});
afterEach(() => w.ctx.close());

describe('Open Badges 3.0 export', () => {
  it('builds an OpenBadgeCredential for a passed micro-credential, valid against the official schema, recipient as a salted email hash', async () => {
    const file = await exportPortfolioBadge(w.ctx, 'P-1', w.lead);
    expect(file).toMatchObject({ mediaType: 'application/json', encoding: 'utf8', count: 1 });
    expect(file.fileName).toMatch(/^EMP-8-[0-9a-f-]{36}-badge\.json$/);
    const doc = JSON.parse(file.content);
    expectValidOb3(doc);
    expect(doc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(doc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(doc.issuer).toMatchObject({ type: ['Profile'], name: 'Te Whare Ako Professional Learning', id: 'https://tewhareako.example.nz' });
    expect(doc.validFrom).toBe('2026-03-18T02:00:00Z');
    expect(doc.validUntil).toBe('2031-03-18T00:00:00Z');
    const a = doc.credentialSubject.achievement;
    expect(a).toMatchObject({
      name: 'Effective Mentoring Practices',
      humanCode: 'EMP-8',
      achievementType: 'MicroCredential',
      creditsAvailable: 5,
      fieldOfStudy: 'Education',
      tag: ['NZQF 8'],
    });
    expect(a.criteria.narrative).toContain('Criteria: Planning; Reflection');
    const [ident] = doc.credentialSubject.identifier;
    expect(ident).toMatchObject({ identityType: 'emailAddress', hashed: true });
    expect(ident.identityHash).toBe(
      `sha256$${crypto
        .createHash('sha256')
        .update(AROHA.email + ident.salt)
        .digest('hex')}`,
    );
    expect(file.content).not.toContain(AROHA.email);
    expect(doc.proof).toMatchObject([{ type: 'JwtProof2020' }]);
    // the signing key lives in the data directory
    expect(fs.existsSync(path.join(w.ctx.dataDir, 'keys', 'issuer-ed25519.json'))).toBe(true);
    expect(await verifyBadgeFile(w.ctx, file.content)).toEqual({
      ok: true,
      problems: [],
      achievement: 'Effective Mentoring Practices',
      issuer: 'Te Whare Ako Professional Learning',
      validFrom: '2026-03-18T02:00:00Z',
      signedHere: true,
    });
    const audit = await w.ctx.db.all("SELECT actor, entity_id AS entity FROM audit_log WHERE action = 'badge.export'");
    expect(audit).toEqual([{ actor: 'R-lead', entity: 'P-1' }]);
  });

  it('re-exporting re-signs the same credential; the issuer profile is configurable', async () => {
    const first = JSON.parse((await exportPortfolioBadge(w.ctx, 'P-1', w.approver)).content);
    await setCreditSettings(
      w.ctx,
      { issuer: { name: 'Kāhui Ako Credentials Office', url: 'https://credentials.kahui.example.nz', email: '', description: '' } },
      w.admin,
    );
    const second = JSON.parse((await exportPortfolioBadge(w.ctx, 'P-1', w.approver)).content);
    expectValidOb3(second);
    expect(second.id).toBe(first.id);
    expect(second.credentialSubject.identifier[0].salt).toBe(first.credentialSubject.identifier[0].salt);
    expect(second.issuer).toEqual({
      id: 'https://credentials.kahui.example.nz',
      type: ['Profile'],
      name: 'Kāhui Ako Credentials Office',
      url: 'https://credentials.kahui.example.nz',
    });
    await expect(setCreditSettings(w.ctx, { issuer: { name: 'x', url: 'https://x.nz', email: '', description: '' } }, w.lead)).rejects.toThrow(
      /needs the role/,
    );
  });

  it('refuses a portfolio that has not passed, and profiles without a credit role', async () => {
    await expect(exportPortfolioBadge(w.ctx, 'P-2', w.approver)).rejects.toMatchObject({
      code: 'conflict',
      message: 'P-2 has not passed, so there is no badge to issue',
    });
    const core = createCore(w.ctx, { name: 'Evidence Workbench', version: 'test', shell: 'browser' });
    await expect(core.handle('credit.badge', { portfolioId: 'P-1' }, { actor: 'R-rev' })).rejects.toMatchObject({ code: 'forbidden' });
    const ok = (await core.handle('credit.badge', { portfolioId: 'P-1' }, { actor: 'R-james' })) as { content: string };
    expectValidOb3(JSON.parse(ok.content));
  });
});

describe('cli badge export / verify', () => {
  it('round trip: a fresh export verifies (exit 0); tampered, re-signed-elsewhere and invalid files exit 2 naming the problem', async () => {
    const data = w.ctx.dataDir;
    const dir = tempDir();
    const file = path.join(dir, 'badge.json');
    const exp = await cli('badge', 'export', '--portfolio', 'P-1', '--out', file, '--data', data);
    expect(exp).toMatchObject({ code: 0, out: `wrote the Open Badges credential of P-1 to ${file}` });
    const original = fs.readFileSync(file, 'utf8');
    expectValidOb3(JSON.parse(original));
    const ok = await cli('badge', 'verify', file, '--data', data, '--require-local-key');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('valid: "Effective Mentoring Practices" issued by Te Whare Ako Professional Learning');
    expect(ok.out).toContain("signed with this installation's issuer key");

    const write = (name: string, edit: (d: any) => void) => {
      const d = JSON.parse(original);
      edit(d);
      const f = path.join(dir, name);
      fs.writeFileSync(f, JSON.stringify(d, null, 2));
      return f;
    };
    const tampered = await cli(
      'badge',
      'verify',
      write('tampered.json', (d) => (d.credentialSubject.achievement.creditsAvailable = 15)),
      '--data',
      data,
    );
    expect(tampered.code).toBe(2);
    expect(tampered.err).toContain('tampered: /credentialSubject/achievement/creditsAvailable differs from the signed credential');

    // Flip one character inside the signature (not the last: its low bits are padding and may not change the bytes).
    const flipSignature = (jwt: string) => {
      const [h, p, sig] = jwt.split('.') as [string, string, string];
      return `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    };
    const badSig = await cli(
      'badge',
      'verify',
      write('sig.json', (d) => (d.proof[0].jwt = flipSignature(d.proof[0].jwt))),
      '--data',
      data,
    );
    expect(badSig.code).toBe(2);
    expect(badSig.err).toMatch(/signature: the VC-JWT signature does not verify/);

    const schema = await cli(
      'badge',
      'verify',
      write('schema.json', (d) => delete d.validFrom),
      '--data',
      data,
    );
    expect(schema.code).toBe(2);
    expect(schema.err).toContain('schema /validFrom');

    fs.writeFileSync(path.join(dir, 'junk.json'), '{ not json');
    const junk = await cli('badge', 'verify', path.join(dir, 'junk.json'), '--data', data);
    expect(junk.code).toBe(2);
    expect(junk.err).toContain('json: the file is not valid JSON');

    // A badge signed by another installation is valid only once its key is on the trust list (tests/unit/credit/trust.test.ts),
    // and never where this installation's key is required.
    const other = await creditWorld([{ id: 'P-9', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' }]);
    await other.decide('P-9', 'pass', '2026-03-18T02:00:00Z');
    const foreign = path.join(dir, 'foreign.json');
    fs.writeFileSync(foreign, (await exportPortfolioBadge(other.ctx, 'P-9', other.approver)).content);
    const otherKey = path.join(dir, 'other.jwk');
    fs.writeFileSync(otherKey, JSON.stringify((await listTrustedIssuers(other.ctx, other.admin)).local!.jwk));
    await other.ctx.close();
    const untrusted = await cli('badge', 'verify', foreign, '--data', data);
    expect(untrusted.code).toBe(2);
    expect(untrusted.err).toMatch(/not this installation's key nor on the trust list/);
    expect(
      (
        await cli(
          'credit',
          'trust',
          'add',
          '--issuer',
          'https://tewhareako.example.nz',
          '--name',
          'Te Whare Ako (other office)',
          '--jwk',
          otherKey,
          '--data',
          data,
        )
      ).code,
    ).toBe(0);
    expect((await cli('badge', 'verify', foreign, '--data', data)).out).toContain('issued by Te Whare Ako (other office)');
    const strict = await cli('badge', 'verify', foreign, '--data', data, '--require-local-key');
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/not by this installation's issuer key/);
    expect((await cli('badge', 'export', '--portfolio', 'P-2', '--out', file, '--data', data)).code).toBe(2);

    // The same through `npm run cli` in a real process (its module loader, its exit status).
    const tsx = path.resolve('node_modules/.bin/tsx');
    const real = spawnSync(tsx, await onTestDatabase(['src-main/cli/bin.ts', 'badge', 'verify', path.join(dir, 'tampered.json'), '--data', data]), {
      encoding: 'utf8',
    });
    expect(real.status).toBe(2);
    expect(real.stderr).toContain('tampered: /credentialSubject/achievement/creditsAvailable differs from the signed credential');
    expect(spawnSync(tsx, await onTestDatabase(['src-main/cli/bin.ts', 'badge', 'verify', file, '--data', data]), { encoding: 'utf8' }).status).toBe(0);
  });
});

describe('importing Open Badges earned elsewhere', () => {
  /** A badge exported by another installation, whose key this one trusts (forged and untrusted ones: trust.test.ts). */
  async function foreignBadge(email: string): Promise<string> {
    const other = await creditWorld(
      [{ id: 'P-77', credential: 'WCL-8', candidate: { ...SIONE, email }, submitted_at: '2024-03-01T09:00:00Z' }],
      '2026-01-01T00:00:00Z',
    );
    await other.decide('P-77', 'pass', '2024-04-02T02:00:00Z');
    await setCreditSettings(
      other.ctx,
      { issuer: { name: 'University of Waikato', url: 'https://waikato.example.nz', email: '', description: '' } },
      other.admin,
    );
    const content = (await exportPortfolioBadge(other.ctx, 'P-77', other.approver)).content;
    const jwk = JSON.stringify((await listTrustedIssuers(other.ctx, other.admin)).local!.jwk);
    await other.ctx.close();
    await addTrustedIssuer(w.ctx, { issuerId: 'https://waikato.example.nz', name: 'University of Waikato', jwk }, w.admin);
    return content;
  }

  it('validates the structure, matches the recipient by hashed email, and keeps it as external with its issuer', async () => {
    const content = await foreignBadge('S.Tupou@Manukau.school.nz');
    const report = await importExternal(w.ctx, { fileName: 'waikato-wcl.json', content }, w.approver);
    expect(report).toMatchObject({ kind: 'badge', imported: 1, candidatesCreated: [], notInCatalogue: [] });
    const r = await candidateRecord(w.ctx, SIONE.id, w.approver);
    expect(r.external).toMatchObject([
      {
        code: 'WCL-8',
        issuer: 'University of Waikato',
        issuerId: 'https://waikato.example.nz',
        source: 'badge',
        awardedOn: '2024-04-02',
        expiresOn: '2029-04-02',
        points: 5,
      },
    ]);
    expect(r.attainments.find((a) => a.source === 'external')).toMatchObject({ code: 'WCL-8', status: 'valid' });
    expect((await importExternal(w.ctx, { fileName: 'waikato-wcl.json', content }, w.approver)).unchanged).toBe(1);
  });

  it('refuses an invalid badge naming the field, and one whose recipient matches nobody unless a candidate is chosen', async () => {
    const content = await foreignBadge('someone.else@example.nz');
    const broken = JSON.parse(content);
    delete broken.credentialSubject.achievement.criteria;
    await expect(importExternal(w.ctx, { fileName: 'b.json', content: JSON.stringify(broken) }, w.approver)).rejects.toThrow(ImportError);
    try {
      await importExternal(w.ctx, { fileName: 'b.json', content: JSON.stringify(broken) }, w.approver);
    } catch (e) {
      expect((e as ImportError).problems[0]).toMatchObject({ source: 'b.json', field: '/credentialSubject/achievement/criteria' });
    }
    await expect(importExternal(w.ctx, { fileName: 'c.json', content }, w.approver)).rejects.toThrow(/matches no candidate by email/);
    expect((await importExternal(w.ctx, { fileName: 'c.json', content, candidateId: SIONE.id }, w.approver)).imported).toBe(1);
    // the bare VC-JWT form is read too
    const jwt = JSON.parse(content).proof[0].jwt as string;
    expect((await importExternal(w.ctx, { fileName: 'd.jwt', content: jwt, candidateId: AROHA.id }, w.approver)).imported).toBe(1);
  });
});

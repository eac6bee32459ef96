import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader, EmbeddedJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAchievementCredential,
  didJwkFor,
  exportBadge,
  loadOrCreateIssuerKey,
  renderBadgeFile,
  signCredential,
  validateCredentialSchema,
  verifyBadgeFile,
} from '../../../src-main/badges';
import type { BuildCredentialInput, IssuerKey, OpenBadgeCredential, VerifyResult } from '../../../src-main/badges';

let dataDir: string;
let key: IssuerKey;
let otherKey: IssuerKey;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-badges-'));
  key = await loadOrCreateIssuerKey(dataDir);
  otherKey = await loadOrCreateIssuerKey(fs.mkdtempSync(path.join(dataDir, 'other-')));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function input(overrides: Partial<BuildCredentialInput> = {}): BuildCredentialInput {
  return {
    issuer: { id: 'https://workbench.example.nz/issuer', name: 'Evidence Workbench — Ōtautahi' },
    credential: {
      code: 'TST-8',
      title: 'Assessment for Learning',
      description: 'Designs and uses formative assessment.',
      criteria_narrative: 'Three scored cycles of formative assessment.',
      level: 'NZQF 8',
      credit_points: 15,
      field_of_study: 'Education',
    },
    recipient: { email: 'ana@school.example.nz', salt: 's4lt' },
    awardedAt: '2026-05-01T09:30:00Z',
    portfolioId: 'P-1001',
    validFrom: '2026-05-01T09:30:00Z',
    credentialId: 'urn:uuid:3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
    ...overrides,
  };
}

const NOW = new Date('2026-06-01T00:00:00Z');
const problemsOf = (r: VerifyResult): string[] => (r.ok ? [] : r.problems);

async function signedFile(i = input(), k = key): Promise<string> {
  return (await renderBadgeFile(buildAchievementCredential(i), k)).text;
}

/** Edits the parsed file and serialises it again, as someone hand-editing the badge would. */
function edit(text: string, change: (doc: any) => void): string {
  const doc = JSON.parse(text);
  change(doc);
  return JSON.stringify(doc, null, 2);
}

describe('signCredential (VC-JWT)', () => {
  it('produces an OB 3.0 VC-JWT that a standard JOSE library verifies with the embedded key', async () => {
    const credential = buildAchievementCredential(input({ validUntil: '2031-05-01T00:00:00Z' }));
    const jws = await signCredential(credential, key);
    const header = decodeProtectedHeader(jws);
    expect(header).toEqual({ alg: 'EdDSA', typ: 'JWT', kid: key.kid, jwk: key.publicJwk });
    const { payload } = await jwtVerify(jws, EmbeddedJWK, { currentDate: NOW });
    expect(payload).toMatchObject({
      iss: 'https://workbench.example.nz/issuer',
      jti: credential.id,
      nbf: Date.parse('2026-05-01T09:30:00Z') / 1000,
      exp: Date.parse('2031-05-01T00:00:00Z') / 1000,
      name: 'Assessment for Learning',
      credentialSubject: credential.credentialSubject,
    });
    expect(payload.sub).toBeUndefined();
    expect(payload.vc).toBeUndefined();
  });

  it('refuses a credential that fails the schema or already has a proof', async () => {
    const credential = buildAchievementCredential(input());
    const broken = { ...credential, validFrom: 'yesterday' } as OpenBadgeCredential;
    await expect(signCredential(broken, key)).rejects.toThrow(/\/validFrom: must match format "date-time"/);
    await expect(signCredential({ ...credential, proof: [] } as unknown as OpenBadgeCredential, key)).rejects.toThrow(/before adding a proof/);
  });
});

describe('badge file round trip', () => {
  it('the exported document validates against the schema as is, and verifies', async () => {
    const rendered = await renderBadgeFile(buildAchievementCredential(input()), key);
    expect(validateCredentialSchema(rendered.document)).toEqual([]);
    expect(rendered.document.proof).toEqual([{ type: 'JwtProof2020', jwt: rendered.jws }]);
    const r = await verifyBadgeFile(rendered.text, { now: NOW, trustedKeys: [key.publicJwk] });
    expect(problemsOf(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.format).toBe('json');
    expect(r.credential).toEqual(JSON.parse(rendered.text));
    expect(r.signer.kid).toBe(key.kid);
    expect(r.summary).toEqual({ achievement: 'Assessment for Learning', issuer: 'Evidence Workbench — Ōtautahi', issuerId: 'https://workbench.example.nz/issuer', validFrom: '2026-05-01T09:30:00Z' });
  });

  it('ignores whitespace, key order and a BOM (the signature covers content, not bytes)', async () => {
    const text = await signedFile();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).reverse()));
    expect((await verifyBadgeFile(`\uFEFF${reordered}\n`, { now: NOW })).ok).toBe(true);
  });

  it('also verifies the bare VC-JWT (the spec .jwt file format)', async () => {
    const { jws } = await renderBadgeFile(buildAchievementCredential(input()), key);
    const r = await verifyBadgeFile(jws, { now: NOW });
    expect(problemsOf(r)).toEqual([]);
    expect(r.ok && r.format).toBe('jwt');
    expect(r.ok && r.credential.name).toBe('Assessment for Learning');
  });

  it('exportBadge writes atomically: the full file, no temp files, into a directory or to a path', async () => {
    const outDir = fs.mkdtempSync(path.join(dataDir, 'out-'));
    const credential = buildAchievementCredential(input());
    const a = await exportBadge(outDir, credential, key);
    expect(a.filePath).toBe(path.join(outDir, 'TST-8-3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e-badge.json'));
    const target = path.join(outDir, 'nested', 'mine.json');
    const b = await exportBadge(target, credential, key);
    expect(b.filePath).toBe(target);
    await exportBadge(target, credential, key); // overwrite in place
    expect(fs.readdirSync(outDir).sort()).toEqual(['TST-8-3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e-badge.json', 'nested']);
    expect(fs.readdirSync(path.join(outDir, 'nested'))).toEqual(['mine.json']);
    expect(fs.readFileSync(target, 'utf8')).toBe(b.text);
    expect((await verifyBadgeFile(fs.readFileSync(a.filePath, 'utf8'), { now: NOW })).ok).toBe(true);
  });

  it('works for unicode content and a did:jwk issuer bound to the signing key', async () => {
    const did = didJwkFor(key.publicJwk);
    const i = input({
      issuer: { id: did, name: 'Te Kura 🏫' },
      credential: { ...input().credential, title: 'Whakaako — 教学 ✅', criteria_narrative: 'Kōrero “tēnā koe”' },
    });
    expect((await verifyBadgeFile(await signedFile(i), { now: NOW })).ok).toBe(true);
    const wrongKey = await verifyBadgeFile(await signedFile(i, otherKey), { now: NOW });
    expect(problemsOf(wrongKey)).toContain('issuer: the did:jwk issuer is not the key that signed the credential');
  });
});

describe('tampering is detected with a named problem', () => {
  it('the credential name', async () => {
    const r = await verifyBadgeFile(edit(await signedFile(), (d) => (d.name = 'Doctor of Everything')), { now: NOW });
    expect(problemsOf(r)).toEqual(['tampered: /name differs from the signed credential']);
  });

  it('credentialSubject fields (recipient hash, credits, achievement)', async () => {
    const text = await signedFile();
    const hash = await verifyBadgeFile(edit(text, (d) => (d.credentialSubject.identifier[0].identityHash = `sha256$${'0'.repeat(64)}`)), { now: NOW });
    expect(problemsOf(hash)).toEqual(['tampered: /credentialSubject/identifier/0/identityHash differs from the signed credential']);
    const credits = await verifyBadgeFile(edit(text, (d) => (d.credentialSubject.achievement.creditsAvailable = 60)), { now: NOW });
    expect(problemsOf(credits)).toEqual(['tampered: /credentialSubject/achievement/creditsAvailable differs from the signed credential']);
    const added = await verifyBadgeFile(edit(text, (d) => (d.credentialSubject.achievement.tag.push('Honours'))), { now: NOW });
    expect(problemsOf(added)).toEqual(['tampered: /credentialSubject/achievement/tag/1 is not in the signed credential']);
  });

  it('the issuer', async () => {
    const text = await signedFile();
    const renamed = await verifyBadgeFile(edit(text, (d) => (d.issuer.name = 'Prestigious University')), { now: NOW });
    expect(problemsOf(renamed)).toEqual(['tampered: /issuer/name differs from the signed credential']);
    const moved = await verifyBadgeFile(edit(text, (d) => (d.issuer.id = 'https://evil.example.com/')), { now: NOW });
    expect(problemsOf(moved)).toEqual(['tampered: /issuer/id differs from the signed credential']);
    const dropped = await verifyBadgeFile(edit(text, (d) => delete d.description), { now: NOW });
    expect(problemsOf(dropped)).toEqual(['tampered: /description was removed from the signed credential']);
  });

  it('the JWS itself: signature, payload or header bytes', async () => {
    const text = await signedFile();
    const jwt: string = JSON.parse(text).proof[0].jwt;
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const flip = (seg: string) => (seg[5] === 'A' ? 'B' : 'A') + seg.slice(1, 5) + (seg[5] === 'A' ? 'B' : 'A') + seg.slice(6);
    for (const forged of [`${h}.${p}.${flip(s)}`, `${h}.${flip(p)}.${s}`]) {
      const r = await verifyBadgeFile(edit(text, (d) => (d.proof[0].jwt = forged)), { now: NOW });
      expect(r.ok).toBe(false);
      expect(problemsOf(r).join('\n')).toMatch(/^signature: /m);
    }
    // A payload re-encoded with a new name but the old signature.
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    payload.name = 'Doctor of Everything';
    const swapped = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    const r = await verifyBadgeFile(edit(text, (d) => ((d.proof[0].jwt = swapped), (d.name = 'Doctor of Everything'))), { now: NOW });
    expect(problemsOf(r)).toEqual([expect.stringMatching(/^signature: the VC-JWT signature does not verify/)]);
    const garbage = await verifyBadgeFile(edit(text, (d) => (d.proof[0].jwt = 'not-a-jws')), { now: NOW });
    expect(problemsOf(garbage)).toEqual(['proof: /proof/0/jwt is not a compact JWS']);
  });

  it('an edited badge re-signed with another key fails against the trusted issuer key', async () => {
    const forged = await signedFile(input({ credential: { ...input().credential, credit_points: 120 } }), otherKey);
    expect((await verifyBadgeFile(forged, { now: NOW })).ok).toBe(true); // consistent in itself…
    const r = await verifyBadgeFile(forged, { now: NOW, trustedKeys: [key.publicJwk] }); // …but not ours
    expect(problemsOf(r)).toEqual([expect.stringMatching(/^signature: signed by key \S+, which is not one of the trusted issuer keys$/)]);
  });

  it('a missing or extra proof', async () => {
    const text = await signedFile();
    expect(problemsOf(await verifyBadgeFile(edit(text, (d) => delete d.proof), { now: NOW }))).toEqual([
      'proof: the file has no JwtProof2020 proof, so nothing vouches for its content',
    ]);
    const extra = await verifyBadgeFile(edit(text, (d) => d.proof.push({ type: 'DataIntegrityProof', proofValue: 'z123' })), { now: NOW });
    expect(problemsOf(extra)).toEqual(['tampered: /proof is not in the signed credential']);
  });
});

describe('schema and other failures', () => {
  it('a file failing the schema names the failing path', async () => {
    const text = await signedFile();
    const r = await verifyBadgeFile(edit(text, (d) => delete d.credentialSubject.achievement.criteria), { now: NOW });
    const problems = problemsOf(r);
    expect(problems).toContain("schema /credentialSubject/achievement/criteria: must have required property 'criteria'");
    expect(problems).toContain('tampered: /credentialSubject/achievement/criteria was removed from the signed credential');
    const wrongType = await verifyBadgeFile(edit(text, (d) => (d.credentialSubject.achievement.creditsAvailable = 'fifteen')), { now: NOW });
    expect(problemsOf(wrongType)).toContain('schema /credentialSubject/achievement/creditsAvailable: must be number');
  });

  it('not JSON, not an object', async () => {
    expect(problemsOf(await verifyBadgeFile('{"@context": ['))[0]).toMatch(/^json: the file is not valid JSON/);
    expect(problemsOf(await verifyBadgeFile('[1, 2]'))).toEqual(['json: the file is not a JSON object']);
  });

  it('outside the validity period', async () => {
    const text = await signedFile(input({ validUntil: '2027-05-01T00:00:00Z' }));
    expect(problemsOf(await verifyBadgeFile(text, { now: new Date('2026-04-30T00:00:00Z') }))).toEqual(['validity: the credential is not valid before 2026-05-01T09:30:00Z']);
    expect(problemsOf(await verifyBadgeFile(text, { now: new Date('2028-01-01T00:00:00Z') }))).toEqual(['validity: the credential expired on 2027-05-01T00:00:00Z']);
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { BadgeError, buildAchievementCredential, identityHash, validateCredentialSchema } from '../../../src-main/badges';
import type { BuildCredentialInput } from '../../../src-main/badges';

// An independent Ajv instance on the vendored file, so the test does not just trust the module's own validator.
const schema = JSON.parse(fs.readFileSync(path.join('resources/schemas/ob_v3p0_achievementcredential_schema.json'), 'utf8')) as object;
const ajv = new Ajv2019({ allErrors: true, strict: true, strictTuples: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function input(overrides: Partial<BuildCredentialInput> = {}): BuildCredentialInput {
  return {
    issuer: { id: 'https://workbench.example.nz/issuer', name: 'Evidence Workbench Test Issuer', url: 'https://workbench.example.nz', email: 'badges@example.nz' },
    credential: {
      code: 'TST-8',
      title: 'Assessment for Learning',
      description: 'Designs and uses formative assessment to move learning on.',
      criteria_narrative: 'A portfolio showing **three** cycles of formative assessment, scored at Proficient or above.',
      level: 'NZQF 8',
      credit_points: 15,
      field_of_study: 'Education',
    },
    recipient: { email: 'ana.teacher@school.example.nz', salt: 'c0ffee-salt' },
    awardedAt: new Date('2026-05-01T09:30:00Z'),
    portfolioId: 'P-1001',
    validFrom: '2026-05-01T09:30:00Z',
    credentialId: 'urn:uuid:3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e',
    ...overrides,
  };
}

const sha256hex = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');

describe('buildAchievementCredential', () => {
  const variants: Array<[string, BuildCredentialInput]> = [
    ['a URL issuer with every optional field', input()],
    ['a DID issuer, no url/email, with validUntil', input({ issuer: { id: 'did:web:workbench.example.nz', name: 'Workbench' }, validUntil: new Date('2029-05-01T00:00:00Z') })],
    [
      'unicode names and text (te reo Māori, CJK, emoji)',
      input({
        issuer: { id: 'https://kura.example.nz/', name: 'Te Kura o Ōtautahi 🏫' },
        credential: { code: 'MĀ-7', title: 'Te Reo Māori i te Akomanga — 教学', description: 'Whakaako ā-reo; 中文描述 ✅', criteria_narrative: 'Kōrero: “tēnā koe”', level: 'NZQF 7', credit_points: 7.5 },
        recipient: { email: 'Hēmi.Pōtae@kura.example.nz', salt: 'ñ-salt-ü' },
      }),
    ],
    ['zero credits and no field of study', input({ credential: { ...input().credential, credit_points: 0, field_of_study: undefined } })],
  ];

  it.each(variants)('validates against the vendored OB 3.0 schema: %s', (_name, i) => {
    const credential = buildAchievementCredential(i);
    expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    expect(validateCredentialSchema(credential)).toEqual([]);
  });

  it('has the OB 3.0 / VC 2.0 shape', () => {
    const c = buildAchievementCredential(input({ validUntil: '2030-01-01T00:00:00.000Z' }));
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.id).toBe('urn:uuid:3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e');
    expect(c.issuer).toEqual({ id: 'https://workbench.example.nz/issuer', type: ['Profile'], name: 'Evidence Workbench Test Issuer', url: 'https://workbench.example.nz', email: 'badges@example.nz' });
    expect(c.validFrom).toBe('2026-05-01T09:30:00Z');
    expect(c.validUntil).toBe('2030-01-01T00:00:00Z');
    expect(c.awardedDate).toBe('2026-05-01T09:30:00Z');
    const a = c.credentialSubject.achievement;
    expect(c.credentialSubject.type).toEqual(['AchievementSubject']);
    expect(a).toMatchObject({
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      name: 'Assessment for Learning',
      humanCode: 'TST-8',
      creditsAvailable: 15,
      fieldOfStudy: 'Education',
      tag: ['NZQF 8'],
      criteria: { narrative: expect.stringContaining('three') },
    });
    expect(a.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.evidence[0]!.name).toContain('P-1001');
    expect(JSON.stringify(c)).not.toContain('ana.teacher@school.example.nz');
  });

  it('gives one achievement id per issuer + code, whoever the recipient', () => {
    const a = buildAchievementCredential(input()).credentialSubject.achievement.id;
    const b = buildAchievementCredential(input({ recipient: { email: 'other@example.nz', salt: 'x' }, credentialId: 'urn:uuid:00000000-0000-4000-8000-000000000001' })).credentialSubject.achievement.id;
    const c = buildAchievementCredential(input({ credential: { ...input().credential, code: 'TST-9' } })).credentialSubject.achievement.id;
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('drops sub-second precision so validFrom equals the JWT nbf', () => {
    const c = buildAchievementCredential(input({ validFrom: new Date('2026-05-01T09:30:00.987Z') }));
    expect(c.validFrom).toBe('2026-05-01T09:30:00Z');
  });

  it('rejects unusable input with named problems', () => {
    const bad = input({ issuer: { id: 'workbench', name: ' ' }, credentialId: '1234', recipient: { email: 'nobody', salt: '' } });
    expect(() => buildAchievementCredential(bad)).toThrow(BadgeError);
    try {
      buildAchievementCredential(bad);
    } catch (err) {
      const problems = (err as BadgeError).problems.join('\n');
      expect(problems).toMatch(/issuer\.id/);
      expect(problems).toMatch(/issuer\.name/);
      expect(problems).toMatch(/credentialId must be a urn:uuid/);
      expect(problems).toMatch(/recipient\.email/);
      expect(problems).toMatch(/recipient\.salt/);
    }
    expect(() => buildAchievementCredential(input({ validFrom: 'not a date' }))).toThrow(/validFrom is not a valid date/);
    expect(() => buildAchievementCredential(input({ validUntil: '2020-01-01T00:00:00Z' }))).toThrow(/not after validFrom/);
  });
});

describe('identity hash', () => {
  it('is "sha256$" + hex sha256(email + salt)', () => {
    const c = buildAchievementCredential(input());
    const id = c.credentialSubject.identifier[0]!;
    expect(id).toEqual({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'c0ffee-salt', identityHash: `sha256$${sha256hex('ana.teacher@school.example.nz' + 'c0ffee-salt')}` });
  });

  it('matches the OB 3.0 spec example', () => {
    expect(identityHash('a@example.com', 'Kosher')).toBe('sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399');
  });

  it('hashes the trimmed, lower-cased address (UTF-8), as the badge importer matches it', () => {
    expect(identityHash('  Hēmi.Pōtae@Kura.example.nz ', 'ñ')).toBe(`sha256$${sha256hex('hēmi.pōtae@kura.example.nz' + 'ñ')}`);
  });
});

describe('validateCredentialSchema', () => {
  it('names the failing JSON pointer', () => {
    const c = buildAchievementCredential(input()) as unknown as Record<string, any>;
    delete c.credentialSubject.achievement.criteria;
    c.credentialSubject.identifier[0].identityType = 'shoeSize';
    c['@context'] = ['https://www.w3.org/2018/credentials/v1', c['@context'][1]];
    const problems = validateCredentialSchema(c);
    expect(problems).toContain("/credentialSubject/achievement/criteria: must have required property 'criteria'");
    expect(problems.some((p) => p.startsWith('/credentialSubject/identifier/0/identityType: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('/@context/0: must be one of "https://www.w3.org/ns/credentials/v2"'))).toBe(true);
    expect(validateCredentialSchema('nope')).toEqual(['/: must be object']);
  });
});

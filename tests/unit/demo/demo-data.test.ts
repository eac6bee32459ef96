import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PortfolioManifestSchema, MEDIA_TYPES, type PortfolioManifest } from '../../../src-shared/domain/portfolio';
import { RubricSchema, type Rubric } from '../../../src-shared/domain/rubric';
import { CredentialsFileSchema } from '../../../src-shared/domain/credential';
import { verifyDemo } from '../../../scripts/demo/verify';
import { MediaCache, manifestFor, packageFiles } from '../../../scripts/demo/build';
import { PORTFOLIOS } from '../../../scripts/demo/portfolios';
import { CREDENTIALS_FILE, RUBRICS } from '../../../scripts/demo/content';
import { writePackage } from '../../../scripts/demo/package';

const ROOT = fileURLToPath(new URL('../../../resources/demo', import.meta.url));
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
const sha256 = (data: Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

const rubrics: Rubric[] = fs
  .readdirSync(path.join(ROOT, 'rubrics'))
  .sort()
  .map((f) => RubricSchema.parse(readJson(path.join(ROOT, 'rubrics', f))));
const credentials = CredentialsFileSchema.parse(readJson(path.join(ROOT, 'credentials.json'))).credentials;
const portfolioIds = fs.readdirSync(path.join(ROOT, 'portfolios')).sort();
const manifests: PortfolioManifest[] = portfolioIds.map((id) => PortfolioManifestSchema.parse(readJson(path.join(ROOT, 'portfolios', id, 'manifest.json'))));

/** Media type → how its first bytes must look. */
function signatureOk(data: Buffer, mediaType: string): boolean {
  switch (mediaType) {
    case 'application/pdf':
      return data.subarray(0, 5).toString('latin1') === '%PDF-';
    case 'video/mp4':
      return data.subarray(4, 8).toString('latin1') === 'ftyp';
    case 'video/webm':
      return data.subarray(0, 4).toString('hex') === '1a45dfa3';
    case 'image/png':
      return data.subarray(0, 8).toString('hex') === '89504e470d0a1a0a';
    case 'image/jpeg':
      return data.subarray(0, 3).toString('hex') === 'ffd8ff';
    default:
      return false;
  }
}

describe('demo catalogue', () => {
  it('has only the expected top-level entries (so the folder imports cleanly as a batch)', () => {
    expect(fs.readdirSync(ROOT).sort()).toEqual(['activity', 'credentials.json', 'portfolios', 'reviewers.csv', 'rubrics']);
  });

  it('has one rubric per credential, named after its id, with 4-5 criteria of four levels', () => {
    expect(rubrics).toHaveLength(credentials.length);
    for (const r of rubrics) {
      expect(fs.existsSync(path.join(ROOT, 'rubrics', `${r.id}.json`))).toBe(true);
      expect(r.version).toBe(1);
      expect(r.criteria.length).toBeGreaterThanOrEqual(4);
      expect(r.criteria.length).toBeLessThanOrEqual(5);
      const critical = r.criteria.filter((c) => c.critical).length;
      expect(critical).toBeGreaterThanOrEqual(1);
      expect(critical).toBeLessThanOrEqual(2);
      for (const c of r.criteria) {
        expect(c.levels.map((l) => l.score)).toEqual([1, 2, 3, 4]);
        expect(c.levels.map((l) => l.label)).toEqual(['Beginning', 'Developing', 'Proficient', 'Exemplary']);
        for (const l of c.levels) expect(l.descriptor.length).toBeGreaterThan(40);
        expect(c.guidance.length).toBeGreaterThan(40);
      }
      expect(r.decision_rule.type).toBe('all_at_least');
      expect(r.feedback_templates?.pass).toBeTruthy();
      expect(r.feedback_templates?.not_yet).toBeTruthy();
    }
    expect(rubrics.some((r) => r.decision_rule.type === 'all_at_least' && r.decision_rule.min_level === 2 && r.decision_rule.critical_min_level === 3)).toBe(true);
  });

  it('lists NZQF 8, 5-credit credentials that each point at an existing rubric', () => {
    expect(credentials.map((c) => c.code)).toEqual(expect.arrayContaining(['EMP-8', 'WCL-8', 'CST-8']));
    for (const c of credentials) {
      expect(c.level).toBe('NZQF 8');
      expect(c.credit_points).toBe(5);
      expect(c.validity_years).toBe(5);
      expect(rubrics.some((r) => r.id === c.rubric.id && r.version === c.rubric.version)).toBe(true);
    }
  });
});

describe('demo portfolios', () => {
  it('has at least 14 portfolios, each in a folder named after its id', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(14);
    manifests.forEach((m, i) => expect(m.id).toBe(portfolioIds[i]));
  });

  it('spreads candidates over 5+ schools in 3 districts, submitted March to October 2026', () => {
    expect(new Set(manifests.map((m) => m.candidate.school)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(manifests.map((m) => m.candidate.district)).size).toBe(3);
    const months = manifests.map((m) => m.submitted_at.slice(0, 7));
    expect(months.every((mo) => mo >= '2026-03' && mo <= '2026-10')).toBe(true);
    expect(new Set(months).size).toBeGreaterThanOrEqual(7);
    const byCandidate = new Map<string, Set<string>>();
    for (const m of manifests) byCandidate.set(m.candidate.id, (byCandidate.get(m.candidate.id) ?? new Set()).add(m.credential));
    expect([...byCandidate.values()].some((s) => s.size >= 3)).toBe(true);
    expect(manifests.some((m) => m.tests?.pre !== undefined && m.tests.post !== undefined)).toBe(true);
  });

  it('gives each portfolio 2-4 responses and 2-5 evidence items', () => {
    for (const m of manifests) {
      expect(m.responses.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.responses.length, m.id).toBeLessThanOrEqual(4);
      expect(m.evidence.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.evidence.length, m.id).toBeLessThanOrEqual(5);
      for (const r of m.responses) expect(r.text.length, `${m.id}: ${r.prompt}`).toBeGreaterThan(250);
    }
  });

  it('matches every evidence and caption file to its manifest bytes, sha256 and type signature', () => {
    for (const m of manifests) {
      const dir = path.join(ROOT, 'portfolios', m.id);
      const listed = new Set(['manifest.json']);
      for (const e of m.evidence) {
        const data = fs.readFileSync(path.join(dir, e.file));
        listed.add(e.file);
        expect(data.byteLength, `${m.id}/${e.file}`).toBe(e.bytes);
        expect(sha256(data), `${m.id}/${e.file}`).toBe(e.sha256);
        expect(MEDIA_TYPES[e.media_type], `${m.id}/${e.file}`).toBe(e.kind);
        expect(signatureOk(data, e.media_type), `${m.id}/${e.file} should look like ${e.media_type}`).toBe(true);
        for (const c of e.captions) {
          const vtt = fs.readFileSync(path.join(dir, c.file));
          listed.add(c.file);
          expect(vtt.byteLength).toBe(c.bytes);
          expect(sha256(vtt)).toBe(c.sha256);
          expect(vtt.subarray(0, 6).toString('latin1')).toBe('WEBVTT');
        }
      }
      const onDisk = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
      for (const d of onDisk) expect(listed.has(path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))).toBe(true);
    }
  });

  it('includes PDFs, WebM and MP4 video, captions and images, and reuses video bytes across portfolios', () => {
    const all = manifests.flatMap((m) => m.evidence);
    for (const t of ['application/pdf', 'video/webm', 'video/mp4']) expect(all.some((e) => e.media_type === t), t).toBe(true);
    expect(all.some((e) => e.kind === 'image')).toBe(true);
    expect(all.some((e) => e.captions.length > 0)).toBe(true);
    const videoHashes = all.filter((e) => e.kind === 'video').map((e) => e.sha256);
    expect(new Set(videoHashes).size).toBeLessThan(videoHashes.length);
  });

  it('only claims criteria that exist in the credential\'s rubric', () => {
    for (const m of manifests) {
      const cred = credentials.find((c) => c.code === m.credential)!;
      expect(cred, m.id).toBeDefined();
      const rubric = rubrics.find((r) => r.id === cred.rubric.id && r.version === cred.rubric.version)!;
      const ids = new Set(rubric.criteria.map((c) => c.id));
      for (const e of m.evidence) {
        expect(e.criteria.length, `${m.id}/${e.id}`).toBeGreaterThan(0);
        for (const c of e.criteria) expect(ids.has(c), `${m.id}/${e.id} claims ${c}`).toBe(true);
      }
    }
  });

  it('links each resubmission to an earlier attempt of the same candidate and credential', () => {
    const resubmissions = manifests.filter((m) => m.resubmission_of);
    expect(resubmissions.length).toBeGreaterThanOrEqual(1);
    for (const m of resubmissions) {
      const earlier = manifests.find((x) => x.id === m.resubmission_of);
      expect(earlier, m.id).toBeDefined();
      expect(earlier!.candidate.id).toBe(m.candidate.id);
      expect(earlier!.credential).toBe(m.credential);
      expect(earlier!.attempt).toBe(1);
      expect(m.attempt).toBe(2);
      expect(Date.parse(earlier!.submitted_at)).toBeLessThan(Date.parse(m.submitted_at));
    }
  });

  it('passes the generator\'s own verification and stays under 8 MB', () => {
    const { problems, contents } = verifyDemo(ROOT);
    expect(problems).toEqual([]);
    expect(contents.totalBytes).toBeLessThan(8 * 1024 * 1024);
  });
});

describe('committed demo data is up to date with the generator', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-demo-test-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('has the rubrics and credentials the content modules define', () => {
    for (const r of RUBRICS) expect(readJson(path.join(ROOT, 'rubrics', `${r.id}.json`))).toEqual(r);
    expect(readJson(path.join(ROOT, 'credentials.json'))).toEqual(CREDENTIALS_FILE);
  });

  it('rebuilds every package (PDFs, captions, manifest) byte for byte, reusing committed media', async () => {
    const media = new MediaCache();
    media.loadFrom(path.join(ROOT, 'portfolios'));
    expect(PORTFOLIOS.map((p) => p.id)).toEqual(portfolioIds);
    for (const plan of PORTFOLIOS) {
      const files = await packageFiles(plan, media);
      const dir = path.join(tmp, plan.id);
      await writePackage(dir, manifestFor(plan), files);
      for (const rel of [...Object.keys(files), 'manifest.json']) {
        const expected = fs.readFileSync(path.join(ROOT, 'portfolios', plan.id, rel));
        const actual = fs.readFileSync(path.join(dir, rel));
        expect(actual.equals(expected), `${plan.id}/${rel} differs: run npm run demo:generate`).toBe(true);
      }
    }
    expect(media.generated).toEqual([]);
  });
});

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PortfolioManifestSchema } from '../../../src-shared/domain/portfolio';
import { writePackage, type ManifestWithoutHashes } from '../../../scripts/demo/package';
import { makeCorruptPdf } from '../../../scripts/demo/pdf';
import { clipArgs, webVtt, wrapWords } from '../../../scripts/demo/video';
import { CLIPS } from '../../../scripts/demo/media';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-pkg-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const base = (): ManifestWithoutHashes => ({
  format: 'evidence-workbench/portfolio@1',
  id: 'P-TEST-1',
  credential: 'EMP-8',
  candidate: { id: 'C-1', name: 'Test Candidate', email: 't.candidate@example.school.nz', school: 'Test School', district: 'Test District' },
  submitted_at: '2026-05-01T10:00:00+12:00',
  responses: [{ prompt: 'Why?', text: 'Because.' }],
  evidence: [
    {
      id: 'E1',
      title: 'Clip',
      kind: 'video',
      file: 'evidence/clip.webm',
      media_type: 'video/webm',
      criteria: ['emp-relationship'],
      captions: [{ file: 'evidence/clip.en.vtt' }],
    },
    { id: 'E2', title: 'Doc', kind: 'pdf', file: 'evidence/doc.pdf', media_type: 'application/pdf' },
  ],
});

describe('writePackage', () => {
  it('computes bytes and sha256 for evidence and captions and writes a valid manifest', async () => {
    const dir = tmp();
    const webm = Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]);
    const vtt = new TextEncoder().encode(webVtt([[0, 1.5, 'Kia ora']]));
    const pdf = makeCorruptPdf();
    const out = await writePackage(dir, base(), { 'evidence/clip.webm': webm, 'evidence/clip.en.vtt': vtt, 'evidence/doc.pdf': pdf });
    const written = PortfolioManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
    expect(written.evidence[0]!.bytes).toBe(webm.byteLength);
    expect(written.evidence[0]!.sha256).toBe(crypto.createHash('sha256').update(webm).digest('hex'));
    expect(written.evidence[0]!.captions[0]!.sha256).toBe(crypto.createHash('sha256').update(vtt).digest('hex'));
    expect(written.evidence[1]!.bytes).toBe(pdf.byteLength);
    expect(out.evidence[1]!.sha256).toBe(written.evidence[1]!.sha256);
    expect(fs.readFileSync(path.join(dir, 'evidence/doc.pdf')).equals(Buffer.from(pdf))).toBe(true);
  });

  it('keeps explicitly given hashes (to build a broken package) and writes unlisted files too', async () => {
    const dir = tmp();
    const m = base();
    m.evidence = [{ id: 'E2', title: 'Doc', kind: 'pdf', file: 'evidence/doc.pdf', media_type: 'application/pdf', bytes: 1, sha256: '0'.repeat(64) }];
    const out = await writePackage(dir, m, { 'evidence/doc.pdf': makeCorruptPdf(), 'stray.txt': new TextEncoder().encode('hi') });
    expect(out.evidence[0]!.sha256).toBe('0'.repeat(64));
    expect(fs.existsSync(path.join(dir, 'stray.txt'))).toBe(true);
  });

  it('refuses a missing file without hashes, and an invalid manifest unless validation is off', async () => {
    await expect(writePackage(tmp(), base(), {})).rejects.toThrow(/no bytes given/);
    const bad = { ...base(), evidence: [{ id: 'E1', title: 'x', kind: 'image' as const, file: 'a.pdf', media_type: 'application/pdf' }] };
    const files = { 'a.pdf': makeCorruptPdf() };
    await expect(writePackage(tmp(), bad, files)).rejects.toThrow(/does not match media type/);
    await expect(writePackage(tmp(), bad, files, { validate: false })).resolves.toBeDefined();
  });
});

describe('video helpers', () => {
  it('writes WebVTT with numbered cues and millisecond timestamps', () => {
    expect(webVtt([[0.5, 3.25, 'Kia ora'], [61, 62, 'Ka pai']])).toBe(
      'WEBVTT\n\n1\n00:00:00.500 --> 00:00:03.250\nKia ora\n\n2\n00:01:01.000 --> 00:01:02.000\nKa pai\n',
    );
  });

  it('builds ffmpeg commands for VP9/Opus WebM and H.264/AAC MP4 at 640x360', () => {
    const webm = clipArgs(CLIPS.scienceGroupInquiry.spec, 'webm', '/tmp/out.webm', os.tmpdir());
    expect(webm).toEqual(expect.arrayContaining(['libvpx-vp9', 'libopus', '/tmp/out.webm']));
    const mp4 = clipArgs(CLIPS.scienceGroupInquiry.spec, 'mp4', '/tmp/out.mp4', os.tmpdir());
    expect(mp4).toEqual(expect.arrayContaining(['libx264', 'aac', '+faststart']));
    expect(mp4.join(' ')).toContain('640x360');
    for (const clip of Object.values(CLIPS)) {
      expect(clip.spec.seconds).toBeGreaterThanOrEqual(8);
      expect(clip.spec.seconds).toBeLessThanOrEqual(15);
      for (const [start, end] of clip.cues ?? []) expect(end).toBeLessThanOrEqual(clip.spec.seconds);
    }
  });

  it('wraps sticky-note text by words', () => {
    expect(wrapWords('Exit tickets show confusion about variables', 14)).toBe('Exit tickets\nshow confusion\nabout\nvariables');
  });
});

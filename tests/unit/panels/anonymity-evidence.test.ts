/**
 * Evidence that names its candidate: found at import in real PDFs (text layer, Info dictionary, XMP) and WebVTT
 * captions and written responses; reported to the lead where review is anonymous, never stored as text; PDF metadata
 * stripped from the copy reviewers get.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createCore, type Core } from '../../../src-main/core/api';
import { importPath, type ImportReport } from '../../../src-main/services/import/importer';
import { createReviewer } from '../../../src-main/services/reviewers';
import { setPolicy } from '../../../src-main/services/panels/policies';
import { claim } from '../../../src-main/services/panels/assignments';
import { exportBundle } from '../../../src-main/services/panels/bundles/export-bundle';
import { demoDir } from '../../../src-main/core/paths';
import { runCli } from '../../../src-main/cli/run';
import type { Services } from '../../../src-main/core/services';
import type { PortfolioDetail } from '../../../src-shared/contracts/portfolio';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { writePackage } from '../../../scripts/demo/package';
import { webVtt } from '../../../scripts/demo/video';
import { tempDir, tempServices, writeCatalogue } from '../../support/fixtures';
import { pdfText } from '../../support/pdf-text';
import { onTestDatabase } from '../../support/dialect';

const CANDIDATE = { id: 'C-9', name: 'Zoë Adams', email: 'zoe.adams@rimu.school.nz', school: 'Rimu School', district: 'Secret Bay' };

/** A real PDF naming the candidate on page 2 (upper case, no accent), in Author, Title and an XMP stream; page 1 has near misses. */
async function namingPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setAuthor('Zoë Adams');
  doc.setTitle('Unit plan by Zoe Adams');
  doc.setSubject('Evidence');
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Zoe Adams</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const stream = doc.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  const p1 = doc.addPage([595, 842]);
  p1.drawText('Zoey Adamson and Rimu Schools nearby: not our candidate.', { x: 50, y: 780, size: 12, font });
  const p2 = doc.addPage([595, 842]);
  p2.drawText('Reflection', { x: 50, y: 780, size: 18, font });
  p2.drawText('ZOE ADAMS - RIMU SCHOOL - Portfolio P-9', { x: 50, y: 40, size: 9, font });
  return doc.save();
}

let ctx: Services;
let core: Core;
let admin: Reviewer;
let reviewer: Reviewer;

async function importNaming(anonymous: boolean, cliOut?: string[]): Promise<ImportReport> {
  const work = tempDir();
  writeCatalogue(work);
  await importPath(ctx, work, { actor: 'test' });
  admin = await createReviewer(ctx, { name: 'Ada Admin', email: 'ada@example.nz', school: '', district: '', roles: ['admin'] }, null);
  reviewer = await createReviewer(
    ctx,
    { name: 'Rangi Reviewer', email: 'rangi@example.nz', school: 'Other School', district: 'South', roles: ['reviewer'] },
    admin,
  );
  await setPolicy(ctx, 'TST-8', { anonymous, reviews_required: 1 }, admin);
  const pkg = path.join(work, 'P-9');
  await writePackage(
    pkg,
    {
      format: 'evidence-workbench/portfolio@1',
      id: 'P-9',
      credential: 'TST-8',
      candidate: CANDIDATE,
      submitted_at: '2026-05-01T10:00:00+12:00',
      responses: [
        { prompt: 'Context', text: 'I teach Year 9 science.' },
        { prompt: 'Contact', text: 'Write to ZOE.ADAMS@RIMU.SCHOOL.NZ with questions.' },
      ],
      evidence: [
        { id: 'E1', title: 'Unit plan', kind: 'pdf', file: 'plan.pdf', media_type: 'application/pdf', criteria: ['planning'] },
        {
          id: 'E2',
          title: 'Lesson clip',
          kind: 'video',
          file: 'clip.webm',
          media_type: 'video/webm',
          criteria: ['reflection'],
          captions: [{ file: 'clip.en.vtt' }],
        },
      ],
    },
    {
      'plan.pdf': await namingPdf(),
      'clip.webm': Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3]),
      'clip.en.vtt': new TextEncoder().encode(
        webVtt([
          [0, 2, 'Morena everyone.'],
          [2, 4, "Kia ora, I'm Zoe Adams from Rimu School."],
        ]),
      ),
    },
  );
  if (!cliOut) return importPath(ctx, pkg, { actor: 'test' });
  expect(await runCli(await onTestDatabase(['import', pkg, '--data', ctx.dataDir]), { out: (t) => cliOut.push(t), err: (t) => cliOut.push(t) })).toBe(0);
  return { identity: [] } as unknown as ImportReport;
}

beforeEach(async () => {
  ctx = await tempServices();
  core = createCore(ctx, { name: 'EW', version: 't', shell: 'browser' });
});
afterEach(() => ctx.close());

const EXPECTED = [
  { evidence: 'E1', location: 'metadata Author', field: 'name' },
  { evidence: 'E1', location: 'metadata Title', field: 'name' },
  { evidence: 'E1', location: 'metadata XMP', field: 'name' },
  { evidence: 'E1', location: 'p.2', field: 'name' },
  { evidence: 'E1', location: 'p.2', field: 'school' },
  { evidence: 'E2', location: 'cue 2', field: 'name' },
  { evidence: 'E2', location: 'cue 2', field: 'school' },
  { evidence: null, location: 'response 2', field: 'email' },
];

async function metadataOf(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: VerbosityLevel.ERRORS }).promise;
  try {
    return await doc.getMetadata();
  } finally {
    await doc.destroy();
  }
}

const detailAs = async (who: Reviewer) => (await core.handle('portfolio.get', { id: 'P-9' }, { actor: who.id })) as PortfolioDetail;

describe('identity scan at import', () => {
  it('finds the name, email and school in PDF text and metadata, captions and responses (case and accents folded, whole words) and warns the lead', async () => {
    const report = await importNaming(true);
    expect(report.identity).toEqual([
      {
        portfolio: 'P-9',
        findings: EXPECTED,
        warning:
          'Evidence may identify the candidate: E1 metadata Author (name), E1 metadata Title (name), E1 metadata XMP (name), E1 p.2 (name), E1 p.2 (school), E2 cue 2 (name), E2 cue 2 (school), response 2 (email)',
      },
    ]);
    // The badge on the portfolio, for leads; reviewers are only told that identity is withheld.
    expect((await detailAs(admin)).identity).toEqual({ anonymousReview: true, withheld: false, findings: EXPECTED });
    expect((await detailAs(reviewer)).identity).toEqual({ anonymousReview: true, withheld: true, findings: [] });
  });

  it('the CLI says it after the summary', async () => {
    const out: string[] = [];
    await importNaming(true, out);
    expect(out.at(-1)).toBe(
      'warning: P-9 is under anonymous review. Evidence may identify the candidate: E1 metadata Author (name), E1 metadata Title (name), E1 metadata XMP (name), E1 p.2 (name), E1 p.2 (school), E2 cue 2 (name), E2 cue 2 (school), response 2 (email)',
    );
  });

  it('stores where, never what: no finding row holds the name, email or school', async () => {
    await importNaming(true);
    const rows = JSON.stringify(await ctx.db.all('SELECT * FROM identity_findings'));
    expect(rows).toContain('p.2');
    for (const s of ['Zo', 'Adams', 'rimu', 'Rimu']) expect(rows).not.toContain(s);
  });

  it('gives reviewers a copy of the PDF without Author, Title or XMP, and leads the original; the text layer stays', async () => {
    await importNaming(true);
    const original = (await detailAs(admin)).evidence[0]!;
    const copy = (await detailAs(reviewer)).evidence[0]!;
    expect(copy.sha256).not.toBe(original.sha256);
    expect(copy.fileName).toBe('E1.pdf');
    const bytes = fs.readFileSync(ctx.store.pathFor(copy.sha256));
    expect(copy.bytes).toBe(bytes.length);
    expect(await ctx.db.get('SELECT media_type AS t FROM blobs WHERE sha256 = ?', [copy.sha256])).toEqual({ t: 'application/pdf' });
    const meta = await metadataOf(bytes);
    const info = meta.info as Record<string, unknown>;
    for (const f of ['Author', 'Title', 'Subject', 'Creator', 'Producer', 'Keywords']) expect(info[f], f).toBeUndefined();
    expect(meta.metadata).toBeNull();
    const raw = bytes.toString('latin1');
    for (const s of ['/Author', '/Title', '/Metadata', 'xmpmeta', 'Zoe Adams']) expect(raw, s).not.toContain(s);
    expect((await pdfText(bytes))[1]).toContain('ZOE ADAMS');
    expect((await metadataOf(fs.readFileSync(ctx.store.pathFor(original.sha256)))).info).toMatchObject({ Author: 'Zoë Adams' });
  });

  it('an anonymous bundle carries the copy without metadata', async () => {
    await importNaming(true);
    await claim(ctx, 'P-9', reviewer);
    const entries = unzipSync((await exportBundle(ctx, reviewer.id, admin)).bytes);
    const pdf = Buffer.from(entries['portfolios/P-9/E1.pdf']!);
    expect(pdf.toString('latin1')).not.toContain('/Author');
    const manifest = JSON.parse(Buffer.from(entries['portfolios/P-9/manifest.json']!).toString('utf8'));
    expect(manifest.evidence[0]).toMatchObject({ sha256: (await detailAs(reviewer)).evidence[0]!.sha256, bytes: pdf.length });
  });

  it('under open review: no warning, the findings are kept for a later change of policy, everyone gets the original', async () => {
    const report = await importNaming(false);
    expect(report.identity).toEqual([]);
    expect((await detailAs(admin)).identity).toEqual({ anonymousReview: false, withheld: false, findings: EXPECTED });
    expect((await detailAs(reviewer)).evidence[0]!.sha256).toBe((await detailAs(admin)).evidence[0]!.sha256);
    await setPolicy(ctx, 'TST-8', { anonymous: true }, admin);
    expect((await detailAs(reviewer)).evidence[0]!.sha256).not.toBe((await detailAs(admin)).evidence[0]!.sha256);
  });
});

describe('the demo', () => {
  it('warns that its anonymous CST-8 portfolios name their candidates in PDF text, footers and metadata (CLI text and --json)', async () => {
    const data = tempDir();
    const out: string[] = [];
    const code = await runCli(await onTestDatabase(['import', demoDir(), '--data', data, '--json']), { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as ImportReport;
    expect(report.identity.length).toBeGreaterThan(0);
    for (const w of report.identity) {
      const manifest = JSON.parse(fs.readFileSync(path.join(demoDir(), 'portfolios', w.portfolio, 'manifest.json'), 'utf8')) as { credential: string };
      expect(manifest.credential).toBe('CST-8');
      expect(w.findings).toEqual(expect.arrayContaining([expect.objectContaining({ location: 'metadata Author', field: 'name' })]));
      expect(w.findings.some((f) => /^p\.\d+$/.test(f.location) && f.field === 'name')).toBe(true);
      expect(w.warning).toMatch(/^Evidence may identify the candidate: E\d+ /);
    }
    const cstPortfolios = fs
      .readdirSync(path.join(demoDir(), 'portfolios'))
      .filter((p) => JSON.parse(fs.readFileSync(path.join(demoDir(), 'portfolios', p, 'manifest.json'), 'utf8')).credential === 'CST-8');
    expect(report.identity.map((w) => w.portfolio).sort()).toEqual(cstPortfolios.sort());
  }, 120_000);
});

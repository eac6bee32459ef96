import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it, vi } from 'vitest';
import { buildPdf, makeCorruptPdf, makeLongPdf, winAnsi, wrapText, type DocSpec } from '../../../scripts/demo/pdf';
import { pdfFilesFor } from '../../../scripts/demo/build';
import { PORTFOLIOS } from '../../../scripts/demo/portfolios';

const ROOT = fileURLToPath(new URL('../../../resources/demo', import.meta.url));

const spec: DocSpec = {
  title: 'Unit plan: Ōtautahi rivers — a test document',
  subtitle: 'Year 9 Science · Term 2',
  header: 'Avonside Ridge College · Ōtautahi Christchurch',
  footer: 'Test — Portfolio P-TEST',
  author: 'Test Author',
  date: '2026-05-01T10:00:00+12:00',
  blocks: [
    { type: 'h1', text: 'Context' },
    { type: 'p', text: 'Kaiako and ākonga “explore” the awa… '.repeat(40) },
    { type: 'bullets', items: ['one', 'two', 'three'] },
    { type: 'table', columns: ['A', 'B'], rows: Array.from({ length: 40 }, (_, i) => [`Row ${i}`, 'Some longer text that wraps inside its cell. '.repeat(2)]) },
    { type: 'sample', label: 'Sample', text: 'Student text. '.repeat(60), feedback: 'Next step: use data.' },
    { type: 'quote', text: 'Whaea said it better.', by: 'Student' },
    { type: 'note', title: 'Note', text: 'A boxed note.' },
    { type: 'signoff', lines: ['Test Author', '1 May 2026'] },
  ],
};

describe('pdf builder', () => {
  it('is deterministic: the same spec gives the same bytes', async () => {
    const a = await buildPdf(spec);
    const b = await buildPdf(spec);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('produces a readable multi-page PDF with fixed metadata dates', async () => {
    const doc = await PDFDocument.load(await buildPdf(spec), { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThan(2);
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-04-30T22:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-04-30T22:00:00.000Z');
    expect(doc.getTitle()).toBe('Unit plan: Otautahi rivers — a test document');
  });

  it('transliterates to WinAnsi: drops macrons, keeps dashes and quotes', () => {
    expect(winAnsi('Ōtautahi, Tāmaki Makaurau, kāinga')).toBe('Otautahi, Tamaki Makaurau, kainga');
    expect(winAnsi('“a” – b — c…')).toBe('“a” – b — c…');
    expect(winAnsi('a → b ✓')).toBe('a -> b Y');
    expect(winAnsi('漢')).toBe('?');
  });

  it('wraps text so no line is wider than the measure', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const lines = wrapText('supercalifragilisticexpialidocious '.repeat(5) + 'x'.repeat(200), font, 10, 120);
    for (const l of lines) expect(font.widthOfTextAtSize(l, 10)).toBeLessThanOrEqual(120);
  });

  it('makeLongPdf makes exactly the requested number of text-heavy pages, deterministically', async () => {
    const a = await makeLongPdf(12);
    const b = await makeLongPdf(12);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect((await PDFDocument.load(a)).getPageCount()).toBe(12);
    expect(a.byteLength).toBeGreaterThan(12 * 2000);
    await expect(makeLongPdf(0)).rejects.toThrow(RangeError);
  });

  it('makeCorruptPdf looks like a PDF but cannot be parsed', async () => {
    const bytes = makeCorruptPdf();
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(makeCorruptPdf()).equals(Buffer.from(bytes))).toBe(true);
    // pdf-lib reports its parse attempts on the console; keep the test output clean.
    const quiet = ['log', 'warn', 'error'].map((m) => vi.spyOn(console, m as 'log').mockImplementation(() => undefined));
    try {
      await expect(PDFDocument.load(bytes)).rejects.toThrow();
    } finally {
      quiet.forEach((s) => s.mockRestore());
    }
  });
});

describe('demo PDFs', () => {
  it('regenerate to the committed bytes (sample of portfolios)', async () => {
    for (const plan of PORTFOLIOS.filter((_, i) => i % 5 === 0)) {
      const files = await pdfFilesFor(plan);
      for (const [rel, bytes] of Object.entries(files))
        expect(Buffer.from(bytes).equals(fs.readFileSync(path.join(ROOT, 'portfolios', plan.id, rel))), `${plan.id}/${rel}`).toBe(true);
    }
  });

  it('has lesson and unit plans of 3-6 pages and multi-page journals', async () => {
    for (const id of fs.readdirSync(path.join(ROOT, 'portfolios'))) {
      const dir = path.join(ROOT, 'portfolios', id, 'evidence');
      for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.pdf'))) {
        const pages = (await PDFDocument.load(fs.readFileSync(path.join(dir, name)))).getPageCount();
        if (/plan/.test(name) && !/inquiry/.test(name)) {
          expect(pages, `${id}/${name}`).toBeGreaterThanOrEqual(3);
          expect(pages, `${id}/${name}`).toBeLessThanOrEqual(6);
        }
        if (/journal/.test(name)) expect(pages, `${id}/${name}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

/**
 * A small flowing-layout PDF writer over pdf-lib for the demo data: headings, wrapped paragraphs, bullet lists,
 * ruled tables that split across pages (repeating their header row), boxed student-work samples, a running header
 * and "Page n of N" footers. Output is deterministic: fixed metadata dates, no random ids, no object streams.
 *
 * Standard fonts only encode WinAnsi, so text goes through `winAnsi()` first (macrons are dropped: ā → a).
 */
import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb, type RGB } from 'pdf-lib';

export type Block =
  | { type: 'h1'; text: string }
  | { type: 'h2'; text: string }
  | { type: 'p'; text: string; italic?: boolean; size?: number }
  | { type: 'bullets'; items: string[]; numbered?: boolean }
  | { type: 'table'; columns: string[]; rows: string[][]; widths?: number[]; size?: number; boldFirstColumn?: boolean }
  | { type: 'meta'; pairs: [string, string][] }
  | { type: 'quote'; text: string; by?: string }
  | { type: 'sample'; label: string; text: string; feedback?: string }
  | { type: 'note'; title: string; text: string }
  | { type: 'signoff'; lines: string[] }
  | { type: 'space'; height: number }
  | { type: 'pagebreak' };

export interface DocSpec {
  title: string;
  subtitle?: string;
  /** Small text at the top of every page, e.g. the school name. */
  header: string;
  /** Small text at the bottom left of every page, e.g. the candidate and portfolio. */
  footer: string;
  author: string;
  subject?: string;
  keywords?: string[];
  /** ISO date used for the PDF creation and modification dates. */
  date: string;
  blocks: Block[];
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 58;
const TOP = A4[1] - 74;
const BOTTOM = 66;
const WIDTH = A4[0] - MARGIN_X * 2;
const INK = rgb(0.13, 0.13, 0.15);
const MUTED = rgb(0.42, 0.44, 0.48);
const ACCENT = rgb(0.09, 0.32, 0.45);
const RULE = rgb(0.62, 0.65, 0.7);
const FILL = rgb(0.91, 0.94, 0.96);
const SAMPLE_FILL = rgb(0.985, 0.975, 0.94);

/** Characters WinAnsi (Windows-1252) can encode, above ASCII. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Makes text safe for pdf-lib's standard fonts: strips macrons and other marks, maps a few symbols, drops the rest. */
export function winAnsi(text: string): string {
  const mapped = text
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/\u2192/g, '->')
    .replace(/\u2190/g, '<-')
    .replace(/\u2264/g, '<=')
    .replace(/\u2265/g, '>=')
    .replace(/\u2713/g, 'Y')
    .replace(/[\u2009\u202f]/g, ' ');
  let out = '';
  for (const ch of mapped) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) {
      out += ch;
      continue;
    }
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += [...base].every((c) => c.codePointAt(0)! < 0x7f || WIN_ANSI_EXTRA.has(c)) ? base : '?';
  }
  return out;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  mono: PDFFont;
}

/** Greedy line breaking by measured width; words longer than a line are split. Keeps explicit newlines. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const raw of para.split(/ +/)) {
      let word = raw;
      while (font.widthOfTextAtSize(word, size) > width) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Layout {
  page!: PDFPage;
  y = TOP;
  pages: PDFPage[] = [];
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = TOP;
  }

  /** Starts a new page unless `height` more points fit. */
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  text(s: string, x: number, y: number, font: PDFFont, size: number, color: RGB = INK): void {
    if (s) this.page.drawText(s, { x, y, font, size, color });
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness = 0.6, color: RGB = RULE): void {
    this.page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color });
  }

  /** Flows wrapped lines, breaking pages between lines. */
  lines(lines: string[], font: PDFFont, size: number, leading: number, x = MARGIN_X, color: RGB = INK): void {
    for (const l of lines) {
      this.ensure(leading);
      this.y -= leading;
      this.text(l, x, this.y + (leading - size) * 0.35, font, size, color);
    }
  }
}

function drawTitle(l: Layout, spec: DocSpec): void {
  const { bold, regular } = l.fonts;
  const titleLines = wrapText(winAnsi(spec.title), bold, 20, WIDTH);
  l.page.drawRectangle({ x: MARGIN_X, y: l.y - 4, width: 42, height: 4, color: ACCENT });
  l.y -= 12;
  l.lines(titleLines, bold, 20, 25, MARGIN_X, ACCENT);
  if (spec.subtitle) {
    l.y -= 2;
    l.lines(wrapText(winAnsi(spec.subtitle), regular, 12, WIDTH), regular, 12, 16, MARGIN_X, MUTED);
  }
  l.y -= 12;
}

function drawTable(l: Layout, columns: string[], rows: string[][], widths: number[] | undefined, size: number, opts: { header: boolean; boldFirst: boolean }): void {
  const { regular, bold } = l.fonts;
  const fractions = widths ?? columns.map(() => 1);
  const total = fractions.reduce((a, b) => a + b, 0);
  const colW = fractions.map((f) => (f / total) * WIDTH);
  const pad = 4;
  const leading = size * 1.3;
  const layoutRow = (cells: string[], header: boolean) => {
    const wrapped = colW.map((w, i) =>
      wrapText(winAnsi(cells[i] ?? ''), header || (opts.boldFirst && i === 0) ? bold : regular, size, w - pad * 2),
    );
    return { wrapped, height: Math.max(...wrapped.map((w) => w.length)) * leading + pad * 2 };
  };
  const head = opts.header ? layoutRow(columns, true) : null;
  const drawRow = (row: { wrapped: string[][]; height: number }, header: boolean) => {
    const top = l.y;
    const bottom = top - row.height;
    if (header) l.page.drawRectangle({ x: MARGIN_X, y: bottom, width: WIDTH, height: row.height, color: FILL });
    let x = MARGIN_X;
    row.wrapped.forEach((cellLines, i) => {
      const font = header || (opts.boldFirst && i === 0) ? bold : regular;
      cellLines.forEach((text, j) => l.text(text, x + pad, top - pad - (j + 1) * leading + leading * 0.28, font, size));
      x += colW[i]!;
    });
    l.line(MARGIN_X, top, MARGIN_X + WIDTH, top);
    l.line(MARGIN_X, bottom, MARGIN_X + WIDTH, bottom);
    x = MARGIN_X;
    for (let i = 0; i <= colW.length; i++) {
      l.line(x, top, x, bottom);
      x += colW[i] ?? 0;
    }
    l.y = bottom;
  };
  const startTable = () => {
    if (head) drawRow(head, true);
  };
  const firstRow = rows[0] ? layoutRow(rows[0], false) : null;
  l.ensure((head?.height ?? 0) + (firstRow?.height ?? 0));
  startTable();
  for (const cells of rows) {
    const row = layoutRow(cells, false);
    if (l.y - row.height < BOTTOM) {
      l.newPage();
      startTable();
    }
    drawRow(row, false);
  }
  l.y -= 10;
}

function drawBlock(l: Layout, b: Block): void {
  const { regular, bold, italic, mono } = l.fonts;
  switch (b.type) {
    case 'h1': {
      const lines = wrapText(winAnsi(b.text), bold, 14, WIDTH);
      l.ensure(lines.length * 18 + 8 + 14 * 3);
      l.y -= 8;
      l.lines(lines, bold, 14, 18, MARGIN_X, ACCENT);
      l.line(MARGIN_X, l.y - 3, MARGIN_X + WIDTH, l.y - 3, 0.8, ACCENT);
      l.y -= 9;
      return;
    }
    case 'h2': {
      const lines = wrapText(winAnsi(b.text), bold, 11.5, WIDTH);
      l.ensure(lines.length * 15 + 4 + 14 * 3);
      l.y -= 4;
      l.lines(lines, bold, 11.5, 15);
      l.y -= 3;
      return;
    }
    case 'p': {
      const size = b.size ?? 10.5;
      const font = b.italic ? italic : regular;
      for (const para of b.text.split(/\n\n+/)) {
        l.lines(wrapText(winAnsi(para), font, size, WIDTH), font, size, size * 1.38);
        l.y -= 6;
      }
      return;
    }
    case 'bullets': {
      b.items.forEach((item, i) => {
        const marker = b.numbered ? `${i + 1}.` : '\u2022';
        const lines = wrapText(winAnsi(item), regular, 10.5, WIDTH - 18);
        l.ensure(14.5);
        l.text(marker, MARGIN_X + 3, l.y - 14.5 + 4, b.numbered ? bold : regular, 10.5);
        l.lines(lines, regular, 10.5, 14.5, MARGIN_X + 18);
        l.y -= 2;
      });
      l.y -= 5;
      return;
    }
    case 'table':
      drawTable(l, b.columns, b.rows, b.widths, b.size ?? 9, { header: true, boldFirst: b.boldFirstColumn ?? false });
      return;
    case 'meta':
      drawTable(l, [], b.pairs.map(([k, v]) => [k, v]), [1, 2.6], 9.5, { header: false, boldFirst: true });
      return;
    case 'quote': {
      const lines = wrapText(winAnsi(`\u201c${b.text}\u201d`), italic, 10.5, WIDTH - 30);
      const by = b.by ? wrapText(winAnsi(`\u2014 ${b.by}`), regular, 9.5, WIDTH - 30) : [];
      l.ensure(Math.min(lines.length, 3) * 14.5);
      const start = l.y;
      const startPage = l.page;
      l.lines(lines, italic, 10.5, 14.5, MARGIN_X + 18);
      l.lines(by, regular, 9.5, 13, MARGIN_X + 18, MUTED);
      if (l.page === startPage) l.page.drawRectangle({ x: MARGIN_X + 4, y: l.y - 2, width: 3, height: start - l.y, color: ACCENT });
      l.y -= 10;
      return;
    }
    case 'sample': {
      const textLines = wrapText(winAnsi(b.text), mono, 9.5, WIDTH - 24);
      const leading = 13;
      l.ensure(16 + Math.min(textLines.length, 4) * leading + 12);
      l.lines([winAnsi(b.label)], bold, 10, 15);
      l.y -= 2;
      // Draw the boxed text page by page.
      let i = 0;
      while (i < textLines.length) {
        const fit = Math.max(1, Math.floor((l.y - BOTTOM - 12) / leading));
        const chunk = textLines.slice(i, i + fit);
        const h = chunk.length * leading + 12;
        l.page.drawRectangle({ x: MARGIN_X, y: l.y - h, width: WIDTH, height: h, color: SAMPLE_FILL, borderColor: RULE, borderWidth: 0.6 });
        l.y -= 6;
        l.lines(chunk, mono, 9.5, leading, MARGIN_X + 12);
        l.y -= 6;
        i += chunk.length;
        if (i < textLines.length) l.newPage();
      }
      if (b.feedback) {
        l.y -= 4;
        const lines = wrapText(winAnsi(`Teacher feedback: ${b.feedback}`), italic, 10, WIDTH - 12);
        l.lines(lines, italic, 10, 14, MARGIN_X + 6, ACCENT);
      }
      l.y -= 12;
      return;
    }
    case 'note': {
      const lines = wrapText(winAnsi(b.text), regular, 10, WIDTH - 24);
      const h = 18 + lines.length * 14 + 10;
      l.ensure(h);
      l.page.drawRectangle({ x: MARGIN_X, y: l.y - h, width: WIDTH, height: h, color: FILL, borderColor: ACCENT, borderWidth: 0.8 });
      l.y -= 6;
      l.lines([winAnsi(b.title)], bold, 10.5, 14, MARGIN_X + 12, ACCENT);
      l.lines(lines, regular, 10, 14, MARGIN_X + 12);
      l.y -= 20;
      return;
    }
    case 'signoff': {
      l.ensure(30 + b.lines.length * 14);
      l.y -= 18;
      l.line(MARGIN_X, l.y, MARGIN_X + 180, l.y, 0.6, INK);
      l.y -= 2;
      l.lines(b.lines.map(winAnsi), regular, 9.5, 13, MARGIN_X, MUTED);
      l.y -= 8;
      return;
    }
    case 'space':
      l.y -= b.height;
      return;
    case 'pagebreak':
      l.newPage();
      return;
  }
}

function drawFurniture(l: Layout, header: string, footer: string): void {
  const { regular } = l.fonts;
  const n = l.pages.length;
  l.pages.forEach((page, i) => {
    const h = winAnsi(header);
    page.drawText(h, { x: MARGIN_X, y: A4[1] - 44, size: 8.5, font: regular, color: MUTED });
    page.drawLine({ start: { x: MARGIN_X, y: A4[1] - 50 }, end: { x: A4[0] - MARGIN_X, y: A4[1] - 50 }, thickness: 0.5, color: RULE });
    page.drawLine({ start: { x: MARGIN_X, y: 48 }, end: { x: A4[0] - MARGIN_X, y: 48 }, thickness: 0.5, color: RULE });
    const label = `Page ${i + 1} of ${n}`;
    const maxFooter = WIDTH - regular.widthOfTextAtSize(label, 8.5) - 20;
    let f = winAnsi(footer);
    while (f.length > 4 && regular.widthOfTextAtSize(f, 8.5) > maxFooter) f = `${f.slice(0, -4)}...`;
    page.drawText(f, { x: MARGIN_X, y: 34, size: 8.5, font: regular, color: MUTED });
    page.drawText(label, { x: A4[0] - MARGIN_X - regular.widthOfTextAtSize(label, 8.5), y: 34, size: 8.5, font: regular, color: MUTED });
  });
}

async function newDocument(meta: { title: string; author: string; subject?: string; keywords?: string[]; date: string }): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const when = new Date(meta.date);
  doc.setTitle(winAnsi(meta.title));
  doc.setAuthor(winAnsi(meta.author));
  if (meta.subject) doc.setSubject(winAnsi(meta.subject));
  if (meta.keywords) doc.setKeywords(meta.keywords.map(winAnsi));
  doc.setCreator('Evidence Workbench demo generator');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  doc.setLanguage('en-NZ');
  const fonts: Fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
    italic: await doc.embedFont(StandardFonts.HelveticaOblique),
    mono: await doc.embedFont(StandardFonts.Courier),
  };
  return { doc, fonts };
}

const save = (doc: PDFDocument) => doc.save({ useObjectStreams: false, addDefaultPage: false });

/** Lays out a document spec as a multi-page A4 PDF. Same spec, same bytes. */
export async function buildPdf(spec: DocSpec): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument(spec);
  const layout = new Layout(doc, fonts);
  drawTitle(layout, spec);
  for (const block of spec.blocks) drawBlock(layout, block);
  drawFurniture(layout, spec.header, spec.footer);
  return save(doc);
}

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LONG_WORDS = (
  'learners teacher evidence inquiry feedback whanau community assessment criteria rubric reflection practice mentoring ' +
  'collaboration leadership curriculum pedagogy agency wellbeing literacy numeracy science investigation data pattern ' +
  'observation conversation planning sequence outcome progress strategy classroom kaupapa relationships culture language ' +
  'identity success intention moderation judgement next steps goal impact shift growth team protocol trust'
).split(' ');

/**
 * A text-heavy PDF of exactly `pages` pages (for benchmarks: large documents, page navigation, text extraction).
 * Deterministic for a given page count.
 */
export async function makeLongPdf(pages: number): Promise<Uint8Array> {
  if (!Number.isInteger(pages) || pages < 1) throw new RangeError('pages must be a positive integer');
  const { doc, fonts } = await newDocument({
    title: `Long evidence document (${pages} pages)`,
    author: 'Evidence Workbench demo generator',
    subject: 'Synthetic text-heavy document for benchmarks',
    date: '2026-01-15T09:00:00+13:00',
  });
  const rand = prng(pages * 7919 + 17);
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 14);
    const words = Array.from({ length: n }, () => LONG_WORDS[Math.floor(rand() * LONG_WORDS.length)]!);
    const s = words.join(' ');
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  for (let p = 1; p <= pages; p++) {
    const page = doc.addPage(A4);
    let y = TOP;
    page.drawText(`Section ${p}: ${LONG_WORDS[p % LONG_WORDS.length]} and ${LONG_WORDS[(p * 7) % LONG_WORDS.length]}`, {
      x: MARGIN_X,
      y,
      size: 14,
      font: fonts.bold,
      color: ACCENT,
    });
    y -= 26;
    while (y > BOTTOM + 14) {
      const para = Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join(' ');
      for (const line of wrapText(para, fonts.regular, 10, WIDTH)) {
        if (y <= BOTTOM + 14) break;
        y -= 13.5;
        page.drawText(line, { x: MARGIN_X, y, size: 10, font: fonts.regular, color: INK });
      }
      y -= 7;
    }
    const label = `Page ${p} of ${pages}`;
    page.drawText(label, { x: A4[0] - MARGIN_X - fonts.regular.widthOfTextAtSize(label, 8.5), y: 34, size: 8.5, font: fonts.regular, color: MUTED });
  }
  return save(doc);
}

/**
 * Bytes that start like a PDF (so a signature check accepts them) but cannot be parsed: a header, a dangling
 * catalogue object, deterministic binary noise and a startxref that points nowhere.
 */
export function makeCorruptPdf(): Uint8Array {
  const rand = prng(404);
  const head = new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n');
  const noise = Uint8Array.from({ length: 2048 }, () => Math.floor(rand() * 256));
  const tail = new TextEncoder().encode('\nxref\n0 1\n0000000000 65535 f \nstartxref\n987654321\n%%EOF\n');
  const out = new Uint8Array(head.length + noise.length + tail.length);
  out.set(head, 0);
  out.set(noise, head.length);
  out.set(tail, head.length + noise.length);
  return out;
}

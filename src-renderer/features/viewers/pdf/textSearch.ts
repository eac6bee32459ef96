/**
 * Find-in-document over pdf.js text content. Each page's text items are joined into one string (a space where pdf.js
 * marks an end of line), then folded for matching: lower case and runs of white space as one space, with a map back
 * to the original offsets so a hit can be highlighted item by item on the text layer. The text content is fetched once
 * per page and shared with the text layer.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api';

export interface PageText {
  /** The text items in text-layer order: item i is the text layer's i-th span. */
  items: { str: string; hasEOL: boolean }[];
  /** Offset of each item in `text`. */
  starts: number[];
  text: string;
  folded: string;
  /** folded index -> text index. */
  map: Int32Array;
}

export interface Hit {
  page: number;
  start: number;
  end: number;
}

const isWhite = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u2009' || c === '\u202f';

/** Lower-cases one character without changing its length (a few characters, like İ, grow when lowered). */
function fold(c: string): string {
  const l = c.toLowerCase();
  return l.length === c.length ? l : c;
}

export function buildPageText(items: { str: string; hasEOL: boolean }[]): PageText {
  const starts: number[] = [];
  let text = '';
  for (const it of items) {
    starts.push(text.length);
    text += it.str;
    if (it.hasEOL) text += ' ';
  }
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (isWhite(c)) {
      if (folded.endsWith(' ') || folded.length === 0) continue;
      folded += ' ';
    } else folded += fold(c);
    map.push(i);
  }
  return { items, starts, text, folded, map: Int32Array.from(map) };
}

export function foldQuery(q: string): string {
  return [...q.trim().replace(/\s+/g, ' ')].map(fold).join('');
}

/** Non-overlapping hits of an already folded query, as offsets into `pt.text`. */
export function findInPage(pt: PageText, page: number, folded: string): Hit[] {
  if (!folded) return [];
  const hits: Hit[] = [];
  let from = 0;
  for (;;) {
    const at = pt.folded.indexOf(folded, from);
    if (at < 0) break;
    hits.push({ page, start: pt.map[at]!, end: pt.map[at + folded.length - 1]! + 1 });
    from = at + folded.length;
  }
  return hits;
}

/** The part of each text item that a hit covers (the joining spaces belong to no item). */
export function itemSpans(pt: PageText, start: number, end: number): { item: number; from: number; to: number }[] {
  const out: { item: number; from: number; to: number }[] = [];
  for (let i = 0; i < pt.items.length; i++) {
    const s = pt.starts[i]!;
    const e = s + pt.items[i]!.str.length;
    if (e <= start) continue;
    if (s >= end) break;
    const from = Math.max(start, s) - s;
    const to = Math.min(end, e) - s;
    if (to > from) out.push({ item: i, from, to });
  }
  return out;
}

export interface PageTextEntry {
  content: TextContent;
  text: PageText;
}

const caches = new WeakMap<PDFDocumentProxy, Map<number, Promise<PageTextEntry>>>();

/** The page's text content and joined text, fetched from the worker once per document and page. */
export function pageText(doc: PDFDocumentProxy, pageNumber: number): Promise<PageTextEntry> {
  let cache = caches.get(doc);
  if (!cache) caches.set(doc, (cache = new Map()));
  let entry = cache.get(pageNumber);
  if (!entry) {
    entry = doc
      .getPage(pageNumber)
      .then((p) => p.getTextContent())
      .then((content) => {
        // Same filter as pdf.js's TextLayer: marked-content markers have no `str` and get no span.
        const items = content.items.filter((it): it is TextItem => 'str' in it).map((it) => ({ str: it.str, hasEOL: it.hasEOL }));
        return { content, text: buildPageText(items) };
      });
    // A failed page is retried next time rather than cached as failed.
    entry.catch(() => cache.delete(pageNumber));
    cache.set(pageNumber, entry);
  }
  return entry;
}

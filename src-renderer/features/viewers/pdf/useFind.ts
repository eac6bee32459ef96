import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { findInPage, foldQuery, pageText, type Hit } from './textSearch';

export interface FindState {
  query: string;
  setQuery(q: string): void;
  hits: Hit[];
  /** Index into `hits` of the selected hit, -1 if none. */
  index: number;
  /** True while pages are still being searched (the count can still grow). */
  searching: boolean;
  next(): void;
  previous(): void;
  /** Hits grouped by page number (rebuilt when the hits change). */
  byPage: Map<number, Hit[]>;
  selected: Hit | null;
}

const DEBOUNCE_MS = 180;
/** How many pages to search between progress updates (each page's text is fetched from the worker once). */
const PROGRESS_EVERY = 16;

/**
 * Searches the whole document page by page, publishing hits as it goes so a long document shows its first matches at
 * once. A new query or document abandons the running search. The first selected hit is the first at or after the page
 * being read, as in pdf.js's viewer.
 */
export function useFind(doc: PDFDocumentProxy | null, currentPage: () => number): FindState {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  // The selected hit is kept as the hit itself, so hits found later (and sorted in before it) do not move the selection.
  const [selected, setSelected] = useState<Hit | null>(null);
  const [searching, setSearching] = useState(false);
  const startPage = useRef(currentPage);
  startPage.current = currentPage;

  useEffect(() => {
    const folded = foldQuery(query);
    setHits([]);
    setSelected(null);
    if (!doc || !folded) {
      setSearching(false);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(async () => {
      const found: Hit[] = [];
      const from = Math.min(Math.max(1, startPage.current()), doc.numPages);
      // From the reading position to the end, then from the start: the first hit found is the one to show.
      const order = [...Array.from({ length: doc.numPages - from + 1 }, (_, i) => from + i), ...Array.from({ length: from - 1 }, (_, i) => i + 1)];
      let first: Hit | null = null;
      let sinceUpdate = 0;
      const publish = () => {
        found.sort((a, b) => a.page - b.page || a.start - b.start);
        setHits(found.slice());
        setSelected((s) => s ?? first);
        sinceUpdate = 0;
      };
      for (const p of order) {
        let pageHits: Hit[] = [];
        try {
          pageHits = findInPage((await pageText(doc, p)).text, p, folded);
        } catch {
          // a page whose text cannot be read has no hits
        }
        if (!live) return;
        found.push(...pageHits);
        sinceUpdate++;
        if (!first && pageHits[0]) {
          first = pageHits[0];
          publish();
        } else if (sinceUpdate >= PROGRESS_EVERY) publish();
      }
      publish();
      setSearching(false);
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [doc, query]);

  const index = selected ? hits.indexOf(selected) : -1;
  const step = useCallback(
    (d: 1 | -1) => {
      if (!hits.length) return;
      const i = selected ? hits.indexOf(selected) : -1;
      setSelected(hits[(i + d + hits.length) % hits.length]!);
    },
    [hits, selected],
  );
  const next = useCallback(() => step(1), [step]);
  const previous = useCallback(() => step(-1), [step]);

  const byPage = useMemo(() => {
    const m = new Map<number, Hit[]>();
    for (const h of hits) {
      const list = m.get(h.page);
      if (list) list.push(h);
      else m.set(h.page, [h]);
    }
    return m;
  }, [hits]);

  return { query, setQuery, hits, index, searching, next, previous, byPage, selected };
}

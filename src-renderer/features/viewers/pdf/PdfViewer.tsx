import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { AnchorTarget } from '../../../../src-shared/contracts/anchors';
import type { EvidenceViewerHandle } from '../types';
import { ViewerLoading, ViewerMessage } from '../shared/ViewerMessage';
import { PROBLEM_MESSAGE } from './pdfjs';
import { usePdfDocument, type PageSize } from './usePdfDocument';
import { computeLayout, nextZoomStep, PAGE_GAP, pageAt, resolveScale, type Rotation, type ZoomMode } from './layout';
import { useVisible } from './useVisible';
import { holdRenders } from './renderQueue';
import { useFind } from './useFind';
import { PdfPage } from './PdfPage';
import { PdfToolbar } from './PdfToolbar';
import { FindBar } from './FindBar';
import { Thumbnails } from './Thumbnails';
import { quoteInside, trackQuote, type Quote } from './quote';
import type { Hit } from './textSearch';
import classes from './PdfViewer.module.css';

/** Pages drawn beyond the visible ones, each way: enough that scrolling a page never shows a blank slot. */
const OVERSCAN = 2;
/** Scrolling faster than this (px per ms, about four pages a second at 100 %) is a fling: drawing waits for it to slow. */
const FLING_PX_PER_MS = 4;
const FLING_HOLD_MS = 120;
/** Drawing waits for the zoom to settle (dragging a pane's edge re-fits continuously); the layout follows at once. */
const DRAW_SETTLE_MS = 120;

interface Props {
  url: string;
  title: string;
  initialTarget?: AnchorTarget;
}

/**
 * PDF evidence with pdf.js: virtualised pages (only those near the viewport are drawn), a text layer for selecting
 * and quoting, find in document, thumbnails, zoom/fit/rotate and keyboard paging.
 */
export const PdfViewer = forwardRef<EvidenceViewerHandle, Props>(function PdfViewer({ url, title, initialTarget }, ref) {
  const state = usePdfDocument(url);
  const inner = useRef<EvidenceViewerHandle>(null);
  // A goTo that arrives while the document is loading is kept and applied once it can be.
  const pending = useRef<AnchorTarget | undefined>(initialTarget);

  useImperativeHandle(
    ref,
    () => ({
      currentTarget: () => inner.current?.currentTarget() ?? null,
      goTo: (t) => {
        if (inner.current) inner.current.goTo(t);
        else pending.current = t;
      },
    }),
    [],
  );

  return (
    <div className={classes.root} data-testid="pdf-viewer" data-state={state.status}>
      {state.status === 'loading' && <ViewerLoading label="Loading PDF" />}
      {state.status === 'error' && <ViewerMessage {...PROBLEM_MESSAGE[state.problem]} />}
      {state.status === 'ready' && <PdfDocumentView ref={inner} doc={state.doc} sizes={state.sizes} title={title} initialTarget={pending.current} />}
    </div>
  );
});

interface ViewProps {
  doc: PDFDocumentProxy;
  sizes: PageSize[];
  title: string;
  initialTarget?: AnchorTarget;
}

/** `value` once it has stopped changing for `ms`; the first non-null value is taken at once. */
function useSettled<T>(value: T | null, ms: number): T | null {
  const [settled, setSettled] = useState<T | null>(value);
  const first = settled === null && value !== null;
  if (first) setSettled(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return first ? value : settled;
}

const isTyping = (el: EventTarget | null) => el instanceof HTMLElement && el.closest('input, textarea, select, [contenteditable="true"]') !== null;

const PdfDocumentView = forwardRef<EvidenceViewerHandle, ViewProps>(function PdfDocumentView({ doc, sizes, title, initialTarget }, ref) {
  const numPages = sizes.length;
  const root = useRef<HTMLDivElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [mode, setMode] = useState<ZoomMode>({ kind: 'auto' });
  const [rotation, setRotation] = useState<Rotation>(0);
  const [thumbs, setThumbs] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const [findFocus, setFindFocus] = useState(0);
  const [box, setBox] = useState({ w: 0, h: 0 });
  // After a programmatic jump the requested page is "current" even when the end of the document stops it reaching the top.
  const [forced, setForced] = useState<{ page: number; top: number } | null>(null);
  const quote = useRef<Quote | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current!;
    const read = () => setBox((b) => (b.w === el.clientWidth && b.h === el.clientHeight ? b : { w: el.clientWidth, h: el.clientHeight }));
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Fit modes are resolved against page 1 (documents with mixed sizes then keep one zoom while scrolling).
  const zoom = Math.round(resolveScale(mode, sizes[0], rotation, box.w, box.h) * 1000) / 1000;
  // Nothing is drawn before the viewport is measured: drawing page 1 at a guessed zoom would mean drawing it twice.
  const drawZoom = useSettled(box.w > 0 ? zoom : null, DRAW_SETTLE_MS);
  const layout = useMemo(() => computeLayout(sizes, zoom, rotation), [sizes, zoom, rotation]);

  // Where the reader is, as a page and a fraction of it, so a new zoom, rotation or page size keeps them in place.
  const anchor = useRef<{ index: number; frac: number; x: number } | null>(null);
  // The scroll position the viewer itself last set, so its scroll event is not taken for the reader's.
  const jumpedTo = useRef<number | null>(null);
  const layoutRef = useRef(layout);
  const saveAnchor = useCallback((el: HTMLElement) => {
    const l = layoutRef.current;
    const index = pageAt(l, el.scrollTop);
    anchor.current = {
      index,
      frac: (el.scrollTop - l.tops[index]!) / (l.heights[index]! + PAGE_GAP),
      x: el.scrollWidth > el.clientWidth ? (el.scrollLeft + el.clientWidth / 2) / el.scrollWidth : 0.5,
    };
  }, []);
  useLayoutEffect(() => {
    const el = scroller.current!;
    let lastTop = el.scrollTop;
    let lastAt = performance.now();
    const onScroll = () => {
      const now = performance.now();
      // Flinging: hold new drawing until the reader slows down. Our own jumps (page field, zoom) are not flings.
      const ours = jumpedTo.current !== null && Math.abs(el.scrollTop - jumpedTo.current) < 2;
      jumpedTo.current = null;
      const speed = Math.abs(el.scrollTop - lastTop) / Math.max(1, now - lastAt);
      if (!ours && speed > FLING_PX_PER_MS && now - lastAt < 100) holdRenders(FLING_HOLD_MS);
      lastTop = el.scrollTop;
      lastAt = now;
      saveAnchor(el);
      setForced((f) => (f && Math.abs(el.scrollTop - f.top) > 2 ? null : f));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [saveAnchor]);
  useLayoutEffect(() => {
    const el = scroller.current!;
    const a = anchor.current;
    layoutRef.current = layout;
    if (!a) return;
    el.scrollTop = layout.tops[a.index]! + a.frac * (layout.heights[a.index]! + PAGE_GAP);
    jumpedTo.current = el.scrollTop;
    if (el.scrollWidth > el.clientWidth) el.scrollLeft = a.x * el.scrollWidth - el.clientWidth / 2;
  }, [layout]);

  const { visible, measure } = useVisible(scroller, layout);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const current = forced?.page ?? visible.current + 1;
  const currentRef = useRef(current);
  currentRef.current = current;

  const goToPage = useCallback(
    (page: number) => {
      const el = scroller.current;
      const l = layoutRef.current;
      if (!el) return;
      const i = Math.min(numPages, Math.max(1, Math.round(page))) - 1;
      el.scrollTop = i === 0 ? 0 : l.tops[i]! - PAGE_GAP / 2;
      jumpedTo.current = el.scrollTop;
      // Read back: near the end the browser clamps the scroll position.
      setForced({ page: i + 1, top: el.scrollTop });
      // Now, not at the next scroll event: a zoom in the same frame must keep this page.
      saveAnchor(el);
      measure();
    },
    [numPages, measure, saveAnchor],
  );

  useLayoutEffect(() => {
    if (initialTarget?.kind === 'pdf_page') goToPage(initialTarget.page);
    // Only the first target: later ones come through the handle.
  }, []);

  useEffect(() => trackQuote(root.current!, (q) => (quote.current = q)), []);

  useImperativeHandle(
    ref,
    () => ({
      currentTarget(): AnchorTarget {
        const v = visibleRef.current;
        const live = quoteInside(root.current!);
        // A remembered quote counts only while its page is still on screen.
        const kept = quote.current && quote.current.page >= v.first + 1 && quote.current.page <= v.last + 1 ? quote.current : null;
        const q = live ?? kept;
        return q ? { kind: 'pdf_page', page: q.page, quote: q.text } : { kind: 'pdf_page', page: currentRef.current };
      },
      goTo(t: AnchorTarget) {
        if (t.kind === 'pdf_page') goToPage(t.page);
      },
    }),
    [goToPage],
  );

  // Find: search text content page by page; the selected hit's page is brought into view and the hit centred.
  const find = useFind(doc, () => currentRef.current);
  const reveal = useRef<Hit | null>(null);
  useEffect(() => {
    const hit = find.selected;
    if (!hit || !findOpen) return;
    reveal.current = hit;
    const v = visibleRef.current;
    if (hit.page - 1 < v.first || hit.page - 1 > v.last) goToPage(hit.page);
  }, [find.selected, findOpen, goToPage]);
  const onHitShown = useCallback((hit: Hit, el: HTMLElement) => {
    const sc = scroller.current;
    if (!sc || reveal.current !== hit) return;
    reveal.current = null;
    const r = el.getBoundingClientRect();
    const s = sc.getBoundingClientRect();
    if (r.top < s.top + 40 || r.bottom > s.bottom - 40) sc.scrollTop += r.top - s.top - sc.clientHeight / 3;
    if (r.left < s.left || r.right > s.right) sc.scrollLeft += r.left - s.left - sc.clientWidth / 3;
    jumpedTo.current = sc.scrollTop;
  }, []);

  const openFind = useCallback(() => {
    setFindOpen(true);
    setFindFocus((k) => k + 1);
  }, []);
  const closeFind = useCallback(() => {
    setFindOpen(false);
    scroller.current?.focus();
  }, []);

  // Ctrl/Cmd+F anywhere on a screen showing this viewer opens its find bar rather than the browser's.
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'f') return;
      const el = root.current;
      if (!el || !el.isConnected || el.offsetParent === null) return;
      e.preventDefault();
      openFind();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [openFind]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    const c = currentRef.current;
    const to: Record<string, number> = { PageDown: c + 1, ArrowRight: c + 1, PageUp: c - 1, ArrowLeft: c - 1, Home: 1, End: numPages };
    if (e.key in to) {
      e.preventDefault();
      goToPage(to[e.key]!);
    } else if (e.key === 'Escape' && findOpen) {
      e.preventDefault();
      closeFind();
    }
  };

  const zoomBy = (dir: 1 | -1) => setMode({ kind: 'scale', value: nextZoomStep(zoom, dir) });

  const distance = useCallback((i: number) => {
    const v = visibleRef.current;
    return i < v.first ? v.first - i : i > v.last ? i - v.last : 0;
  }, []);

  const slots = [];
  const first = drawZoom === null ? 0 : Math.max(0, visible.first - OVERSCAN);
  const last = drawZoom === null ? -1 : Math.min(numPages - 1, visible.last + OVERSCAN);
  for (let i = first; i <= last; i++) {
    const hits = findOpen ? find.byPage.get(i + 1) : undefined;
    slots.push(
      <PdfPage
        key={i}
        doc={doc}
        pageNumber={i + 1}
        top={layout.tops[i]!}
        width={layout.widths[i]!}
        height={layout.heights[i]!}
        zoom={drawZoom ?? zoom}
        cssZoom={zoom}
        rotation={rotation}
        distance={distance}
        hits={hits}
        selectedHit={hits && find.selected?.page === i + 1 ? find.selected : null}
        onHitShown={onHitShown}
      />,
    );
  }

  return (
    <div ref={root} className={classes.root} onKeyDown={onKeyDown}>
      <div className={classes.toolbar}>
        <PdfToolbar
          numPages={numPages}
          current={current}
          onGoTo={goToPage}
          zoom={zoom}
          fit={mode.kind === 'fit-width' || mode.kind === 'fit-page' ? mode.kind : null}
          onZoom={zoomBy}
          onFitWidth={() => setMode({ kind: 'fit-width' })}
          onFitPage={() => setMode({ kind: 'fit-page' })}
          onRotate={() => setRotation((r) => ((r + 90) % 360) as Rotation)}
          thumbnails={thumbs}
          onThumbnails={() => setThumbs((t) => !t)}
          findOpen={findOpen}
          onFind={() => (findOpen ? closeFind() : openFind())}
        />
      </div>
      {findOpen && (
        <div className={classes.findBar}>
          <FindBar find={find} focusKey={findFocus} onClose={closeFind} />
        </div>
      )}
      <div className={classes.body}>
        {thumbs && <Thumbnails doc={doc} sizes={sizes} rotation={rotation} current={current} onSelect={goToPage} />}
        <div ref={scroller} className={classes.scroller} tabIndex={0} aria-label={`${title}: pages`} data-testid="pdf-scroller">
          <div className={classes.content} style={{ height: layout.total, width: `max(100%, ${layout.maxWidth + 32}px)` }}>
            {slots}
          </div>
        </div>
      </div>
    </div>
  );
});

import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { TextLayer, type PageViewport, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import { CSS_UNITS } from './pdfjs';
import { drawPage, isCancel, releaseCanvas } from './draw';
import { scheduleRender } from './renderQueue';
import { steadySelection } from './textSelection';
import { itemSpans, pageText, type Hit, type PageText } from './textSearch';
import type { Rotation } from './layout';
import classes from './PdfViewer.module.css';

export interface PdfPageProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  top: number;
  width: number;
  height: number;
  /** The zoom to draw at (settles after the layout's zoom). */
  zoom: number;
  /** The zoom the slot is laid out at: the drawn canvas and text layer are stretched to it until redrawn. */
  cssZoom: number;
  rotation: Rotation;
  /** How far a page (0-based) is from what the reader sees (0 = on screen); decides its turn to be drawn. */
  distance(pageIndex: number): number;
  hits: Hit[] | undefined;
  selectedHit: Hit | null;
  /** Called with the selected hit's highlight once it is on the text layer, so the list can scroll it into view. */
  onHitShown(hit: Hit, el: HTMLElement): void;
}

interface TextState {
  divs: HTMLElement[];
  text: PageText;
}

/**
 * One page slot: a canvas and a selectable text layer, drawn only while the slot is mounted (the list mounts the
 * visible pages and a couple either side). A new zoom or rotation draws a fresh canvas off-screen and swaps it in, so
 * the old one, stretched, stays visible meanwhile; unmounting cancels any drawing and frees the canvas memory.
 */
export const PdfPage = memo(function PdfPage(props: PdfPageProps) {
  const { doc, pageNumber, top, width, height, zoom, cssZoom, rotation, hits, selectedHit } = props;
  const holder = useRef<HTMLDivElement>(null);
  const pageRef = useRef<PDFPageProxy | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [rendered, setRendered] = useState(false);
  const [failed, setFailed] = useState(false);
  const [textState, setTextState] = useState<TextState | null>(null);
  const touched = useRef(new Set<number>());
  // Unregisters the current text layer from the selection helper.
  const unsteadyRef = useRef<(() => void) | null>(null);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    let textLayer: TextLayer | null = null;
    // The text layer comes after the pixels and outside the drawing queue, when the main thread is idle: seeing the
    // page matters more than selecting on it, and building hundreds of spans mid-scroll costs frames.
    const addTextLayer = async (viewport: PageViewport) => {
      await new Promise((r) => requestIdleCallback(r, { timeout: 400 }));
      if (cancelled) return;
      const { content, text } = await pageText(doc, pageNumber);
      if (cancelled) return;
      const layerDiv = document.createElement('div');
      layerDiv.className = classes.textLayer!;
      textLayer = new TextLayer({ textContentSource: content, container: layerDiv, viewport });
      await textLayer.render();
      if (cancelled || !holder.current) return;
      for (const old of holder.current.querySelectorAll(`.${classes.textLayer}`)) old.remove();
      unsteadyRef.current?.();
      holder.current.append(layerDiv);
      unsteadyRef.current = steadySelection(layerDiv, { textLayer: classes.textLayer!, endOfContent: classes.endOfContent!, selecting: classes.selecting! });
      touched.current.clear();
      setTextState({ divs: textLayer.textDivs, text });
    };
    const withdraw = scheduleRender(
      () => latest.current.distance(pageNumber - 1),
      async () => {
        if (cancelled) return;
        try {
          const page = await doc.getPage(pageNumber);
          pageRef.current = page;
          if (cancelled) return;
          const viewport = page.getViewport({ scale: zoom * CSS_UNITS, rotation: (page.rotate + rotation) % 360 });
          const drawing = drawPage(page, viewport);
          task = drawing.task;
          try {
            await drawing.task.promise;
          } catch (err) {
            releaseCanvas(drawing.canvas);
            throw err;
          }
          const box = holder.current;
          if (cancelled || !box) return releaseCanvas(drawing.canvas);
          drawing.canvas.className = classes.canvas!;
          for (const old of box.querySelectorAll('canvas')) releaseCanvas(old);
          box.prepend(drawing.canvas);
          setRendered(true);
          setFailed(false);
          // A page without selectable text still shows; only its text layer is missing.
          addTextLayer(viewport).catch(() => undefined);
        } catch (err) {
          if (!isCancel(err) && !cancelled) setFailed(true);
        }
      },
    );
    return () => {
      cancelled = true;
      withdraw();
      task?.cancel();
      textLayer?.cancel();
    };
  }, [doc, pageNumber, zoom, rotation]);

  // Leaving the list: free the pixels now and let pdf.js drop the page's parsed drawing operations.
  useEffect(() => {
    const box = holder.current;
    return () => {
      unsteadyRef.current?.();
      unsteadyRef.current = null;
      if (box) for (const c of box.querySelectorAll('canvas')) releaseCanvas(c);
      try {
        pageRef.current?.cleanup();
      } catch {
        // the document may already be destroyed; nothing left to free
      }
    };
  }, []);

  // Find highlights: rebuild only the spans a hit touches, and restore the ones an earlier search touched.
  useLayoutEffect(() => {
    if (!textState) return;
    const { divs, text } = textState;
    for (const i of touched.current) if (divs[i]) divs[i].textContent = text.items[i]!.str;
    touched.current.clear();
    if (!hits?.length) return;
    const perItem = new Map<number, { from: number; to: number; hit: Hit }[]>();
    for (const hit of hits) {
      for (const s of itemSpans(text, hit.start, hit.end)) {
        const list = perItem.get(s.item) ?? [];
        list.push({ from: s.from, to: s.to, hit });
        perItem.set(s.item, list);
      }
    }
    let selectedEl: HTMLElement | null = null;
    for (const [i, spans] of perItem) {
      const div = divs[i];
      if (!div) continue;
      const str = text.items[i]!.str;
      div.textContent = '';
      let pos = 0;
      for (const s of spans.sort((a, b) => a.from - b.from)) {
        if (s.from > pos) div.append(str.slice(pos, s.from));
        const mark = document.createElement('span');
        const isSelected = selectedHit !== null && s.hit === selectedHit;
        mark.className = `highlight appended${isSelected ? ' selected' : ''}`;
        mark.textContent = str.slice(Math.max(pos, s.from), s.to);
        div.append(mark);
        if (isSelected && !selectedEl) selectedEl = mark;
        pos = Math.max(pos, s.to);
      }
      if (pos < str.length) div.append(str.slice(pos));
      touched.current.add(i);
    }
    if (selectedEl && selectedHit) latest.current.onHitShown(selectedHit, selectedEl);
  }, [textState, hits, selectedHit]);

  return (
    <div
      className={classes.page}
      data-testid={`pdf-page-${pageNumber}`}
      data-page-number={pageNumber}
      data-rendered={rendered ? 'true' : 'false'}
      role="group"
      aria-label={`Page ${pageNumber}`}
      style={{
        top,
        width,
        height,
        // pdf.js sizes its text layer from these: the page's scale from PDF units to CSS pixels.
        ['--total-scale-factor' as string]: cssZoom * CSS_UNITS,
        ['--scale-round-x' as string]: '1px',
        ['--scale-round-y' as string]: '1px',
      }}
    >
      <div ref={holder} className={classes.layers} />
      {!rendered && !failed && <div className={classes.placeholder} aria-hidden="true" />}
      {failed && (
        <div className={classes.pageError} role="alert">
          Page {pageNumber} could not be shown.
        </div>
      )}
    </div>
  );
});

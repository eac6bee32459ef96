import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { computeLayout, rotatedSize, type Rotation } from './layout';
import { drawPage, isCancel, releaseCanvas } from './draw';
import { CSS_UNITS } from './pdfjs';
import { scheduleRender } from './renderQueue';
import { useVisible } from './useVisible';
import type { PageSize } from './usePdfDocument';
import classes from './PdfViewer.module.css';

const THUMB_WIDTH = 88;
const LABEL_HEIGHT = 16;
const OVERSCAN = 3;
/** Thumbnails wait behind every page of the main view that wants drawing. */
const THUMB_PRIORITY = 1000;

interface Props {
  doc: PDFDocumentProxy;
  sizes: PageSize[];
  rotation: Rotation;
  /** 1-based page being read. */
  current: number;
  onSelect(page: number): void;
}

/** The page thumbnails, virtualised like the pages and drawn at low resolution only while in view. */
export function Thumbnails({ doc, sizes, rotation, current, onSelect }: Props) {
  const ref = useRef<HTMLElement>(null);
  const scale = useMemo(() => THUMB_WIDTH / Math.max(1, ...sizes.map((s) => rotatedSize(s, rotation).w)), [sizes, rotation]);
  const layout = useMemo(() => computeLayout(sizes, scale, rotation, LABEL_HEIGHT), [sizes, scale, rotation]);
  const { visible } = useVisible(ref, layout);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;

  // Keep the page being read in view in the sidebar.
  useLayoutEffect(() => {
    const el = ref.current;
    const i = current - 1;
    if (!el || i < 0 || i >= sizes.length) return;
    const top = layout.tops[i]!;
    const bottom = top + layout.heights[i]!;
    if (top < el.scrollTop) el.scrollTop = top - 8;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight + 8;
  }, [current, layout, sizes.length]);

  const first = Math.max(0, visible.first - OVERSCAN);
  const last = Math.min(sizes.length - 1, visible.last + OVERSCAN);
  const slots = [];
  for (let i = first; i <= last; i++) {
    slots.push(
      <Thumb
        key={i}
        doc={doc}
        pageNumber={i + 1}
        top={layout.tops[i]!}
        width={layout.widths[i]!}
        height={layout.heights[i]! - LABEL_HEIGHT}
        scale={scale}
        rotation={rotation}
        current={i + 1 === current}
        distance={() => {
          const v = visibleRef.current;
          return THUMB_PRIORITY + (i < v.first ? v.first - i : i > v.last ? i - v.last : 0);
        }}
        onSelect={onSelect}
      />,
    );
  }
  return (
    <nav ref={ref} className={classes.thumbs} aria-label="Page thumbnails" data-testid="pdf-thumbnails">
      <div style={{ height: layout.total, position: 'relative' }}>{slots}</div>
    </nav>
  );
}

interface ThumbProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  top: number;
  width: number;
  height: number;
  scale: number;
  rotation: Rotation;
  current: boolean;
  distance(): number;
  onSelect(page: number): void;
}

function Thumb({ doc, pageNumber, top, width, height, scale, rotation, current, distance, onSelect }: ThumbProps) {
  const box = useRef<HTMLDivElement>(null);
  const distanceRef = useRef(distance);
  distanceRef.current = distance;

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void } | null = null;
    const withdraw = scheduleRender(
      () => distanceRef.current(),
      async () => {
        if (cancelled) return;
        const page = await doc.getPage(pageNumber);
        if (cancelled) return;
        // `scale` is relative to the CSS-pixel sizes; pdf.js wants it relative to PDF points.
        const viewport = page.getViewport({ scale: scale * CSS_UNITS, rotation: (page.rotate + rotation) % 360 });
        const drawing = drawPage(page, viewport);
        task = drawing.task;
        try {
          await drawing.task.promise;
        } catch (err) {
          releaseCanvas(drawing.canvas);
          if (!isCancel(err)) throw err;
          return;
        }
        if (cancelled || !box.current) return releaseCanvas(drawing.canvas);
        box.current.replaceChildren(drawing.canvas);
      },
    );
    const holder = box.current;
    return () => {
      cancelled = true;
      withdraw();
      task?.cancel();
      if (holder) for (const c of holder.querySelectorAll('canvas')) releaseCanvas(c);
    };
  }, [doc, pageNumber, scale, rotation]);

  return (
    <button
      type="button"
      className={classes.thumb}
      style={{ top, width: width + 8 }}
      aria-label={`Go to page ${pageNumber}`}
      aria-current={current ? 'page' : undefined}
      onClick={() => onSelect(pageNumber)}
    >
      <div ref={box} className={classes.thumbImage} style={{ width, height }} />
      <span>{pageNumber}</span>
    </button>
  );
}

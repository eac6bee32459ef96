/**
 * Page layout for the virtualised page list, as plain arithmetic: every page slot's size is known from its viewport,
 * so the list needs no DOM measuring and a 300-page document costs 300 numbers, not 300 elements.
 */
import type { PageSize } from './usePdfDocument';

export const PAGE_GAP = 12;
export const PAGE_PAD = 16;

export type Rotation = 0 | 90 | 180 | 270;

export type ZoomMode = { kind: 'auto' } | { kind: 'fit-width' } | { kind: 'fit-page' } | { kind: 'scale'; value: number };

export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5];
export const MIN_ZOOM = ZOOM_STEPS[0]!;
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1]!;

export function rotatedSize(size: PageSize, rotation: Rotation): PageSize {
  return rotation % 180 === 0 ? size : { w: size.h, h: size.w };
}

export interface Layout {
  /** Top of each page slot, in CSS px from the top of the scroll content. */
  tops: Float64Array;
  heights: Float64Array;
  widths: Float64Array;
  total: number;
  maxWidth: number;
}

/** `extra` adds the same height to every slot (the thumbnails' page-number label). */
export function computeLayout(sizes: PageSize[], scale: number, rotation: Rotation, extra = 0): Layout {
  const n = sizes.length;
  const tops = new Float64Array(n);
  const heights = new Float64Array(n);
  const widths = new Float64Array(n);
  let y = PAGE_PAD;
  let maxWidth = 0;
  for (let i = 0; i < n; i++) {
    const s = rotatedSize(sizes[i]!, rotation);
    // Whole pixels: the canvas and its slot then agree exactly and nothing drifts over hundreds of pages.
    const w = Math.floor(s.w * scale);
    const h = Math.floor(s.h * scale) + extra;
    tops[i] = y;
    heights[i] = h;
    widths[i] = w;
    maxWidth = Math.max(maxWidth, w);
    y += h + PAGE_GAP;
  }
  return { tops, heights, widths, total: y - PAGE_GAP + PAGE_PAD, maxWidth };
}

/** Index of the last page whose top is at or above `y` (binary search over the sorted tops). */
export function pageAt(layout: Layout, y: number): number {
  let lo = 0;
  let hi = layout.tops.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Visible {
  first: number;
  last: number;
  /** The page that fills most of the viewport: what "Page n of N" shows and what a citation points at. */
  current: number;
}

export function visibleRange(layout: Layout, scrollTop: number, viewport: number): Visible {
  const n = layout.tops.length;
  if (n === 0) return { first: 0, last: -1, current: 0 };
  const bottom = scrollTop + viewport;
  const first = pageAt(layout, scrollTop);
  let last = first;
  while (last + 1 < n && layout.tops[last + 1]! < bottom) last++;
  let current = first;
  let best = -1;
  for (let i = first; i <= last; i++) {
    const seen = Math.min(bottom, layout.tops[i]! + layout.heights[i]!) - Math.max(scrollTop, layout.tops[i]!);
    if (seen > best + 1) {
      best = seen;
      current = i;
    }
  }
  return { first, last, current };
}

export function nextZoomStep(scale: number, dir: 1 | -1): number {
  if (dir > 0) return ZOOM_STEPS.find((s) => s > scale + 0.001) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < scale - 0.001) ?? MIN_ZOOM;
}

/** The scale a zoom mode stands for in a viewport of `width` x `height` CSS px, for a page of `size` at 100%. */
export function resolveScale(mode: ZoomMode, size: PageSize | undefined, rotation: Rotation, width: number, height: number): number {
  if (mode.kind === 'scale') return mode.value;
  if (!size || width <= 0 || height <= 0) return 1;
  const s = rotatedSize(size, rotation);
  const fitWidth = (width - 2 * PAGE_PAD) / s.w;
  const fitPage = Math.min(fitWidth, (height - 2 * PAGE_PAD) / s.h);
  const clamp = (v: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v));
  if (mode.kind === 'fit-width') return clamp(fitWidth);
  if (mode.kind === 'fit-page') return clamp(fitPage);
  // "auto", as in pdf.js: fit the width of portrait pages but never beyond 125 %; landscape pages fit whole.
  return clamp(s.w <= s.h ? Math.min(1.25, fitWidth) : fitPage);
}

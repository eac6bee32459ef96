import type { PageViewport, PDFPageProxy, RenderTask } from 'pdfjs-dist';

/** Canvases beyond this many device pixels are drawn at a lower resolution and stretched: a 400 % A4 page at 2x DPR would otherwise take ~200 MB. */
const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

export interface Drawing {
  canvas: HTMLCanvasElement;
  task: RenderTask;
}

/** Starts drawing `page` into a new canvas sized for `viewport` at the screen's pixel ratio; the canvas is shown by the caller once `task.promise` resolves. */
export function drawPage(page: PDFPageProxy, viewport: PageViewport): Drawing {
  let ratio = window.devicePixelRatio || 1;
  const area = viewport.width * viewport.height;
  if (area * ratio * ratio > MAX_CANVAS_PIXELS) ratio = Math.sqrt(MAX_CANVAS_PIXELS / area);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(viewport.width * ratio));
  canvas.height = Math.max(1, Math.floor(viewport.height * ratio));
  canvas.setAttribute('aria-hidden', 'true');
  const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
  return { canvas, task };
}

/** Gives a canvas's pixel memory back now rather than whenever it is garbage collected. */
export function releaseCanvas(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
  canvas.remove();
}

export const isCancel = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && ['RenderingCancelledException', 'AbortException'].includes(String((err as { name?: unknown }).name));

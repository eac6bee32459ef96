/** Image zoom and pan as arithmetic on a view: the image is centred in the stage, then offset by (x, y). */
export interface View {
  scale: number;
  x: number;
  y: number;
  /** Fitted views follow the stage's size; any zoom or pan leaves fit. */
  fit: boolean;
}

export interface Size {
  w: number;
  h: number;
}

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 8;
const STEP = 1.25;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function fitScale(natural: Size, box: Size): number {
  if (natural.w <= 0 || natural.h <= 0 || box.w <= 0 || box.h <= 0) return 1;
  return clamp(Math.min(box.w / natural.w, box.h / natural.h), MIN_SCALE, MAX_SCALE);
}

export function stepScale(scale: number, dir: 1 | -1): number {
  return clamp(dir > 0 ? scale * STEP : scale / STEP, MIN_SCALE, MAX_SCALE);
}

/** Zooms to `scale` keeping the image point under `at` (stage coordinates) where it is. */
export function zoomAt(view: View, scale: number, at: { x: number; y: number }, box: Size): View {
  const next = clamp(scale, MIN_SCALE, MAX_SCALE);
  const k = next / view.scale;
  // With the image centred, its centre sits at (box/2 + offset); zooming about `at` scales that centre's distance from `at`.
  const cx = box.w / 2 + view.x;
  const cy = box.h / 2 + view.y;
  return { scale: next, fit: false, x: at.x + (cx - at.x) * k - box.w / 2, y: at.y + (cy - at.y) * k - box.h / 2 };
}

/** Keeps some of the image in the stage: an image smaller than the stage stays centred on that axis. */
export function clampPan(view: View, natural: Size, box: Size): View {
  const maxX = Math.max(0, (natural.w * view.scale - box.w) / 2);
  const maxY = Math.max(0, (natural.h * view.scale - box.h) / 2);
  return { ...view, x: clamp(view.x, -maxX, maxX), y: clamp(view.y, -maxY, maxY) };
}

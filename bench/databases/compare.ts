/** The API path timed beside its bare baseline, interleaved so machine noise lands on both, and printed as ratios. */
import { percentile } from '../stats';

export interface Paired {
  app: number[];
  bare: number[];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** `n` timings of each, app then bare then app…, after a few untimed runs of each (caches, prepared plans). */
export async function interleaved(n: number, app: () => Promise<unknown>, bare: () => Promise<unknown>, warmup = 5): Promise<Paired> {
  for (let i = 0; i < warmup; i++) {
    await app();
    await bare();
  }
  const out: Paired = { app: [], bare: [] };
  for (let i = 0; i < n; i++) {
    out.app.push(await timed(app));
    out.bare.push(await timed(bare));
  }
  return out;
}

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((x, y) => x - y),
    50,
  );

export const ratio = (app: number, bare: number) => `${(app / bare).toFixed(1)}×`;

/** `<label> (API / bare, median)` and `(…, p95)`, each `a / b ms = r×`. */
export function ratioFigures(label: string, { app, bare }: Paired): Record<string, string> {
  const a = [...app].sort((x, y) => x - y);
  const b = [...bare].sort((x, y) => x - y);
  const out: Record<string, string> = {};
  for (const [name, p] of [
    ['median', 50],
    ['p95', 95],
  ] as const) {
    const [x, y] = [percentile(a, p), percentile(b, p)];
    out[`${label} (API / bare, ${name})`] = `${x.toFixed(2)} / ${y.toFixed(2)} ms = ${ratio(x, y)}`;
  }
  return out;
}

/** Where a bare figure's time goes: the medians of its two parts (timed as `interleaved(n, first, second)`), `a / b ms`. */
export function splitFigure({ app: first, bare: second }: Paired): string {
  return `${median(first).toFixed(2)} / ${median(second).toFixed(2)} ms`;
}

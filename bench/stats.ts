/** Small helpers for printing benchmark figures. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samplesMs: number[]): { median: string; p95: string } {
  const s = [...samplesMs].sort((a, b) => a - b);
  return { median: `${percentile(s, 50).toFixed(2)} ms`, p95: `${percentile(s, 95).toFixed(2)} ms` };
}

/** For synchronous work only (pure domain code): a promise returned here would be timed before it settles. */
export function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

/** For the services, which are async: the time until `fn`'s promise settles. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

/** `n` timings of `fn`, one after another: overlapping calls would queue on the one connection and time each other. */
export async function samplesAsync(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) samples.push((await timeAsync(fn))[1]);
  return samples;
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

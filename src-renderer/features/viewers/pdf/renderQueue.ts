/**
 * Canvas drawing happens on the main thread, so drawing every page that scrolls past would stall scrolling. Pages ask
 * this queue for a turn; at most two draw at once and the next turn goes to the page nearest the viewport (the
 * priority is read when the turn comes up, so a page that has meanwhile scrolled away waits or is cancelled).
 */
interface Job {
  priority(): number;
  run(): Promise<void>;
}

const MAX_CONCURRENT = 2;
const waiting = new Set<Job>();
let running = 0;
let heldUntil = 0;
let wake: ReturnType<typeof setTimeout> | null = null;

/**
 * Starts no new drawing for `ms` (extended by each call): while the reader flings through a long document, pages
 * pass faster than they can be drawn, and drawing them would only take frames from the scrolling.
 */
export function holdRenders(ms: number): void {
  heldUntil = Math.max(heldUntil, performance.now() + ms);
}

function pump(): void {
  const wait = heldUntil - performance.now();
  if (wait > 0) {
    if (!wake) wake = setTimeout(() => ((wake = null), pump()), wait);
    return;
  }
  while (running < MAX_CONCURRENT && waiting.size > 0) {
    let best: Job | null = null;
    let bestP = Infinity;
    for (const j of waiting) {
      const p = j.priority();
      if (p < bestP) {
        best = j;
        bestP = p;
      }
    }
    if (!best) return;
    waiting.delete(best);
    running++;
    void best
      .run()
      .catch(() => undefined)
      .finally(() => {
        running--;
        pump();
      });
  }
}

/** Queues `run`; the returned function withdraws it if it has not started (a started job must stop itself). */
export function scheduleRender(priority: () => number, run: () => Promise<void>): () => void {
  const job: Job = { priority, run };
  waiting.add(job);
  // A microtask later, so pages mounted in the same commit compete on priority rather than on mount order.
  queueMicrotask(pump);
  return () => {
    waiting.delete(job);
  };
}

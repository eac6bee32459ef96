/**
 * The evidence viewers in Debian's Chromium against an in-process browser shell: a generated 300-page PDF (time to
 * the first page drawn, scrolling through all of it, a jump to a far page, JS heap and canvases afterwards) and a
 * demo video (time to the first frame). Needs the renderer built (npm run build:renderer).
 *
 * Run alone: `npx tsx bench/viewer.bench.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { openServices } from '../src-main/core/services';
import { importPath } from '../src-main/services/import/importer';
import { createReviewer, systemActor } from '../src-main/services/reviewers';
import { makeLongPdf } from '../scripts/demo/pdf';
import { tempDir, writeCatalogue, writePackageFolder } from '../tests/support/fixtures';
import { mb, percentile } from './stats';
import { withBrowserShell } from './browser';

const PAGES = 300;
const VIDEO = 'resources/demo/portfolios/P-2026-011/evidence/social-studies-discussion.mp4';
/** Scroll speeds in CSS px per second: a steady read (about 2 pages a second at the default 125 %) and a fling through everything (about 14). */
const READ_PX_PER_S = 2_500;
const READ_PAGES = 30;
const FLING_PX_PER_S = 20_000;

const ms = (v: number) => `${v.toFixed(0)} ms`;
/** Progress on stderr, so a slow step shows where it is (the figures go to stdout). */
const progress = (what: string) => process.env.BENCH_QUIET || console.error(`[viewer bench] ${what}`);

/**
 * Clicks a row's Open button and returns the milliseconds, measured in the page, from the click to `done` (a
 * MutationObserver-driven predicate installed before the click, so nothing is lost to Playwright's polling).
 */
async function timeOpen(page: Page, evidenceId: string, script: string): Promise<number> {
  const row = page.getByTestId(`evidence-${evidenceId}`);
  // `; 0`: the script's value is a promise, and evaluate would wait for it (it resolves only after the click).
  await page.evaluate(`${script}; 0`);
  await row.getByRole('button', { name: 'Open' }).click();
  return page.evaluate(() => (window as unknown as { __benchDone: Promise<number> }).__benchDone);
}

/** Resolves `__benchDone` with the time from the next pointerdown to the first data-rendered="true" on page 1. */
const FIRST_PAGE_SCRIPT = `
  window.__benchDone = new Promise((resolve) => {
    let t0 = 0;
    document.addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true, once: true });
    const check = () => {
      const el = document.querySelector('[data-testid="pdf-page-1"][data-rendered="true"]');
      if (el && t0) { obs.disconnect(); resolve(performance.now() - t0); }
    };
    const obs = new MutationObserver(check);
    obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-rendered'] });
  });`;

/** Resolves `__benchDone` with the time from the next pointerdown to the video's first `loadeddata`. */
const FIRST_FRAME_SCRIPT = `
  window.__benchDone = new Promise((resolve) => {
    let t0 = 0;
    document.addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true, once: true });
    const obs = new MutationObserver(() => {
      const v = document.querySelector('[data-testid="video-viewer"] video');
      if (!v) return;
      obs.disconnect();
      if (v.readyState >= 2) resolve(performance.now() - t0);
      else v.addEventListener('loadeddata', () => resolve(performance.now() - t0), { once: true });
    });
    obs.observe(document.body, { subtree: true, childList: true });
  });`;

interface ScrollResult {
  seconds: number;
  frames: number;
  p50: number;
  p95: number;
  longFrames: number;
  blankFrames: number;
  maxCanvases: number;
}

/**
 * Scrolls the page list from top to bottom at a steady speed, one step per animation frame, recording each frame's
 * duration, whether any page slot on screen was still undrawn, and how many canvases existed.
 */
async function scrollThrough(page: Page, speed: number, untilPage: number): Promise<ScrollResult> {
  // A string, not a function: tsx would add its `__name` helper to the closures, which the page does not have.
  return page.evaluate(`(async (speed, untilPage) => {
    const sc = document.querySelector('[data-testid="pdf-scroller"]');
    sc.scrollTop = 0;
    await new Promise((r) => setTimeout(r, 1000));
    const stopAt = untilPage ? document.querySelector('[data-page-number="1"]').offsetHeight * (untilPage - 1) : Infinity;
    const frames = [];
    let blank = 0;
    let maxCanvases = 0;
    const start = performance.now();
    let last = start;
    await new Promise((done) => {
      const step = (now) => {
        frames.push(now - last);
        last = now;
        const view = sc.getBoundingClientRect();
        const onScreen = [...sc.querySelectorAll('[data-page-number]')].filter((p) => {
          const r = p.getBoundingClientRect();
          return r.bottom > view.top && r.top < view.bottom;
        });
        if (onScreen.some((p) => p.dataset.rendered !== 'true')) blank++;
        maxCanvases = Math.max(maxCanvases, sc.querySelectorAll('canvas').length);
        if (sc.scrollTop + sc.clientHeight >= sc.scrollHeight - 1 || sc.scrollTop >= stopAt) return done();
        sc.scrollTop = ((now - start) / 1000) * speed;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    const sorted = frames.slice(1).sort((a, b) => a - b);
    const pick = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
    return {
      seconds: (performance.now() - start) / 1000,
      frames: sorted.length,
      p50: pick(50),
      p95: pick(95),
      longFrames: sorted.filter((f) => f > 50).length,
      blankFrames: blank,
      maxCanvases,
    };
  })(${speed}, ${untilPage})`);
}

export async function benchViewer(): Promise<Record<string, string>> {
  if (!fs.existsSync(path.resolve('out/renderer/index.html'))) throw new Error('renderer not built: run `npm run build:renderer` first');
  const work = tempDir('ew-bench-viewer-');
  writeCatalogue(work);
  const longPdf = await makeLongPdf(PAGES);
  const video = new Uint8Array(fs.readFileSync(path.resolve(VIDEO)));
  await writePackageFolder(path.join(work, 'P-LONG'), {
    id: 'P-LONG',
    files: {
      'long.pdf': { bytes: longPdf, media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] },
      'clip.mp4': { bytes: video, media_type: 'video/mp4', kind: 'video', criteria: ['reflection'] },
    },
  });
  const dataDir = tempDir('ew-bench-viewer-data-');
  const ctx = await openServices({ dataDir });
  await importPath(ctx, work, { actor: 'bench' });
  // The app asks who is reviewing before anything else; an administrator may open any portfolio.
  const admin = await createReviewer(
    ctx,
    { name: 'Bench Admin', email: 'bench@example.nz', school: '', district: '', roles: ['admin', 'reviewer'] },
    systemActor('bench'),
  );

  const out: Record<string, string> = { 'viewer: PDF': `${PAGES} pages, ${mb(longPdf.length)}` };
  await withBrowserShell(ctx, async (shell, browser) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };
    // The portfolio page's evidence list, opened by the administrator.
    await page.addInitScript(`localStorage.setItem('ew.reviewer', ${JSON.stringify(admin.id)})`);
    await page.goto(shell.url);
    await page.goto(`${shell.url.split('?')[0]}#/portfolio/P-LONG`);
    const pdfRow = page.getByTestId('evidence-E1');
    await pdfRow.waitFor();
    const heapBefore = await heap();
    progress('opening the 300-page PDF');

    // Time to the first page: the first open (cold: worker, fonts, document) and then re-opens.
    const firsts: number[] = [];
    for (let i = 0; i < 6; i++) {
      firsts.push(await timeOpen(page, 'E1', FIRST_PAGE_SCRIPT));
      if (i < 5) {
        await pdfRow.getByRole('button', { name: 'Close' }).click();
        await page.getByTestId('pdf-viewer').waitFor({ state: 'detached' });
      }
    }
    const warm = firsts.slice(1).sort((a, b) => a - b);
    out['viewer: open → first PDF page drawn, first open'] = ms(firsts[0]!);
    out['viewer: open → first PDF page drawn, re-open (median / max of 5)'] = `${ms(percentile(warm, 50))} / ${ms(warm[warm.length - 1]!)}`;

    progress('scrolling');
    // Page sizes load in the background after page 1; let that finish, then scroll: a steady read, then a fling.
    await page.waitForTimeout(1000);
    const describe = (name: string, r: ScrollResult, speed: number, pages: number) => {
      out[`viewer: ${name}`] = `${r.seconds.toFixed(1)} s at ${(speed / 1000).toFixed(1)}k px/s, ${((r.seconds * 1000) / pages).toFixed(0)} ms per page`;
      out[`viewer: ${name}, frame time (median / p95)`] = `${r.p50.toFixed(1)} ms / ${r.p95.toFixed(1)} ms (${r.frames} frames)`;
      out[`viewer: ${name}, frames over 50 ms`] = `${r.longFrames} (${((100 * r.longFrames) / r.frames).toFixed(1)} %)`;
      out[`viewer: ${name}, frames showing an undrawn page`] = `${r.blankFrames} (${((100 * r.blankFrames) / r.frames).toFixed(1)} %)`;
      out[`viewer: ${name}, canvases alive (max)`] = String(r.maxCanvases);
    };
    describe(`read ${READ_PAGES} pages`, await scrollThrough(page, READ_PX_PER_S, READ_PAGES + 1), READ_PX_PER_S, READ_PAGES);
    describe(`fling through ${PAGES} pages`, await scrollThrough(page, FLING_PX_PER_S, 0), FLING_PX_PER_S, PAGES);

    progress('jumping');
    // A jump far away through the page field.
    const field = page.getByRole('textbox', { name: 'Page number' });
    const jumps: number[] = [];
    for (const n of [150, 40, 260]) {
      await field.fill(String(n));
      const t0 = Date.now();
      await field.press('Enter');
      await page.locator(`[data-testid="pdf-page-${n}"][data-rendered="true"]`).waitFor();
      jumps.push(Date.now() - t0);
    }
    out['viewer: jump to a far page → drawn (median of 3)'] = ms(
      percentile(
        [...jumps].sort((a, b) => a - b),
        50,
      ),
    );

    // Find across all 300 pages: the first hit (searched from the page being read) and the complete count.
    progress('finding');
    await page.getByRole('textbox', { name: 'Page number' }).fill('1');
    await page.getByRole('textbox', { name: 'Page number' }).press('Enter');
    await page.getByRole('button', { name: 'Find' }).click();
    const count = page.getByTestId('find-count');
    const f0 = Date.now();
    await page.getByRole('textbox', { name: 'Find in document' }).fill('whanau');
    await count.filter({ hasText: /^1 of / }).waitFor();
    const firstHit = Date.now() - f0;
    await count.filter({ hasText: /^\d+ of \d+$/ }).waitFor({ timeout: 120_000 });
    const allHits = Date.now() - f0;
    out['viewer: find "whanau" in 300 pages: first hit / all counted'] =
      `${ms(firstHit)} / ${ms(allHits)} (${(await count.textContent())!.split(' of ')[1]} hits)`;
    await page.getByRole('button', { name: 'Close find' }).click();

    await page.waitForTimeout(500);
    const canvases = await page.evaluate(() => {
      const all = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="pdf-viewer"] canvas')];
      return { count: all.length, pixels: all.reduce((s, c) => s + c.width * c.height, 0) };
    });
    const heapAfter = await heap();
    out['viewer: JS heap after scrolling (before opening → after)'] = `${mb(heapBefore)} → ${mb(heapAfter)}`;
    out['viewer: canvases kept after scrolling'] = `${canvases.count} (${mb(canvases.pixels * 4)} of pixels)`;

    progress('video');
    // Video: click to first frame (loadeddata), first open then re-opens.
    await pdfRow.getByRole('button', { name: 'Close' }).click();
    const videoRow = page.getByTestId('evidence-E2');
    const frames: number[] = [];
    for (let i = 0; i < 4; i++) {
      frames.push(await timeOpen(page, 'E2', FIRST_FRAME_SCRIPT));
      await videoRow.getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('video-viewer').waitFor({ state: 'detached' });
    }
    const warmFrames = frames.slice(1).sort((a, b) => a - b);
    out['viewer: open → first video frame (loadeddata), first open'] = ms(frames[0]!);
    out['viewer: open → first video frame, re-open (median of 3)'] = ms(percentile(warmFrames, 50));
  });
  await ctx.close();
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const figures = await benchViewer();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(64)} ${v}`);
}

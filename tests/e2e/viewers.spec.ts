import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { importPath } from '../../src-main/services/import/importer';
import { tempDir, writeCatalogue, writePackageFolder } from '../support/fixtures';
import { seriousViolations } from './axe';
import { test, expect, type Workbench } from './fixtures';

/*
 * The evidence viewers, driven as a reviewer uses them: from a portfolio page's Open button (and, for citations, from
 * the review page). Demo evidence used: P-2026-011 (a 5-page unit plan that mentions "harbour" on several pages, an
 * MP4 clip with English captions), P-2026-001 (a WebM clip), P-2026-004 (a PNG results chart).
 */

/** Opens a portfolio page and one evidence item with its Open button; returns the item's row (which holds the viewer). */
async function openEvidence(page: Page, workbench: Workbench, portfolioId: string, evidenceId: string): Promise<Locator> {
  await workbench.open(page, `/portfolio/${portfolioId}`);
  const row = page.getByTestId(`evidence-${evidenceId}`);
  await row.getByRole('button', { name: 'Open' }).click();
  return row;
}

const canvasBox = (slot: Locator) =>
  slot
    .locator('canvas')
    .first()
    .evaluate((c: HTMLCanvasElement) => ({ css: c.getBoundingClientRect().width, pixels: c.width }));

/** Drags the mouse across one text-layer span, as a reviewer selects a phrase. */
async function selectSpan(page: Page, span: Locator): Promise<void> {
  await span.scrollIntoViewIfNeeded();
  const box = (await span.boundingBox())!;
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 4, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
}

test('PDF: first page, page input, keyboard paging, zoom, fit, rotate, thumbnails', async ({ page, workbench }) => {
  const row = await openEvidence(page, workbench, 'P-2026-011', 'E1');
  const viewer = row.getByTestId('pdf-viewer');
  await viewer.scrollIntoViewIfNeeded();
  const page1 = viewer.getByTestId('pdf-page-1');
  await expect(page1).toHaveAttribute('data-rendered', 'true');
  await expect(viewer.getByTestId('pdf-page-count')).toHaveText('of 5');
  // Only the pages near the viewport exist; the rest are arithmetic.
  await expect(viewer.locator('[data-testid^="pdf-page-"][data-page-number]')).not.toHaveCount(0);
  const pageInput = viewer.getByRole('textbox', { name: 'Page number' });
  await expect(pageInput).toHaveValue('1');
  await workbench.screenshot(page, 'viewer-pdf');

  // "Page [n] of N": typing a page number goes there and draws it.
  await pageInput.fill('4');
  await pageInput.press('Enter');
  await expect(viewer.getByTestId('pdf-page-4')).toHaveAttribute('data-rendered', 'true');
  await expect(viewer.getByTestId('pdf-page-4')).toBeInViewport({ ratio: 0.3 });
  await expect(pageInput).toHaveValue('4');

  // Keyboard paging once the pages have focus.
  const scroller = viewer.getByTestId('pdf-scroller');
  await scroller.focus();
  await page.keyboard.press('End');
  await expect(pageInput).toHaveValue('5');
  await page.keyboard.press('Home');
  await expect(pageInput).toHaveValue('1');
  await page.keyboard.press('PageDown');
  await expect(pageInput).toHaveValue('2');
  await page.keyboard.press('ArrowRight');
  await expect(pageInput).toHaveValue('3');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('PageUp');
  await expect(pageInput).toHaveValue('1');

  // Zoom in: the page is laid out larger at once and redrawn at the new resolution shortly after.
  const before = await canvasBox(page1);
  const zoomLabel = viewer.getByTestId('pdf-zoom');
  const zoomBefore = await zoomLabel.textContent();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoomLabel).not.toHaveText(zoomBefore!);
  await expect.poll(async () => (await canvasBox(page1)).css).toBeGreaterThan(before.css * 1.05);
  await expect.poll(async () => (await canvasBox(page1)).pixels).toBeGreaterThan(before.pixels * 1.05);
  await viewer.getByRole('button', { name: 'Zoom out' }).click();
  await viewer.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(async () => (await canvasBox(page1)).css).toBeLessThan(before.css);

  // Fit page: the whole page fits in the pane; fit width: the page spans it.
  await viewer.getByRole('button', { name: 'Fit page' }).click();
  await expect(viewer.getByRole('button', { name: 'Fit page' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await page1.boundingBox())!.height).toBeLessThanOrEqual((await scroller.boundingBox())!.height);
  await viewer.getByRole('button', { name: 'Fit width' }).click();
  await expect.poll(async () => (await page1.boundingBox())!.width).toBeGreaterThan((await scroller.boundingBox())!.width * 0.9);

  // Rotate: a portrait page turns landscape, and back after four turns.
  const rotate = viewer.getByRole('button', { name: 'Rotate' });
  await viewer.getByRole('button', { name: 'Fit page' }).click();
  await rotate.click();
  await expect.poll(async () => {
    const b = (await page1.boundingBox())!;
    return b.width > b.height;
  }).toBe(true);
  await expect(page1).toHaveAttribute('data-rendered', 'true');
  await workbench.screenshot(page, 'viewer-pdf-rotated');
  await rotate.click();
  await rotate.click();
  await rotate.click();
  await expect.poll(async () => {
    const b = (await page1.boundingBox())!;
    return b.height > b.width;
  }).toBe(true);

  // Thumbnails: drawn lazily in a sidebar; choosing one goes to its page.
  await viewer.getByRole('button', { name: 'Thumbnails' }).click();
  const thumbs = viewer.getByRole('navigation', { name: 'Page thumbnails' });
  await expect(thumbs.getByRole('button', { name: 'Go to page 1' })).toHaveAttribute('aria-current', 'page');
  await expect(thumbs.locator('canvas').first()).toBeVisible();
  await thumbs.getByRole('button', { name: 'Go to page 3' }).click();
  await expect(pageInput).toHaveValue('3');
  await expect(thumbs.getByRole('button', { name: 'Go to page 3' })).toHaveAttribute('aria-current', 'page');
  await workbench.screenshot(page, 'viewer-pdf-thumbnails');
  await viewer.getByRole('button', { name: 'Thumbnails' }).click();
  await expect(thumbs).toHaveCount(0);
});

test('PDF: find in document counts, highlights and steps through hits; text can be selected', async ({ page, workbench }) => {
  const row = await openEvidence(page, workbench, 'P-2026-011', 'E1');
  const viewer = row.getByTestId('pdf-viewer');
  await viewer.scrollIntoViewIfNeeded();
  await expect(viewer.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  const pageInput = viewer.getByRole('textbox', { name: 'Page number' });

  // Ctrl+F opens the viewer's find bar (not the browser's) with the query field focused.
  await viewer.getByTestId('pdf-scroller').focus();
  await page.keyboard.press('Control+f');
  const findInput = viewer.getByRole('textbox', { name: 'Find in document' });
  await expect(findInput).toBeFocused();
  await findInput.fill('harbour');
  const count = viewer.getByTestId('find-count');
  await expect(count).toHaveText(/^1 of \d+$/);
  const total = Number((await count.textContent())!.split(' of ')[1]);
  expect(total).toBeGreaterThan(3);
  const selected = viewer.locator('.highlight.selected');
  await expect(selected).toHaveCount(1);
  await expect(selected).toHaveText(/^harbour$/i);
  expect(await viewer.locator('.highlight').count()).toBeGreaterThan(1);
  await workbench.screenshot(page, 'viewer-pdf-find');

  // Enter / Shift+Enter step through the hits; stepping back from the first wraps to the last, on a later page.
  await findInput.press('Enter');
  await expect(count).toHaveText(`2 of ${total}`);
  await findInput.press('Shift+Enter');
  await expect(count).toHaveText(`1 of ${total}`);
  await findInput.press('Shift+Enter');
  await expect(count).toHaveText(`${total} of ${total}`);
  await expect.poll(async () => Number(await pageInput.inputValue())).toBeGreaterThan(1);
  await expect(viewer.locator('.highlight.selected')).toBeInViewport();
  await viewer.getByRole('button', { name: 'Next match' }).click();
  await expect(count).toHaveText(`1 of ${total}`);

  // A word that is not there.
  await findInput.fill('zebra crossing');
  await expect(count).toHaveText('No matches');

  // Esc closes find and takes the highlights away.
  await findInput.press('Escape');
  await expect(findInput).toHaveCount(0);
  await expect(viewer.locator('.highlight')).toHaveCount(0);

  // The text layer lies over the glyphs: dragging across a phrase selects exactly that phrase.
  await viewer.getByTestId('pdf-scroller').focus();
  await page.keyboard.press('Home');
  const phrase = viewer.getByTestId('pdf-page-1').locator('span', { hasText: /^Manukau Harbour High School$/ }).first();
  await selectSpan(page, phrase);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Manukau Harbour High School');
});

test('PDF citations on the review page: selected text becomes the quote, anchors go back to their page', async ({ page, workbench }) => {
  // P-2026-016 waits for a reviewer in the demo (the demo's other untouched portfolios are reviewed by its history); Mika may take it.
  await workbench.open(page, '/review/P-2026-016', 'R-mika');
  const viewer = page.getByTestId('pdf-viewer');
  await expect(viewer.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');

  // currentTarget() with a selection: page 1 and the quote (the click on Cite must not lose it).
  await selectSpan(page, viewer.getByTestId('pdf-page-1').locator('span', { hasText: /^Avonside Ridge College$/ }).first());
  await page.getByRole('button', { name: 'Cite evidence for Learning intentions and success criteria' }).click();
  const quoted = page.getByRole('button', { name: /^Open Lesson sequence: forces and motion in waka ama at p\. 1 “Avonside Ridge College”$/ });
  await expect(quoted).toBeVisible();

  // Without a selection: just the page being read.
  const pageInput = viewer.getByRole('textbox', { name: 'Page number' });
  await pageInput.fill('3');
  await pageInput.press('Enter');
  await expect(pageInput).toHaveValue('3');
  await page.getByRole('button', { name: 'Cite evidence for Eliciting evidence of learning' }).click();
  await expect(page.getByRole('button', { name: /^Open Lesson sequence: forces and motion in waka ama at p\. 3$/ })).toBeVisible();

  // goTo(): opening the first citation brings page 1 back.
  await quoted.click();
  await expect(pageInput).toHaveValue('1');
  await expect(viewer.getByTestId('pdf-page-1')).toBeInViewport({ ratio: 0.5 });
  await workbench.screenshot(page, 'viewer-review-citations');

  // initialTarget: from another evidence item, a citation opens its PDF at the cited page.
  await page.getByTestId('evidence-item-E2').click();
  await expect(page.getByTestId('pdf-viewer').getByTestId('pdf-page-count')).toHaveText('of 2');
  await page.getByRole('button', { name: /^Open Lesson sequence: forces and motion in waka ama at p\. 3$/ }).click();
  await expect(page.getByTestId('pdf-viewer').getByTestId('pdf-page-count')).toHaveText('of 3');
  await expect(pageInput).toHaveValue('3');
  await expect(viewer.getByTestId('pdf-page-3')).toHaveAttribute('data-rendered', 'true');
  await expect(viewer.getByTestId('pdf-page-3')).toBeInViewport({ ratio: 0.5 });
});

test('video: plays MP4 with captions, rates, keyboard seeking and range marking', async ({ page, workbench }) => {
  const row = await openEvidence(page, workbench, 'P-2026-011', 'E4');
  const viewer = row.getByTestId('video-viewer');
  await viewer.scrollIntoViewIfNeeded();
  const video = viewer.locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
  expect(duration).toBeGreaterThan(8);

  // Playback rates.
  const rates = await viewer.locator('.vjs-playback-rate .vjs-menu-item-text').allTextContents();
  expect(rates.map((r) => r.trim())).toEqual(['2x', '1.5x', '1.25x', '1x', '0.75x', '0.5x']);

  // Captions from the manifest, the first one on by default (video.js draws them itself in Chromium).
  await expect(viewer.locator('.vjs-subs-caps-button [role="menuitemradio"]', { hasText: 'English' })).toHaveAttribute('aria-checked', 'true');

  // Space plays, K pauses; the wrapper publishes the current time.
  const time = async () => Number(await viewer.getAttribute('data-current-time'));
  const paused = () => video.evaluate((v: HTMLVideoElement) => v.paused);
  await video.evaluate((v: HTMLVideoElement) => (v.muted = true));
  await viewer.locator('.video-js').click({ position: { x: 40, y: 40 } });
  await expect.poll(paused).toBe(false);
  await page.keyboard.press('k');
  await expect.poll(paused).toBe(true);
  await page.keyboard.press(' ');
  await expect.poll(paused).toBe(false);
  await expect.poll(time).toBeGreaterThan(0.5);
  await page.keyboard.press('k');
  await expect.poll(paused).toBe(true);
  // The first cue (0.3–3.4 s) is on screen.
  if ((await time()) < 3.3) await expect(viewer.locator('.vjs-text-track-display')).toContainText('The proclamation calls them rebels.');

  // Seeking: → is 5 s, L is 10 s, J back 10 s, ← back 5 s.
  const t0 = await time();
  await page.keyboard.press('ArrowRight');
  await expect.poll(time).toBeGreaterThanOrEqual(Math.min(duration, t0 + 4.9));
  const t1 = await time();
  await page.keyboard.press('j');
  await expect.poll(time).toBeLessThanOrEqual(Math.max(0, t1 - 9.9));

  // I / O mark a range for a citation; Esc clears it.
  await page.keyboard.press('ArrowRight');
  await expect.poll(time).toBeGreaterThan(4);
  await page.keyboard.press('i');
  await page.keyboard.press('ArrowRight');
  await expect.poll(time).toBeGreaterThan(8);
  await page.keyboard.press('o');
  const range = viewer.getByTestId('video-range');
  await expect(range).toHaveText(/^Range \d+:\d\d–\d+:\d\d$/);
  await workbench.screenshot(page, 'viewer-video');
  await page.keyboard.press('Escape');
  await expect(range).toHaveText('No range marked');
});

test('video: WebM plays and seeks', async ({ page, workbench }) => {
  const row = await openEvidence(page, workbench, 'P-2026-001', 'E3');
  const viewer = row.getByTestId('video-viewer');
  const video = viewer.locator('video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  await viewer.locator('.video-js').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('k');
  await page.keyboard.press('l');
  await expect.poll(async () => Number(await viewer.getAttribute('data-current-time'))).toBeGreaterThan(5);
  expect(await video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
});

test('image: fit, zoom with buttons and keys, pan by dragging', async ({ page, workbench }) => {
  const row = await openEvidence(page, workbench, 'P-2026-004', 'E3');
  const viewer = row.getByTestId('image-viewer');
  await viewer.scrollIntoViewIfNeeded();
  const img = viewer.getByRole('img');
  await expect(img).toBeVisible();
  expect(await img.getAttribute('alt')).toBeTruthy();
  const zoom = viewer.getByTestId('image-zoom');
  const fitted = await zoom.textContent();
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom).not.toHaveText(fitted!);
  await viewer.getByRole('group').press('+');
  const wide = (await img.boundingBox())!;
  // Dragging moves the picture.
  const stage = (await viewer.getByRole('group').boundingBox())!;
  await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width / 2 + 80, stage.y + stage.height / 2 + 40, { steps: 4 });
  await page.mouse.up();
  const moved = (await img.boundingBox())!;
  expect(Math.abs(moved.x - wide.x) + Math.abs(moved.y - wide.y)).toBeGreaterThan(20);
  await workbench.screenshot(page, 'viewer-image');
  await viewer.getByRole('button', { name: 'Fit' }).click();
  await expect(zoom).toHaveText(fitted!);
});

test('damaged and password-protected PDFs say so; text evidence is shown as text', async ({ page, workbench }) => {
  const work = tempDir('ew-viewers-');
  writeCatalogue(work);
  const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve('tests/fixtures', name)));
  await writePackageFolder(path.join(work, 'P-VIEWERS'), {
    id: 'P-VIEWERS',
    files: {
      'corrupt.pdf': { bytes: fixture('corrupt.pdf'), media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] },
      'encrypted.pdf': { bytes: fixture('encrypted.pdf'), media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] },
      'notes.md': { bytes: new TextEncoder().encode('# Notes\n\nKōrero with the class about *success criteria*.\n'), media_type: 'text/markdown', kind: 'text' },
    },
  });
  const report = await importPath(workbench.ctx, work, { actor: 'test' });
  expect(report.portfolios).toEqual([{ id: 'P-VIEWERS', result: 'imported' }]);

  const damaged = await openEvidence(page, workbench, 'P-VIEWERS', 'E1');
  await expect(damaged.getByTestId('pdf-viewer').getByRole('alert')).toContainText('This PDF is damaged and cannot be shown');
  await workbench.screenshot(page, 'viewer-pdf-damaged');
  await damaged.getByRole('button', { name: 'Close' }).click();

  const locked = page.getByTestId('evidence-E2');
  await locked.getByRole('button', { name: 'Open' }).click();
  await expect(locked.getByTestId('pdf-viewer').getByRole('alert')).toContainText('This PDF is password-protected');
  await locked.getByRole('button', { name: 'Close' }).click();

  const notes = page.getByTestId('evidence-E3');
  await notes.getByRole('button', { name: 'Open' }).click();
  await expect(notes.getByTestId('text-viewer')).toContainText('Kōrero with the class about *success criteria*.');
  fs.rmSync(work, { recursive: true, force: true });
});

test('the viewers have no serious or critical accessibility violations (axe)', async ({ page, workbench }) => {
  const check = (selector: string) => seriousViolations(page, { include: selector });
  const pdf = await openEvidence(page, workbench, 'P-2026-011', 'E1');
  await expect(pdf.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  await pdf.getByRole('button', { name: 'Thumbnails' }).click();
  await pdf.getByRole('button', { name: 'Find' }).click();
  await pdf.getByRole('textbox', { name: 'Find in document' }).fill('harbour');
  await expect(pdf.getByTestId('find-count')).toHaveText(/^1 of \d+$/);
  expect(await check('[data-testid="pdf-viewer"]')).toEqual([]);
  await pdf.getByRole('button', { name: 'Close', exact: true }).click();

  const video = page.getByTestId('evidence-E4');
  await video.getByRole('button', { name: 'Open' }).click();
  await expect.poll(() => video.locator('video').evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  expect(await check('[data-testid="video-viewer"]')).toEqual([]);

  await openEvidence(page, workbench, 'P-2026-004', 'E3');
  await expect(page.getByTestId('image-viewer').getByRole('img')).toBeVisible();
  expect(await check('[data-testid="image-viewer"]')).toEqual([]);
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';

test('a new user picks a profile, sees the demo queue, filters it, opens a portfolio and its evidence', async ({ page, workbench }) => {
  await workbench.open(page, '', null);
  await expect(page.getByRole('heading', { name: 'Evidence Workbench' })).toBeVisible();
  await expect(page.getByText('Who is reviewing?')).toBeVisible();
  await workbench.screenshot(page, 'profile-picker');
  await page.getByRole('listitem').filter({ hasText: 'Te Rina Walker' }).click();
  await expect(page.getByTestId('profile-menu')).toContainText('Te Rina Walker');
  await expect(page.getByRole('heading', { name: 'Queue' })).toBeVisible();
  const total = page.getByTestId('queue-total');
  await expect(total).toHaveText(/^\d+ portfolios$/);
  const all = Number((await total.textContent())!.split(' ')[0]);
  expect(all).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await workbench.screenshot(page, 'queue');

  // Credential filter narrows the list and every row shows that credential.
  await page.getByRole('combobox', { name: 'Credential' }).click();
  await page.getByRole('option', { name: 'Effective Mentoring Practices' }).click();
  await expect(total).not.toHaveText(`${all} portfolios`);
  const rows = page.locator('[data-testid^="queue-row-"]');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allTextContents()) expect(text).toContain('Effective Mentoring Practices');

  // Search by a candidate's name from the list.
  const firstName = (await rows.first().getByRole('cell').nth(1).textContent())!.trim();
  await page.getByRole('textbox', { name: 'Search' }).fill(firstName);
  await expect(rows.first()).toContainText(firstName);
  await rows.first().click();

  await expect(page.getByTestId('review-bar')).toContainText(firstName);
  await expect(page.getByTestId('evidence-pane')).toBeVisible();
  await page.getByRole('link', { name: 'Details' }).click();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(firstName);
  await expect(page.getByText('Written responses')).toBeVisible();
  await workbench.screenshot(page, 'portfolio');
});

test('a row opened while a typed search is still pending opens that portfolio, and Back returns to the search typed', async ({ page, workbench }) => {
  await workbench.open(page, '', 'R-terina');
  const rows = page.locator('[data-testid^="queue-row-"]');
  const search = page.getByRole('textbox', { name: 'Search' });
  await search.fill('P-2026-01');
  await expect(page).toHaveURL(/q=P-2026-01/);
  await expect(rows.first()).toBeVisible();
  const id = (await rows.first().getByRole('cell').first().textContent())!.trim();
  // Typed and clicked at once: the row is opened before the search has waited out its debounce.
  await search.pressSequentially(id.slice('P-2026-01'.length));
  await page.locator(`[data-testid="queue-row-${id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#/review/${id}$`));
  await expect(page.getByTestId('review-bar')).toBeVisible();
  await page.waitForTimeout(400); // longer than the debounce: a late search update would have replaced the page by now
  await expect(page).toHaveURL(new RegExp(`#/review/${id}$`));
  await page.goBack();
  await expect(search).toHaveValue(id);
  await expect(page.locator(`[data-testid="queue-row-${id}"]`)).toBeVisible();
});

test('evidence files come from the store: a PDF and a video with byte ranges', async ({ page, workbench }) => {
  await workbench.open(page);
  const pdf = (await workbench.ctx.db.get("SELECT sha256, bytes FROM evidence WHERE kind = 'pdf' LIMIT 1")) as { sha256: string; bytes: number };
  const video = (await workbench.ctx.db.get("SELECT sha256, bytes, media_type AS type FROM evidence WHERE kind = 'video' LIMIT 1")) as {
    sha256: string;
    bytes: number;
    type: string;
  };
  const fetched = await page.evaluate(
    async ({ pdf, video }) => {
      const p = await fetch(`/evidence/${pdf}`);
      const head = new Uint8Array(await p.arrayBuffer()).slice(0, 5);
      const v = await fetch(`/evidence/${video}`, { headers: { Range: 'bytes=0-1023' } });
      return {
        pdfStatus: p.status,
        pdfType: p.headers.get('content-type'),
        head: String.fromCharCode(...head),
        videoStatus: v.status,
        videoRange: v.headers.get('content-range'),
        videoLen: (await v.arrayBuffer()).byteLength,
      };
    },
    { pdf: pdf.sha256, video: video.sha256 },
  );
  expect(fetched).toEqual({
    pdfStatus: 200,
    pdfType: 'application/pdf',
    head: '%PDF-',
    videoStatus: 206,
    videoRange: `bytes 0-1023/${video.bytes}`,
    videoLen: 1024,
  });

  // The browser itself plays the stored video (seeking needs the ranges above).
  const playable = await page.evaluate(async (src) => {
    const v = document.createElement('video');
    v.muted = true;
    v.src = src;
    document.body.append(v);
    await new Promise((resolve, reject) => {
      v.onloadeddata = resolve;
      v.onerror = () => reject(new Error(`video error ${v.error?.code}`));
    });
    v.currentTime = Math.min(3, v.duration / 2);
    await new Promise((resolve) => (v.onseeked = resolve));
    return { duration: v.duration, time: v.currentTime, width: v.videoWidth };
  }, `/evidence/${video.sha256}`);
  expect(playable.duration).toBeGreaterThan(3);
  expect(playable.time).toBeGreaterThan(0);
  expect(playable.width).toBeGreaterThan(0);
});

test('`npm run serve` starts the browser shell on demo data and prints a tokenised loopback URL', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-serve-'));
  const child = spawn('node', ['scripts/serve.mjs', '--data', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${out}`)), 45_000);
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /Open: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.stderr!.on('data', (d) => (out += d));
      child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}`)));
    });
    const bare = await page.request.get(url.split('?')[0]!);
    expect(bare.status()).toBe(401);
    await page.goto(url);
    await page.getByRole('listitem').filter({ hasText: 'Mika Henare' }).click();
    await expect(page.getByTestId('queue-total')).toHaveText(/^\d+ portfolios$/);
    expect(fs.existsSync(path.join(dataDir, 'queue.sqlite'))).toBe(true);
  } finally {
    child.kill('SIGTERM');
  }
});

/**
 * Time from confirming "Submit & next" to the next portfolio ready to score (rubric shown, first PDF page drawn),
 * in Debian's Chromium against the browser shell. Needs the renderer built (npm run build:renderer).
 */
import fs from 'node:fs';
import path from 'node:path';
import { openServices } from '../src-main/core/services';
import { importPath } from '../src-main/services/import/importer';
import { createReviewer, systemActor } from '../src-main/services/reviewers';
import { setPolicy } from '../src-main/services/panels/policies';
import { makePdf, tempDir, writeCatalogue, writePackageFolder } from '../tests/support/fixtures';
import { summarize } from './stats';
import { withBrowserShell } from './browser';

export async function benchWorkbench(n = 12): Promise<Record<string, string>> {
  const work = tempDir('ew-bench-wb-');
  writeCatalogue(work);
  const pdf = await makePdf(6);
  for (let i = 0; i < n; i++)
    await writePackageFolder(path.join(work, `P-${String(i).padStart(3, '0')}`), {
      id: `P-${String(i).padStart(3, '0')}`,
      candidate: { id: `C-${i}`, email: `c${i}@example.nz` },
      submitted_at: new Date(Date.UTC(2026, 4, 1, 9, i)).toISOString(),
      files: { 'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] } },
    });
  const dataDir = tempDir('ew-bench-wb-data-');
  const ctx = await openServices({ dataDir });
  await importPath(ctx, work, { actor: 'bench' });
  const admin = systemActor('bench');
  await setPolicy(ctx, 'TST-8', { reviews_required: 1 }, admin);
  const reviewer = await createReviewer(
    ctx,
    { name: 'Bench Reviewer', email: 'bench@example.nz', school: 'Elsewhere', district: 'Elsewhere', roles: ['reviewer'] },
    admin,
  );
  const samples = await withBrowserShell(ctx, async (shell, browser) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(`localStorage.setItem('ew.reviewer', ${JSON.stringify(reviewer.id)})`);
    await page.goto(shell.url);
    await page.goto(`${shell.url.split('?')[0]}#/review/P-000`);
    const times: number[] = [];
    const rubricTimes: number[] = [];
    for (let i = 0; i < n - 1; i++) {
      await page.getByTestId('pdf-page-1').and(page.locator('[data-rendered="true"]')).waitFor();
      await page.keyboard.press('r');
      await page.keyboard.press('3');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('3');
      await page.keyboard.press('Control+Enter');
      const confirm = page.getByRole('button', { name: 'Submit & open next' });
      await confirm.waitFor();
      const next = `P-${String(i + 1).padStart(3, '0')}`;
      const t0 = Date.now();
      await confirm.click();
      await page.waitForURL(new RegExp(`#/review/${next}$`));
      await page.getByTestId('rubric-panel').waitFor();
      rubricTimes.push(Date.now() - t0);
      await page.getByTestId('pdf-page-1').and(page.locator('[data-rendered="true"]')).waitFor();
      times.push(Date.now() - t0);
    }
    return { times, rubricTimes };
  });
  await ctx.close();
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  const ready = summarize(samples.times);
  const rubric = summarize(samples.rubricTimes);
  return {
    'workbench: Submit & next → rubric of the next portfolio shown (median / p95)': `${rubric.median} / ${rubric.p95}`,
    'workbench: Submit & next → next portfolio ready, first PDF page drawn (median / p95)': `${ready.median} / ${ready.p95} (${samples.times.length} portfolios)`,
  };
}

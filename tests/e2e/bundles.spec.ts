import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { createCore } from '../../src-main/core/api';
import { openServices } from '../../src-main/core/services';
import { startHttpShell } from '../../src-main/server/http';
import { createReviewer, getReviewer, systemActor } from '../../src-main/services/reviewers';
import { setPolicy } from '../../src-main/services/panels/policies';
import { claim, listAssignments } from '../../src-main/services/panels/assignments';
import { exportBundle, exportResults, importBundle, importResults, RefusedError } from '../../src-main/services/panels/bundles';
import { saveDraft, startReview, submitReview } from '../../src-main/services/reviews';
import { getPortfolio } from '../../src-main/services/portfolios';

const OFFLINE = { id: 'R-e2e-offline', name: 'Hana Offline' };
const ONLINE = { id: 'R-e2e-online', name: 'Wiremu Online' };

test('a review bundle goes to a second data directory, is scored there by keyboard, and the results land on the lead', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const { ctx } = workbench;
  const lead = (await getReviewer(ctx, 'R-terina'))!;

  // Lead: a fresh portfolio with a PDF, two new reviewers from a district of their own, anonymous double review.
  const row = (await ctx.db.get(`SELECT p.id, p.credential_code AS credential, p.candidate_name AS name FROM portfolios p
       WHERE p.status = 'submitted' AND p.is_anchor = 0 AND p.attempt = 1
         AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.portfolio_id = p.id AND a.status <> 'released')
         AND EXISTS (SELECT 1 FROM evidence e WHERE e.portfolio_id = p.id AND e.kind = 'pdf')
       ORDER BY p.submitted_at, p.id LIMIT 1`)) as { id: string; credential: string; name: string };
  expect(row, 'a fresh portfolio with a PDF in the demo').toBeTruthy();
  const pid = row.id;
  const where = { school: 'Te Kura Tawhiti', district: 'Rohe Tawhiti' };
  const offline = await createReviewer(ctx, { ...OFFLINE, email: 'hana.offline@e2e.test', ...where, roles: ['reviewer'] }, lead);
  const online = await createReviewer(ctx, { ...ONLINE, email: 'wiremu.online@e2e.test', ...where, roles: ['reviewer'] }, lead);
  await setPolicy(ctx, row.credential, { reviews_required: 2, tolerance: 1, anonymous: true }, lead, 'e2e: offline bundle');
  await claim(ctx, pid, offline);
  await claim(ctx, pid, online);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-e2e-bundle-'));
  const bundle = await exportBundle(ctx, offline.id, lead);
  expect(bundle.portfolios).toContain(pid);
  const bundleFile = path.join(work, bundle.fileName);
  fs.writeFileSync(bundleFile, bundle.bytes);

  // The reviewer's own machine: an empty data directory, the bundle imported, a browser shell on it.
  const homeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-e2e-home-'));
  const home = await openServices({ dataDir: homeDir });
  const imported = await importBundle(home, bundleFile, systemActor('cli:hana'));
  expect(imported.reviewer).toMatchObject({ id: offline.id, created: true });
  const shell = await startHttpShell({
    core: createCore(home, { name: 'Evidence Workbench', version: 'e2e', shell: 'browser' }),
    rendererDir: path.resolve('out/renderer'),
  });
  try {
    await page.goto(shell.url);
    await expect(page.getByText('Who is reviewing?')).toBeVisible();
    await page.getByRole('listitem').filter({ hasText: OFFLINE.name }).click();
    await expect(page.getByTestId('profile-menu')).toContainText(OFFLINE.name);

    await page.getByTestId('my-assignments').getByRole('link', { name: pid }).click();
    const rubric = page.getByTestId('rubric-panel');
    await expect(rubric).toBeVisible();
    await expect(page.locator('body')).not.toContainText(row.name);
    const cards = rubric.locator('section[data-criterion]');
    const criteria = await cards.count();
    for (let i = 0; i < criteria; i++) {
      await cards.nth(i).focus();
      await page.keyboard.press('3');
    }
    for (let i = 0; i < criteria; i++) await expect(cards.nth(i).getByRole('radio', { checked: true })).toBeVisible();
    await page.getByLabel(/Feedback to the candidate/).fill('Scored offline: clear plans and honest reflection.');
    await expect(page.getByTestId('decision-preview')).toContainText('Pass');
    await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
    await workbench.screenshot(page, 'bundle-offline-review');
    await cards.first().focus();
    await page.keyboard.press('Control+Enter');
    const dialog = page.getByRole('dialog', { name: 'Submit this decision?' });
    await expect(dialog).toContainText('Pass');
    await dialog.getByRole('button', { name: /^Submit/ }).click();
    await expect.poll(async () => (await listAssignments(home, { reviewer: offline.id })).find((a) => a.portfolio === pid)?.status).toBe('submitted');
    // Offline, a submitted review only waits for the lead: no decision here.
    expect(await home.db.get('SELECT status FROM portfolios WHERE id = ?', [pid])).toEqual({ status: 'scored' });
  } finally {
    await shell.close();
  }

  // Back on the reviewer's machine: the results file.
  const results = await exportResults(home);
  expect(results.exported).toEqual([pid]);
  await home.close();
  const resultsFile = path.join(work, results.fileName);
  fs.writeFileSync(resultsFile, results.text);

  // Lead: the other reviewer scores online; a tampered results file is refused, the real one lands and reconciles.
  const state = await startReview(ctx, pid, online);
  const levels = Object.fromEntries((await getPortfolio(ctx, pid)).rubric.criteria.map((c) => [c.id, 3]));
  await saveDraft(ctx, { reviewId: state.review!.id, levels, feedback: 'Online: agreed.', activeMsDelta: 1000 }, online);
  await submitReview(ctx, state.review!.id, 0, online);
  const tampered = path.join(work, 'tampered.json');
  fs.writeFileSync(tampered, results.text.replace('Scored offline', 'Scored 0ffline'));
  const refused = await (async () => {
    try {
      await importResults(ctx, tampered, lead);
    } catch (err) {
      return err;
    }
    return null;
  })();
  expect(refused).toBeInstanceOf(RefusedError);
  expect((refused as RefusedError).reasons.join()).toMatch(/^tampered: the MAC does not match/);
  expect((await listAssignments(ctx, { reviewer: offline.id })).find((a) => a.portfolio === pid)?.status).toBe('assigned');

  const report = await importResults(ctx, resultsFile, lead);
  expect(report.reviews).toEqual([expect.objectContaining({ portfolio: pid, outcome: 'pass', status: 'ready', moderation: false })]);
  expect((await listAssignments(ctx, { reviewer: offline.id })).find((a) => a.portfolio === pid)?.status).toBe('submitted');

  // The lead's workbench shows the reconciled decision, waiting for release.
  await workbench.open(page, `/review/${pid}`);
  await expect(page.getByTestId('decision-banner')).toContainText('Ready to release: Pass');
  fs.rmSync(homeDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * axe-core (WCAG 2.x A/AA rules) on the pages a panel works in all day. Serious and critical violations fail the test;
 * the message lists each rule with the offending elements so the fix is findable.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.html.slice(0, 120)} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`).join('\n')}`);
}

const base = (url: string) => url.split('?')[0];

test('the queue with My assignments has no serious or critical accessibility violations', async ({ page, workbench }) => {
  await workbench.open(page, '/', 'R-mika');
  await expect(page.getByTestId('my-assignments')).toBeVisible();
  await expect(page.locator('[data-testid^="queue-row-"]').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the review page (blind review of a double-reviewed portfolio) has no serious or critical accessibility violations', async ({ page, workbench }) => {
  // P-2026-009: Mika's draft, Tevita's review not started; the first evidence is a PDF.
  await workbench.open(page, '/review/P-2026-009', 'R-mika');
  await expect(page.getByTestId('rubric-panel')).toBeVisible();
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the review page of a resubmission (attempt history, change badges) has no serious or critical accessibility violations', async ({ page, workbench }) => {
  await workbench.open(page, '/review/P-2026-011', 'R-tevita');
  await expect(page.getByTestId('attempt-history')).toBeVisible();
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the panel dashboard has no serious or critical accessibility violations', async ({ page, workbench }) => {
  await workbench.open(page, '/panel');
  await expect(page.getByTestId('waiting-card').locator('svg.recharts-surface')).toBeVisible();
  await expect(page.getByTestId('load-card').locator('svg.recharts-surface')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the moderation queue and a moderation case have no serious or critical accessibility violations', async ({ page, workbench }) => {
  await workbench.open(page, '/moderation', 'R-moana');
  await expect(page.getByTestId('moderation-row-P-2026-005')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(`${base(workbench.url)}#/moderation/P-2026-005`);
  await expect(page.getByTestId('reviews-legend')).toBeVisible();
  await page.keyboard.press('r');
  await page.keyboard.press('2');
  expect(await seriousViolations(page)).toEqual([]);

  // With the evidence drawer open.
  await page.getByRole('button', { name: 'Browse evidence' }).click();
  await expect(page.getByRole('dialog').getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the panel setup has no serious or critical accessibility violations', async ({ page, workbench }) => {
  await workbench.open(page, '/panel/setup');
  await expect(page.getByTestId('reviewer-R-mika')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (const tab of ['Review policies', 'Conflicts of interest', 'Allocation']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), tab).toEqual([]);
  }
});

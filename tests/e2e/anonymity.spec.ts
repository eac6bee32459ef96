import { test, expect } from './fixtures';
import { seriousViolations } from './axe';


// CST-8 is under anonymous review in the demo; Sione Tupou's only portfolios (P-2026-002, P-2026-011) are CST-8.
test('a reviewer searching a hidden name or district finds nothing; the lead finds the candidate; the review page says evidence may name them', async ({
  page,
  workbench,
}) => {
  await workbench.open(page, '', 'R-tevita');
  await expect(page.getByRole('heading', { name: 'Queue' })).toBeVisible();
  const total = page.getByTestId('queue-total');
  const rows = page.locator('[data-testid^="queue-row-"]');
  await expect(rows.first()).toBeVisible();
  await page.getByRole('textbox', { name: 'Search' }).fill('Sione');
  await expect(total).toHaveText('0 portfolios');
  await expect(rows).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Search' }).fill('P-2026-011');
  await expect(rows).toHaveCount(1);
  const pseudonym = (await rows.first().getByRole('cell').nth(1).textContent())!.trim();
  expect(pseudonym).toMatch(/^Candidate [A-Z2-7]{8}$/);
  await page.getByRole('textbox', { name: 'Search' }).fill(pseudonym);
  await expect(rows.first()).toContainText(pseudonym);
  await expect(page.locator('body')).not.toContainText('Sione');
  await workbench.screenshot(page, 'anonymity-queue-reviewer');

  // The reviewer's review page: a pseudonym and a plain notice beside the viewer.
  await rows.first().click();
  await expect(page.getByTestId('review-bar')).toContainText(pseudonym);
  await expect(page.getByTestId('identity-notice')).toContainText('the evidence itself may still name them');
  await expect(page.getByTestId('identity-warning')).toHaveCount(0);
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  expect(await seriousViolations(page, { include: '[data-testid="identity-notice"]' })).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await workbench.screenshot(page, 'anonymity-review-reviewer-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await workbench.screenshot(page, 'anonymity-review-reviewer-1280');

  // The lead finds Sione by name and is warned where the evidence names them.
  await workbench.open(page, '', 'R-terina');
  await page.getByRole('textbox', { name: 'Search' }).fill('Sione');
  await expect(total).toHaveText('2 portfolios');
  await workbench.open(page, '/review/P-2026-011', 'R-terina');
  await expect(page.getByTestId('review-bar')).toContainText('Sione Tupou');
  await expect(page.getByTestId('identity-warning')).toHaveAttribute('aria-label', /^Evidence may identify the candidate: E\d+ /);
  await expect(page.getByTestId('identity-notice')).toHaveCount(0);
  expect(await seriousViolations(page, { include: '[data-testid="review-bar"]' })).toEqual([]);
  await workbench.screenshot(page, 'anonymity-review-lead');
  await workbench.open(page, '/portfolio/P-2026-011', 'R-terina');
  await expect(page.getByTestId('identity-warning')).toContainText('Evidence may identify the candidate: E');
  expect(await seriousViolations(page, { include: '[data-testid="identity-warning"]' })).toEqual([]);
  await workbench.screenshot(page, 'anonymity-portfolio-lead');
});

import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

// P-2026-016 (Formative Assessment, one review per policy) is waiting for a reviewer in the demo; Mika may take it.
const PORTFOLIO = 'P-2026-016';

test('a draft save that fails says so, keeps the change in the page and retries until it is saved', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  let failuresLeft = 2;
  await page.route('**/api/review.save', async (route) => {
    if (failuresLeft-- > 0)
      return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'internal', message: 'database is locked' }) });
    return route.continue();
  });
  await workbench.open(page, `/review/${PORTFOLIO}`, 'R-mika');
  const rubric = page.getByTestId('rubric-panel');
  await expect(rubric).toBeVisible();
  await page.keyboard.press('r');
  await page.keyboard.press('3');
  const state = page.getByTestId('save-state');
  await expect(state).toContainText('Not saved, retrying');
  await expect(state).toContainText('Your changes stay on this page');
  await expect(rubric.locator('section[data-criterion]').first().getByRole('radio', { checked: true })).toContainText('Proficient');
  await workbench.screenshot(page, 'draft-not-saved-retrying');
  const axe = await new AxeBuilder({ page }).include('[data-testid="save-state"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await expect(state).toContainText('Draft saved', { timeout: 10_000 });
  expect(failuresLeft).toBeLessThan(0);
  const row = workbench.ctx.handle.sqlite
    .prepare("SELECT count(*) AS n FROM review_scores s JOIN reviews r ON r.id = s.review_id WHERE r.portfolio_id = ? AND r.reviewer_id = 'R-mika' AND s.score = 3")
    .get(PORTFOLIO) as { n: number };
  expect(row.n).toBe(1);
});

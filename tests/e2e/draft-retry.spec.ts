import { test, expect } from './fixtures';
import { seriousViolations } from './axe';

// P-2026-016 (Formative Assessment, one review per policy) is waiting for a reviewer in the demo; Mika may take it.
const PORTFOLIO = 'P-2026-016';

test('a draft save that fails says so, keeps the change in the page and retries until it is saved', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Saves fail until the page has been looked at in its "not saved" state, then the database answers again.
  let failing = true;
  let failures = 0;
  await page.route('**/api/review.save', async (route) => {
    if (failing && ++failures)
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
  expect(await seriousViolations(page, { include: '[data-testid="save-state"]' })).toEqual([]);
  failing = false;
  await expect(state).toContainText('Draft saved', { timeout: 40_000 });
  expect(failures).toBeGreaterThan(0);
  const row = (await workbench.ctx.db.get(
    "SELECT count(*) AS n FROM review_scores s JOIN reviews r ON r.id = s.review_id WHERE r.portfolio_id = ? AND r.reviewer_id = 'R-mika' AND s.score = 3",
    [PORTFOLIO],
  )) as { n: number };
  expect(row.n).toBe(1);
});

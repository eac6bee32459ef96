import { test, expect } from './fixtures';

// P-2026-016 (Formative Assessment, one review per policy) is waiting for a reviewer in the demo; Mika may take it.
const PORTFOLIO = 'P-2026-016';
const MIKA = 'R-mika';

test('opening a portfolio claims nothing; the first score starts the review and takes the place', async ({ page, workbench }) => {
  const mine = () =>
    workbench.ctx.db.get<{ drafts: number; places: number }>(
      `SELECT (SELECT count(*) FROM reviews WHERE portfolio_id = ? AND reviewer_id = ?) AS drafts,
            (SELECT count(*) FROM assignments WHERE portfolio_id = ? AND reviewer_id = ? AND status = 'assigned') AS places`,
      [PORTFOLIO, MIKA, PORTFOLIO, MIKA],
    );
  await workbench.open(page, `/review/${PORTFOLIO}`, MIKA);
  const notice = page.getByTestId('review-not-started');
  await expect(notice).toContainText('Opening a portfolio claims nothing');
  await workbench.screenshot(page, 'review-not-started');
  expect(await mine()).toEqual({ drafts: 0, places: 0 });
  await page.keyboard.press('r');
  await page.keyboard.press('3');
  await expect(page.getByTestId('save-state')).toContainText('Draft saved');
  await expect(notice).toHaveCount(0);
  expect(await mine()).toEqual({ drafts: 1, places: 1 });
});

test('a draft changed in another window is not overwritten: the page says who saved it and offers a reload', async ({ page, context, workbench }) => {
  await workbench.open(page, `/review/${PORTFOLIO}`, MIKA);
  await page.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByTestId('review-not-started')).toHaveCount(0);
  const other = await context.newPage();
  await workbench.open(other, `/review/${PORTFOLIO}`, MIKA);
  await expect(other.getByTestId('rubric-panel')).toBeVisible();
  // The other window scores first; this one, still on the revision it loaded, then scores too.
  await other.keyboard.press('r');
  await other.keyboard.press('4');
  await expect(other.getByTestId('save-state')).toContainText('Draft saved');
  await page.keyboard.press('r');
  await page.keyboard.press('2');
  const refused = page.getByRole('alert').filter({ hasText: 'Not saved' });
  await expect(refused).toContainText(/You saved this draft at \d\d:\d\d in another window after this one loaded it; reload to see those changes/);
  await workbench.screenshot(page, 'review-draft-conflict');
  const stored = () =>
    workbench.ctx.db.get<{ score: number }>(
      'SELECT s.score FROM review_scores s JOIN reviews r ON r.id = s.review_id WHERE r.portfolio_id = ? AND r.reviewer_id = ? AND s.score IS NOT NULL',
      [PORTFOLIO, MIKA],
    );
  expect(await stored()).toEqual({ score: 4 });
  await refused.getByRole('button', { name: 'Reload' }).click();
  await expect(refused).toHaveCount(0);
  await expect(page.getByTestId('rubric-panel').locator('section[data-criterion]').first().getByRole('radio', { checked: true })).toContainText('Exemplary');
});

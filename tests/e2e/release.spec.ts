import { test, expect, type Workbench } from './fixtures';
import { seriousViolations } from './axe';
import { createReviewer, getReviewer } from '../../src-main/services/reviewers';
import { setPolicy } from '../../src-main/services/panels/policies';
import { claim } from '../../src-main/services/panels/assignments';
import { saveDraft, startReview, submitReview } from '../../src-main/services/reviews';
import { getPortfolio } from '../../src-main/services/portfolios';

// The demo leaves P-2026-014 (anonymous CST-8 double review, Tevita and Lucy agreed) ready to release.
const READY = 'P-2026-014';
// P-2026-016 (Formative Assessment) waits for a reviewer; Mika may take it.
const FRESH = 'P-2026-016';

/** A second reconciled decision through the services: two new reviewers agree on FRESH under a two-review policy. */
async function secondReady(workbench: Workbench) {
  const { ctx } = workbench;
  const lead = (await getReviewer(ctx, 'R-terina'))!;
  const where = { school: 'Te Kura Whakamātautau', district: 'Rohe Whakamātautau' };
  await setPolicy(ctx, 'FA-8', { reviews_required: 2 }, lead, 'e2e: double review');
  const criteria = (await getPortfolio(ctx, FRESH)).rubric.criteria;
  for (const [id, name, feedback] of [
    ['R-e2e-ana', 'Ana Rewiti', 'Clear learning intentions.'],
    ['R-e2e-ben', 'Ben Okafor', 'Students act on feedback.'],
  ] as const) {
    const r = await createReviewer(ctx, { id, name, email: `${id}@e2e.test`, ...where, roles: ['reviewer'] }, lead);
    await claim(ctx, FRESH, r);
    const s = await startReview(ctx, FRESH, r);
    await saveDraft(ctx, { reviewId: s.review!.id, levels: Object.fromEntries(criteria.map((c) => [c.id, 3])), feedback, activeMsDelta: 600_000 }, r);
    await submitReview(ctx, s.review!.id, 0, r);
  }
}

const status = async (workbench: Workbench, id: string) =>
  ((await workbench.ctx.db.get('SELECT status FROM portfolios WHERE id = ?', [id])) as { status: string }).status;

test('a lead edits the merged feedback beside both originals and releases several decisions at once', async ({ page, workbench }) => {
  await secondReady(workbench);
  await workbench.open(page, '/panel');
  await expect(page.getByTestId('count-ready_to_release')).toContainText('2');
  await page.getByRole('link', { name: 'Ready to release' }).first().click();
  const table = page.getByTestId('release-table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId(`release-row-${READY}`)).toContainText('Tevita Fonua and Lucy Chen');

  // Edit the merged feedback: both originals beside it; a paragraph pasted twice is flagged.
  await page.getByRole('button', { name: `Edit feedback of ${READY}` }).click();
  const modal = page.getByRole('dialog', { name: `Feedback for ${READY}` });
  await expect(modal.getByTestId('release-original')).toHaveCount(2);
  const text = modal.getByLabel(/Feedback to the candidate/);
  await expect(text).toHaveValue(/^A well-designed unit in which students shape their own learning\.\n\n/);
  expect((await text.inputValue()).match(/A well-designed unit/g)).toHaveLength(1);
  await text.fill('A well-designed unit.\n\nStrong links with whānau.\n\nA well-designed unit.');
  await expect(modal.getByTestId('release-editor-warnings')).toContainText('This paragraph appears twice');
  expect(await seriousViolations(page), 'the feedback editor with a warning').toEqual([]);
  await text.fill('A well-designed unit in which students shape their learning, with strong links to whānau.');
  await modal.getByRole('button', { name: 'Save feedback' }).click();
  await expect(page.getByText(`Feedback for ${READY} saved`)).toBeVisible();
  await modal.getByRole('button', { name: 'Close' }).click();
  await expect(modal).toHaveCount(0);
  expect(await status(workbench, READY)).toBe('ready');
  await page.getByRole('checkbox', { name: `Select ${READY}` }).check();
  await workbench.screenshot(page, 'release-list');
  expect(await seriousViolations(page), 'the release list').toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await workbench.screenshot(page, 'release-list-1280');
  await page.getByRole('checkbox', { name: `Select ${READY}` }).uncheck();

  // Select both and release: one confirmation, one all-or-nothing call.
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByTestId('release-selected').click();
  const confirm = page.getByRole('dialog', { name: 'Release 2 decisions?' });
  await expect(confirm.getByTestId('release-confirm-list')).toContainText(`${READY}: Pass`);
  await confirm.getByRole('button', { name: 'Release', exact: true }).click();
  await expect(page.getByText('Nothing is waiting')).toBeVisible();
  expect([await status(workbench, READY), await status(workbench, FRESH)]).toEqual(['decided', 'decided']);
  const released = await workbench.ctx.db.get('SELECT feedback, released_by AS by, decided_by AS author FROM decisions WHERE portfolio_id = ?', [READY]);
  expect(released).toEqual({
    feedback: 'A well-designed unit in which students shape their learning, with strong links to whānau.',
    by: 'R-terina',
    author: 'system:reconciliation',
  });
});

test('the portfolio page of a decision ready to release offers the lead the merged text and Release', async ({ page, workbench }) => {
  await workbench.open(page, `/portfolio/${READY}`);
  const panel = page.getByTestId('release-panel');
  await expect(panel).toContainText('Reconciliation of 2 reviews');
  await expect(panel.getByTestId('release-original')).toHaveCount(2);
  await workbench.screenshot(page, 'release-portfolio-panel');
  expect(await seriousViolations(page), 'the portfolio page with its release panel').toEqual([]);
  await panel.getByLabel(/Feedback to the candidate/).fill('Well done.\n\nWell done.');
  await panel.getByRole('button', { name: 'Release to the candidate' }).click();
  const warned = page.getByRole('dialog', { name: `Release ${READY}?` });
  await expect(warned.getByTestId('release-warnings')).toContainText('This paragraph appears twice');
  expect(await seriousViolations(page), 'the release confirmation with a warning').toEqual([]);
  await warned.getByRole('button', { name: 'Not yet' }).click();
  await panel.getByLabel(/Feedback to the candidate/).fill('Well done: a well-designed unit.');
  await panel.getByRole('button', { name: 'Release to the candidate' }).click();
  await page
    .getByRole('dialog', { name: `Release ${READY}?` })
    .getByRole('button', { name: 'Release', exact: true })
    .click();
  await expect(page.getByTestId('release-panel')).toHaveCount(0);
  await expect(page.getByText('Decided · Pass')).toBeVisible();
  // A reviewer never sees the panel.
  await workbench.open(page, `/portfolio/P-2026-013`, 'R-mika');
  await expect(page.getByText('Decided · Pass')).toBeVisible();
  await expect(page.getByTestId('release-panel')).toHaveCount(0);
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`at ${size.width}x${size.height} a submit that cannot go through moves focus to the first problem and says why beside the submit button`, async ({
    page,
    workbench,
  }) => {
    await page.setViewportSize(size);
    await workbench.open(page, `/review/${FRESH}`, 'R-mika');
    const rubric = page.getByTestId('rubric-panel');
    const cards = rubric.locator('section[data-criterion]');
    await expect(cards.first()).toBeVisible();
    const count = await cards.count();

    // Only the first criterion scored: Submit focuses the second card, in view, and names what is missing.
    await cards.first().focus();
    await page.keyboard.press('2');
    const submit = rubric.getByRole('button', { name: 'Submit', exact: true });
    await submit.click();
    await expect(cards.nth(1)).toBeFocused();
    await expect(cards.nth(1)).toBeInViewport();
    const message = page.getByTestId('submit-problems');
    await expect(message).toBeVisible();
    await expect(message).toContainText('not scored');
    const [m, s] = [await message.boundingBox(), await submit.boundingBox()];
    // Right above the submit buttons, ending where they end.
    expect(s!.y - (m!.y + m!.height), 'the message sits just above the submit buttons').toBeGreaterThanOrEqual(0);
    expect(s!.y - (m!.y + m!.height)).toBeLessThan(24);
    expect(m!.x).toBeLessThan(s!.x + s!.width);
    await workbench.screenshot(page, `review-submit-problem-${size.width}`);
    await message.scrollIntoViewIfNeeded();
    await workbench.screenshot(page, `review-submit-message-${size.width}`);

    // All scored at a Not yet level, no feedback: Submit focuses the feedback field.
    for (let i = 1; i < count; i++) {
      await cards.nth(i).focus();
      await page.keyboard.press('2');
    }
    await expect(page.getByTestId('decision-preview')).toContainText('Not yet');
    await expect(message).toBeHidden();
    await submit.click();
    await expect(page.getByLabel(/Feedback to the candidate/)).toBeFocused();
    await expect(page.getByLabel(/Feedback to the candidate/)).toBeInViewport();
    await expect(message).toContainText('Feedback to the candidate is required for Not yet');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });
}

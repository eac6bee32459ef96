import fs from 'node:fs';
import Papa from 'papaparse';
import { test, expect } from './fixtures';
import { pdfText } from '../support/pdf-text';

// P-2026-016 (Formative Assessment, one review per policy) is waiting for a reviewer in the demo; Mika may take it.
const PORTFOLIO = 'P-2026-016';

test('a reviewer scores by keyboard, cites a PDF page and a video moment, survives a reload, submits, exports', async ({ page, workbench }) => {
  await workbench.open(page, `/review/${PORTFOLIO}`, 'R-mika');
  const rubric = page.getByTestId('rubric-panel');
  await expect(rubric).toBeVisible();
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');

  // Keyboard only: R jumps to the first unscored criterion, digits pick levels, ↓ moves on.
  await page.keyboard.press('r');
  const cards = rubric.locator('section[data-criterion]');
  await expect(cards.first()).toBeFocused();
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('4');
  await expect(cards.nth(0).getByRole('radio', { checked: true })).toContainText('Proficient');
  await expect(cards.nth(1).getByRole('radio', { checked: true })).toContainText('Exemplary');

  // Cite page 2 of the PDF for the second criterion: V to the viewer, PageDown, back to the rubric, C.
  await page.keyboard.press('v');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('textbox', { name: 'Page number' })).toHaveValue('2');
  await cards.nth(1).focus();
  await page.keyboard.press('c');
  await expect(cards.nth(1).getByRole('button', { name: /at p\. 2/ })).toBeVisible();

  // Next evidence items with ] until the video; seek, then cite the moment for the third criterion.
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  const video = page.getByTestId('video-viewer');
  await expect(video).toBeVisible();
  await page.evaluate(async () => {
    const v = document.querySelector('video')!;
    await new Promise<void>((r) => (v.readyState >= 1 ? r() : v.addEventListener('loadedmetadata', () => r(), { once: true })));
    v.currentTime = 4;
    await new Promise<void>((r) => v.addEventListener('seeked', () => r(), { once: true }));
  });
  await cards.nth(2).focus();
  await page.keyboard.press('c');
  await expect(cards.nth(2).getByRole('button', { name: /at 0:04/ })).toBeVisible();
  await expect(page.getByTestId('save-state')).toBeVisible();
  await workbench.screenshot(page, 'review-page');

  // Reload mid-way: the draft is intact.
  await page.reload();
  await expect(cards.nth(0).getByRole('radio', { checked: true })).toContainText('Proficient');
  await expect(cards.nth(1).getByRole('radio', { checked: true })).toContainText('Exemplary');
  await expect(cards.nth(1).getByRole('button', { name: /at p\. 2/ })).toBeVisible();

  // Submitting too early names what is missing.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('submit-problems')).toContainText('not scored');

  // Score the rest by keyboard, write feedback, submit with Ctrl+Enter and confirm.
  await page.keyboard.press('r');
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('3');
  await expect(page.getByTestId('decision-preview')).toContainText('Pass');
  await page.getByLabel(/Feedback to the candidate/).fill('Kia ora Anahera — clear learning intentions and feedback your students act on.');
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog', { name: 'Submit this decision?' });
  await expect(dialog).toContainText('Pass');
  await dialog.getByRole('button', { name: 'Submit & open next' }).click();
  await expect(page).not.toHaveURL(new RegExp(PORTFOLIO));

  // Decided and read-only, with the citations kept.
  await page.goto(`${workbench.url.split('?')[0]}#/review/${PORTFOLIO}`);
  await expect(page.getByTestId('decision-banner')).toContainText('Decided: Pass');
  await expect(cards.nth(1).getByRole('button', { name: /at p\. 2/ })).toBeVisible();
  await workbench.screenshot(page, 'review-decided');

  // Feedback PDF: its text carries the outcome, levels and feedback.
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Feedback PDF' }).click()]);
  const text = (await pdfText(fs.readFileSync((await pdfDownload.path())!))).join('\n');
  expect(text).toContain('Feedback on your portfolio: Formative Assessment');
  expect(text).toContain('Anahera Parata');
  expect(text).toContain('Kia ora Anahera');
  expect(text).toMatch(/Evidence cited: .* p\. 2/);

  // Export CSV of decided portfolios and check the row.
  await page.goto(`${workbench.url.split('?')[0]}#/export`);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const csv = fs.readFileSync((await csvDownload.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true }).data;
  const row = rows.find((r) => r.portfolio_id === PORTFOLIO)!;
  expect(row).toMatchObject({ outcome: 'pass', reviewer_id: 'R-mika', candidate_name: 'Anahera Parata', credential_code: 'FA-8' });
  expect(Object.values(row).join(' ')).toMatch(/p\. 2/);
  await expect(page.getByTestId('export-result')).toContainText('Exported');
});

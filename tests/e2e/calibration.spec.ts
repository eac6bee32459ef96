import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, type Workbench } from './fixtures';
import { replayCalibrationDemo } from '../../src-main/services/calibration/demo';
import { createRound } from '../../src-main/services/calibration/rounds';
import { getReviewer } from '../../src-main/services/reviewers';
import { loadRubric } from '../../src-main/services/rubrics';
import { pdfText } from '../support/pdf-text';

/** The calibration demo on the e2e copy of the demo data (until the demo loader replays it on its own). */
async function withCalibration(workbench: Workbench) {
  await replayCalibrationDemo(workbench.ctx);
}

async function go(page: Page, workbench: Workbench, hash: string) {
  await page.goto(`${workbench.url.split('?')[0]}#${hash}`);
}

test('a reviewer completes a calibration round by keyboard and sees the reference only after submitting', async ({ page, workbench }) => {
  await withCalibration(workbench);
  const lead = (await getReviewer(workbench.ctx, 'R-terina'))!;
  // Olivia has never met these anchors: an open round of two for her.
  const now = Date.now();
  await createRound(
    workbench.ctx,
    {
      name: 'FA-8 calibration · e2e',
      rubricId: 'rubric-fa-8',
      rubricVersion: 1,
      opensAt: new Date(now - 86_400_000).toISOString(),
      closesAt: new Date(now + 7 * 86_400_000).toISOString(),
      anchors: ['A-FA-03', 'A-FA-01'],
      reviewers: ['R-olivia'],
    },
    lead,
  );

  await workbench.open(page, '/calibration/mine', 'R-olivia');
  const card = page.getByTestId('my-round').filter({ hasText: 'FA-8 calibration · e2e' });
  await expect(card).toContainText('0 of 2 anchors submitted');
  await workbench.screenshot(page, 'calibration-mine');
  await card.getByRole('link', { name: 'Score A-FA-03' }).click();

  const rubric = page.getByTestId('rubric-panel');
  await expect(rubric).toBeVisible();
  // Blind: no reference anywhere on the page before submitting.
  await expect(page.getByTestId('reference-comparison')).toHaveCount(0);
  await expect(page.getByText('Exit tickets are sorted into got it')).toHaveCount(0);

  // Keyboard only: R to the first unscored criterion, a digit per level, R again for the next.
  const cards = rubric.locator('section[data-criterion]');
  for (const level of ['2', '2', '2', '1']) {
    await page.keyboard.press('r');
    await page.keyboard.press(level);
  }
  await expect(cards.nth(3).getByRole('radio', { checked: true })).toContainText('Beginning');
  await expect(page.getByTestId('decision-preview')).toContainText('Not yet');
  await page.getByLabel(/Feedback to the candidate/).fill('Calibration: intentions are shared, not co-constructed; no feedback cycle shown.');
  await rubric.locator('section[data-criterion]').first().focus();
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');

  // After submitting: levels beside the reference, with its rationale, criterion by criterion; still on this page.
  const comparison = page.getByTestId('reference-comparison');
  await expect(comparison).toBeVisible();
  await expect(page).toHaveURL(/A-FA-03/);
  await expect(comparison).toContainText('You matched the reference on 3 of 4 criteria');
  await expect(comparison.getByTestId('comparison-fa-feedback')).toContainText('1 above');
  await expect(comparison.getByTestId('comparison-fa-eliciting')).toContainText('Exit tickets are sorted into got it');
  await workbench.screenshot(page, 'calibration-comparison');

  // On to the next anchor from the comparison, scored the same way; then nothing is left.
  await comparison.getByRole('link', { name: /Next anchor: A-FA-01/ }).click();
  await expect(page).toHaveURL(/A-FA-01/);
  await expect(page.getByTestId('reference-comparison')).toHaveCount(0);
  for (const level of ['4', '4', '3', '3']) {
    await page.keyboard.press('r');
    await page.keyboard.press(level);
  }
  await expect(page.getByTestId('decision-preview')).toContainText('Pass');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reference-comparison')).toContainText('You matched the reference on 4 of 4 criteria');
  await expect(page.getByTestId('reference-comparison')).toContainText('Nothing left to score');

  await go(page, workbench, '/calibration/mine');
  await expect(card).toContainText('2 of 2 anchors submitted');
  await expect(card).toContainText('4 of 4 criteria');
});

test('a lead opens the round report and sees its charts, heatmap, drift and the most ambiguous criterion; exports the PDF', async ({ page, workbench }) => {
  await withCalibration(workbench);
  await workbench.open(page, '/calibration');
  await expect(page.getByTestId('rounds-table')).toBeVisible();
  await workbench.screenshot(page, 'calibration-rounds');
  await page.getByRole('link', { name: 'CST-8 calibration · Term 3 2026' }).click();

  const report = page.getByTestId('report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('findings')).toContainText('Tevita Fonua is lenient');
  await expect(page.getByTestId('findings')).toContainText('Sarah Whitcombe is severe');
  await expect(page.getByTestId('findings')).toContainText('Hemi Rāwiri drifted towards leniency');
  await expect(page.getByTestId('ambiguous-callout')).toContainText('Culturally sustaining pedagogy');
  // Charts are drawn (recharts SVG with bars and error bars, lines for drift).
  const criterionChart = page.getByTestId('criterion-chart');
  await expect(criterionChart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(criterionChart.locator('.recharts-errorBar').first()).toBeAttached();
  await expect(page.getByTestId('drift-chart').locator('.recharts-line').first()).toBeAttached();
  await expect(page.getByTestId('heat-R-tevita-cst-culture')).toHaveText('+1.00');
  await expect(page.getByTestId('criterion-table')).toContainText('Overall outcome');
  await workbench.screenshot(page, 'calibration-round-report');
  await criterionChart.scrollIntoViewIfNeeded();
  await workbench.screenshot(page, 'calibration-round-report-chart');
  await page.getByTestId('heatmap').scrollIntoViewIfNeeded();
  await workbench.screenshot(page, 'calibration-round-report-heatmap');
  await page.getByTestId('drift-chart').scrollIntoViewIfNeeded();
  await workbench.screenshot(page, 'calibration-round-report-drift');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
  const bytes = fs.readFileSync((await pdf.path())!);
  fs.mkdirSync('test-artifacts', { recursive: true });
  fs.writeFileSync('test-artifacts/calibration-round-report.pdf', bytes);
  const text = (await pdfText(bytes)).join('\n');
  expect(text).toContain('Calibration round "CST-8 calibration · Term 3 2026"');
  expect(text).toContain('Most ambiguous criterion');

  // Production agreement over double reviews, reachable by URL (the panel dashboard can link to it).
  await go(page, workbench, '/calibration/production?from=2026-01-01&to=2026-12-31');
  await expect(page.getByTestId('report')).toBeVisible();
  await expect(page.getByTestId('findings')).toBeVisible();
  await workbench.screenshot(page, 'calibration-production-report');
});

test('editing a used rubric creates a new version with a change note; validation says what is wrong; versions compare side by side', async ({
  page,
  workbench,
}) => {
  await workbench.open(page, '/rubrics');
  const family = page.getByTestId('rubric-family-rubric-cst-8');
  await expect(family).toContainText('frozen');
  await family.getByRole('button', { name: /Open Contemporary Secondary Teaching Approaches.* v1 in the editor/ }).click();
  await expect(page.getByTestId('rubric-preview')).toBeVisible();
  await workbench.screenshot(page, 'rubric-editor');

  // A rule naming a level the criteria do not have is refused with a clear message: at the field once it is left, in the list on save.
  const minLevel = page.getByLabel('Minimum level (score)');
  await minLevel.fill('7');
  await minLevel.blur();
  await expect(page.getByText('the rule\'s minimum level 7 is not a level of "Research-informed learning design"').first()).toBeVisible();
  await page.getByLabel('Change note').fill('Agency level 2 reworded after the Term 3 calibration round');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByTestId('rubric-problems')).toContainText('the rule\'s minimum level 7 is not a level of "Research-informed learning design"');
  await expect(page.getByTestId('rubric-problems')).toBeFocused();
  expect(await loadRubric(workbench.ctx, 'rubric-cst-8', 2)).toBeNull();
  await minLevel.fill('3');
  await expect(page.getByTestId('rubric-problems')).toHaveCount(0);

  // Reword a descriptor, try it in the live preview, and save with a change note.
  const descriptor = page.getByLabel('Descriptor of level 2 of Student agency and engagement');
  await descriptor.fill('Students make some choices about how they learn, within tasks the teacher has set.');
  await page.getByTestId('rubric-preview').locator('section[data-criterion="cst-agency"]').focus();
  await page.keyboard.press('2');
  await expect(page.getByTestId('rubric-preview').locator('section[data-criterion="cst-agency"]')).toContainText('within tasks the teacher has set');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page).toHaveURL(/rubrics\/rubric-cst-8\/2\/edit/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('v2');

  // Version 1 is untouched; portfolios keep it.
  expect((await loadRubric(workbench.ctx, 'rubric-cst-8', 1))!.criteria[1]!.levels[1]!.descriptor).not.toContain('within tasks the teacher has set');
  expect(await loadRubric(workbench.ctx, 'rubric-cst-8', 2)).toMatchObject({
    version: 2,
    change_note: 'Agency level 2 reworded after the Term 3 calibration round',
  });

  await go(page, workbench, '/rubrics');
  await family.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.getByTestId('diff-cst-agency')).toContainText('changed');
  await expect(page.getByTestId('diff-cst-agency')).toContainText('within tasks the teacher has set');
  await expect(page.getByTestId('diff-cst-design')).toContainText('unchanged');
  await workbench.screenshot(page, 'rubric-diff');
});

test('a new rubric form shows no problem before anything is typed; a field left empty shows its own, save shows them all', async ({ page, workbench }) => {
  await workbench.open(page, '/rubrics/new');
  const title = page.getByRole('textbox', { name: 'Title' }).first();
  await expect(title).toBeVisible();
  const errors = page.locator('.mantine-InputWrapper-error');
  await expect(errors).toHaveCount(0);
  await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(page.getByTestId('rubric-problems')).toHaveCount(0);
  await workbench.screenshot(page, 'rubric-new-fresh');

  await title.focus();
  await title.blur();
  await expect(errors).toHaveCount(1);
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(errors.first()).toHaveText('this cannot be empty');

  await page.getByRole('button', { name: 'Create rubric' }).click();
  const problems = page.getByTestId('rubric-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toBeFocused();
  const count = await problems.getByRole('listitem').count();
  expect(count).toBeGreaterThan(1);
  expect(await errors.count()).toBeGreaterThan(1);
  await expect(problems).toContainText(`${count} problems to fix before saving`);
  await workbench.screenshot(page, 'rubric-new-after-save');
  // Typing a title clears its problem at once.
  await title.fill('Inclusive assessment');
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');
});

test('comparing a rubric that has a single version shows that version and says there is nothing to compare', async ({ page, workbench }) => {
  for (const query of ['', '?from=1&to=1', '?from=0&to=0']) {
    await workbench.open(page, `/rubrics/rubric-emp-8/compare${query}`);
    await expect(page.getByTestId('compare-nothing')).toContainText('only one version');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(/: version 1$/);
    await expect(page.getByRole('heading', { level: 2 })).not.toContainText('version 0');
    await expect(page.getByTestId('rubric-preview')).toContainText('Learning-focused conversations');
  }
  await workbench.screenshot(page, 'rubric-compare-single');
});

test('the production report is reported per rubric: call-out and table agree, too few units in words, heatmap headers whole and distinct', async ({
  page,
  workbench,
}) => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await workbench.open(page, '/calibration/production?from=2026-01-01&to=2026-12-31');
    const sections = page.getByTestId('rubric-section');
    await expect(sections).toHaveCount(3);
    await expect(page.getByTestId('report-rules')).toContainText('Most ambiguous criterion: lowest Krippendorff’s ordinal α');
    const cst = sections.filter({ has: page.getByRole('heading', { name: /Contemporary Secondary/ }) });
    await expect(cst.getByTestId('ambiguous-callout')).toContainText('Culturally sustaining pedagogy');
    // The call-out's alpha is the table's, to the digit.
    const called = /ordinal α (−?\d\.\d\d)/.exec(await cst.getByTestId('ambiguous-callout').innerText())?.[1];
    expect(called).toBeTruthy();
    await expect(cst.getByTestId('ambiguous-rule')).toBeVisible();
    await expect(cst.getByTestId('alpha-cst-culture')).toContainText(called!);
    await expect(cst.getByTestId('alpha-cst-culture')).toContainText('too few units for an interval');
    // The other rubrics have two double-reviewed portfolios: no alpha, no call-out, and never −0.42 or −0.50.
    const emp = sections.filter({ has: page.getByRole('heading', { name: /Mentoring/i }) });
    await expect(emp.getByTestId('alpha-emp-conversations')).toHaveText('too few units');
    await expect(emp.getByTestId('ambiguous-none')).toBeVisible();
    await expect(page.getByTestId('report')).not.toContainText('−0.42');

    for (const heatmap of await page.getByTestId('heatmap').all()) {
      const headers = heatmap.getByTestId('heatmap-column');
      const texts = await headers.allInnerTexts();
      expect(new Set(texts).size, texts.join(' | ')).toBe(texts.length);
      for (const h of await headers.all()) {
        // Whole titles: nothing clipped inside the header.
        const clipped = await h.locator('p').evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
        expect(clipped, await h.innerText()).toBe(false);
      }
      // The table fits its card, or scrolls in a named, focusable region.
      const region = heatmap.getByRole('region');
      await expect(region).toHaveAttribute('aria-label', /Differences from the decision in force, reviewer by criterion/);
      await expect(region).toHaveAttribute('tabindex', '0');
    }
    const tag = `${size.width}x${size.height}`;
    await workbench.screenshot(page, `calibration-production-report-${tag}`);
    await cst.getByTestId('heatmap').scrollIntoViewIfNeeded();
    await workbench.screenshot(page, `calibration-production-heatmap-${tag}`);
    await emp.scrollIntoViewIfNeeded();
    await workbench.screenshot(page, `calibration-production-emp-${tag}`);
  }
});

import type { Page } from '@playwright/test';
import { test, expect, type Workbench } from './fixtures';
import { seriousViolations } from './axe';

/**
 * axe-core (WCAG 2.x A/AA and best practice, every rule, colour contrast included) on every page and every dialog of
 * the app, in the states users reach: empty, filled and refused forms, decided, approved and declined records, open
 * dialogs. Any serious or critical violation fails, listed with the page or state and the offending elements.
 *
 * Each test walks one area and collects the problems of all its states, so one run shows everything to fix.
 */

/** A state of the app to check: how to reach it from the page already open, and what shows it is ready. */
interface Step {
  name: string;
  /** Navigate here first (hash route), as the profile open in the test. */
  hash?: string;
  act?(page: Page): Promise<void>;
}

async function walk(page: Page, workbench: Workbench, as: string, steps: Step[]): Promise<string[]> {
  const problems: string[] = [];
  let opened = false;
  for (const step of steps) {
    try {
      if (step.hash !== undefined) {
        // A confirmation opened through @mantine/modals outlives a route change: close what is open first.
        if (opened && (await page.getByRole('dialog').count())) await closeDialog(page);
        if (!opened) await workbench.open(page, step.hash, as);
        else await page.goto(`${workbench.url.split('?')[0]}#${step.hash}`);
        opened = true;
      }
      await step.act?.(page);
    } catch (err) {
      // A state that cannot be reached is a failure too, but the other states are still checked.
      problems.push(`${step.name}: not reached: ${(err as Error).message.split('\n')[0]}`);
      continue;
    }
    for (const v of await seriousViolations(page)) problems.push(`${step.name}: ${v}`);
  }
  return problems;
}

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** Escape until no dialog is left (the first may only close a dropdown open inside it). */
async function closeDialog(page: Page) {
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()); i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function pdfReady(page: Page) {
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
}

test('the profile picker, with its new-profile form filled and refused, has no serious or critical accessibility violations', async ({ page, workbench }) => {
  const problems = await walk(page, workbench, '', [
    { name: 'profile picker', hash: '', act: async (p) => void (await expect(p.getByRole('list', { name: 'Reviewer profiles' })).toBeVisible()) },
    {
      name: 'new profile form refused (invalid email)',
      act: async (p) => {
        await p.getByRole('button', { name: 'Create a new profile' }).click();
        await p.getByRole('textbox', { name: 'Name' }).fill('Ana Sánchez');
        await p.getByRole('textbox', { name: 'Email' }).fill('not-an-email');
        await p.getByRole('button', { name: 'Create and continue' }).click();
        await expect(p.getByText(/email/i).last()).toBeVisible();
      },
    },
    {
      name: 'new profile form filled',
      act: async (p) => {
        await p.getByRole('textbox', { name: 'Email' }).fill('ana.sanchez@kowhai.school.nz');
        await p.getByRole('textbox', { name: 'School' }).fill('Kōwhai Intermediate');
      },
    },
  ]);
  expect(problems).toEqual([]);
});

test('the queue, portfolio, export and review pages and their dialogs have no serious or critical accessibility violations', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  const problems = await walk(page, workbench, 'R-mika', [
    {
      name: 'queue with My assignments',
      hash: '/',
      act: async (p) => {
        await expect(p.getByTestId('my-assignments')).toBeVisible();
        await expect(p.locator('[data-testid^="queue-row-"]').first()).toBeVisible();
      },
    },
    {
      name: 'profile menu open',
      act: async (p) => {
        await p.getByTestId('profile-menu').click();
        await expect(p.getByRole('menu')).toBeVisible();
      },
    },
    {
      name: 'queue searched with no match',
      act: async (p) => {
        await p.keyboard.press('Escape');
        await p.getByRole('textbox', { name: /search/i }).fill('zzzz nobody');
        await expect(p.locator('[data-testid^="queue-row-"]')).toHaveCount(0);
      },
    },
    { name: 'portfolio page', hash: '/portfolio/P-2026-009', act: async (p) => void (await expect(p.getByRole('heading').first()).toBeVisible()) },
    { name: 'export page', hash: '/export', act: async (p) => void (await expect(p.getByRole('button', { name: /export/i }).first()).toBeVisible()) },
    // P-2026-009: Mika's draft of a double review; the first evidence is a PDF.
    { name: 'review page (blind double review)', hash: '/review/P-2026-009', act: pdfReady },
    {
      name: 'review page, written responses',
      act: async (p) => {
        await p.getByRole('option', { name: /Written responses/ }).click();
        await expect(p.getByTestId('responses-view')).toBeVisible();
      },
    },
    {
      name: 'review page, submit refused (unscored criteria)',
      act: async (p) => {
        await p.getByRole('button', { name: 'Submit', exact: true }).click();
        await expect(p.getByTestId('submit-problems')).toBeVisible();
      },
    },
    {
      name: 'shortcuts dialog',
      act: async (p) => {
        await p.locator('body').click({ position: { x: 5, y: 5 } });
        await p.keyboard.press('?');
        await expect(dialog(p, 'Keyboard shortcuts')).toBeVisible();
      },
    },
    {
      name: 'submit confirmation dialog',
      act: async (p) => {
        await closeDialog(p);
        await p.keyboard.press('r');
        const criteria = await p.locator('[data-criterion]').count();
        for (let i = 0; i < criteria; i++) {
          await p.keyboard.press('3');
          await p.keyboard.press('ArrowDown');
        }
        await p.getByRole('textbox', { name: /feedback/i }).first().fill('Kia ora — a clear plan with evidence of impact.');
        await p.getByRole('button', { name: 'Submit', exact: true }).click();
        await expect(dialog(p, 'Submit this decision?')).toBeVisible();
      },
    },
  ]);
  // P-2026-005: Hemi submitted; the read-only comparison with Tevita's review is open.
  const hemi = await walk(page, workbench, 'R-hemi', [
    { name: 'review page after submitting (comparison)', hash: '/review/P-2026-005', act: async (p) => void (await expect(p.getByTestId('peer-comparison')).toBeVisible()) },
  ]);
  const tevita = await walk(page, workbench, 'R-tevita', [
    { name: 'review page of a resubmission', hash: '/review/P-2026-011', act: async (p) => void (await expect(p.getByTestId('attempt-history')).toBeVisible()) },
  ]);
  expect([...problems, ...hemi, ...tevita]).toEqual([]);
});

test('a decided review page and the correction dialog, empty and filled, have no serious or critical accessibility violations', async ({ page, workbench }) => {
  const problems = await walk(page, workbench, 'R-terina', [
    {
      name: 'decided review page',
      hash: '/review/P-2026-001',
      act: async (p) => {
        await expect(p.getByTestId('decision-banner')).toBeVisible();
        await pdfReady(p);
      },
    },
    {
      name: 'correction dialog',
      act: async (p) => {
        await p.getByRole('button', { name: 'Correct…' }).click();
        await expect(p.getByRole('dialog')).toBeVisible();
      },
    },
    {
      name: 'correction dialog filled',
      act: async (p) => {
        await p.getByRole('dialog').getByRole('textbox', { name: /Reason for the correction/ }).fill('Second look at the reflection.');
      },
    },
  ]);
  expect(problems).toEqual([]);
});

test('the panel pages and dialogs have no serious or critical accessibility violations', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const lead = await walk(page, workbench, 'R-terina', [
    {
      name: 'panel dashboard',
      hash: '/panel',
      act: async (p) => {
        await expect(p.getByTestId('waiting-card').locator('svg.recharts-surface')).toBeVisible();
        await expect(p.getByTestId('load-card').locator('svg.recharts-surface')).toBeVisible();
      },
    },
    { name: 'panel setup', hash: '/panel/setup', act: async (p) => void (await expect(p.getByTestId('reviewer-R-mika')).toBeVisible()) },
    {
      name: 'edit reviewer dialog',
      act: async (p) => {
        await p.getByRole('button', { name: 'Edit Mika Henare' }).click();
        await expect(dialog(p, 'Edit Mika Henare')).toBeVisible();
      },
    },
    {
      // A reviewers file that would change a known profile: the diff waiting for the lead's confirmation.
      name: 'reviewer import changes',
      act: async (p) => {
        await closeDialog(p);
        await p.locator('input[type="file"]').setInputFiles({
          name: 'reviewers.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from('id,name,email,school,district,roles\nR-mika,Mika Henare,mika@elsewhere.test,Kaiapoi North School,Waimakariri,admin'),
        });
        await p.getByRole('button', { name: 'Import', exact: true }).click();
        await expect(p.getByTestId('changes-table')).toBeVisible();
      },
    },
    ...['Review policies', 'Conflicts of interest', 'Allocation'].map((tab) => ({
      name: `panel setup, ${tab}`,
      act: async (p: Page) => {
        if (await p.getByRole('dialog').count()) await closeDialog(p);
        await p.getByRole('tab', { name: tab }).click();
        await expect(p.getByRole('tabpanel')).toBeVisible();
        await p.waitForLoadState('networkidle');
      },
    })),
    {
      name: 'allocation report',
      act: async (p) => {
        await p.getByRole('button', { name: 'Allocate now' }).click();
        await expect(p.getByTestId('allocation-report')).toBeVisible();
      },
    },
    {
      name: 'reassign dialog',
      act: async (p) => {
        await p.getByRole('button', { name: /^Reassign P-2026-009 from/ }).first().click();
        await expect(dialog(p, 'Reassign P-2026-009')).toBeVisible();
      },
    },
  ]);
  const moderator = await walk(page, workbench, 'R-moana', [
    { name: 'moderation queue', hash: '/moderation', act: async (p) => void (await expect(p.getByTestId('moderation-row-P-2026-005')).toBeVisible()) },
    { name: 'moderation case', hash: '/moderation/P-2026-005', act: async (p) => void (await expect(p.getByTestId('reviews-legend')).toBeVisible()) },
    {
      name: 'evidence drawer',
      act: async (p) => {
        await p.getByRole('button', { name: 'Browse evidence' }).click();
        await expect(p.getByRole('dialog').getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
      },
    },
    {
      name: 'third review dialog',
      act: async (p) => {
        await closeDialog(p);
        await p.getByRole('button', { name: 'Ask for a third review…' }).click();
        await expect(dialog(p, 'Ask for a third review?')).toBeVisible();
      },
    },
    {
      name: 'record moderated decision dialog',
      act: async (p) => {
        await closeDialog(p);
        await p.keyboard.press('r');
        const criteria = await p.locator('[data-final]').count();
        for (let i = 0; i < criteria; i++) {
          await p.keyboard.press('3');
          await p.keyboard.press('ArrowDown');
        }
        await p.getByLabel('Final feedback to the candidate').fill('Kia ora — a clear inquiry with evidence of impact.');
        await p.getByLabel('Moderation note').fill('Inquiry and impact meet Proficient on the evidence.');
        await p.locator('[data-final]').first().focus();
        await p.keyboard.press('Control+Enter');
        await expect(dialog(p, 'Record the moderated decision?')).toBeVisible();
      },
    },
  ]);
  expect([...lead, ...moderator]).toEqual([]);
});

test('the calibration pages and dialogs have no serious or critical accessibility violations', async ({ page, workbench }) => {
  test.setTimeout(180_000); // axe takes seconds per page on the long report pages
  const ready = (id: string) => async (p: Page) => void (await expect(p.getByTestId(id).first()).toBeVisible());
  const lead = await walk(page, workbench, 'R-terina', [
    { name: 'calibration rounds', hash: '/calibration', act: ready('rounds-table') },
    {
      name: 'new round dialog, filled',
      act: async (p) => {
        await p.getByRole('button', { name: 'New round…' }).click();
        const d = p.getByRole('dialog');
        await expect(d).toBeVisible();
        await d.getByRole('textbox', { name: 'Name' }).fill('CST-8 calibration · Term 4 2026');
      },
    },
    { name: 'anchors', hash: '/calibration?tab=anchors', act: ready('anchors-table') },
    {
      name: 'make anchor dialog',
      act: async (p) => {
        await p.getByRole('button', { name: 'Make anchor…' }).click();
        await expect(dialog(p, 'Make a portfolio an anchor')).toBeVisible();
      },
    },
    { name: 'qualification', hash: '/calibration?tab=qualification', act: ready('qualification-table') },
    { name: 'round report', hash: '/calibration/rounds/2', act: ready('report') },
    { name: 'production report', hash: '/calibration/production?from=2026-01-01&to=2026-12-31', act: ready('report') },
    { name: 'anchor page', hash: '/calibration/anchors/A-FA-01', act: ready('reference-fa-intentions') },
  ]);
  // A reviewer's pages: My calibration, and a submitted anchor with the reference beside their levels.
  const reviewer = await walk(page, workbench, 'R-mika', [
    { name: 'my calibration', hash: '/calibration/mine', act: ready('my-round') },
    {
      name: 'review page with the reference',
      hash: '/review/A-FA-01',
      act: async (p) => {
        await expect(p.getByTestId('reference-comparison')).toBeVisible();
        await pdfReady(p);
      },
    },
  ]);
  expect([...lead, ...reviewer]).toEqual([]);
});

test('the rubric pages, a new rubric empty, filled and refused, have no serious or critical accessibility violations', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const problems = await walk(page, workbench, 'R-terina', [
    { name: 'rubrics', hash: '/rubrics', act: async (p) => void (await expect(p.getByTestId('rubric-family-rubric-cst-8')).toBeVisible()) },
    { name: 'new rubric', hash: '/rubrics/new', act: async (p) => void (await expect(p.getByRole('textbox', { name: 'Title', exact: true }).first()).toBeVisible()) },
    {
      name: 'new rubric, filled in part (errors shown)',
      act: async (p) => {
        const title = p.getByRole('textbox', { name: 'Title', exact: true }).first();
        await title.fill('Culturally Sustaining Pedagogy');
        await title.blur();
      },
    },
    {
      name: 'new rubric, refused on save (every problem listed)',
      act: async (p) => {
        await p.getByRole('button', { name: 'Create rubric' }).click();
        await expect(p.getByTestId('rubric-problems')).toBeVisible();
      },
    },
    { name: 'rubric editor (frozen version)', hash: '/rubrics/rubric-cst-8/1/edit', act: async (p) => void (await expect(p.getByTestId('rubric-preview')).toBeVisible()) },
    { name: 'rubric compare', hash: '/rubrics/rubric-cst-8/compare?from=1&to=1', act: async (p) => void (await expect(p.getByRole('heading').first()).toBeVisible()) },
    { name: 'rubric compare, a single version', hash: '/rubrics/rubric-emp-8/compare', act: async (p) => void (await expect(p.getByTestId('compare-nothing')).toBeVisible()) },
  ]);
  expect(problems).toEqual([]);
});

test('the credit pages and dialogs, with approved, declined and open applications, have no serious or critical accessibility violations', async ({ page, workbench }) => {
  test.setTimeout(180_000);
  const ready = (id: string) => async (p: Page) => void (await expect(p.getByTestId(id).first()).toBeVisible());
  const problems = await walk(page, workbench, 'R-james', [
    { name: 'credit applications', hash: '/credit', act: ready('applications-table') },
    {
      name: 'new application dialog',
      act: async (p) => {
        await p.getByRole('button', { name: 'New application' }).click();
        await expect(dialog(p, 'New credit application')).toBeVisible();
      },
    },
    { name: 'approved application', hash: '/credit/applications/CA-0001', act: ready('decision-outcome') },
    { name: 'declined application', hash: '/credit/applications/CA-0002', act: ready('decision-outcome') },
    { name: 'application one credential short', hash: '/credit/applications/CA-0004', act: ready('requirement-checks') },
    { name: 'open application', hash: '/credit/applications/CA-0006', act: ready('requirement-checks') },
    {
      name: 'open application, reasons typed',
      act: async (p) => {
        await p.getByRole('textbox', { name: 'Reasons' }).fill('All three micro-credentials current; checked the evidence trail.');
      },
    },
    {
      name: 'approve confirmation dialog',
      act: async (p) => {
        await p.getByRole('button', { name: 'Approve', exact: true }).click();
        await expect(p.getByRole('dialog')).toBeVisible();
      },
    },
    { name: 'candidates', hash: '/credit/candidates', act: ready('candidates-table') },
    {
      name: 'merge dialog',
      act: async (p) => {
        await p.getByTestId('duplicates').getByRole('button', { name: /^Merge / }).first().click();
        await expect(dialog(p, 'Merge two candidate records')).toBeVisible();
      },
    },
    { name: 'candidate record', hash: '/credit/candidates/C-1002', act: ready('attempts') },
    { name: 'candidate record (declined)', hash: '/credit/candidates/C-1007', act: ready('attempts') },
    { name: 'pathways', hash: '/credit/pathways', act: ready('pathways-table') },
    { name: 'pathway', hash: '/credit/pathways/educ-581', act: ready('pathway-rule') },
    {
      name: 'pathway edit form',
      act: async (p) => {
        await p.getByRole('button', { name: 'Edit', exact: true }).click();
        await expect(p.getByRole('textbox', { name: 'Change note' })).toBeVisible();
      },
    },
    { name: 'new pathway', hash: '/credit/pathways/new', act: async (p) => void (await expect(p.getByRole('textbox', { name: 'Pathway id' })).toBeVisible()) },
    { name: 'programme insight', hash: '/credit/insight', act: ready('holders-table') },
  ]);
  expect(problems).toEqual([]);
});

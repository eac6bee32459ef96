import fs from 'node:fs';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { test, expect, type Workbench } from './fixtures';
import { createReviewer, getReviewer, listReviewers } from '../../src-main/services/reviewers';
import { declareConflict } from '../../src-main/services/panels/conflicts';
import { setPolicy } from '../../src-main/services/panels/policies';
import { claim } from '../../src-main/services/panels/assignments';

const ANA = { id: 'R-e2e-ana', name: 'Ana Rewiti' };
const BEN = { id: 'R-e2e-ben', name: 'Ben Okafor' };
const MOD = { id: 'R-e2e-mod', name: 'Marama Moderator' };
const ANA_COMMENT = 'Ana: the mentoring log shows sustained, reciprocal conversations.';

/** Hash navigation in the running app (the token cookie is already set by workbench.open). */
async function go(page: Page, workbench: Workbench, hash: string) {
  await page.goto(`${workbench.url.split('?')[0]}#${hash}`);
}

/** Switches profile the way a person does: the menu at the top right, "Switch profile…", then the profile list. */
async function switchProfile(page: Page, name: string) {
  await page.getByTestId('profile-menu').click();
  await page.getByRole('menuitem', { name: 'Switch profile…' }).click();
  await page.getByRole('listitem').filter({ hasText: name }).click();
  await expect(page.getByTestId('profile-menu')).toContainText(name);
}

/**
 * A clean double-review scenario on the demo data, made through the services: two new reviewers and a moderator in a
 * district of their own (no conflict of interest), a 2-review policy for the credential, both reviewers on one portfolio
 * that nobody has touched yet.
 */
async function setUpDoubleReview(workbench: Workbench) {
  const { ctx } = workbench;
  const lead = (await getReviewer(ctx, 'R-terina'))!;
  const row = (await ctx.db.get(`SELECT p.id, p.credential_code AS credential,
              (SELECT e.evidence_id FROM evidence e WHERE e.portfolio_id = p.id AND e.kind = 'pdf' ORDER BY e.rowid LIMIT 1) AS pdf
       FROM portfolios p
       WHERE p.status = 'submitted' AND p.is_anchor = 0 AND p.attempt = 1
         AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.portfolio_id = p.id AND a.status <> 'released')
         AND EXISTS (SELECT 1 FROM evidence e WHERE e.portfolio_id = p.id AND e.kind = 'pdf')
       ORDER BY p.submitted_at, p.id LIMIT 1`)) as { id: string; credential: string; pdf: string };
  expect(row, 'a fresh portfolio with a PDF in the demo').toBeTruthy();
  const school = { school: 'Te Kura Whakamātautau', district: 'Rohe Whakamātautau' };
  const ana = await createReviewer(ctx, { id: ANA.id, name: ANA.name, email: 'ana.rewiti@e2e.test', ...school, roles: ['reviewer'] }, lead);
  const ben = await createReviewer(ctx, { id: BEN.id, name: BEN.name, email: 'ben.okafor@e2e.test', ...school, roles: ['reviewer'] }, lead);
  await createReviewer(ctx, { id: MOD.id, name: MOD.name, email: 'marama.moderator@e2e.test', ...school, roles: ['moderator'] }, lead);
  await setPolicy(ctx, row.credential, { reviews_required: 2, tolerance: 1, anonymous: false }, lead, 'e2e: two independent reviewers');
  await claim(ctx, row.id, ana);
  await claim(ctx, row.id, ben);
  return row;
}

test('two reviewers score blind, disagree, and a moderator decides from the side-by-side view; the decision reaches the queue and the export', async ({
  page,
  workbench,
}) => {
  test.setTimeout(120_000);
  const { id: pid, pdf } = await setUpDoubleReview(workbench);
  const rubric = page.getByTestId('rubric-panel');
  const cards = rubric.locator('section[data-criterion]');

  // ── Reviewer A: own assignments first, scores by keyboard, cites page 2, submits with Ctrl+Enter.
  await workbench.open(page, '/', ANA.id);
  const mine = page.getByTestId('my-assignments');
  await expect(mine.getByTestId(`mine-${pid}`)).toBeVisible();
  await workbench.screenshot(page, 'panel-queue-my-assignments');
  await mine.getByRole('link', { name: pid }).click();
  await expect(rubric).toBeVisible();
  await expect(page.getByTestId('peer-status')).toHaveCount(0); // B has not started: nothing to show yet

  await page.getByTestId(`evidence-item-${pdf}`).click();
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  await page.keyboard.press('v');
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('textbox', { name: 'Page number' })).toHaveValue('2');
  await cards.first().focus();
  await page.keyboard.press('c');
  await expect(cards.first().getByRole('button', { name: /at p\. 2/ })).toBeVisible();

  const criteria = await cards.count();
  expect(criteria).toBeGreaterThanOrEqual(3);
  await cards.first().focus();
  for (let i = 0; i < criteria; i++) {
    await page.keyboard.press('4');
    await page.keyboard.press('ArrowDown');
  }
  for (let i = 0; i < criteria; i++) await expect(cards.nth(i).getByRole('radio', { checked: true })).toBeVisible();
  await cards.first().getByRole('textbox').fill(ANA_COMMENT);
  await page.getByLabel(/Feedback to the candidate/).fill('Ana: an exemplary portfolio.');
  await expect(page.getByTestId('decision-preview')).toContainText('Pass');
  await cards.first().focus();
  await page.keyboard.press('Control+Enter');
  let dialog = page.getByRole('dialog', { name: 'Submit this decision?' });
  await expect(dialog).toContainText('Pass');
  await dialog.getByRole('button', { name: 'Submit & open next' }).click();
  await expect(page).not.toHaveURL(new RegExp(`review/${pid}$`));

  // ── Reviewer B: sees only that another review exists; the API refuses the peer reviews (403).
  await go(page, workbench, '/');
  await switchProfile(page, BEN.name);
  await page.getByTestId('my-assignments').getByRole('link', { name: pid }).click();
  await expect(rubric).toBeVisible();
  const peerStatus = page.getByTestId('peer-status');
  await expect(peerStatus).toContainText('Another review of this portfolio exists (1 submitted)');
  await expect(peerStatus).toContainText('hidden until you submit yours');
  await expect(page.getByTestId('peer-comparison')).toHaveCount(0);
  await expect(page.getByText(ANA_COMMENT)).toHaveCount(0);
  await expect(page.getByText(ANA.name)).toHaveCount(0);
  const peers = await page.evaluate(async (portfolioId) => {
    const res = await fetch('/api/review.peers', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-EW-Actor': localStorage.getItem('ew.reviewer') ?? '' },
      body: JSON.stringify({ portfolioId }),
    });
    return { status: res.status, body: (await res.json()) as { code: string; message: string } };
  }, pid);
  expect(peers.status).toBe(403);
  expect(peers.body.code).toBe('forbidden');
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  await workbench.screenshot(page, 'panel-review-blind');

  await cards.first().focus();
  for (let i = 0; i < criteria; i++) {
    await page.keyboard.press('1');
    await page.keyboard.press('ArrowDown');
  }
  await page.getByLabel(/Feedback to the candidate/).fill('Ben: the evidence does not yet show impact on learners.');
  await expect(page.getByTestId('decision-preview')).toContainText('Not yet');
  await cards.first().focus();
  await page.keyboard.press('Control+Enter');
  dialog = page.getByRole('dialog', { name: 'Submit this decision?' });
  await expect(dialog).toContainText('Not yet');
  await dialog.getByRole('button', { name: 'Submit & open next' }).click();
  await expect(page).not.toHaveURL(new RegExp(`review/${pid}$`));

  // After submitting, B compares read-only with A's review.
  await go(page, workbench, `/review/${pid}`);
  const comparison = page.getByTestId('peer-comparison');
  await expect(comparison).toBeVisible();
  await expect(comparison).toContainText(ANA.name);
  await expect(comparison).toContainText(ANA_COMMENT);
  await expect(comparison.locator('[data-agreement="apart"]')).toHaveCount(criteria);
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  await workbench.screenshot(page, 'panel-review-compare');

  // ── Moderator: the portfolio is in the moderation queue with the reason.
  await go(page, workbench, '/');
  await switchProfile(page, MOD.name);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Moderation' }).click();
  const row = page.getByTestId(`moderation-row-${pid}`);
  await expect(row).toContainText('outcomes differ');
  await row.getByRole('link', { name: pid }).click();

  // Side by side: both reviewers, every criterion highlighted as apart.
  await expect(page.getByTestId('reviews-legend')).toContainText(ANA.name);
  await expect(page.getByTestId('reviews-legend')).toContainText(BEN.name);
  const first = page.locator('[data-testid^="compare-"]').first();
  await expect(page.locator('[data-testid^="compare-"][data-agreement="apart"]')).toHaveCount(criteria);
  await expect(first.getByTestId('cell-level')).toHaveCount(2);
  await expect(first).toContainText(ANA_COMMENT);

  // A's citation opens the PDF at page 2 in the drawer; Esc returns.
  await first.getByRole('button', { name: /^p\. 2 · .*open the evidence there/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('drawer-target')).toHaveText('opened at p. 2');
  await expect(drawer.getByRole('textbox', { name: 'Page number' })).toHaveValue('2');
  await expect(drawer.getByTestId('pdf-page-2')).toHaveAttribute('data-rendered', 'true');
  await workbench.screenshot(page, 'panel-moderation-evidence');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  // Final levels by keyboard: R to the first open criterion, 3 everywhere; feedback and a note; Ctrl+Enter.
  await page.keyboard.press('r');
  await expect(page.locator('[data-final]').first()).toBeFocused();
  for (let i = 0; i < criteria; i++) {
    await page.keyboard.press('3');
    await page.keyboard.press('ArrowDown');
  }
  await expect(page.getByTestId('decision-preview')).toContainText('Pass');
  await first.getByRole('button', { name: /Use this comment \(A's/ }).click();
  await expect(page.locator('[data-final]').first().getByRole('textbox')).toHaveValue(ANA_COMMENT);
  await page.getByRole('button', { name: "Add to the final feedback: A's feedback" }).click();
  // No note yet: refused, saying why. The same feedback pasted twice: the confirmation flags it.
  await page.locator('[data-final]').first().focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('moderation-problems')).toContainText('A moderation note is required');
  await page.getByLabel('Moderation note').fill('Evidence of impact is there on p. 2; settled at Proficient.');
  await page.getByRole('button', { name: "Add to the final feedback: A's feedback" }).click();
  await page.locator('[data-final]').first().focus();
  await page.keyboard.press('Control+Enter');
  const warned = page.getByRole('dialog', { name: 'Check the feedback before recording' });
  await expect(warned.getByTestId('moderation-warnings')).toContainText('This paragraph appears twice');
  await warned.getByRole('button', { name: 'Keep moderating' }).click();
  const finalFeedback = page.getByLabel(/Final feedback to the candidate/);
  await finalFeedback.fill((await finalFeedback.inputValue()).split('\n\n')[0]!);
  await page.evaluate(() => window.scrollTo(0, 0));
  await workbench.screenshot(page, 'panel-moderation-case');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await workbench.screenshot(page, 'panel-moderation-decision');
  await page.locator('[data-final]').first().focus();
  await page.keyboard.press('Control+Enter');
  dialog = page.getByRole('dialog', { name: 'Record the moderated decision?' });
  await expect(dialog).toContainText('Pass');
  await dialog.getByRole('button', { name: 'Record decision' }).click();
  await expect(page.getByTestId('case-status')).toHaveText('Resolved');
  await expect(page.getByTestId('case-decision')).toContainText('Decided: Pass');
  await expect(page.getByTestId('case-decision')).toContainText(MOD.name);

  // The queue shows the decision; the lead's CSV export carries it.
  await go(page, workbench, `/?q=${pid}`);
  await expect(page.getByTestId(`queue-row-${pid}`)).toContainText('Decided · Pass');
  await switchProfile(page, 'Te Rina Walker');
  await go(page, workbench, '/export');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
  const exported = rows.find((r) => r.portfolio_id === pid);
  expect(exported).toMatchObject({ outcome: 'pass', source: 'moderation', reviewer_id: MOD.id, reviewer_name: MOD.name });
  expect(exported!.feedback).toContain('Ana: an exemplary portfolio.');
  expect(Object.values(exported!).join(' ')).toContain(ANA_COMMENT);
});

test('a panel lead imports reviewers (a bad file is refused line by line), versions a policy, declares a conflict, allocates and reassigns; the dashboard shows the panel', async ({
  page,
  workbench,
}) => {
  test.setTimeout(120_000);
  await workbench.open(page, '/panel/setup');
  await expect(page.getByRole('heading', { name: 'Panel setup' })).toBeVisible();
  await expect(page.getByTestId('reviewer-R-mika')).toContainText('Kaiapoi North School');

  // CSV import: a bad file names each bad line and imports nothing.
  const file = page.locator('input[type="file"]');
  const bad = [
    'id,name,email,school,district,roles',
    'R-nia,Nia Pomare,nia.pomare@e2e.test,Kura Tahi,Rohe Tahi,reviewer',
    'R-oscar,Oscar Bad,not-an-email,Kura Rua,Rohe Rua,reviewer',
    'R-pita,Pita Odd,pita@e2e.test,Kura Toru,Rohe Toru,reviewer;wizard',
  ].join('\n');
  await file.setInputFiles({ name: 'reviewers.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Import' }).click();
  const issues = page.getByTestId('error-issues');
  await expect(issues).toContainText('line 3: invalid email "not-an-email"');
  await expect(issues).toContainText('line 4: unknown role "wizard"');
  await expect(page.getByRole('alert').filter({ hasText: 'Import refused' })).toContainText('nothing was imported');
  await expect(page.getByTestId('reviewer-R-nia')).toHaveCount(0);
  await workbench.screenshot(page, 'panel-setup-import-errors');

  const good = ['id,name,email,school,district,roles', 'R-nia,Nia Pomare,nia.pomare@e2e.test,Kura Tahi,Rohe Tahi,reviewer;moderator'].join('\n');
  await file.setInputFiles({ name: 'reviewers.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('import-result')).toContainText('1 created (R-nia)');
  await expect(page.getByTestId('reviewer-R-nia')).toContainText('Moderator');

  // A file that changes a known profile is shown as a diff; nothing changes until the lead confirms.
  const escalate = ['id,name,email,school,district,roles', 'R-nia,Nia Pomare,nia@elsewhere.test,Kura Tahi,Rohe Tahi,admin;reviewer'].join('\n');
  await file.setInputFiles({ name: 'reviewers.csv', mimeType: 'text/csv', buffer: Buffer.from(escalate) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const changes = page.getByTestId('changes-table');
  await expect(changes.getByRole('row', { name: /roles/ })).toContainText('moderator, reviewer');
  await expect(changes.getByRole('row', { name: /roles/ })).toContainText('admin, reviewer');
  await expect(changes.getByRole('row', { name: /email/ })).toContainText('nia@elsewhere.test');
  await expect(page.getByTestId('reviewer-R-nia')).not.toContainText('Administrator');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByTestId('import-conflicts').scrollIntoViewIfNeeded();
  await workbench.screenshot(page, 'panel-setup-import-conflicts-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await workbench.screenshot(page, 'panel-setup-import-conflicts');
  await page.getByRole('button', { name: 'Confirm and apply changes' }).click();
  await expect(page.getByTestId('import-result')).toContainText('0 created, 1 updated (R-nia), 0 unchanged');
  await expect(page.getByTestId('reviewer-R-nia')).toContainText('Administrator');

  // Edit a reviewer: maximum load.
  await page.getByRole('button', { name: 'Edit Nia Pomare' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Nia Pomare' });
  await edit.getByLabel('Maximum open reviews').fill('5');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByTestId('reviewer-R-nia')).toContainText('0 / 5');
  await page.evaluate(() => window.scrollTo(0, 0));
  await workbench.screenshot(page, 'panel-setup-reviewers');

  // Policy: Formative Assessment goes from one review to two, as version 2 with a note.
  await page.getByRole('tab', { name: 'Review policies' }).click();
  await page.getByRole('combobox', { name: 'Credential' }).click();
  await page.getByRole('option', { name: /Formative Assessment/ }).click();
  await expect(page.getByText('Policy in force (version 1)')).toBeVisible();
  await page.getByRole('radio', { name: '2', exact: true }).check();
  await page.getByLabel('Change note').fill('Second reviewer from Term 3');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('Policy in force (version 2)')).toBeVisible();
  const history = page.getByTestId('policy-history');
  await expect(history).toContainText('Second reviewer from Term 3');
  await expect(history).toContainText('Reviews per portfolio: 1 → 2');
  await workbench.screenshot(page, 'panel-setup-policy');

  // Conflict: Sarah Whitcombe may not review Wei-Ling Chen (P-2026-009).
  await page.getByRole('tab', { name: 'Conflicts of interest' }).click();
  await page.getByRole('combobox', { name: 'Reviewer' }).fill('Sarah');
  await page.getByRole('option', { name: /Sarah Whitcombe/ }).click();
  await page.getByRole('combobox', { name: 'Candidate' }).fill('Wei-Ling');
  await page.getByRole('option', { name: /Wei-Ling Chen/ }).click();
  await page.getByLabel('Reason').fill('Former colleague');
  await page.getByRole('button', { name: 'Declare conflict' }).click();
  await expect(page.getByTestId('conflicts-table')).toContainText('Former colleague');

  // Allocation: the report says what was assigned and what could not be, with reasons. Precondition: P-2026-016 must
  // stay unallocated, so every reviewer (the one just imported too) declares a conflict with its candidate.
  const { ctx } = workbench;
  const blocked = ((await ctx.db.get("SELECT candidate_id AS id FROM portfolios WHERE id = 'P-2026-016'")) as { id: string }).id;
  for (const r of await listReviewers(ctx))
    if (r.roles.includes('reviewer')) await declareConflict(ctx, r.id, blocked, 'e2e: keep P-2026-016 unallocated', (await getReviewer(ctx, 'R-terina'))!);
  await page.getByRole('tab', { name: 'Allocation' }).click();
  await page.getByRole('button', { name: 'Allocate now' }).click();
  const report = page.getByTestId('allocation-report');
  await expect(report).toContainText(/Assigned: \d+ reviews? on \d+ portfolios?/);
  await expect(report).toContainText('Could not allocate: 1');
  await expect(report).toContainText('P-2026-016: 0 eligible reviewers, 2 required');
  await expect(page.getByTestId('awaiting-allocation')).toBeVisible();
  await workbench.screenshot(page, 'panel-setup-allocation');

  // Reassign: refused with the reason when it crosses a conflict; done when it does not.
  await page.getByRole('button', { name: 'Reassign P-2026-009 from Tevita Fonua' }).click();
  let dialog = page.getByRole('dialog', { name: 'Reassign P-2026-009' });
  await dialog.getByRole('combobox', { name: 'To' }).fill('Sarah');
  await page.getByRole('option', { name: /Sarah Whitcombe/ }).click();
  await dialog.getByRole('button', { name: 'Reassign' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Sarah Whitcombe has a conflict of interest with this candidate');
  await dialog.getByRole('combobox', { name: 'To' }).fill('Olivia');
  await page.getByRole('option', { name: /Olivia Brooks/ }).click();
  await dialog.getByRole('button', { name: 'Reassign' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('assignment-P-2026-009-R-olivia')).toBeVisible();
  await expect(page.getByTestId('assignment-P-2026-009-R-tevita')).toHaveCount(0);

  // Dashboard: counts, charts (recharts SVGs from @mantine/charts), overdue target.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Panel dashboard' }).click();
  await expect(page.getByRole('heading', { name: 'Panel dashboard' })).toBeVisible();
  await expect(page.getByTestId('count-awaiting_moderation')).toContainText(/\d/);
  for (const card of ['waiting-card', 'throughput-card', 'disagreement-card', 'load-card'])
    await expect(page.getByTestId(card).locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('load-card')).toContainText('Olivia Brooks');
  await page.getByRole('button', { name: /Target 21 days/ }).click();
  await page.getByLabel('Decide within (days)').fill('10');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: /Target 10 days/ })).toBeVisible();
  await expect(page.getByTestId('waiting-card')).toContainText('10-day target');
  await expect(page.getByLabel('Decide within (days)')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Production agreement report' })).toHaveAttribute('href', '#/calibration/production');
  await page.mouse.move(0, 0);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await workbench.screenshot(page, 'panel-dashboard');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await workbench.screenshot(page, 'panel-dashboard-reviewers');
});

test('a resubmission is reviewed with its attempt history: earlier levels, feedback and decision; evidence new, changed or unchanged; earlier evidence still opens', async ({
  page,
  workbench,
}) => {
  // P-2026-011 (anonymous policy) is attempt 2 of P-2026-002, which was decided Not yet; Tevita is one of its reviewers.
  await workbench.open(page, '/review/P-2026-011', 'R-tevita');
  const history = page.getByTestId('attempt-history');
  await expect(history).toContainText('Attempt 1');
  await expect(history).toContainText('Not yet');
  await expect(history).toContainText('student agency and formative use of assessment');
  await expect(history).toContainText('Assessment is summative only');
  await expect(page.getByTestId('change-E4')).toHaveText('unchanged');
  await expect(page.getByTestId('change-E3')).toHaveText('new');
  await expect(page.getByTestId('change-E1')).toHaveText('changed');
  // Anonymous review: the header shows a pseudonym, not the candidate.
  await expect(page.getByTestId('review-bar')).toContainText('Candidate ');
  await expect(page.getByTestId('review-bar')).not.toContainText('Sione');

  // The earlier attempt's unit plan opens in the viewer.
  await page.getByTestId('earlier-1-E1').click();
  await expect(page.getByTestId('earlier-1-E1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
  await workbench.screenshot(page, 'panel-review-resubmission');
});

test('a moderator asks for a third review instead of deciding; the case waits for it and the lead allocates it', async ({ page, workbench }) => {
  // P-2026-005 is the demo's genuine disagreement (Tevita and Hemi); Moana moderates.
  await workbench.open(page, '/moderation/P-2026-005', 'R-moana');
  await expect(page.getByTestId('case-reason')).toContainText('outcomes differ');
  await expect(page.getByTestId('case-status')).toHaveText('Awaiting moderator');

  // Recording with levels missing names what is missing, before anything is sent.
  await page.keyboard.press('r');
  await page.keyboard.press('2');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('moderation-problems')).toContainText('not scored');

  await page.getByRole('button', { name: 'Ask for a third review…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ask for a third review?' });
  await dialog.getByLabel('Note for the record').fill('Settle Relational trust: 2 vs 4.');
  await dialog.getByRole('button', { name: 'Ask for a third review' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('case-status')).toHaveText('Third review');
  await expect(page.getByText('Waiting for a third review', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Record decision' })).toHaveCount(0);

  await go(page, workbench, '/moderation');
  await expect(page.getByTestId('moderation-row-P-2026-005')).toContainText('Third review');

  await switchProfile(page, 'Te Rina Walker');
  await go(page, workbench, '/panel/setup?tab=allocation');
  await page.getByRole('button', { name: 'Allocate now' }).click();
  await expect(page.getByTestId('allocation-report')).toContainText('P-2026-005');
  await expect(page.locator('[data-testid^="assignment-P-2026-005-"]').filter({ hasText: 'third review' })).toHaveCount(1);
});

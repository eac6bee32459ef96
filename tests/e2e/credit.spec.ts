import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { Download, Page } from '@playwright/test';
import { replayCreditDemo } from '../../src-main/services/credit/demo';
import { pdfText } from '../support/pdf-text';
import { test, expect } from './fixtures';
import { seriousViolations } from './axe';

/*
 * Credit approval as university staff do it, on the demo's credit story (replayed here until the demo loader runs it):
 * Dr James Park opens Aroha Ngata's pending EDUC 581 application, reads the requirement checks and the evidence
 * behind each credential, approves; EDUC 581 asks for four eyes, so Dr Marama Kereama gives the second approval; then
 * the letter and an Open Badge are downloaded and their contents checked.
 */

async function saved(download: Download): Promise<Buffer> {
  const file = await download.path();
  return fs.readFileSync(file!);
}

async function confirmModal(page: Page, button: 'Approve' | 'Decline'): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('an approver reads the requirement checks, approves with a second approver, and downloads the letter and a badge', async ({ page, workbench }) => {
  await replayCreditDemo(workbench.ctx);
  await workbench.open(page, '/credit', 'R-james');
  await expect(page.getByRole('heading', { name: 'Credit applications' })).toBeVisible();
  const row = page.getByTestId('applications-table').getByRole('row').filter({ hasText: 'Aroha Ngata' });
  await expect(row).toContainText('EDUC 581 Professional Inquiry in Education');
  await expect(row).toContainText('Pending');
  await workbench.screenshot(page, 'credit-applications');
  await row.getByRole('link').click();

  // The requirement checks, each with a tick and the reason, and the evidence trail under each credential.
  await expect(page.getByRole('heading', { name: 'Aroha Ngata: EDUC 581 Professional Inquiry in Education' })).toBeVisible();
  const checks = page.getByTestId('requirement-checks');
  await expect(page.getByTestId('requirements-summary')).toHaveText('Every requirement is met');
  await expect(checks.getByTestId('check-credential:EMP-8')).toContainText('Effective Mentoring Practices: passed 2026-03-18, attempt 1');
  await expect(checks.getByTestId('check-credential:WCL-8')).toContainText(
    'Working Collaboratively and Building Leadership Capability: passed 2026-05-19, attempt 1',
  );
  await expect(checks.getByTestId('check-credential:CST-8')).toContainText('Contemporary Secondary Teaching Approaches: passed 2026-08-24');
  await expect(checks.getByTestId('check-points')).toContainText('Credit points: 15 counted, at least 15 required');
  for (const id of ['credential:EMP-8', 'credential:WCL-8', 'credential:CST-8', 'points']) await expect(checks.getByTestId(`check-${id}`)).toContainText('Met');
  const emp = checks.getByTestId('trail-P-2026-001');
  await expect(emp).toContainText('Two reviews agreed');
  await expect(emp).toContainText('Reviewed by Mika Henare: Pass');
  await expect(emp).toContainText('Reviewed by Sarah Whitcombe: Pass');
  await expect(emp.getByRole('link', { name: 'P-2026-001' })).toHaveAttribute('href', '#/review/P-2026-001');
  await workbench.screenshot(page, 'credit-application');

  // First approval.
  const panel = page.getByTestId('decision-panel');
  await expect(panel).toContainText('This pathway needs two approvers');
  await panel.getByRole('textbox', { name: 'Reasons' }).fill('All three micro-credentials passed in 2026 and current on the application date.');
  await panel.getByRole('button', { name: 'Approve', exact: true }).click();
  await confirmModal(page, 'Approve');
  await expect(page.getByTestId('application-status')).toHaveText('Awaiting second approver');
  await expect(page.getByTestId('decision-why')).toContainText('a second, different approver must approve');
  await expect(panel.getByRole('button', { name: 'Approve (second approver)' })).toBeDisabled();
  await workbench.screenshot(page, 'credit-awaiting-second');

  // Four eyes: switch to the second approver (profile menu, top right).
  await page.getByTestId('profile-menu').click();
  await page.getByRole('menuitem', { name: 'Switch profile…' }).click();
  await page.getByRole('listitem').filter({ hasText: 'Dr Marama Kereama' }).click();
  await expect(page.getByTestId('profile-menu')).toContainText('Dr Marama Kereama');
  await expect(page.getByRole('heading', { name: 'Aroha Ngata: EDUC 581 Professional Inquiry in Education' })).toBeVisible();
  await expect(page.getByTestId('approvals')).toContainText('Approval 1 by Dr James Park');
  await panel.getByRole('textbox', { name: 'Reasons' }).fill('Checked the evidence trail; confirmed.');
  await panel.getByRole('button', { name: 'Approve (second approver)' }).click();
  await confirmModal(page, 'Approve');
  await expect(page.getByTestId('application-status')).toHaveText('Approved');
  await expect(page.getByTestId('decision-outcome')).toContainText('EDUC 581 Professional Inquiry in Education');
  await workbench.screenshot(page, 'credit-approved');

  // The decision letter: candidate, award, credentials counted, decision, reasons, both approvers.
  const [letter] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download decision letter (PDF)' }).click()]);
  expect(letter.suggestedFilename()).toMatch(/^credit-decision-CA-\d{4}\.pdf$/);
  const text = (await pdfText(await saved(letter))).join('\n').replace(/\s+/g, ' ');
  for (const s of [
    'Credit decision: EDUC 581 Professional Inquiry in Education',
    'Aroha Ngata (C-1001)',
    'Approved: 15 credit points',
    'Effective Mentoring Practices (EMP-8)',
    'Dr James Park',
    'Dr Marama Kereama',
    'Checked the evidence trail; confirmed.',
  ])
    expect(text).toContain(s);

  // An Open Badges 3.0 credential for one of the passed micro-credentials, valid against the vendored schema.
  const [badge] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByTestId('trail-P-2026-001')
      .getByRole('button', { name: /Open Badge/ })
      .click(),
  ]);
  const credential = JSON.parse((await saved(badge)).toString('utf8'));
  expect(credential.type).toContain('OpenBadgeCredential');
  expect(credential.credentialSubject.achievement).toMatchObject({
    name: 'Effective Mentoring Practices',
    humanCode: 'EMP-8',
    achievementType: 'MicroCredential',
    creditsAvailable: 5,
  });
  expect(credential.credentialSubject.identifier[0]).toMatchObject({ identityType: 'emailAddress', hashed: true });
  expect(JSON.stringify(credential)).not.toContain('a.ngata@');
  expect(credential.proof[0].type).toBe('JwtProof2020');
  // The official 1EdTech schema (JSON Schema 2019-09), vendored unchanged.
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join('resources/schemas', 'ob_v3p0_achievementcredential_schema.json'), 'utf8')));
  expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
});

test('the candidate record, pathways and programme insight pages', async ({ page, workbench }) => {
  await replayCreditDemo(workbench.ctx);
  await workbench.open(page, '/credit/candidates/C-1002', 'R-james');
  await expect(page.getByRole('heading', { name: 'Sione Tupou', level: 2 })).toBeVisible();
  const attempts = page.getByTestId('attempts');
  await expect(attempts.getByTestId('trail-P-2026-002')).toContainText('attempt 1');
  await expect(attempts.getByTestId('trail-P-2026-011')).toContainText('attempt 2');
  await expect(page.getByTestId('credentials-held')).toContainText('University of Waikato');
  await workbench.screenshot(page, 'credit-candidate');

  await page.getByRole('link', { name: 'Pathways' }).click();
  await expect(page.getByTestId('pathways-table')).toContainText('PLD-50 Practising certificate renewal');
  await page.getByRole('link', { name: 'EDUC 581 Professional Inquiry in Education' }).click();
  await expect(page.getByTestId('pathway-rule')).toContainText('All of: EMP-8, WCL-8, CST-8.');
  await expect(page.getByTestId('pathway-rule')).toContainText('Approvals need two different approvers.');
  await workbench.screenshot(page, 'credit-pathway');

  // A pathway in use is frozen: editing it saves the next version.
  await page.getByRole('link', { name: 'Pathways' }).click();
  await page.getByRole('link', { name: 'PLD-50 Practising certificate renewal: professional learning hours' }).click();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByText('Version 1 is in use by an application')).toBeVisible();
  await page.getByRole('textbox', { name: 'Post-test at least (%)' }).fill('70');
  await page.getByRole('textbox', { name: 'Change note' }).fill('District lowered the post-test bar');
  await page.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(page.getByText('Saved as version 2: version 1 is in use and stays as it was.')).toBeVisible();
  await expect(page.getByTestId('pathway-rule')).toContainText('A post-test of 70 % or better in a counted credential.');

  // Likely duplicates: the same name at the same school under two ids, merged with a reason.
  await page.getByRole('link', { name: 'Candidates' }).click();
  const duplicates = page.getByTestId('duplicates');
  await expect(duplicates).toContainText('Wei-Ling Chen (C-1008) and Wei-Ling Chen (UOA-20417)');
  await duplicates.getByRole('button', { name: 'Merge C-1008 and UOA-20417' }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge two candidate records' });
  await dialog.getByRole('textbox', { name: 'Why are these the same person?' }).fill('Same teacher: university record under a personal email');
  await dialog.getByRole('button', { name: 'Merge into C-1008' }).click();
  await expect(dialog).toBeHidden();
  await expect(duplicates).toContainText('None found.');
  await page.getByRole('link', { name: 'Wei-Ling Chen' }).click();
  await expect(page.getByTestId('credentials-held')).toContainText('Culturally Sustaining Pedagogy');
  await expect(page.getByText(/Merged records: Wei-Ling Chen \(UOA-20417\)/)).toBeVisible();

  await page.getByRole('link', { name: 'Programme insight' }).click();
  const table = page.getByTestId('insight-table');
  await expect(table.getByRole('row').filter({ hasText: 'Formative Assessment' })).toContainText('%');
  await page.getByRole('combobox', { name: 'District' }).click();
  await page.getByRole('option', { name: 'Ōtautahi Christchurch' }).click();
  const holders = page.getByTestId('holders-table');
  await expect(holders).toContainText('Aroha Ngata');
  await expect(holders).not.toContainText('Tāmaki Makaurau Auckland');
  await workbench.screenshot(page, 'credit-insight');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const content = (await saved(csv)).toString('utf8');
  expect(content.startsWith('\uFEFFcandidate_id,candidate_name,candidate_email,school,district,credential_code')).toBe(true);
  expect(content).toContain('Aroha Ngata');
  expect(content).not.toContain('Tāmaki Makaurau Auckland');
});

test('an admin keeps the trusted badge issuers on the Pathways page; an approver sees them read-only', async ({ page, workbench }) => {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const jwk = JSON.stringify(publicKey.export({ format: 'jwk' }));
  await workbench.open(page, '/credit/pathways', 'R-terina');
  const card = page.getByTestId('trust-card');
  await expect(card.getByRole('heading', { name: 'Trusted badge issuers' })).toBeVisible();
  await card.getByRole('textbox', { name: 'Issuer id (URL or DID its badges name)' }).fill('https://waikato.example.nz');
  await card.getByRole('textbox', { name: 'Name to show' }).fill('The University of Waikato');
  await card.getByRole('textbox', { name: 'Public key (JWK)' }).fill('{"kty":"oct","k":"c2VjcmV0"}');
  await card.getByRole('button', { name: 'Trust this issuer' }).click();
  await expect(card.getByText(/not a public key/)).toBeVisible();
  await card.getByRole('textbox', { name: 'Public key (JWK)' }).fill(jwk);
  await card.getByRole('button', { name: 'Trust this issuer' }).click();
  const list = card.getByRole('list', { name: 'Trusted issuers' });
  await expect(list).toContainText('The University of Waikato');
  await expect(list).toContainText('https://waikato.example.nz');
  expect(await seriousViolations(page)).toEqual([]);
  await card.scrollIntoViewIfNeeded();
  await workbench.screenshot(page, 'credit-trust-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await card.scrollIntoViewIfNeeded();
  await workbench.screenshot(page, 'credit-trust-1280');
  const row = await workbench.ctx.db.get("SELECT actor FROM audit_log WHERE action = 'credit.trust.add'");
  expect(row).toEqual({ actor: 'R-terina' });

  await workbench.open(page, '/credit/pathways', 'R-james');
  await expect(card.getByRole('list', { name: 'Trusted issuers' })).toContainText('The University of Waikato');
  await expect(card.getByText('Only an administrator can change this list.')).toBeVisible();
  await expect(card.getByRole('button', { name: /Remove/ })).toHaveCount(0);

  await workbench.open(page, '/credit/pathways', 'R-terina');
  await card.getByRole('button', { name: 'Remove The University of Waikato from the trust list' }).click();
  await expect(card.getByRole('list', { name: 'Trusted issuers' })).not.toContainText('The University of Waikato');
});

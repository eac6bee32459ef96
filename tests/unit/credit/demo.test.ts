import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoIfFresh } from '../../../src-main/core/services';
import { demoDir } from '../../../src-main/core/paths';
import { importPath } from '../../../src-main/services/import/importer';
import { CREDIT_DEMO_FILE, replayCreditDemo } from '../../../src-main/services/credit/demo';
import { getApplication, listApplications } from '../../../src-main/services/credit/applications';
import { findDuplicates } from '../../../src-main/services/credit/candidates';
import { systemActor } from '../../../src-main/services/reviewers';
import type { Services } from '../../../src-main/core/services';
import { tempDir, tempServices } from '../../support/fixtures';

const FILE = CREDIT_DEMO_FILE();

let ctx: Services;
afterEach(() => ctx?.close());

const sys = systemActor('test');
const reasons = async (id: string) => (await getApplication(ctx, id, sys)).evaluation.checks.map((c) => `${c.ok ? '✓' : c.required ? '✗' : '–'} ${c.reason}`);

async function expectStory(): Promise<void> {
  const apps = await listApplications(ctx, sys);
  const by = (candidate: string) => apps.find((a) => a.candidate.id === candidate)!;
  // a candidate with all three credentials and an open application for the 15-point paper
  expect(by('C-1001')).toMatchObject({ status: 'pending', met: true, pathway: { id: 'educ-581', label: 'EDUC 581 Professional Inquiry in Education' } });
  expect((await getApplication(ctx, by('C-1001').id, sys)).pathway.four_eyes).toBe(true);
  // all three held, one passed here on the second attempt, two earned elsewhere: also open
  expect(by('C-1002')).toMatchObject({ status: 'pending', met: true });
  expect(await reasons(by('C-1002').id)).toEqual([
    '✓ Effective Mentoring Practices: awarded 2025-06-27 by Massey University (external)',
    '✓ Working Collaboratively and Building Leadership Capability: awarded 2024-09-20 by University of Waikato (external)',
    expect.stringMatching(/^✓ Contemporary Secondary Teaching Approaches: passed 2026-0\d-\d\d, attempt 2$/),
    '✓ Credit points: 15 counted, at least 15 required',
  ]);
  // one credential short
  expect(by('C-1009')).toMatchObject({ status: 'pending', met: false });
  expect(await reasons(by('C-1009').id)).toEqual([
    expect.stringMatching(/^✓ Effective Mentoring Practices: passed 2026-0\d-\d\d, attempt 1$/),
    '✗ Working Collaboratively and Building Leadership Capability: missing',
    '✓ Contemporary Secondary Teaching Approaches: awarded 2025-12-05 by University of Auckland (external)',
    '✗ Credit points: 10 counted, at least 15 required',
  ]);
  // an expired credential (earned elsewhere in 2020): declined with reasons
  expect(by('C-1007')).toMatchObject({ status: 'declined', met: false });
  expect(await reasons(by('C-1007').id)).toContain('✗ Working Collaboratively and Building Leadership Capability: expired 2025-11-30');
  // the district hours pathway with a post-test condition: one approved, one below the bar
  expect(by('C-1004')).toMatchObject({ status: 'approved', met: true, pathway: { id: 'kahui-pld-hours' } });
  expect(await reasons(by('C-1004').id)).toContain('✓ Post-test: 90 % in Formative Assessment, at least 75 % required');
  expect(await reasons(by('C-1006').id)).toContain('✗ Post-test: 71 % in Formative Assessment, at least 75 % required');
  // a likely duplicate to merge
  expect((await findDuplicates(ctx, sys)).map((d) => `${d.a.id} ${d.b.id}`)).toContain('C-1008 UOA-20417');
}

describe('credit demo replay', () => {
  it('tells the credit story on the full demo (after the panel history) and does nothing the second time', async () => {
    ctx = await tempServices(new Date('2026-11-20T10:00:00Z'));
    await loadDemoIfFresh(ctx);
    await replayCreditDemo(ctx, FILE);
    await expectStory();
    const audit = ((await ctx.db.get('SELECT count(*) AS n FROM audit_log')) as { n: number }).n;
    await replayCreditDemo(ctx, FILE);
    expect(((await ctx.db.get('SELECT count(*) AS n FROM audit_log')) as { n: number }).n).toBe(audit);
    // the panel history decided P-2026-011 or the replay did, through real reviews
    expect(await ctx.db.get("SELECT source FROM decisions WHERE portfolio_id = 'P-2026-011'")).toEqual({ source: 'reconciled' });
  });

  it('decides the passes it needs itself when no panel history ran', async () => {
    ctx = await tempServices(new Date('2026-11-20T10:00:00Z'));
    const copy = tempDir();
    fs.cpSync(demoDir(), copy, { recursive: true, filter: (src) => !src.includes(`${path.sep}activity`) });
    await importPath(ctx, copy, { actor: 'test' });
    expect(await ctx.db.get('SELECT count(*) AS n FROM decisions')).toEqual({ n: 0 });
    await replayCreditDemo(ctx, FILE);
    await expectStory();
  });
});

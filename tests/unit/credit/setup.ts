import fs from 'node:fs';
import path from 'node:path';
import { importPath } from '../../../src-main/services/import/importer';
import { recordDecision } from '../../../src-main/services/decisions';
import { setStatus } from '../../../src-main/services/portfolios';
import { createReviewer } from '../../../src-main/services/reviewers';
import type { Services } from '../../../src-main/core/services';
import { transaction } from '../../../src-main/services/context';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { makePdf, tempDir, TEST_RUBRIC, writePackageFolder } from '../../support/fixtures';
import { openTestServices } from '../../support/dialect';

export const CREDENTIALS = [
  { code: 'EMP-8', title: 'Effective Mentoring Practices', hours: 50 },
  { code: 'WCL-8', title: 'Working Collaboratively and Building Leadership Capability', hours: 50 },
  { code: 'CST-8', title: 'Contemporary Secondary Teaching Approaches', hours: 50 },
  { code: 'FA-8', title: 'Formative Assessment', hours: 30 },
];

export interface PortfolioSpec {
  id: string;
  credential: string;
  candidate: { id: string; name: string; email: string; school?: string; district?: string };
  attempt?: number;
  resubmission_of?: string;
  submitted_at: string;
  tests?: { pre?: number; post?: number };
}

export interface CreditWorld {
  ctx: Services;
  /** Moves the shared clock (every service reads time from ctx.now). */
  setNow(iso: string): void;
  approver: Reviewer;
  approver2: Reviewer;
  lead: Reviewer;
  admin: Reviewer;
  reviewer: Reviewer;
  /** Records a decision dated `at` (as the review or moderation flow would). */
  decide(
    portfolioId: string,
    outcome: 'pass' | 'not_yet',
    at: string,
    source?: 'review' | 'reconciled' | 'moderation' | 'correction',
    by?: string,
  ): Promise<void>;
}

/** A real data directory with the four test credentials (5 points each, valid 5 years), the given portfolios and five profiles. */
export async function creditWorld(portfolios: PortfolioSpec[], now = '2026-11-01T10:00:00Z'): Promise<CreditWorld> {
  let clock = new Date(now);
  const ctx = await openTestServices({ dataDir: tempDir('ew-credit-'), now: () => clock });
  const work = tempDir();
  fs.writeFileSync(path.join(work, 'rubric.json'), JSON.stringify(TEST_RUBRIC));
  fs.writeFileSync(
    path.join(work, 'credentials.json'),
    JSON.stringify({
      format: 'evidence-workbench/credentials@1',
      credentials: CREDENTIALS.map((c) => ({
        ...c,
        provider: 'Te Whare Ako',
        level: 'NZQF 8',
        credit_points: 5,
        validity_years: 5,
        rubric: { id: TEST_RUBRIC.id, version: 1 },
      })),
    }),
  );
  const pdf = await makePdf(1);
  for (const p of portfolios) {
    const dir = path.join(work, p.id);
    const manifest = await writePackageFolder(dir, {
      id: p.id,
      candidate: { school: 'Kōwhai School', district: 'North', ...p.candidate },
      attempt: p.attempt,
      resubmission_of: p.resubmission_of,
      submitted_at: p.submitted_at,
      files: { 'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] } },
    });
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, credential: p.credential, ...(p.tests ? { tests: p.tests } : {}) }));
  }
  await importPath(ctx, work, { actor: 'test' });
  const admin = await createReviewer(ctx, { id: 'R-admin', name: 'Ada Admin', email: 'ada@example.nz', school: '', district: '', roles: ['admin'] }, null);
  const mk = (id: string, name: string, roles: Reviewer['roles']) =>
    createReviewer(ctx, { id, name, email: `${id}@example.nz`, school: 'University', district: 'Central', roles }, admin);
  const world: CreditWorld = {
    ctx,
    setNow: (iso) => {
      clock = new Date(iso);
    },
    admin,
    approver: await mk('R-james', 'Dr James Park', ['approver']),
    approver2: await mk('R-marama', 'Dr Marama Kereama', ['approver']),
    lead: await mk('R-lead', 'Te Rina Walker', ['lead']),
    reviewer: await mk('R-rev', 'Rangi Reviewer', ['reviewer']),
    async decide(portfolioId, outcome, at, source = 'review', by = 'R-rev') {
      const before = clock;
      clock = new Date(at);
      await transaction(ctx, async (ctx) => {
        const { status } = (await ctx.db.get('SELECT status FROM portfolios WHERE id = ?', [portfolioId])) as { status: string };
        if (status === 'submitted') await setStatus(ctx, portfolioId, 'in_review', by);
        await recordDecision(ctx, {
          portfolioId,
          outcome,
          total: outcome === 'pass' ? 7 : 4,
          feedback: outcome === 'pass' ? 'Well done.' : 'Please revisit.',
          source,
          reviewId: null,
          decidedBy: by,
          reason: source === 'correction' ? 'corrected' : null,
          levels: [
            { criterionId: 'planning', score: outcome === 'pass' ? 4 : 2, comment: '' },
            { criterionId: 'reflection', score: 3, comment: '' },
          ],
        });
      });
      clock = before;
    },
  };
  return world;
}

export const AROHA = {
  id: 'C-1001',
  name: 'Aroha Ngata',
  email: 'a.ngata@avonside.school.nz',
  school: 'Avonside Ridge College',
  district: 'Ōtautahi Christchurch',
};
export const SIONE = {
  id: 'C-1002',
  name: 'Sione Tupou',
  email: 's.tupou@manukau.school.nz',
  school: 'Manukau Harbour High School',
  district: 'Tāmaki Makaurau Auckland',
};

export const EDUC581 = {
  format: 'evidence-workbench/pathway@1' as const,
  id: 'educ-581',
  version: 1,
  description: 'Three Masters-level micro-credentials stack into a 15-point paper.',
  target: {
    code: 'EDUC 581',
    title: 'Professional Inquiry in Education',
    qualification: 'Master of Education',
    awarding_body: 'University of Canterbury',
    points: 15,
  },
  rule: { credentials: ['EMP-8', 'WCL-8', 'CST-8'], require: { type: 'all_of' as const }, min_points: 15, allow_double_counting: false },
  four_eyes: true,
};

import path from 'node:path';
import { importPath } from '../../src-main/services/import/importer';
import { createReviewer } from '../../src-main/services/reviewers';
import { setPolicy } from '../../src-main/services/panels/policies';
import type { ServiceContext } from '../../src-main/services/context';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import { makePdf, tempDir, writeCatalogue, writePackageFolder } from './fixtures';

/** A data directory with the test rubric, `n` portfolios (P-1…) with a PDF each, an admin and a reviewer, and a policy of `reviewsRequired` reviews. */
export async function reviewSetup(ctx: ServiceContext, n = 2, reviewsRequired = 1): Promise<{ admin: Reviewer; reviewer: Reviewer }> {
  const work = tempDir();
  writeCatalogue(work);
  const pdf = await makePdf(3);
  for (let i = 1; i <= n; i++)
    await writePackageFolder(path.join(work, `P-${i}`), {
      id: `P-${i}`,
      candidate: { id: `C-${i}`, name: i === 1 ? 'Aroha Ngātai' : `Candidate ${i}`, email: `c${i}@example.nz` },
      submitted_at: `2026-05-0${i}T09:00:00Z`,
      files: {
        'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] },
      },
    });
  await importPath(ctx, work, { actor: 'test' });
  const admin = await createReviewer(ctx, { name: 'Ada Admin', email: 'ada@example.nz', school: '', district: '', roles: ['admin', 'reviewer'] }, null);
  const reviewer = await createReviewer(
    ctx,
    { name: 'Rangi Reviewer', email: 'rangi@example.nz', school: 'Other School', district: 'South', roles: ['reviewer'] },
    admin,
  );
  await setPolicy(ctx, 'TST-8', { reviews_required: reviewsRequired }, admin);
  return { admin, reviewer };
}

import fs from 'node:fs';
import path from 'node:path';
import { importPath } from '../../src-main/services/import/importer';
import { createReviewer } from '../../src-main/services/reviewers';
import { setPolicy } from '../../src-main/services/panels/policies';
import type { ServiceContext } from '../../src-main/services/context';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import type { Role } from '../../src-shared/domain/roles';
import { editManifest, tempDir, TEST_CREDENTIALS, writeCatalogue, writePackageFolder } from './fixtures';

/** Portfolios under anonymous review (TST-8) and open review (OPN-8); Aroha has one of each, "Secret Bay" is only known from hidden rows. */
export const ANON_PORTFOLIOS = [
  {
    id: 'P-1',
    credential: 'TST-8',
    candidate: { id: 'C-1', name: 'Aroha Ngata', email: 'aroha@kowhai.school.nz', school: 'Kowhai School', district: 'Hidden Valley' },
  },
  { id: 'P-2', credential: 'OPN-8', candidate: { id: 'C-2', name: 'Ben Walker', email: 'ben@totara.school.nz', school: 'Totara School', district: 'North' } },
  {
    id: 'P-3',
    credential: 'OPN-8',
    candidate: { id: 'C-1', name: 'Aroha Ngata', email: 'aroha@kowhai.school.nz', school: 'Kowhai School', district: 'Hidden Valley' },
  },
  { id: 'P-4', credential: 'TST-8', candidate: { id: 'C-4', name: 'Zoe Adams', email: 'zoe@rimu.school.nz', school: 'Rimu School', district: 'Secret Bay' } },
  { id: 'P-5', credential: 'TST-8', candidate: { id: 'C-5', name: 'Abe Zulu', email: 'abe@matai.school.nz', school: 'Matai School', district: 'North' } },
] as const;

export const ROLES_BLIND: Role[] = ['reviewer', 'moderator'];
export const ROLES_SEEING: Role[] = ['lead', 'admin', 'approver'];

/** Imports ANON_PORTFOLIOS, makes TST-8's review anonymous, and one profile per role (keyed by role). */
export async function anonymitySetup(ctx: ServiceContext): Promise<{ work: string; people: Record<Role, Reviewer> }> {
  const work = tempDir();
  writeCatalogue(work);
  const open = { ...TEST_CREDENTIALS.credentials[0]!, code: 'OPN-8', title: 'Open Credential' };
  fs.writeFileSync(path.join(work, 'credentials.json'), JSON.stringify({ ...TEST_CREDENTIALS, credentials: [...TEST_CREDENTIALS.credentials, open] }));
  for (const [i, p] of ANON_PORTFOLIOS.entries()) {
    const dir = path.join(work, p.id);
    await writePackageFolder(dir, { id: p.id, candidate: p.candidate, submitted_at: `2026-05-0${i + 1}T09:00:00Z` });
    editManifest(dir, (m) => (m.credential = p.credential));
  }
  await importPath(ctx, work, { actor: 'test' });
  const admin = await createReviewer(ctx, { name: 'Ada Admin', email: 'ada@example.nz', school: '', district: '', roles: ['admin'] }, null);
  const mk = (role: Role, name: string) =>
    createReviewer(ctx, { name, email: `${role}@example.nz`, school: 'Elsewhere School', district: 'Far', roles: [role] }, admin);
  const people = {
    admin,
    reviewer: await mk('reviewer', 'Rangi Reviewer'),
    moderator: await mk('moderator', 'Moana Moderator'),
    lead: await mk('lead', 'Lee Lead'),
    approver: await mk('approver', 'Pat Approver'),
  };
  await setPolicy(ctx, 'TST-8', { anonymous: true, reviews_required: 1 }, admin);
  await setPolicy(ctx, 'OPN-8', { reviews_required: 1 }, admin);
  return { work, people };
}

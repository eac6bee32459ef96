import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { candidateRecord, findDuplicates, listCandidates, mergeCandidates } from '../../../src-main/services/credit/candidates';
import { importExternal } from '../../../src-main/services/credit/external';
import { createApplication } from '../../../src-main/services/credit/applications';
import { savePathway } from '../../../src-main/services/credit/pathways';
import { holders, holdersCsv, HOLDER_COLUMNS, median, programmeInsight } from '../../../src-main/services/credit/insight';
import { declareConflict } from '../../../src-main/services/panels/conflicts';
import { listQueue } from '../../../src-main/services/queue';
import { ImportError } from '../../../src-main/services/import/problems';
import { ApiError } from '../../../src-shared/contracts/errors';
import { countRows } from '../../support/fixtures';
import { AROHA, creditWorld, EDUC581, SIONE, type CreditWorld } from './setup';

const HEADER = 'candidate_id,candidate_email,candidate_name,credential_code,credential_title,issuer,awarded_on,expires_on,points,hours,school,district';

let w: CreditWorld;
beforeEach(async () => {
  w = await creditWorld([
    { id: 'P-1', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z', tests: { pre: 50, post: 90 } },
    { id: 'P-2', credential: 'CST-8', candidate: SIONE, submitted_at: '2026-03-01T09:00:00Z', tests: { pre: 40, post: 60 } },
    {
      id: 'P-3',
      credential: 'CST-8',
      candidate: SIONE,
      attempt: 2,
      resubmission_of: 'P-2',
      submitted_at: '2026-05-01T09:00:00Z',
      tests: { pre: 60, post: 80 },
    },
    // the same person under a second id (another school system's export), same email
    { id: 'P-4', credential: 'WCL-8', candidate: { ...AROHA, id: 'C-9001', name: 'Aroha Ngata' }, submitted_at: '2026-04-01T09:00:00Z' },
    // same name and school, different email
    { id: 'P-5', credential: 'FA-8', candidate: { ...SIONE, id: 'C-9002', email: 'sione.t@gmail.com' }, submitted_at: '2026-04-01T09:00:00Z' },
  ]);
  await w.decide('P-1', 'pass', '2026-03-11T09:00:00Z');
  await w.decide('P-2', 'not_yet', '2026-03-21T09:00:00Z');
  await w.decide('P-3', 'pass', '2026-05-05T09:00:00Z', 'moderation');
  await w.decide('P-4', 'pass', '2026-04-15T09:00:00Z');
});
afterEach(() => w.ctx.close());

async function importError(fn: () => Promise<unknown>): Promise<string[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ImportError) return e.problems.map((p) => `${p.source} (${p.field ?? ''}): ${p.reason}`);
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('credentials earned elsewhere (CSV)', () => {
  it('match candidates by id, then email, create the rest, and mark each record external with its issuer', async () => {
    const csv = [
      HEADER,
      'C-1001,a.ngata@avonside.school.nz,Aroha Ngata,FA-8,,Massey University,2024-02-01,,,,,',
      ',S.TUPOU@manukau.school.nz,Sione Tupou,,Working Collaboratively and Building Leadership Capability,University of Waikato,2023-06-30,,,,,',
      'C-2001,mere@example.nz,Mere Hēnare,,Te Reo Māori in the Classroom,Te Wānanga o Aotearoa,2025-01-20,2030-01-20,2.5,20,Ōtaki School,Kāpiti',
    ].join('\r\n');
    const report = await importExternal(w.ctx, { fileName: 'external.csv', content: `\uFEFF${csv}` }, w.admin);
    expect(report).toEqual({
      file: 'external.csv',
      kind: 'csv',
      imported: 3,
      unchanged: 0,
      candidatesCreated: ['C-2001'],
      candidatesUpdated: [],
      matchedByEmail: [{ line: 'line 3', candidate: 'C-1002' }],
      notInCatalogue: ['line 4: Te Reo Māori in the Classroom'],
      upgraded: 0,
      unverified: [],
    });
    const sione = await candidateRecord(w.ctx, 'C-1002', w.approver);
    expect(sione.external).toMatchObject([
      {
        code: 'WCL-8',
        title: 'Working Collaboratively and Building Leadership Capability',
        issuer: 'University of Waikato',
        source: 'csv',
        sourceRef: 'line 3',
        verification: 'attested',
        verificationNote: 'attested by Ada Admin (R-admin), imported from external.csv',
      },
    ]);
    expect(sione.attainments.find((a) => a.source === 'external')).toMatchObject({ code: 'WCL-8', expiresOn: '2028-06-30', status: 'valid' });
    const mere = await candidateRecord(w.ctx, 'C-2001', w.approver);
    expect(mere.candidate).toEqual({ id: 'C-2001', name: 'Mere Hēnare', email: 'mere@example.nz', school: 'Ōtaki School', district: 'Kāpiti' });
    expect(mere.attainments).toMatchObject([{ code: null, points: 2.5, hours: 20, expiresOn: '2030-01-20' }]);
    // a re-import of the same file changes nothing
    expect(await importExternal(w.ctx, { fileName: 'external.csv', content: csv }, w.admin)).toMatchObject({
      imported: 0,
      unchanged: 3,
      candidatesCreated: [],
    });
    const audits = (await w.ctx.db.get("SELECT count(*) AS n FROM audit_log WHERE action = 'credit.external.import'")) as { n: number };
    expect(audits.n).toBe(3);
  });

  it('refuse the whole file, naming the line and column of every problem', async () => {
    const csv = [
      HEADER,
      'C-1001,a.ngata@avonside.school.nz,Aroha Ngata,FA-8,,Massey University,2024-02-01,,,,,',
      'C 1,not-an-email,,,,,,2020-01-01,-3,x,,',
      'C-1001,a.ngata@avonside.school.nz,Aroha Ngata,XYZ-1,,Massey,2027-01-01,2026-01-01,,,,',
    ].join('\n');
    expect(await importError(() => importExternal(w.ctx, { fileName: 'bad.csv', content: csv }, w.admin))).toEqual([
      'bad.csv (line 3, points): "-3" is not a number of zero or more',
      'bad.csv (line 3, hours): "x" is not a number of zero or more',
      'bad.csv (line 3, candidate_id): "C 1" may use only letters, digits, . _ - (at most 64)',
      'bad.csv (line 3, candidate_email): "not-an-email" is not an email address',
      'bad.csv (line 3, candidate_name): missing',
      'bad.csv (line 3, credential_code): give the credential code or its title',
      'bad.csv (line 3, issuer): missing',
      'bad.csv (line 3, awarded_on): missing',
      'bad.csv (line 4, awarded_on): 2027-01-01 is in the future',
      'bad.csv (line 4, expires_on): 2026-01-01 is not after awarded_on 2027-01-01',
      'bad.csv (line 4, credential_code): unknown credential code "XYZ-1" (the catalogue has CST-8, EMP-8, FA-8, WCL-8)',
    ]);
    expect(await countRows(w.ctx, 'credit_external')).toBe(0);
    expect(await importError(() => importExternal(w.ctx, { fileName: 'x.csv', content: 'name,email\nA,a@b.nz' }, w.admin))).toEqual([
      'x.csv (line 1): missing columns candidate_id, candidate_email, candidate_name, issuer, awarded_on, credential_code or credential_title (columns: candidate_id, candidate_email, candidate_name, credential_code, credential_title, issuer, awarded_on, expires_on, points, hours, school, district)',
    ]);
  });

  it('is for approvers, leads and admins only', async () => {
    await expect(importExternal(w.ctx, { fileName: 'x.csv', content: HEADER }, w.reviewer)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('candidate record', () => {
  it('lists every attempt with its decisions, reviews and moderation', async () => {
    const r = await candidateRecord(w.ctx, 'C-1002', w.lead);
    expect(r.attempts.map((a) => [a.portfolioId, a.attempt, a.outcome, a.moderated, a.decisions.map((d) => d.source)])).toEqual([
      ['P-2', 1, 'not_yet', false, ['review']],
      ['P-3', 2, 'pass', true, ['moderation']],
    ]);
    expect(r.attainments).toMatchObject([{ key: 'portfolio:P-3', attempt: 2, awardedOn: '2026-05-05', status: 'valid' }]);
    expect((await listCandidates(w.ctx, w.lead, 'tupou')).map((c) => [c.id, c.attempts, c.passes])).toEqual([
      ['C-1002', 2, 1],
      ['C-9002', 1, 0],
    ]);
    expect((await listCandidates(w.ctx, w.lead, 'otautahi')).map((c) => c.id)).toEqual([]);
    expect((await listCandidates(w.ctx, w.lead, 'avonside')).map((c) => c.id)).toEqual(['C-1001', 'C-9001']);
  });
});

describe('duplicates and merging', () => {
  it('finds the same email under two ids and the same name at the same school', async () => {
    // a candidate row with nothing credit staff see (e.g. a calibration exemplar's) is nobody's duplicate
    await w.ctx.db.run(
      "INSERT INTO candidates (id, name, email, school, district) VALUES ('X-anchor', 'Aroha Ngata', 'a.ngata@avonside.school.nz', 'Avonside Ridge College', 'x')",
    );
    expect((await findDuplicates(w.ctx, w.lead)).map((d) => [d.a.id, d.b.id, d.reason])).toEqual([
      ['C-1001', 'C-9001', 'same email a.ngata@avonside.school.nz'],
      ['C-1002', 'C-9002', 'same name and school (Manukau Harbour High School)'],
    ]);
  });

  it('moves every reference, keeps the merged-away row, audits it, and lets the old id resolve', async () => {
    await savePathway(w.ctx, EDUC581, w.approver);
    await createApplication(w.ctx, { candidateId: 'C-9001', pathwayId: 'educ-581', date: '2026-11-01' }, w.approver);
    await importExternal(
      w.ctx,
      { fileName: 'e.csv', content: `${HEADER}\nC-9001,a.ngata@avonside.school.nz,Aroha Ngata,CST-8,,Massey University,2024-02-01,,,,,` },
      w.admin,
    );
    await declareConflict(w.ctx, 'R-rev', 'C-9001', 'former colleague', w.admin);
    await declareConflict(w.ctx, 'R-rev', 'C-1001', 'same school', w.admin);
    await expect(mergeCandidates(w.ctx, 'C-9001', 'C-9001', 'x', w.lead)).rejects.toThrow(ApiError);
    await expect(mergeCandidates(w.ctx, 'C-9001', 'C-1001', 'same person', w.reviewer)).rejects.toThrow(/needs the role/);

    const merged = await mergeCandidates(w.ctx, 'C-9001', 'C-1001', 'Same email; second id from the Ministry export', w.lead);
    expect(merged.attempts.map((a) => a.portfolioId)).toEqual(['P-1', 'P-4']);
    expect(merged.external).toHaveLength(1);
    expect(merged.applications).toHaveLength(1);
    expect(merged.merged).toMatchObject([{ id: 'C-9001', name: 'Aroha Ngata', mergedBy: 'R-lead', reason: 'Same email; second id from the Ministry export' }]);
    expect(merged.duplicates).toEqual([]);
    const sql = w.ctx.db;
    expect(await sql.get("SELECT count(*) AS n FROM candidates WHERE id = 'C-9001'")).toEqual({ n: 0 });
    for (const t of ['portfolios', 'credit_external', 'credit_applications', 'reviewer_conflicts'])
      expect(await sql.get(`SELECT count(*) AS n FROM ${t} WHERE candidate_id = 'C-9001'`), t).toEqual({ n: 0 });
    // the conflict that could not move (C-1001 already had one with R-rev) is kept in the merge record
    const m = (await sql.get('SELECT snapshot, moved FROM credit_candidate_merges')) as { snapshot: string; moved: string };
    expect(JSON.parse(m.moved)).toEqual({ portfolios: 1, credit_external: 1, credit_applications: 1 });
    expect(JSON.parse(m.snapshot)).toMatchObject({
      candidate: { id: 'C-9001' },
      leftover: { reviewer_conflicts: [{ reviewer_id: 'R-rev', candidate_id: 'C-9001', reason: 'former colleague' }] },
    });
    const audit = (await sql.get("SELECT actor, entity_id AS entity, details FROM audit_log WHERE action = 'candidate.merge'")) as {
      actor: string;
      entity: string;
      details: string;
    };
    expect(audit).toMatchObject({ actor: 'R-lead', entity: 'C-1001' });
    expect(JSON.parse(audit.details)).toMatchObject({ from: { id: 'C-9001' }, reason: 'Same email; second id from the Ministry export' });
    // the queue still finds the moved portfolio by the old id
    expect((await listQueue(w.ctx, { search: 'C-9001' }, null)).rows.map((r) => r.id)).toEqual(['P-4']);
    await expect(Promise.resolve().then(() => candidateRecord(w.ctx, 'C-9001', w.lead))).rejects.toThrow('candidate C-9001 was merged into C-1001');
    // later imports naming the old id land on the survivor
    const again = await importExternal(
      w.ctx,
      { fileName: 'f.csv', content: `${HEADER}\nC-9001,other@example.nz,Aroha Ngata,FA-8,,Massey University,2024-03-01,,,,,` },
      w.admin,
    );
    expect(again.candidatesCreated).toEqual([]);
    expect((await candidateRecord(w.ctx, 'C-1001', w.lead)).external).toHaveLength(2);
  });
});

describe('programme insight', () => {
  it('median', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it('per credential: candidates, passes, median attempts and days to decision, mean pre and post test and the gain', async () => {
    const i = await programmeInsight(w.ctx, w.lead);
    const cst = i.credentials.find((c) => c.code === 'CST-8')!;
    expect(cst).toEqual({
      code: 'CST-8',
      title: 'Contemporary Secondary Teaching Approaches',
      candidates: 1,
      passes: 1,
      medianAttempts: 2,
      medianDaysToDecision: 12,
      tests: { n: 2, meanPre: 50, meanPost: 70, gain: 20 },
    });
    expect(i.credentials.find((c) => c.code === 'EMP-8')).toMatchObject({
      candidates: 1,
      passes: 1,
      medianAttempts: 1,
      medianDaysToDecision: 10,
      tests: { n: 1, meanPre: 50, meanPost: 90, gain: 40 },
    });
    expect(i.credentials.find((c) => c.code === 'FA-8')).toMatchObject({
      candidates: 1,
      passes: 0,
      medianAttempts: null,
      medianDaysToDecision: null,
      tests: null,
    });
  });

  it('holders of each credential, filterable by school and district, with external ones, as CSV', async () => {
    await importExternal(
      w.ctx,
      { fileName: 'e.csv', content: `${HEADER}\nC-1002,s.tupou@manukau.school.nz,Sione Tupou,EMP-8,,Massey University,2019-02-01,,,,,` },
      w.admin,
    );
    expect((await holders(w.ctx, { credential: 'EMP-8' })).map((h) => [h.candidateId, h.source, h.current])).toEqual([
      ['C-1001', 'app', true],
      ['C-1002', 'external', false],
    ]);
    expect((await holders(w.ctx, { district: 'Tāmaki Makaurau Auckland' })).map((h) => h.code)).toEqual(['CST-8', 'EMP-8']);
    expect((await holders(w.ctx, { school: 'Avonside Ridge College' })).map((h) => h.candidateId)).toEqual(['C-1001', 'C-9001']);
    const i = await programmeInsight(w.ctx, w.lead, { district: 'Ōtautahi Christchurch' });
    expect(i.districts).toEqual(['Ōtautahi Christchurch', 'Tāmaki Makaurau Auckland']);
    expect(i.holders.every((h) => h.district === 'Ōtautahi Christchurch')).toBe(true);
    const file = await holdersCsv(w.ctx, w.lead, { credential: 'EMP-8' });
    const rows = Papa.parse<string[]>(file.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...HOLDER_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[0], r[7], r[11]])).toEqual([
      ['C-1001', 'this programme', 'yes'],
      ['C-1002', 'external', 'no'],
    ]);
    await expect(programmeInsight(w.ctx, w.reviewer)).rejects.toThrow(/needs the role/);
  });
});

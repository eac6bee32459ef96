import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import { createApplication, decideApplication, getApplication, listApplications } from '../../../src-main/services/credit/applications';
import { exportPathway, getPathway, importPathwayJson, savePathway } from '../../../src-main/services/credit/pathways';
import { exportStudentRecords, STUDENT_RECORD_COLUMNS } from '../../../src-main/services/credit/records';
import { decisionLetter } from '../../../src-main/services/credit/letter';
import { importExternal } from '../../../src-main/services/credit/external';
import { ApiError } from '../../../src-shared/contracts/errors';
import { pdfText } from '../../support/pdf-text';
import { AROHA, creditWorld, EDUC581, SIONE, type CreditWorld } from './setup';

let w: CreditWorld;
beforeEach(async () => {
  w = await creditWorld([
    { id: 'P-1', credential: 'EMP-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' },
    { id: 'P-2', credential: 'WCL-8', candidate: AROHA, submitted_at: '2026-04-20T09:00:00Z' },
    { id: 'P-3', credential: 'CST-8', candidate: AROHA, submitted_at: '2026-03-01T09:00:00Z' },
    {
      id: 'P-4',
      credential: 'CST-8',
      candidate: AROHA,
      attempt: 2,
      resubmission_of: 'P-3',
      submitted_at: '2026-04-10T09:00:00Z',
      tests: { pre: 55, post: 82 },
    },
    { id: 'P-5', credential: 'EMP-8', candidate: SIONE, submitted_at: '2026-01-10T09:00:00Z' },
    { id: 'P-6', credential: 'CST-8', candidate: SIONE, submitted_at: '2026-01-12T09:00:00Z' },
  ]);
  await w.decide('P-1', 'pass', '2026-03-18T02:00:00Z', 'reconciled');
  await w.decide('P-2', 'pass', '2026-05-19T02:00:00Z');
  await w.decide('P-3', 'not_yet', '2026-03-20T02:00:00Z');
  await w.decide('P-4', 'pass', '2026-05-03T02:00:00Z', 'moderation', 'R-lead');
  await w.decide('P-5', 'pass', '2026-02-01T02:00:00Z');
  await w.decide('P-6', 'pass', '2026-02-03T02:00:00Z');
  await savePathway(w.ctx, EDUC581, w.approver);
});
afterEach(() => w.ctx.close());

const apiError = async (fn: () => unknown): Promise<ApiError> => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
};
const actions = async () =>
  (await w.ctx.db.all('SELECT action, actor, entity_id AS entity FROM audit_log ORDER BY id')) as { action: string; actor: string; entity: string }[];

describe('requirement checks', () => {
  it('tick every credential with where it came from, and count the points', async () => {
    const app = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    expect(app.status).toBe('pending');
    expect(app.evaluation.met).toBe(true);
    expect(app.evaluation.checks.map((c) => [c.ok, c.reason])).toEqual([
      [true, 'Effective Mentoring Practices: passed 2026-03-18, attempt 1'],
      [true, 'Working Collaboratively and Building Leadership Capability: passed 2026-05-19, attempt 1'],
      [true, 'Contemporary Secondary Teaching Approaches: passed 2026-05-03, attempt 2'],
      [true, 'Credit points: 15 counted, at least 15 required'],
    ]);
    // the evidence trail behind each credential: who decided and whether it was moderated
    const cst = app.trail.find((t) => t.key === 'portfolio:P-4')!;
    expect(cst.attempt).toMatchObject({
      portfolioId: 'P-4',
      attempt: 2,
      moderated: true,
      decisions: [{ source: 'moderation', decidedByName: 'Te Rina Walker' }],
    });
    expect(app.trail.find((t) => t.key === 'portfolio:P-1')!.attempt).toMatchObject({ moderated: false, decisions: [{ source: 'reconciled' }] });
    expect(app.attainments.find((a) => a.key === 'portfolio:P-4')).toMatchObject({ postTest: 82, status: 'valid', expiresOn: '2031-05-03' });
  });

  it('cross what is missing or expired, with the reason', async () => {
    await importExternal(
      w.ctx,
      {
        fileName: 'massey.csv',
        content:
          'candidate_id,candidate_email,candidate_name,credential_code,issuer,awarded_on\nC-1002,s.tupou@manukau.school.nz,Sione Tupou,WCL-8,Massey University,2020-11-30\n',
      },
      w.admin,
    );
    const app = await createApplication(w.ctx, { candidateId: SIONE.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.lead);
    expect(app.evaluation.met).toBe(false);
    expect(app.evaluation.checks.map((c) => [c.ok, c.reason])).toEqual([
      [true, 'Effective Mentoring Practices: passed 2026-02-01, attempt 1'],
      [false, 'Working Collaboratively and Building Leadership Capability: expired 2025-11-30'],
      [true, 'Contemporary Secondary Teaching Approaches: passed 2026-02-03, attempt 1'],
      [false, 'Credit points: 10 counted, at least 15 required'],
    ]);
    expect(app.trail.find((t) => t.external)!.external).toMatchObject({
      issuer: 'Massey University',
      source: 'csv',
      sourceFile: 'massey.csv',
      sourceRef: 'line 2',
    });
    expect(app.actions).toEqual({ approve: false, decline: false, why: 'only a credit approver can decide' });
    expect((await getApplication(w.ctx, app.id, w.approver)).actions).toEqual({ approve: false, decline: true, why: 'not every requirement is met' });
    const err = await apiError(() => decideApplication(w.ctx, { applicationId: app.id, decision: 'approve', reasons: '' }, w.approver));
    expect(err.code).toBe('conflict');
    expect(err.issues).toEqual([
      'Working Collaboratively and Building Leadership Capability: expired 2025-11-30',
      'Credit points: 10 counted, at least 15 required',
    ]);
  });

  it('checks on the application date, not today', async () => {
    const early = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-04-01' }, w.approver);
    expect(early.evaluation.met).toBe(false);
    expect(early.evaluation.checks[1]!.reason).toBe(
      'Working Collaboratively and Building Leadership Capability: passed 2026-05-19, after the application date',
    );
    expect(early.evaluation.checks[2]!.reason).toBe('Contemporary Secondary Teaching Approaches: passed 2026-05-03, after the application date');
  });

  it('refuses a second open application for the same pathway, and bad dates', async () => {
    await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    expect((await apiError(() => createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-11' }, w.approver))).message).toMatch(
      /already has an open application/,
    );
    expect((await apiError(() => createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'nope', date: '2026-11-11' }, w.approver))).code).toBe(
      'not_found',
    );
    expect((await apiError(() => createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-13-01' }, w.approver))).code).toBe(
      'bad_request',
    );
    expect((await apiError(() => createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-11' }, w.reviewer))).code).toBe(
      'forbidden',
    );
  });
});

describe('four eyes', () => {
  it('a first approval waits for a second, different approver; then the credentials are counted and it is all audited', async () => {
    const { id } = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    const first = await decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: 'All three credentials current.' }, w.approver);
    expect(first.status).toBe('awaiting_second');
    expect(first.actions).toMatchObject({ approve: false, decline: true });
    expect(first.actions.why).toMatch(/second, different approver/);
    const same = await apiError(() => decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: '' }, w.approver));
    expect(same.code).toBe('forbidden');
    expect(same.message).toMatch(/different approver/);
    expect((await getApplication(w.ctx, id, w.approver2)).actions).toEqual({ approve: true, decline: true, why: null });
    const done = await decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: 'Checked.' }, w.approver2);
    expect(done.status).toBe('approved');
    expect(done.decidedAt).not.toBeNull();
    expect(done.approvals.map((a) => [a.step, a.approverId, a.decision])).toEqual([
      [1, 'R-james', 'approve'],
      [2, 'R-marama', 'approve'],
    ]);
    expect(done.counted.map((c) => [c.code, c.portfolioId, c.attempt])).toEqual([
      ['EMP-8', 'P-1', 1],
      ['WCL-8', 'P-2', 1],
      ['CST-8', 'P-4', 2],
    ]);
    expect((await apiError(() => decideApplication(w.ctx, { applicationId: id, decision: 'decline', reasons: 'late change' }, w.approver))).code).toBe(
      'conflict',
    );
    expect((await actions()).filter((a) => a.action.startsWith('credit.'))).toEqual([
      { action: 'credit.apply', actor: 'R-james', entity: id },
      { action: 'credit.approve.first', actor: 'R-james', entity: id },
      { action: 'credit.approve', actor: 'R-marama', entity: id },
    ]);
  });

  it('a decision made on the application as it was before another approver decided is refused, naming them', async () => {
    const { id } = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    const seen = (await getApplication(w.ctx, id, w.approver2)).revision;
    expect(seen).toBe(0);
    await decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: 'All current.', revision: seen }, w.approver);
    // Approving now would complete the four eyes on a page that showed no first approval.
    const stale = await apiError(() => decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: 'ok', revision: seen }, w.approver2));
    expect(stale.code).toBe('conflict');
    expect(stale.message).toMatch(/^Dr James Park approved CA-\d+ at \d\d:\d\d( on \d+ \w+)? after you opened it; reload to see their changes$/);
    expect((await getApplication(w.ctx, id, w.approver2)).status).toBe('awaiting_second');
    expect((await decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: 'ok', revision: 1 }, w.approver2)).status).toBe('approved');
  });

  it('without four eyes one approval decides', async () => {
    await savePathway(w.ctx, { ...EDUC581, id: 'educ-581-single', four_eyes: false }, w.approver);
    const { id } = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581-single', date: '2026-11-10' }, w.approver);
    expect((await decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: '' }, w.approver)).status).toBe('approved');
  });

  it('a decline needs reasons and closes the application, keeping the checks as they were', async () => {
    const { id } = await createApplication(w.ctx, { candidateId: SIONE.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    expect((await apiError(() => decideApplication(w.ctx, { applicationId: id, decision: 'decline', reasons: ' ' }, w.approver))).code).toBe('bad_request');
    const d = await decideApplication(w.ctx, { applicationId: id, decision: 'decline', reasons: 'Working Collaboratively is missing.' }, w.approver);
    expect(d.status).toBe('declined');
    expect(d.counted).toEqual([]);
    // A credential passed later does not rewrite a decided application.
    await w.ctx.db.run(
      "INSERT INTO credit_external (candidate_id, credential_code, title, issuer, awarded_on, source, source_file, source_ref, fingerprint, imported_at, imported_by) VALUES ('C-1002','WCL-8','x','Massey','2026-10-01','csv','f','line 2','fp','t','t')",
    );
    expect((await getApplication(w.ctx, id, w.approver)).evaluation).toEqual(d.evaluation);
  });
});

describe('role enforcement through the API core', () => {
  it('only a credit approver may decide: reviewers, leads and admins are forbidden; no profile is unauthorized', async () => {
    const core = createCore(w.ctx, { name: 'Evidence Workbench', version: 'test', shell: 'browser' });
    const { id } = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    for (const actor of ['R-rev', 'R-lead', 'R-admin'])
      await expect(core.handle('credit.decide', { applicationId: id, decision: 'approve', revision: 0 }, { actor })).rejects.toMatchObject({
        code: 'forbidden',
      });
    await expect(core.handle('credit.decide', { applicationId: id, decision: 'approve', revision: 0 }, { actor: null })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    // reviewers cannot even look
    await expect(core.handle('credit.applications', {}, { actor: 'R-rev' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.handle('credit.candidate', { id: AROHA.id }, { actor: 'R-rev' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(core.handle('credit.savePathway', { pathway: { ...EDUC581, id: 'x' } }, { actor: 'R-lead' })).rejects.toMatchObject({ code: 'forbidden' });
    const ok = (await core.handle('credit.decide', { applicationId: id, decision: 'approve', reasons: 'ok', revision: 0 }, { actor: 'R-james' })) as {
      status: string;
    };
    expect(ok.status).toBe('awaiting_second');
    expect((await actions()).filter((a) => a.action.startsWith('credit.approve'))).toHaveLength(1);
  });
});

describe('double counting', () => {
  const EDUC580 = {
    ...EDUC581,
    id: 'educ-580',
    target: { ...EDUC581.target, code: 'EDUC 580', title: 'Mentoring in Schools', points: 5 },
    rule: { credentials: ['EMP-8'], require: { type: 'all_of' as const } },
    four_eyes: false,
  };

  it('a credential counted toward one approved award cannot count toward another where the pathway forbids it', async () => {
    await savePathway(w.ctx, EDUC580, w.approver);
    const a = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-580', date: '2026-10-01' }, w.approver);
    await decideApplication(w.ctx, { applicationId: a.id, decision: 'approve', reasons: '' }, w.approver);
    const b = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    expect(b.evaluation.met).toBe(false);
    expect(b.evaluation.checks[0]).toMatchObject({
      ok: false,
      status: 'used',
      reason: `Effective Mentoring Practices: already counted toward EDUC 580 Mentoring in Schools (${a.id}, approved 2026-11-01)`,
    });
    expect((await apiError(() => decideApplication(w.ctx, { applicationId: b.id, decision: 'approve', reasons: '' }, w.approver))).code).toBe('conflict');
  });

  it('is allowed where the pathway allows it', async () => {
    await savePathway(w.ctx, EDUC580, w.approver);
    await savePathway(w.ctx, { ...EDUC581, id: 'educ-581-shared', rule: { ...EDUC581.rule, allow_double_counting: true }, four_eyes: false }, w.approver);
    const a = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-580', date: '2026-10-01' }, w.approver);
    await decideApplication(w.ctx, { applicationId: a.id, decision: 'approve', reasons: '' }, w.approver);
    const b = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581-shared', date: '2026-11-10' }, w.approver);
    expect(b.evaluation.met).toBe(true);
    expect((await decideApplication(w.ctx, { applicationId: b.id, decision: 'approve', reasons: '' }, w.approver)).status).toBe('approved');
  });

  it('two applications awaiting their second approval cannot both take the same credential', async () => {
    await savePathway(w.ctx, { ...EDUC580, four_eyes: true }, w.approver);
    const a = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-580', date: '2026-10-01' }, w.approver);
    const b = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    await decideApplication(w.ctx, { applicationId: a.id, decision: 'approve', reasons: '' }, w.approver);
    await decideApplication(w.ctx, { applicationId: b.id, decision: 'approve', reasons: '' }, w.approver);
    await decideApplication(w.ctx, { applicationId: a.id, decision: 'approve', reasons: '' }, w.approver2);
    expect((await apiError(() => decideApplication(w.ctx, { applicationId: b.id, decision: 'approve', reasons: '' }, w.approver2))).issues![0]).toMatch(
      /already counted toward EDUC 580/,
    );
    expect((await listApplications(w.ctx, w.approver)).map((x) => x.status)).toEqual(['approved', 'awaiting_second']);
  });
});

describe('pathway versions', () => {
  it('edit an unused version in place; a used one is frozen and an edit makes the next version', async () => {
    const edited = await savePathway(w.ctx, { ...EDUC581, description: 'Edited before use' }, w.approver);
    expect(edited.result).toBe('updated');
    expect(edited.version.pathway.version).toBe(1);
    await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    expect((await getPathway(w.ctx, 'educ-581')).current.frozen).toBe(true);
    const next = await savePathway(w.ctx, { ...EDUC581, description: 'Edited after use', change_note: 'clarified' }, w.approver);
    expect(next).toMatchObject({ result: 'new_version', version: { pathway: { version: 2, description: 'Edited after use' }, frozen: false } });
    expect((await getPathway(w.ctx, 'educ-581', 1)).current.pathway.description).toBe('Edited before use');
    expect((await savePathway(w.ctx, { ...EDUC581, version: 2, description: 'Edited after use', change_note: 'clarified' }, w.approver)).result).toBe(
      'unchanged',
    );
    expect((await actions()).filter((a) => a.action.startsWith('pathway.')).map((a) => `${a.action} ${a.entity}`)).toEqual([
      'pathway.create educ-581@1',
      'pathway.update educ-581@1',
      'pathway.create educ-581@2',
    ]);
  });

  it('exports JSON that validates against the published schema and imports again; a frozen version refuses a changed import', async () => {
    const schema = JSON.parse(fs.readFileSync('resources/schemas/pathway.schema.json', 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const file = await exportPathway(w.ctx, 'educ-581');
    expect(file.fileName).toBe('pathway-educ-581-v1.json');
    const doc = JSON.parse(file.content);
    expect(validate(doc)).toBe(true);
    expect(validate({ ...doc, rule: { ...doc.rule, require: { type: 'n_of' } } })).toBe(false);
    expect((await importPathwayJson(w.ctx, file.content, w.approver)).result).toBe('unchanged');
    await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    const changed = JSON.stringify({ ...doc, four_eyes: false });
    expect((await apiError(() => importPathwayJson(w.ctx, changed, w.approver))).message).toBe(
      'pathway educ-581 version 1 is in use and cannot change; publish it as version 2',
    );
    expect((await importPathwayJson(w.ctx, JSON.stringify({ ...doc, version: 2, four_eyes: false }), w.approver)).result).toBe('new_version');
    expect(
      (await apiError(() => importPathwayJson(w.ctx, JSON.stringify({ ...doc, id: 'other', rule: { credentials: ['NOPE-1'] } }), w.approver))).issues,
    ).toEqual(['rule.credentials: unknown credential "NOPE-1"']);
    expect((await apiError(() => importPathwayJson(w.ctx, '{"format":"x"}', w.approver))).message).toMatch(/unknown format "x"/);
  });
});

describe('exports', () => {
  async function approved() {
    const { id } = await createApplication(w.ctx, { candidateId: AROHA.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    await decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: '=HYPERLINK("http://evil")' }, w.approver);
    await decideApplication(w.ctx, { applicationId: id, decision: 'approve', reasons: 'Checked against the transcript.' }, w.approver2);
    return id;
  }

  it('student-records CSV: BOM, CRLF, documented columns in order, one row per approved award, formula injection guarded', async () => {
    const id = await approved();
    const file = await exportStudentRecords(w.ctx, 'csv', w.lead);
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.content).toContain('\r\n');
    const rows = Papa.parse<string[]>(file.content.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...STUDENT_RECORD_COLUMNS]);
    expect(rows).toHaveLength(2);
    const r = Object.fromEntries(rows[0]!.map((c, i) => [c, rows[1]![i]]));
    expect(r).toMatchObject({
      application_id: id,
      candidate_id: 'C-1001',
      candidate_name: 'Aroha Ngata',
      award_code: 'EDUC 581',
      qualification: 'Master of Education',
      credit_points: '15',
      hours: '',
      pathway_version: '1',
      application_date: '2026-11-10',
      decided_on: '2026-11-01',
      approvers: 'Dr James Park (R-james); Dr Marama Kereama (R-marama)',
      credentials_counted: 'EMP-8; WCL-8; CST-8',
      credential_sources: 'EMP-8 portfolio P-1 passed 2026-03-18; WCL-8 portfolio P-2 passed 2026-05-19; CST-8 portfolio P-4 passed 2026-05-03',
    });
    expect(r.reasons!.startsWith("'=HYPERLINK")).toBe(true);
    const json = JSON.parse((await exportStudentRecords(w.ctx, 'json', w.lead)).content);
    expect(json).toMatchObject({ format: 'evidence-workbench/approved-credit@1', awards: [{ application_id: id }] });
  });

  it('a decision letter names the candidate, award, credentials counted, decision, reasons, approvers and date, in extractable text', async () => {
    const id = await approved();
    const file = await decisionLetter(w.ctx, id, w.approver);
    expect(file).toMatchObject({ fileName: `credit-decision-${id}.pdf`, mediaType: 'application/pdf', encoding: 'base64' });
    // Lines wrap where the page ends them: compare with whitespace folded.
    const text = (await pdfText(Buffer.from(file.content, 'base64'))).join('\n').replace(/\s+/g, ' ');
    for (const s of [
      'Credit decision: EDUC 581 Professional Inquiry in Education',
      'Aroha Ngata (C-1001)',
      'Master of Education',
      'Approved: 15 credit points',
      'Effective Mentoring Practices (EMP-8)',
      'passed 2026-05-03 (attempt 2, portfolio P-4)',
      '✓ Met Contemporary Secondary Teaching Approaches: passed 2026-05-03, attempt 2',
      'Dr James Park',
      'Dr Marama Kereama',
      'Checked against the transcript.',
      '1 November 2026',
    ])
      expect(text).toContain(s);
    const pending = await createApplication(w.ctx, { candidateId: SIONE.id, pathwayId: 'educ-581', date: '2026-11-10' }, w.approver);
    expect((await apiError(() => decisionLetter(w.ctx, pending.id, w.approver))).code).toBe('conflict');
    const declined = await decideApplication(
      w.ctx,
      { applicationId: pending.id, decision: 'decline', reasons: 'Working Collaboratively is missing.' },
      w.approver,
    );
    const dtext = (await pdfText(Buffer.from((await decisionLetter(w.ctx, declined.id, w.approver)).content, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(dtext).toContain('Declined');
    expect(dtext).toContain('✗ Not met Working Collaboratively and Building Leadership Capability: missing');
    expect(dtext).toContain('Working Collaboratively is missing.');
  });
});

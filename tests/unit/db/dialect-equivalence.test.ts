/**
 * The same work on both databases gives the same answers: the bundled demo imported into a SQLite file and into a
 * PostgreSQL database (one data directory, so both have the same pseudonym key and evidence), then every read of the
 * app's contract asked of both as each profile, a run of writes done on both in step, and every read asked again.
 * The clock is fixed, so timestamps are equal too. Runs the same on either test dialect: it opens both itself.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core/api';
import { loadDemoIfFresh, openServices, type Services } from '../../../src-main/core/services';
import { createTestDatabase } from '../../support/postgres';
import { tempDir } from '../../support/fixtures';

const now = () => new Date('2026-11-01T10:00:00Z');
const LEAD = 'R-terina';
const APPROVER = 'R-james';
type Call = [method: string, input: unknown];

/** An answer or the error a caller would see, comparable as data. */
async function answer(core: Core, [method, input]: Call, actor: string | null): Promise<unknown> {
  return core.handle(method, input, { actor }).then(
    (ok) => ({ ok }),
    (e: unknown) => ({ error: (e as Error).message, issues: (e as { issues?: unknown }).issues }),
  );
}

/** Both cores, asked the same thing in step; every difference is kept, named by the call, the first one in full. */
class InStep {
  readonly differences: string[] = [];
  first = '';
  constructor(readonly cores: [lite: Core, pg: Core]) {}

  /** The SQLite side's answer, which the next steps build on (the PostgreSQL side's is the same, or a difference). */
  async ask(call: Call, actor: string | null): Promise<{ ok?: any; error?: string }> {
    const [lite, pg] = [JSON.stringify(await answer(this.cores[0], call, actor)), JSON.stringify(await answer(this.cores[1], call, actor))];
    if (lite !== pg) {
      const name = `${call[0]} ${JSON.stringify(call[1])} as ${actor}`;
      if (!this.differences.length) this.first = `${name}\nSQLite:     ${lite}\nPostgreSQL: ${pg}`;
      this.differences.push(name);
    }
    return JSON.parse(lite) as { ok?: any; error?: string };
  }
}

async function demoServices(dataDir: string, databaseUrl?: string): Promise<Services> {
  const ctx = await openServices({ dataDir, now, ...(databaseUrl ? { databaseUrl } : {}) });
  await loadDemoIfFresh(ctx);
  return ctx;
}

/** Every read of the contract worth comparing, with ids taken from the queue as it is now. */
async function reads(step: InStep): Promise<Call[]> {
  const ids = async <T>(call: Call, pick: (x: T) => string | number) => (((await step.ask(call, LEAD)).ok ?? []) as T[]).map(pick);
  const portfolios = (((await step.ask(['queue.list', { limit: 200 }], LEAD)).ok?.rows ?? []) as { id: string }[]).map((r) => r.id);
  const calls: Call[] = [
    ['queue.counts', {}],
    ['queue.facets', {}],
    ['queue.next', {}],
    ['reviewers.list', {}],
    ['reviewers.me', {}],
    ['credit.catalogue', {}],
    ['credit.pathways', {}],
    ['credit.candidates', {}],
    ['credit.candidates', { search: 'a' }],
    ['credit.duplicates', {}],
    ['credit.applications', {}],
    ['credit.insight', {}],
    ['credit.settings', {}],
    ['credit.trustList', {}],
    ['credit.exportRecords', { format: 'json' }],
    ['credit.exportRecords', { format: 'csv' }],
    ['credit.holdersCsv', {}],
    ['calibration.anchors.list', {}],
    ['calibration.anchors.candidates', {}],
    ['calibration.rounds.list', {}],
    ['calibration.mine', {}],
    ['calibration.qualification.get', {}],
    ['calibration.report.production', { from: '2025-01-01', to: '2026-12-31' }],
    ['rubrics.list', {}],
    ['panel.dashboard', {}],
    ['conflicts.list', {}],
    ['assignments.list', {}],
    ['assignments.mine', {}],
    ['moderation.list', {}],
    ['moderation.list', { includeResolved: true }],
    ['release.list', {}],
    ['export.decisions', { format: 'json' }],
    ['export.decisions', { format: 'csv' }],
    ...['EMP-8', 'WCL-8', 'CST-8', 'FA-8'].flatMap((credential): Call[] => [
      ['policy.get', { credential }],
      ['calibration.anchors.candidates', { credential }],
    ]),
    ...(await ids<{ id: number }>(['calibration.rounds.list', {}], (r) => r.id)).flatMap((id): Call[] => [
      ['calibration.rounds.get', { id }],
      ['calibration.report.round', { id }],
    ]),
    ...(await ids<{ id: string }>(['credit.applications', {}], (r) => r.id)).map((id): Call => ['credit.application', { id }]),
    ...(await ids<{ id: string }>(['credit.candidates', {}], (r) => r.id)).map((id): Call => ['credit.candidate', { id }]),
    ...(((await step.ask(['rubrics.list', {}], LEAD)).ok ?? []) as { id: string; versions: { version: number }[] }[]).flatMap(({ id, versions }) =>
      versions.map(({ version }): Call => ['rubrics.get', { id, version }]),
    ),
    ...(await ids<{ portfolioId: string }>(['calibration.anchors.list', {}], (r) => r.portfolioId)).map((portfolioId): Call => [
      'calibration.anchors.get',
      { portfolioId },
    ]),
    ...portfolios.flatMap((id): Call[] => [
      ['portfolio.get', { id }],
      ['portfolio.history', { id }],
      ['moderation.get', { portfolioId: id }],
      ['review.peers', { portfolioId: id }],
      ['release.list', { portfolioId: id }],
    ]),
  ];
  for (const sort of ['submitted_at', 'candidate', 'status', 'credential', 'id'])
    for (const dir of ['asc', 'desc']) calls.push(['queue.list', { sort, dir, limit: 200 }]);
  for (const search of ['a', 'ar', 'school', 'P-2026', 'Candidate', 'PS-', 'C-10', 'ō', 'mā'])
    calls.push(['queue.list', { search, limit: 200 }], ['queue.list', { search, sort: 'candidate', limit: 200 }]);
  return calls;
}

async function askAll(step: InStep, profiles: (string | null)[]): Promise<void> {
  const calls = await reads(step);
  for (const actor of profiles) for (const call of calls) await step.ask(call, actor);
}

/** The rubric's criteria of a portfolio, in rubric order (read from the SQLite side: both hold the same rows). */
async function criteriaOf(ctx: Services, portfolioId: string): Promise<string[]> {
  const rows = await ctx.db.all<{ c: string }>(
    'SELECT rc.criterion_id AS c FROM rubric_criteria rc JOIN portfolios p ON p.rubric_id = rc.rubric_id AND p.rubric_version = rc.rubric_version WHERE p.id = ? ORDER BY rc.position',
    [portfolioId],
  );
  return rows.map((r) => r.c);
}

interface Draft {
  id: number;
  revision: number;
}

/** Opens `actor`'s review of a portfolio (a read) and starts it (claims, makes the draft): the draft, if it is one. */
async function startReview(step: InStep, portfolioId: string, actor: string): Promise<Draft | null> {
  await step.ask(['review.open', { portfolioId }], actor);
  const review = ((await step.ask(['review.start', { portfolioId }], actor)).ok as { review: (Draft & { status: string }) | null } | undefined)?.review;
  return review?.status === 'draft' ? review : null;
}

/** Scores and submits a review; the levels vary with `seed` so that reviews disagree. */
async function scoreAndSubmit(step: InStep, ctx: Services, portfolioId: string, draft: Draft, actor: string, seed: number): Promise<void> {
  const criteria = await criteriaOf(ctx, portfolioId);
  const levels = Object.fromEntries(criteria.map((c, i) => [c, 1 + ((seed + i) % 4)]));
  const comments = Object.fromEntries(criteria.map((c) => [c, `On ${c}.`]));
  const saved = (
    await step.ask(
      ['review.save', { reviewId: draft.id, revision: draft.revision, levels, comments, feedback: 'Feedback for the candidate.', activeMsDelta: 60_000 }],
      actor,
    )
  ).ok as { revision: number } | undefined;
  await step.ask(['review.submit', { reviewId: draft.id, revision: saved?.revision ?? draft.revision, activeMsDelta: 1000 }], actor);
}

/** A day of panel work: allocation, reviews, moderation, release, conflicts, policies, a merge, calibration, credit. */
async function work(step: InStep, lite: Services, people: { id: string; roles: string[] }[]): Promise<void> {
  let seed = 0;
  await step.ask(['assignments.allocate', {}], LEAD);
  for (const { id } of people.filter((p) => p.roles.includes('reviewer'))) {
    for (let i = 0; i < 3; i++) await step.ask(['assignments.claimNext', {}], id);
    for (const { row } of ((await step.ask(['assignments.mine', {}], id)).ok ?? []) as { row: { id: string } }[]) {
      const draft = await startReview(step, row.id, id);
      if (draft) await scoreAndSubmit(step, lite, row.id, draft, id, seed++);
    }
  }
  for (const { id } of people.filter((p) => p.roles.includes('moderator') || p.roles.includes('lead'))) {
    for (const { portfolio } of ((await step.ask(['moderation.list', {}], id)).ok ?? []) as { portfolio: string }[]) {
      const levels = Object.fromEntries((await criteriaOf(lite, portfolio)).map((c) => [c, 3]));
      const { revision } = ((await step.ask(['moderation.get', { portfolioId: portfolio }], id)).ok ?? { revision: 0 }) as { revision: number };
      await step.ask(
        ['moderation.decide', { portfolioId: portfolio, revision, levels, feedback: 'Moderated.', note: 'Final after discussion.', confirm: true }],
        id,
      );
    }
  }
  const ready = ((await step.ask(['release.list', {}], LEAD)).ok ?? []) as { portfolio: string; decision: { feedbackVersion: number } }[];
  if (ready.length)
    await step.ask(
      ['release.release', { items: ready.map((r) => ({ portfolioId: r.portfolio, feedbackVersion: r.decision.feedbackVersion })), confirm: true }],
      LEAD,
    );

  await step.ask(['conflicts.declare', { reviewerId: 'R-mika', candidateId: 'C-1002', reason: 'cousin' }], LEAD);
  await step.ask(['conflicts.declare', { reviewerId: 'R-sarah', candidateId: 'C-1001', reason: 'colleague' }], LEAD);
  await step.ask(['policy.set', { credential: 'CST-8', policy: { anonymous: true }, changeNote: 'blind review' }], LEAD);
  await step.ask(['policy.set', { credential: 'WCL-8', policy: { anonymous: true, reviews_required: 3 }, changeNote: 'blind, three reviews' }], LEAD);
  await step.ask(['prefs.set', { key: 'queue.columns', value: ['id', 'status'] }], 'R-mika');
  const [duplicate] = ((await step.ask(['credit.duplicates', {}], LEAD)).ok ?? []) as { a: { id: string }; b: { id: string } }[];
  if (duplicate) await step.ask(['credit.merge', { from: duplicate.b.id, into: duplicate.a.id, reason: 'the same person' }], LEAD);

  const anchors = ((await step.ask(['calibration.anchors.list', {}], LEAD)).ok ?? []) as { portfolioId: string; rubric: { id: string; version: number } }[];
  const rubric = anchors[0]?.rubric;
  const sameRubric = anchors.filter((a) => a.rubric.id === rubric?.id && a.rubric.version === rubric.version).map((a) => a.portfolioId);
  for (const { id } of rubric ? people.filter((p) => p.roles.includes('reviewer')) : []) {
    const round = {
      name: `Equivalence ${id}`,
      rubricId: rubric!.id,
      rubricVersion: rubric!.version,
      opensAt: '2026-10-01T00:00:00Z',
      closesAt: '2026-12-01T00:00:00Z',
      anchors: sameRubric,
      reviewers: [id],
    };
    if (!(await step.ask(['calibration.rounds.create', round], LEAD)).ok) continue; // the reviewer has met these anchors
    for (const anchor of sameRubric) {
      const draft = await startReview(step, anchor, id);
      if (draft) await scoreAndSubmit(step, lite, anchor, draft, id, seed++);
    }
  }

  for (const { id } of (((await step.ask(['credit.candidates', {}], LEAD)).ok ?? []) as { id: string }[]).slice(0, 4)) {
    const application = (await step.ask(['credit.apply', { candidateId: id, pathwayId: 'educ-581', date: '2026-10-01' }], LEAD)).ok as
      { id: string; revision: number } | undefined;
    if (application) await step.ask(['credit.decide', { applicationId: application.id, revision: application.revision, decision: 'approve' }], APPROVER);
  }
  await step.ask(['assignments.allocate', {}], LEAD);
}

describe('the same work on SQLite and on PostgreSQL', () => {
  const opened: Services[] = [];
  afterAll(async () => {
    for (const ctx of opened) await ctx.close();
  });

  it('gives the same answers to every read, before and after a day of panel work', async () => {
    const dataDir = tempDir('ew-equivalence-');
    const lite = await demoServices(dataDir);
    const pg = await demoServices(dataDir, await createTestDatabase());
    opened.push(lite, pg);
    const info = { name: 'Evidence Workbench', version: '0.1.0', shell: 'browser' as const };
    const step = new InStep([createCore(lite, info), createCore(pg, info)]);
    const people = (await step.ask(['reviewers.list', {}], null)).ok as { id: string; roles: string[] }[];
    const profiles = [null, ...people.map((p) => p.id)];

    await askAll(step, profiles);
    await work(step, lite, people);
    await askAll(step, profiles);
    expect(step.differences, step.first).toEqual([]);
  }, 300_000);
});

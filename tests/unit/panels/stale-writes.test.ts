/**
 * Writes based on what someone saw are refused once someone else changed it since: `conflict`, in words that name
 * who and when, and nothing overwritten (moderation, corrections, a held decision's feedback, review drafts).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { createReviewer } from '../../../src-main/services/reviewers';
import { moderate, moderationCase, requestThirdReview } from '../../../src-main/services/panels/moderation';
import { correctDecision, loadDecisions } from '../../../src-main/services/decisions';
import { readyToRelease, releaseDecisions, saveReleaseFeedback } from '../../../src-main/services/panels/release';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { tempServices } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';

let ctx: Services;
let admin: Reviewer;
let hine: Reviewer;
let tom: Reviewer;
let moana: Reviewer;
let rewi: Reviewer;
let lena: Reviewer;

const mk = (name: string, roles: Reviewer['roles']) =>
  createReviewer(ctx, { name, email: `${name.toLowerCase()}@example.nz`, school: `${name} School`, district: 'South', roles }, admin);

beforeEach(async () => {
  ctx = await tempServices();
  ({ admin } = await reviewSetup(ctx, 2, 2));
  await ctx.db.run("UPDATE reviewers SET max_load = 0 WHERE email = 'rangi@example.nz' OR id = ?", [admin.id]);
  hine = await mk('Hine Moana', ['reviewer']);
  tom = await mk('Tom Rewiti', ['reviewer']);
  moana = await mk('Moana Tait', ['moderator']);
  rewi = await mk('Rewi Ngata', ['moderator']);
  lena = await mk('Lena Hohaia', ['lead']);
});
afterEach(() => ctx.close());

async function score(portfolioId: string, who: Reviewer, levels: Record<string, number>, feedback: string) {
  const s = await startReview(ctx, portfolioId, who);
  await saveDraft(ctx, { reviewId: s.review!.id, levels, feedback, activeMsDelta: 0 }, who);
  await submitReview(ctx, s.review!.id, 0, who);
}
const refusal = async (fn: () => Promise<unknown>): Promise<ApiError> => {
  const e = await fn().then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ApiError);
  return e as ApiError;
};
const count = async (table: string) => (await ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;
/** The clock of the test services (10:00 UTC) as the messages print it, in this process's time zone. */
const TEN = new Date('2026-11-01T10:00:00Z').toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

describe('a moderation case', () => {
  beforeEach(async () => {
    await score('P-1', hine, { planning: 2, reflection: 3 }, 'Not yet: the plan needs success criteria.');
    await score('P-1', tom, { planning: 4, reflection: 4 }, 'A clear plan and honest reflection.');
  });
  const decision = {
    portfolioId: 'P-1',
    levels: { planning: 3, reflection: 3 },
    comments: {},
    feedback: 'A clear plan and honest reflection.',
    note: 'Planning meets proficient on balance',
  };

  it('decided by one moderator is not decided again by another who opened it before', async () => {
    const seen = await moderationCase(ctx, 'P-1', rewi);
    expect(seen.revision).toBe(1);
    await moderate(ctx, { ...decision, revision: (await moderationCase(ctx, 'P-1', moana)).revision }, moana);
    const e = await refusal(() => moderate(ctx, { ...decision, feedback: 'Not yet: reflect more.', revision: seen.revision }, rewi));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(`Moana Tait recorded the moderation at ${TEN} after you opened it; reload to see their changes`);
    expect((await loadDecisions(ctx, 'P-1')).map((d) => [d.source, d.decidedBy])).toEqual([['moderation', moana.id]]);
  });

  it('sent for a third review is not decided from the page that showed it open', async () => {
    const seen = await moderationCase(ctx, 'P-1', rewi);
    await requestThirdReview(ctx, 'P-1', 'one more look', moana, seen.revision);
    const e = await refusal(() => moderate(ctx, { ...decision, revision: seen.revision }, rewi));
    expect(e.message).toBe(`Moana Tait asked for a third review at ${TEN} after you opened it; reload to see their changes`);
    expect(await count('decisions')).toBe(0);
    // A second request from the same stale page is refused too.
    expect((await refusal(() => requestThirdReview(ctx, 'P-1', 'again', rewi, seen.revision))).code).toBe('conflict');
  });
});

describe('a decision', () => {
  beforeEach(async () => {
    await ctx.db.run('UPDATE review_policies SET reviews_required = 1');
    await score('P-1', hine, { planning: 3, reflection: 3 }, 'A clear plan.');
  });
  const correction = {
    portfolioId: 'P-1',
    levels: { planning: 2, reflection: 3 },
    comments: {},
    feedback: 'Not yet: add success criteria.',
    reason: 'planning was over-scored',
  };

  it('corrected by one person is not corrected again from the revision another saw', async () => {
    const seen = (await loadDecisions(ctx, 'P-1')).at(-1)!.revision;
    await correctDecision(ctx, { ...correction, revision: seen }, hine);
    const e = await refusal(() =>
      correctDecision(ctx, { ...correction, levels: { planning: 4, reflection: 4 }, feedback: 'Strong.', reason: 'under-scored', revision: seen }, lena),
    );
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(`Hine Moana recorded revision 2 of this decision at ${TEN} after you opened it; reload to see their changes`);
    expect((await loadDecisions(ctx, 'P-1')).map((d) => d.revision)).toEqual([1, 2]);
    await correctDecision(ctx, { ...correction, levels: { planning: 4, reflection: 4 }, feedback: 'Strong.', reason: 'under-scored', revision: 2 }, lena);
    expect((await loadDecisions(ctx, 'P-1')).map((d) => d.revision)).toEqual([1, 2, 3]);
  });
});

describe("a held decision's feedback", () => {
  beforeEach(async () => {
    await score('P-1', hine, { planning: 3, reflection: 3 }, 'A clear plan.');
    await score('P-1', tom, { planning: 3, reflection: 4 }, 'Honest reflection.');
  });

  it('edited by one lead is neither overwritten nor released from the version another lead saw', async () => {
    const other = await mk('Aperahama Lead', ['lead']);
    const [held] = await readyToRelease(ctx, lena, 'P-1');
    const seen = held!.decision.feedbackVersion;
    expect(seen).toBe(1);
    expect((await saveReleaseFeedback(ctx, 'P-1', 'Edited by Lena.', lena, seen)).feedbackVersion).toBe(2);
    const e = await refusal(() => saveReleaseFeedback(ctx, 'P-1', 'Edited by Aperahama.', other, seen));
    expect(e.message).toBe(`Lena Hohaia edited the feedback of P-1 at ${TEN} after you opened it; reload to see their changes`);
    expect((await refusal(() => releaseDecisions(ctx, { items: [{ portfolioId: 'P-1', feedbackVersion: seen }], confirm: false }, other))).code).toBe(
      'conflict',
    );
    expect((await readyToRelease(ctx, lena, 'P-1'))[0]!.decision.feedback).toBe('Edited by Lena.');
    expect(await releaseDecisions(ctx, { items: [{ portfolioId: 'P-1', feedbackVersion: 2 }], confirm: false }, other)).toEqual({ released: ['P-1'] });
  });
});

describe('a review draft', () => {
  it('saved from a window that loaded an older revision is refused, and the newer save stays', async () => {
    await ctx.db.run('UPDATE review_policies SET reviews_required = 1');
    const { review } = await startReview(ctx, 'P-1', hine);
    const here = await saveDraft(ctx, { reviewId: review!.id, revision: review!.revision, levels: { planning: 3 }, activeMsDelta: 0 }, hine);
    expect(here.revision).toBe(review!.revision + 1);
    const e = await refusal(() => saveDraft(ctx, { reviewId: review!.id, revision: review!.revision, levels: { planning: 1 }, activeMsDelta: 0 }, hine));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(`You saved this draft at ${TEN} in another window after this one loaded it; reload to see those changes`);
    expect((await refusal(() => submitReview(ctx, review!.id, 0, hine, review!.revision))).code).toBe('conflict');
    const reloaded = (await startReview(ctx, 'P-1', hine)).review!;
    expect(reloaded).toMatchObject({ levels: { planning: 3 }, revision: here.revision });
  });
});

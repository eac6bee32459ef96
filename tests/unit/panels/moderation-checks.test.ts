import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveDraft, startReview, submitReview } from '../../../src-main/services/reviews';
import { createReviewer } from '../../../src-main/services/reviewers';
import { moderate } from '../../../src-main/services/panels/moderation';
import type { Services } from '../../../src-main/core/services';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { ApiError } from '../../../src-shared/contracts/errors';
import { duplicateParagraphs, mergeFeedback, outcomeMismatch } from '../../../src-shared/domain/panel/feedback-checks';
import { tempServices } from '../../support/fixtures';
import { reviewSetup } from '../../support/review';

describe('feedback checks (src-shared)', () => {
  it('find a paragraph written twice, ignoring case, spacing and punctuation', () => {
    expect(duplicateParagraphs('One.\n\nTwo.\n\n  one ')).toEqual(['This paragraph appears twice: “one”']);
    expect(duplicateParagraphs('One.\nOne.\n\nTwo.')).toEqual([]);
    expect(duplicateParagraphs('A\n\nA\n\nA')).toHaveLength(1);
  });

  it('merge reviews’ feedback keeping each paragraph once', () => {
    expect(mergeFeedback(['Plan is clear.\n\nKeep going.', 'keep going!\n\nReflect more.'])).toBe('Plan is clear.\n\nKeep going.\n\nReflect more.');
  });

  it('warn when a Pass reads as a Not yet (or the reverse), by phrase or by copying a review of the other outcome', () => {
    expect(outcomeMismatch('pass', 'Not yet: please resubmit with student voice.')).toEqual([
      'The feedback says “not yet”, “resubmit” but the outcome is Pass.',
    ]);
    expect(outcomeMismatch('not_yet', 'Congratulations on a strong portfolio.')).toEqual(['The feedback says “congratulations” but the outcome is Not yet.']);
    expect(outcomeMismatch('pass', 'A strong, well-evidenced portfolio.')).toEqual([]);
    // "notyet" or "yet" alone are not the phrase
    expect(outcomeMismatch('pass', 'You are not finished yet with learning, nobody is.')).toEqual([]);
    const sources = [
      { feedback: 'Agency needs more than choice of topic.', outcome: 'not_yet' as const },
      { feedback: 'Rich design.', outcome: 'pass' as const },
    ];
    expect(outcomeMismatch('pass', 'Rich design.\n\nAgency needs more than choice of topic.', sources)).toEqual([
      'The feedback was copied from a review that recorded Not yet, but the outcome is Pass.',
    ]);
    expect(outcomeMismatch('pass', 'Rich design.', sources)).toEqual([]);
  });
});

describe('moderation refuses and warns (service)', () => {
  let ctx: Services;
  let admin: Reviewer;
  let moderator: Reviewer;
  beforeEach(async () => {
    ctx = await tempServices();
    ({ admin } = await reviewSetup(ctx, 1, 2));
    await ctx.db.run("UPDATE reviewers SET max_load = 0 WHERE email = 'rangi@example.nz' OR id = ?", [admin.id]);
    const mk = (name: string, roles: Reviewer['roles']) =>
      createReviewer(ctx, { name, email: `${name}@example.nz`, school: `${name} School`, district: 'South', roles }, admin);
    moderator = await mk('Moana', ['moderator']);
    const score = async (who: Reviewer, levels: Record<string, number>, feedback: string) => {
      const s = await startReview(ctx, 'P-1', who);
      await saveDraft(ctx, { reviewId: s.review!.id, levels, feedback, activeMsDelta: 0 }, who);
      await submitReview(ctx, s.review!.id, 0, who);
    };
    await score(await mk('Hine', ['reviewer']), { planning: 2, reflection: 3 }, 'Not yet: the plan needs success criteria.');
    await score(await mk('Tom', ['reviewer']), { planning: 4, reflection: 4 }, 'A clear plan and honest reflection.');
  });
  afterEach(() => ctx.close());

  const pass = { portfolioId: 'P-1', levels: { planning: 3, reflection: 3 }, comments: {} };
  const refused = async (fn: () => unknown): Promise<ApiError> => {
    try {
      await fn();
    } catch (e) {
      return e as ApiError;
    }
    throw new Error('expected a refusal');
  };
  const decisions = async () => ((await ctx.db.get('SELECT count(*) AS n FROM decisions')) as { n: number }).n;

  it('refuses an empty (or blank) moderation note', async () => {
    const e = await refused(() => moderate(ctx, { ...pass, feedback: 'A clear plan.', note: '   ' }, moderator));
    expect(e.code).toBe('bad_request');
    expect(e.issues).toEqual(['A moderation note is required: say why these are the final levels']);
    expect(await decisions()).toBe(0);
  });

  it('asks to confirm a Pass whose feedback was written for the Not yet, then records it with the warning in the audit log', async () => {
    const e = await refused(() => moderate(ctx, { ...pass, feedback: 'Not yet: the plan needs success criteria.', note: 'Plan meets proficient' }, moderator));
    expect(e.code).toBe('conflict');
    expect(e.issues).toEqual([
      'The feedback was copied from a review that recorded Not yet, but the outcome is Pass.',
      'The feedback says “not yet” but the outcome is Pass.',
    ]);
    expect(await decisions()).toBe(0);
    await moderate(ctx, { ...pass, feedback: 'Not yet: the plan needs success criteria.', note: 'Plan meets proficient', confirm: true }, moderator);
    const audit = (await ctx.db.get("SELECT details FROM audit_log WHERE action = 'moderation.decide'")) as { details: string };
    expect(JSON.parse(audit.details).confirmed).toHaveLength(2);
  });

  it('flags a pasted duplicate paragraph; fitting feedback records at once', async () => {
    const e = await refused(() =>
      moderate(ctx, { ...pass, feedback: 'A clear plan and honest reflection.\n\nA clear plan and honest reflection.', note: 'ok' }, moderator),
    );
    expect(e.issues).toEqual(['This paragraph appears twice: “A clear plan and honest reflection.”']);
    expect(
      await moderate(ctx, { ...pass, feedback: 'A clear plan and honest reflection.', note: 'Planning meets proficient on balance' }, moderator),
    ).toMatchObject({ outcome: 'pass', source: 'moderation' });
  });
});

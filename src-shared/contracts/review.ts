import { z } from 'zod';
import { AnchorSchema, AnchorTargetSchema } from './anchors';
import { OutcomeSchema } from '../domain/rubric';

const CriterionId = z.string().min(1).max(64);

export const ReviewViewSchema = z.object({
  id: z.number().int(),
  portfolioId: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  kind: z.enum(['review', 'moderation', 'calibration']),
  status: z.enum(['draft', 'submitted']),
  levels: z.record(z.string(), z.number().int().nullable()),
  comments: z.record(z.string(), z.string()),
  anchors: z.array(AnchorSchema),
  feedback: z.string(),
  outcome: z.enum(['pass', 'not_yet']).nullable(),
  activeMs: z.number().int(),
  startedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  /** Counts saves; a save names the revision it was based on and is refused (409) when another save came first. */
  revision: z.number().int(),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

export const DecisionLevelSchema = z.object({ criterionId: z.string(), score: z.number().int(), comment: z.string() });

export const DecisionViewSchema = z.object({
  id: z.number().int(),
  portfolioId: z.string(),
  revision: z.number().int(),
  outcome: OutcomeSchema,
  total: z.number().nullable(),
  feedback: z.string(),
  source: z.enum(['review', 'reconciled', 'moderation', 'correction']),
  reviewId: z.number().int().nullable(),
  decidedBy: z.string(),
  decidedByName: z.string(),
  decidedAt: z.string(),
  reason: z.string().nullable(),
  /** Null while a reconciled decision waits for a lead to release it. */
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  /** Counts a lead's edits of a held decision's feedback; an edit or release names the one it was made on. */
  feedbackVersion: z.number().int(),
  /** For a reconciled decision: the reviews (and so the reviewers) it was reconciled from. */
  sources: z.array(z.object({ reviewId: z.number().int(), reviewerId: z.string(), reviewerName: z.string() })),
  levels: z.array(DecisionLevelSchema),
  anchors: z.array(AnchorSchema),
  timeOnTaskMs: z.number().int().nullable(),
});
export type DecisionView = z.infer<typeof DecisionViewSchema>;

export const ReferenceLevelSchema = z.object({ criterionId: z.string(), score: z.number().int(), rationale: z.string() });
export type ReferenceLevel = z.infer<typeof ReferenceLevelSchema>;

export const ReviewStateSchema = z.object({
  review: ReviewViewSchema.nullable(),
  /** Calibration: the anchor's reference levels, present only once the reviewer has submitted. */
  reference: z.array(ReferenceLevelSchema).nullable(),
  /** Blind review: that other reviews exist and how far they are … */
  peers: z.array(z.object({ status: z.enum(['draft', 'submitted']) })),
  /** … and their content only once this reviewer has submitted (or is a moderator, lead or admin). */
  peerReviews: z.array(ReviewViewSchema).nullable(),
  decision: DecisionViewSchema.nullable(),
  revisions: z.array(DecisionViewSchema),
  readOnly: z.boolean(),
  readOnlyReason: z.string().nullable(),
  /** No review yet and the viewer may start one (review.start): opening a portfolio claims nothing and writes nothing. */
  canStart: z.boolean(),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

const Revision = z.number().int().min(0);

export const SaveDraftSchema = z.object({
  reviewId: z.number().int(),
  /** The draft's revision this save is based on (ReviewView.revision, then each save's reply). */
  revision: Revision,
  levels: z.record(CriterionId, z.number().int().nullable()).optional(),
  comments: z.record(CriterionId, z.string().max(20_000)).optional(),
  feedback: z.string().max(50_000).optional(),
  /** Active time since the last save, measured by the renderer (visible, focused, not idle). */
  activeMsDelta: z
    .number()
    .int()
    .min(0)
    .max(10 * 60 * 1000)
    .default(0),
});

export const CorrectionSchema = z.object({
  portfolioId: z.string().min(1),
  levels: z.record(CriterionId, z.number().int()),
  comments: z.record(CriterionId, z.string().max(20_000)).default({}),
  feedback: z.string().min(1).max(50_000),
  reason: z.string().trim().min(3, 'a correction needs a reason').max(2000),
  /** The decision revision the correction was made on (DecisionView.revision): refused (409) if another came since. */
  revision: Revision,
});

export const reviewContract = {
  /** The reviewer's view of a portfolio's review; only reads (claims nothing, starts no draft). */
  'review.open': { input: z.object({ portfolioId: z.string().min(1) }), output: ReviewStateSchema },
  /** Starts the reviewer's draft, claiming a free place first if they hold none (refused with the reason open gives); idempotent. */
  'review.start': { input: z.object({ portfolioId: z.string().min(1) }), output: ReviewStateSchema },
  'review.save': { input: SaveDraftSchema, output: z.object({ updatedAt: z.string(), revision: z.number().int() }) },
  'review.addAnchor': {
    input: z.object({ reviewId: z.number().int(), criterionId: CriterionId, evidenceId: z.string().min(1), target: AnchorTargetSchema }),
    output: AnchorSchema,
  },
  'review.removeAnchor': { input: z.object({ reviewId: z.number().int(), anchorId: z.number().int() }), output: z.object({}) },
  'review.submit': {
    input: z.object({
      reviewId: z.number().int(),
      activeMsDelta: z
        .number()
        .int()
        .min(0)
        .max(10 * 60 * 1000)
        .default(0),
      revision: Revision,
    }),
    output: z.object({ state: ReviewStateSchema }),
  },
  'review.peers': { input: z.object({ portfolioId: z.string().min(1) }), output: z.array(ReviewViewSchema) },
  'decision.correct': { input: CorrectionSchema, output: DecisionViewSchema },
  'queue.next': { input: z.object({ after: z.string().optional() }), output: z.object({ id: z.string().nullable() }) },
} as const;

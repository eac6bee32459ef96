import { z } from 'zod';
import { PortfolioRowSchema } from './queue';
import { DecisionViewSchema, ReviewViewSchema } from './review';

const Id = z.string().min(1).max(64);

/** A reconciled decision waiting for a lead: the merged decision and the reviews it was reconciled from. */
export const ReleaseItemSchema = z.object({
  portfolio: z.string(),
  row: PortfolioRowSchema,
  decision: DecisionViewSchema,
  originals: z.array(ReviewViewSchema),
});
export type ReleaseItem = z.infer<typeof ReleaseItemSchema>;

export const releaseContract = {
  /** Leads and admins: every portfolio ready to release (or the one named), oldest first. */
  'release.list': { input: z.object({ portfolioId: Id.optional() }), output: z.array(ReleaseItemSchema) },
  /** Saves the lead's edit of the merged feedback; nothing goes out yet. */
  'release.saveFeedback': {
    input: z.object({
      portfolioId: Id,
      feedback: z.string().max(50_000),
      /** The feedback's version the edit was made on (DecisionView.feedbackVersion): refused (409) if another lead saved since. */
      feedbackVersion: z.number().int(),
    }),
    output: DecisionViewSchema,
  },
  /**
   * Releases one or many, all or nothing; `feedback` replaces the saved merged text. Warnings (a paragraph twice)
   * refuse the release until it is sent again with `confirm`.
   */
  'release.release': {
    input: z.object({
      /** `feedbackVersion`: the version of the feedback the lead saw; refused (409) if it was edited since. */
      items: z
        .array(z.object({ portfolioId: Id, feedback: z.string().max(50_000).optional(), feedbackVersion: z.number().int().optional() }))
        .min(1)
        .max(5_000),
      confirm: z.boolean().default(false),
    }),
    output: z.object({ released: z.array(z.string()) }),
  },
} as const;

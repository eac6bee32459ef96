import { z } from 'zod';

/** How a credential's portfolios are reviewed. Versioned: a change makes a new version; the latest is in force. */
export const ReviewPolicySchema = z.object({
  reviews_required: z.number().int().min(1).max(3).default(2),
  /** Reviews disagree when outcomes differ or any criterion is more than this many levels apart. */
  tolerance: z.number().int().min(0).max(10).default(1),
  /** Candidate name, email, school and district hidden from reviewers and moderators. */
  anonymous: z.boolean().default(false),
  coi_same_school: z.boolean().default(true),
  coi_same_district: z.boolean().default(false),
  resubmission_reviewers: z.enum(['prefer_earlier', 'require_new', 'any']).default('prefer_earlier'),
  max_attempts: z.number().int().min(1).max(10).default(3),
  /** Only reviewers qualified by calibration for this credential may be allocated. */
  qualified_only: z.boolean().default(false),
  /** Agreeing reviews become the decision with, per criterion, the lower (default) or higher of their levels. */
  final_levels: z.enum(['lower', 'higher']).default('lower'),
});
export type ReviewPolicy = z.infer<typeof ReviewPolicySchema>;

export const DEFAULT_POLICY: ReviewPolicy = ReviewPolicySchema.parse({});

import { z } from 'zod';
import { RoleSchema } from '../domain/roles';

export const ReviewerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  school: z.string(),
  district: z.string(),
  roles: z.array(RoleSchema),
  active: z.boolean(),
  maxLoad: z.number().int(),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const NewReviewerSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  email: z.email('a valid email is required'),
  school: z.string().trim().max(200).default(''),
  district: z.string().trim().max(200).default(''),
  roles: z.array(RoleSchema).min(1, 'at least one role').default(['reviewer']),
});

export const reviewersContract = {
  'reviewers.list': { input: z.object({}), output: z.array(ReviewerSchema) },
  'reviewers.create': { input: NewReviewerSchema, output: ReviewerSchema },
  'reviewers.me': { input: z.object({}), output: ReviewerSchema.nullable() },
} as const;

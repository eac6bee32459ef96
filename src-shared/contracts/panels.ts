import { z } from 'zod';
import { ReviewPolicySchema } from '../domain/panel/policy';
import { RoleSchema } from '../domain/roles';
import { PortfolioRowSchema } from './queue';
import { DecisionViewSchema, ReviewViewSchema } from './review';
import { EvidenceViewSchema } from './portfolio';
import { ReviewerSchema } from './reviewers';

export const PolicyVersionSchema = z.object({
  credential: z.string(),
  version: z.number().int(),
  policy: ReviewPolicySchema,
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const AssignmentViewSchema = z.object({
  portfolio: z.string(),
  reviewer: z.string(),
  status: z.enum(['assigned', 'submitted', 'released']),
  reason: z.enum(['review', 'third']),
  assignedAt: z.string(),
});

export const AllocationResultSchema = z.object({
  assigned: z.array(z.object({ portfolio: z.string(), reviewer: z.string() })),
  unallocated: z.array(z.object({ portfolio: z.string(), reason: z.string() })),
});

export const ModerationItemSchema = z.object({
  portfolio: z.string(),
  status: z.enum(['open', 'third_review', 'resolved']),
  reason: z.string(),
  openedAt: z.string(),
  row: PortfolioRowSchema,
});

export const ModerationCaseSchema = z.object({
  portfolio: z.string(),
  status: z.enum(['open', 'third_review', 'resolved']),
  reason: z.string(),
  note: z.string().nullable(),
  reviews: z.array(ReviewViewSchema),
  /** Counts changes of the case; a decision or third-review request names the one it was made on. */
  revision: z.number().int(),
});

export const EvidenceChangeSchema = z.object({
  evidenceId: z.string(),
  title: z.string(),
  change: z.enum(['new', 'changed', 'unchanged']),
});

export const AttemptHistorySchema = z.object({
  attempts: z.array(
    z.object({
      id: z.string(),
      attempt: z.number().int(),
      submittedAt: z.string(),
      status: z.string(),
      decision: DecisionViewSchema.nullable(),
      evidence: z.array(EvidenceViewSchema),
    }),
  ),
  /** How each item of this attempt compares with the previous attempt, by sha256. */
  changes: z.array(EvidenceChangeSchema),
  /** Items of the previous attempt that this one no longer has (still viewable). */
  removed: z.array(EvidenceViewSchema),
});
export type AttemptHistory = z.infer<typeof AttemptHistorySchema>;

export const DashboardSchema = z.object({
  counts: z.object({
    awaiting_allocation: z.number().int(),
    in_review: z.number().int(),
    awaiting_moderation: z.number().int(),
    ready_to_release: z.number().int(),
    decided: z.number().int(),
    returned: z.number().int(),
  }),
  overdueDays: z.number().int(),
  waiting: z.array(z.object({ portfolio: z.string(), status: z.string(), days: z.number(), overdue: z.boolean() })),
  reviewers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      open: z.number().int(),
      submitted: z.number().int(),
      maxLoad: z.number().int(),
      medianMinutes: z.number().nullable(),
    }),
  ),
  disagreement: z.array(z.object({ criterion: z.string(), title: z.string(), compared: z.number().int(), apart: z.number().int(), rate: z.number() })),
  throughput: z.array(z.object({ week: z.string(), decided: z.number().int() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

const Id = z.string().min(1).max(64);

export const panelsContract = {
  'panel.dashboard': { input: z.object({}), output: DashboardSchema },
  'panel.setOverdueDays': { input: z.object({ days: z.number().int().min(1).max(365) }), output: z.object({}) },
  'policy.get': { input: z.object({ credential: Id }), output: z.object({ current: ReviewPolicySchema, versions: z.array(PolicyVersionSchema) }) },
  'policy.set': {
    input: z.object({ credential: Id, policy: ReviewPolicySchema.partial(), changeNote: z.string().max(2000).optional() }),
    output: PolicyVersionSchema,
  },
  'reviewers.update': {
    input: z.object({
      id: Id,
      patch: z.object({
        name: z.string().trim().min(1).optional(),
        email: z.email().optional(),
        school: z.string().optional(),
        district: z.string().optional(),
        roles: z.array(RoleSchema).min(1).optional(),
        active: z.boolean().optional(),
        maxLoad: z.number().int().min(0).max(1000).optional(),
      }),
    }),
    output: ReviewerSchema,
  },
  /**
   * Without updateExisting, a file that would change known profiles is refused (409) with every change in
   * `conflicts`: the preview a lead confirms by sending the same file again with updateExisting: true.
   */
  'reviewers.importCsv': {
    input: z.object({ csv: z.string().max(5_000_000), updateExisting: z.boolean().default(false) }),
    output: z.object({ created: z.array(z.string()), updated: z.array(z.string()), unchanged: z.array(z.string()) }),
  },
  'conflicts.list': { input: z.object({}), output: z.array(z.object({ reviewerId: z.string(), candidateId: z.string(), reason: z.string() })) },
  'conflicts.declare': { input: z.object({ reviewerId: Id, candidateId: Id, reason: z.string().max(500).default('') }), output: z.object({}) },
  'assignments.allocate': { input: z.object({}), output: AllocationResultSchema },
  'assignments.list': { input: z.object({ reviewer: Id.optional() }), output: z.array(AssignmentViewSchema) },
  'assignments.mine': { input: z.object({}), output: z.array(z.object({ assignment: AssignmentViewSchema, row: PortfolioRowSchema })) },
  'assignments.claimNext': { input: z.object({}), output: z.object({ id: z.string().nullable() }) },
  'assignments.reassign': { input: z.object({ portfolioId: Id, from: Id, to: Id }), output: AssignmentViewSchema },
  'moderation.list': { input: z.object({ includeResolved: z.boolean().default(false) }), output: z.array(ModerationItemSchema) },
  'moderation.get': { input: z.object({ portfolioId: Id }), output: ModerationCaseSchema },
  'moderation.decide': {
    input: z.object({
      portfolioId: Id,
      levels: z.record(z.string(), z.number().int()),
      comments: z.record(z.string(), z.string().max(20_000)).default({}),
      feedback: z.string().max(50_000),
      note: z.string().max(5_000).default(''),
      /** Records despite the warnings (feedback written for the other outcome, a paragraph twice) once the moderator has seen them. */
      confirm: z.boolean().default(false),
      /** The case's revision the moderator decided on (ModerationCase.revision): refused (409) if it changed since. */
      revision: z.number().int(),
    }),
    output: DecisionViewSchema,
  },
  'moderation.thirdReview': { input: z.object({ portfolioId: Id, note: z.string().max(5_000).default(''), revision: z.number().int() }), output: z.object({}) },
  'portfolio.history': { input: z.object({ id: Id }), output: AttemptHistorySchema },
  'portfolio.return': { input: z.object({ id: Id }), output: z.object({}) },
} as const;

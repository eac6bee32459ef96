import { z } from 'zod';
import { StatusSchema } from '../domain/status';
import { OutcomeSchema } from '../domain/rubric';

export const QUEUE_SORTS = ['submitted_at', 'candidate', 'status', 'credential', 'id'] as const;

export const QueueQuerySchema = z.object({
  status: z.array(StatusSchema).optional(),
  credential: z.string().max(64).optional(),
  district: z.string().max(200).optional(),
  search: z.string().max(200).optional(),
  sort: z.enum(QUEUE_SORTS).default('submitted_at'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type QueueQuery = z.input<typeof QueueQuerySchema>;

export const CandidateViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  school: z.string(),
  district: z.string(),
});

export const PortfolioRowSchema = z.object({
  id: z.string(),
  status: StatusSchema,
  outcome: OutcomeSchema.nullable(),
  attempt: z.number().int(),
  credential: z.object({ code: z.string(), title: z.string() }),
  candidate: CandidateViewSchema,
  submittedAt: z.string(),
});
export type PortfolioRow = z.infer<typeof PortfolioRowSchema>;

export const QueuePageSchema = z.object({ total: z.number().int(), rows: z.array(PortfolioRowSchema) });
export type QueuePage = z.infer<typeof QueuePageSchema>;

export const StatusCountsSchema = z.object({ total: z.number().int(), byStatus: z.record(StatusSchema, z.number().int()) });
export type StatusCounts = z.infer<typeof StatusCountsSchema>;

export const FacetsSchema = z.object({
  credentials: z.array(z.object({ code: z.string(), title: z.string() })),
  districts: z.array(z.string()),
});

export const queueContract = {
  'queue.list': { input: QueueQuerySchema, output: QueuePageSchema },
  'queue.counts': { input: z.object({}), output: StatusCountsSchema },
  'queue.facets': { input: z.object({}), output: FacetsSchema },
} as const;

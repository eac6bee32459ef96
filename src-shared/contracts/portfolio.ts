import { z } from 'zod';
import { RubricSchema, OutcomeSchema } from '../domain/rubric';
import { EVIDENCE_KINDS } from '../domain/portfolio';
import { CredentialSchema } from '../domain/credential';
import { PortfolioRowSchema } from './queue';

export const EvidenceViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  mediaType: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  fileName: z.string(),
  criteria: z.array(z.string()),
  captions: z.array(z.object({ sha256: z.string(), srclang: z.string(), label: z.string() })),
});
export type EvidenceView = z.infer<typeof EvidenceViewSchema>;

export const AttemptSummarySchema = z.object({
  id: z.string(),
  attempt: z.number().int(),
  status: z.string(),
  outcome: OutcomeSchema.nullable(),
  submittedAt: z.string(),
});

/** A place where evidence (or a written response, evidence null) names its candidate: found at import. */
export const IdentityFindingSchema = z.object({
  evidence: z.string().nullable(),
  location: z.string(),
  field: z.enum(['name', 'email', 'school']),
});
export type IdentityFinding = z.infer<typeof IdentityFindingSchema>;

export const PortfolioDetailSchema = PortfolioRowSchema.extend({
  credentialDetail: CredentialSchema,
  rubric: RubricSchema,
  resubmissionOf: z.string().nullable(),
  responses: z.array(z.object({ prompt: z.string(), text: z.string() })),
  evidence: z.array(EvidenceViewSchema),
  attempts: z.array(AttemptSummarySchema),
  tests: z.object({ pre: z.number().nullable(), post: z.number().nullable() }),
  identity: z.object({
    /** The credential's review policy in force is anonymous. */
    anonymousReview: z.boolean(),
    /** This viewer is shown a pseudonym (and may not be told where the evidence names the candidate). */
    withheld: z.boolean(),
    /** Where the evidence names the candidate, for those who see identity. */
    findings: z.array(IdentityFindingSchema),
  }),
});
export type PortfolioDetail = z.infer<typeof PortfolioDetailSchema>;

export const PortfolioIdSchema = z.object({ id: z.string().min(1).max(64) });

export const portfolioContract = {
  'portfolio.get': { input: PortfolioIdSchema, output: PortfolioDetailSchema },
} as const;

/**
 * The two files that carry offline review between machines, as zod schemas:
 * - a review bundle (zip; lead → reviewer): bundle.json, bundle.sig, catalogue/*.json, portfolios/<id>/…;
 * - a results file (JSON; reviewer → lead), its payload sealed with an HMAC keyed by the bundle's secret.
 */
import { z } from 'zod';
import { ReviewPolicySchema } from '../../../../src-shared/domain/panel/policy';
import { STATUSES } from '../../../../src-shared/domain/status';

export const BUNDLE_FORMAT = 'evidence-workbench/review-bundle@1';
export const RESULTS_FORMAT = 'evidence-workbench/review-results@1';
export const BUNDLE_JSON = 'bundle.json';
export const BUNDLE_SIG = 'bundle.sig';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Iso = z.iso.datetime({ offset: true });
const RubricRef = z.object({ id: z.string().min(1), version: z.number().int().positive() });

export const BundleFileSchema = z.object({ path: z.string().min(1), sha256: Sha256, bytes: z.number().int().nonnegative() });

/** The lead's decision on an earlier attempt, so a resubmission's history reads the same offline. */
const HistoryDecisionSchema = z.object({
  outcome: z.enum(['pass', 'not_yet', 'withdrawn']),
  total: z.number().nullable(),
  feedback: z.string(),
  source: z.enum(['review', 'reconciled', 'moderation', 'correction']),
  decided_by: z.string(),
  decided_at: Iso,
  reason: z.string().nullable(),
  levels: z.array(z.object({ criterion: z.string(), score: z.number().int(), comment: z.string() })),
});

export const BundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  id: z.uuid(),
  issued_at: Iso,
  issued_by: z.string().min(1),
  reviewer: z.object({ id: z.string().min(1), name: z.string().min(1), email: z.string().min(1), school: z.string(), district: z.string() }),
  /** The review policy in force per credential when the bundle was issued. */
  policy: z.record(z.string(), ReviewPolicySchema),
  assignments: z.array(z.object({ portfolio: z.string().min(1), rubric: RubricRef })).min(1),
  /** Earlier attempts of resubmitted portfolios: packaged read-only so the attempt history is there offline. */
  history: z.array(z.object({ portfolio: z.string().min(1), status: z.enum(STATUSES), decision: HistoryDecisionSchema.nullable() })).default([]),
  /** 32 random bytes, base64url: the HMAC key of the results file. */
  secret: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'secret must be 32 bytes base64url'),
  issuer: z.object({
    public_key: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string().min(1) }),
    thumbprint: z.string().min(1),
  }),
  /** Every other file of the zip with its sha256: bundle.sig signs bundle.json, so it covers them all. */
  files: z.array(BundleFileSchema),
});
export type Bundle = z.infer<typeof BundleSchema>;
export type BundleFile = z.infer<typeof BundleFileSchema>;

export const ResultAnchorSchema = z.object({
  criterion: z.string().min(1),
  evidence: z.string().min(1),
  kind: z.enum(['pdf_page', 'video_time']),
  page: z.number().int().min(1).optional(),
  quote: z.string().max(2000).optional(),
  start_s: z.number().min(0).optional(),
  end_s: z.number().min(0).optional(),
});
export type ResultAnchor = z.infer<typeof ResultAnchorSchema>;

export const ResultReviewSchema = z.object({
  portfolio: z.string().min(1),
  rubric: RubricRef,
  levels: z.record(z.string(), z.number().int()),
  comments: z.record(z.string(), z.string()),
  anchors: z.array(ResultAnchorSchema),
  feedback: z.string(),
  outcome: z.enum(['pass', 'not_yet']),
  total: z.number(),
  submitted_at: Iso,
  active_ms: z.number().int().nonnegative(),
});
export type ResultReview = z.infer<typeof ResultReviewSchema>;

export const ResultsPayloadSchema = z.object({
  bundle: z.string().min(1),
  reviewer: z.string().min(1),
  exported_at: Iso,
  reviews: z.array(ResultReviewSchema),
});
export type ResultsPayload = z.infer<typeof ResultsPayloadSchema>;

export const ResultsFileSchema = z.object({ format: z.literal(RESULTS_FORMAT), payload: z.unknown(), mac: z.string().min(1) });

/**
 * Canonical JSON (sorted keys, no whitespace, JSON number text): the bytes the results MAC is computed over, so any
 * change to a value is detected while key order and formatting of the file do not matter.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON has no non-finite numbers');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
}

/** Zod issues as short "field: message" lines for a refusal. */
export function issueLines(error: z.ZodError, prefix: string): string[] {
  return error.issues.map((i) => `${prefix}${i.path.length ? ` ${i.path.join('.')}` : ''}: ${i.message}`);
}

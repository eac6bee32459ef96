/** API of the credit feature: pathways, candidate records, credit applications and decisions, exports, insight. */
import { z } from 'zod';
import { IsoDateSchema, PathwayIdSchema, PathwaySchema } from '../domain/pathway';
import { ExportFileSchema } from './exports';

const Id = z.string().min(1).max(64);

// --- pathways -------------------------------------------------------------------------------------------------

export const PathwayVersionSchema = z.object({
  pathway: PathwaySchema,
  createdAt: z.string(),
  createdBy: z.string(),
  /** Used by an application: it can no longer change, an edit makes the next version. */
  frozen: z.boolean(),
  applications: z.number().int(),
});
export type PathwayVersion = z.infer<typeof PathwayVersionSchema>;

export const PathwaySummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  targetCode: z.string(),
  targetTitle: z.string(),
  qualification: z.string(),
  fourEyes: z.boolean(),
  versions: z.number().int(),
  applications: z.number().int(),
  summary: z.string(),
});
export type PathwaySummary = z.infer<typeof PathwaySummarySchema>;

export const SavePathwayResultSchema = z.object({
  result: z.enum(['created', 'updated', 'new_version', 'unchanged']),
  version: PathwayVersionSchema,
});

// --- evaluation -----------------------------------------------------------------------------------------------

export const AttainmentSchema = z.object({
  key: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  source: z.enum(['app', 'external']),
  issuer: z.string(),
  awardedOn: z.string(),
  expiresOn: z.string().nullable(),
  points: z.number(),
  hours: z.number(),
  attempt: z.number().int().nullable(),
  portfolioId: z.string().nullable(),
  postTest: z.number().nullable(),
  usedFor: z.object({ application: z.string(), award: z.string(), decidedOn: z.string() }).nullable(),
  /** Why nothing proves it (never counts); absent or null when it is vouched for. */
  unverified: z.string().nullable().optional(),
});

export const AttainmentViewSchema = AttainmentSchema.extend({
  /** On today's date (candidate page) or the application date (application page). */
  status: z.enum(['valid', 'expired', 'not_yet_awarded', 'used', 'unverified']),
});
export type AttainmentView = z.infer<typeof AttainmentViewSchema>;

export const RequirementCheckSchema = z.object({
  id: z.string(),
  kind: z.enum(['credential', 'count', 'points', 'hours', 'post_test']),
  required: z.boolean(),
  ok: z.boolean(),
  label: z.string(),
  reason: z.string(),
  status: z.enum(['valid', 'expired', 'not_yet_awarded', 'used', 'unverified', 'missing']).optional(),
  code: z.string().optional(),
  attainment: z.string().optional(),
  counted: z.boolean().optional(),
});

export const PathwayEvaluationSchema = z.object({
  met: z.boolean(),
  date: z.string(),
  checks: z.array(RequirementCheckSchema),
  counted: z.array(z.string()),
  totals: z.object({ points: z.number(), hours: z.number() }),
});
export type PathwayEvaluationView = z.infer<typeof PathwayEvaluationSchema>;

// --- evidence trail -------------------------------------------------------------------------------------------

export const TrailDecisionSchema = z.object({
  revision: z.number().int(),
  outcome: z.enum(['pass', 'not_yet', 'withdrawn']),
  source: z.enum(['review', 'reconciled', 'moderation', 'correction']),
  decidedAt: z.string(),
  decidedBy: z.string(),
  decidedByName: z.string(),
  reason: z.string().nullable(),
});

export const TrailReviewSchema = z.object({
  reviewerId: z.string(),
  reviewerName: z.string(),
  kind: z.enum(['review', 'moderation', 'calibration']),
  outcome: z.enum(['pass', 'not_yet']).nullable(),
  submittedAt: z.string().nullable(),
});

/** One attempt at a credential in this app, with who decided it and how. */
export const AttemptTrailSchema = z.object({
  portfolioId: z.string(),
  credential: z.object({ code: z.string(), title: z.string() }),
  attempt: z.number().int(),
  submittedAt: z.string(),
  status: z.string(),
  outcome: z.enum(['pass', 'not_yet', 'withdrawn']).nullable(),
  testPre: z.number().nullable(),
  testPost: z.number().nullable(),
  decisions: z.array(TrailDecisionSchema),
  reviews: z.array(TrailReviewSchema),
  moderated: z.boolean(),
});
export type AttemptTrail = z.infer<typeof AttemptTrailSchema>;

export const ExternalCredentialSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  /** The issuer this installation stands behind: proven by a trusted key, or attested; for an unverified record, marked as claimed. */
  issuer: z.string(),
  issuerId: z.string().nullable(),
  /** The issuer name the file or CSV line gave (never shown as proven). */
  claimedIssuer: z.string(),
  verification: z.enum(['verified', 'attested', 'unverified']),
  /** Who proved or attested it, or why it is unverified. */
  verificationNote: z.string(),
  awardedOn: z.string(),
  expiresOn: z.string().nullable(),
  points: z.number().nullable(),
  hours: z.number().nullable(),
  source: z.enum(['csv', 'badge']),
  sourceFile: z.string(),
  sourceRef: z.string(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type ExternalCredential = z.infer<typeof ExternalCredentialSchema>;

/** What stands behind one attainment: the attempt and its reviews, or the external record. */
export const EvidenceTrailSchema = z.object({
  key: z.string(),
  attempt: AttemptTrailSchema.nullable(),
  external: ExternalCredentialSchema.nullable(),
});

// --- candidates -----------------------------------------------------------------------------------------------

export const CandidateBriefSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), school: z.string(), district: z.string() });
export type CandidateBrief = z.infer<typeof CandidateBriefSchema>;

export const CandidateSummarySchema = CandidateBriefSchema.extend({
  attempts: z.number().int(),
  passes: z.number().int(),
  external: z.number().int(),
  applications: z.number().int(),
});
export type CandidateSummary = z.infer<typeof CandidateSummarySchema>;

export const DuplicateSchema = z.object({ a: CandidateBriefSchema, b: CandidateBriefSchema, reason: z.string() });
export type Duplicate = z.infer<typeof DuplicateSchema>;

export const ApplicationStatusSchema = z.enum(['pending', 'awaiting_second', 'approved', 'declined']);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;
export const APPLICATION_STATUS_LABEL: Record<ApplicationStatus, string> = {
  pending: 'Pending',
  awaiting_second: 'Awaiting second approver',
  approved: 'Approved',
  declined: 'Declined',
};

export const ApplicationSummarySchema = z.object({
  id: z.string(),
  candidate: z.object({ id: z.string(), name: z.string() }),
  pathway: z.object({ id: z.string(), version: z.number().int(), label: z.string() }),
  date: z.string(),
  status: ApplicationStatusSchema,
  /** Whether the requirements are met (as decided, or today for an open application). */
  met: z.boolean(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;

export const CandidateRecordSchema = z.object({
  candidate: CandidateBriefSchema,
  merged: z.array(z.object({ id: z.string(), name: z.string(), mergedAt: z.string(), mergedBy: z.string(), reason: z.string() })),
  attempts: z.array(AttemptTrailSchema),
  external: z.array(ExternalCredentialSchema),
  attainments: z.array(AttainmentViewSchema),
  applications: z.array(ApplicationSummarySchema),
  duplicates: z.array(DuplicateSchema),
});
export type CandidateRecord = z.infer<typeof CandidateRecordSchema>;

export const ExternalImportReportSchema = z.object({
  file: z.string(),
  kind: z.enum(['csv', 'badge']),
  imported: z.number().int(),
  unchanged: z.number().int(),
  candidatesCreated: z.array(z.string()),
  /** Known candidates whose name, email, school or district the file changed (only with updateExisting). */
  candidatesUpdated: z.array(z.string()),
  matchedByEmail: z.array(z.object({ line: z.string(), candidate: z.string() })),
  notInCatalogue: z.array(z.string()),
  /** Records already there that this import now proves or attests (they were unverified). */
  upgraded: z.number().int(),
  /** Records stored as unverified (they never count), with the reason. */
  unverified: z.array(z.object({ line: z.string(), reason: z.string() })),
});
export type ExternalImportReport = z.infer<typeof ExternalImportReportSchema>;

// --- applications ---------------------------------------------------------------------------------------------

export const ApprovalSchema = z.object({
  step: z.number().int(),
  approverId: z.string(),
  approverName: z.string(),
  decision: z.enum(['approve', 'decline']),
  reasons: z.string(),
  at: z.string(),
});

export const CountedItemSchema = z.object({
  key: z.string(),
  code: z.string(),
  title: z.string(),
  source: z.enum(['app', 'external']),
  issuer: z.string(),
  portfolioId: z.string().nullable(),
  attempt: z.number().int().nullable(),
  awardedOn: z.string(),
  expiresOn: z.string().nullable(),
  points: z.number(),
  hours: z.number(),
});

export const ApplicationViewSchema = z.object({
  id: z.string(),
  status: ApplicationStatusSchema,
  date: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  decidedAt: z.string().nullable(),
  candidate: CandidateBriefSchema,
  pathway: PathwaySchema,
  /** Live for an open application; as decided for a closed one. */
  evaluation: PathwayEvaluationSchema,
  attainments: z.array(AttainmentViewSchema),
  trail: z.array(EvidenceTrailSchema),
  approvals: z.array(ApprovalSchema),
  counted: z.array(CountedItemSchema),
  /** Counts the decisions recorded on it (its approvals and declines); a decision names the one it was made on. */
  revision: z.number().int(),
  /** What the caller may do now, and why not. */
  actions: z.object({ approve: z.boolean(), decline: z.boolean(), why: z.string().nullable() }),
});
export type ApplicationView = z.infer<typeof ApplicationViewSchema>;

// --- insight --------------------------------------------------------------------------------------------------

export const CredentialInsightSchema = z.object({
  code: z.string(),
  title: z.string(),
  candidates: z.number().int(),
  passes: z.number().int(),
  medianAttempts: z.number().nullable(),
  medianDaysToDecision: z.number().nullable(),
  tests: z.object({ n: z.number().int(), meanPre: z.number(), meanPost: z.number(), gain: z.number() }).nullable(),
});

export const HolderSchema = z.object({
  candidateId: z.string(),
  name: z.string(),
  email: z.string(),
  school: z.string(),
  district: z.string(),
  code: z.string(),
  title: z.string(),
  source: z.enum(['app', 'external']),
  issuer: z.string(),
  awardedOn: z.string(),
  expiresOn: z.string().nullable(),
  current: z.boolean(),
});
export type Holder = z.infer<typeof HolderSchema>;

export const InsightFilterSchema = z.object({
  credential: Id.optional(),
  school: z.string().max(200).optional(),
  district: z.string().max(200).optional(),
});

export const InsightSchema = z.object({
  credentials: z.array(CredentialInsightSchema),
  holders: z.array(HolderSchema),
  schools: z.array(z.string()),
  districts: z.array(z.string()),
});
export type Insight = z.infer<typeof InsightSchema>;

// --- settings and badges --------------------------------------------------------------------------------------

export const IssuerProfileSchema = z.object({
  name: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }),
  email: z.union([z.email(), z.literal('')]).default(''),
  description: z.string().max(2000).default(''),
});
export type IssuerProfile = z.infer<typeof IssuerProfileSchema>;

export const CreditSettingsSchema = z.object({ issuer: IssuerProfileSchema });
export type CreditSettings = z.infer<typeof CreditSettingsSchema>;

export const BadgeCheckSchema = z.object({
  ok: z.boolean(),
  problems: z.array(z.string()),
  achievement: z.string().nullable(),
  issuer: z.string().nullable(),
  validFrom: z.string().nullable(),
  /** Signed with this installation's issuer key (null when it has none yet). */
  signedHere: z.boolean().nullable(),
});

// --- badge trust list -----------------------------------------------------------------------------------------

export const TrustedIssuerSchema = z.object({
  thumbprint: z.string(),
  issuerId: z.string(),
  name: z.string(),
  jwk: z.record(z.string(), z.unknown()),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type TrustedIssuer = z.infer<typeof TrustedIssuerSchema>;

export const TrustListSchema = z.object({
  /** This installation's own issuer key, trusted implicitly (null until it has signed a badge). */
  local: z.object({ thumbprint: z.string(), issuerId: z.string(), name: z.string(), jwk: z.record(z.string(), z.unknown()) }).nullable(),
  issuers: z.array(TrustedIssuerSchema),
});
export type TrustList = z.infer<typeof TrustListSchema>;

export const TrustAddSchema = z.object({
  issuerId: z.string().trim().min(1, 'give the issuer id (URL or DID) its badges name').max(2000),
  name: z.string().trim().min(1, 'give the name to show for this issuer').max(200),
  /** The issuer's public key as JWK (JSON text). */
  jwk: z.string().min(1, 'paste the public key (JWK)').max(20_000),
});

export const CatalogueCredentialSchema = z.object({
  code: z.string(),
  title: z.string(),
  provider: z.string(),
  level: z.string(),
  creditPoints: z.number(),
  hours: z.number().nullable(),
  validityYears: z.number().nullable(),
});

export const creditContract = {
  'credit.catalogue': { input: z.object({}), output: z.array(CatalogueCredentialSchema) },
  'credit.pathways': { input: z.object({}), output: z.array(PathwaySummarySchema) },
  'credit.pathway': {
    input: z.object({ id: PathwayIdSchema, version: z.number().int().positive().optional() }),
    output: z.object({ current: PathwayVersionSchema, versions: z.array(PathwayVersionSchema) }),
  },
  'credit.savePathway': { input: z.object({ pathway: PathwaySchema }), output: SavePathwayResultSchema },
  'credit.importPathway': { input: z.object({ json: z.string().max(1_000_000) }), output: SavePathwayResultSchema },
  'credit.exportPathway': { input: z.object({ id: PathwayIdSchema, version: z.number().int().positive().optional() }), output: ExportFileSchema },
  'credit.candidates': { input: z.object({ search: z.string().max(200).optional() }), output: z.array(CandidateSummarySchema) },
  'credit.candidate': { input: z.object({ id: Id }), output: CandidateRecordSchema },
  'credit.duplicates': { input: z.object({}), output: z.array(DuplicateSchema) },
  'credit.merge': {
    input: z.object({ from: Id, into: Id, reason: z.string().trim().min(3, 'say why these are the same person').max(2000) }),
    output: CandidateRecordSchema,
  },
  'credit.importExternal': {
    input: z.object({
      fileName: z.string().min(1).max(255),
      content: z.string().max(10_000_000),
      /** For a badge whose recipient cannot be matched by email. */
      candidateId: Id.optional(),
      /** Apply changes to known candidates' details (a lead or admin); without it such a file is refused with { conflicts }. */
      updateExisting: z.boolean().default(false),
    }),
    output: ExternalImportReportSchema,
  },
  'credit.applications': { input: z.object({ status: z.array(ApplicationStatusSchema).optional() }), output: z.array(ApplicationSummarySchema) },
  'credit.application': { input: z.object({ id: Id }), output: ApplicationViewSchema },
  'credit.apply': {
    input: z.object({
      candidateId: Id,
      pathwayId: PathwayIdSchema,
      pathwayVersion: z.number().int().positive().optional(),
      date: IsoDateSchema,
      note: z.string().max(5000).default(''),
    }),
    output: ApplicationViewSchema,
  },
  'credit.decide': {
    input: z.object({
      applicationId: Id,
      decision: z.enum(['approve', 'decline']),
      reasons: z.string().trim().max(5000).default(''),
      /** The application's revision the approver decided on (ApplicationView.revision): refused (409) if another decision came since. */
      revision: z.number().int(),
    }),
    output: ApplicationViewSchema,
  },
  'credit.letter': { input: z.object({ applicationId: Id }), output: ExportFileSchema },
  'credit.exportRecords': { input: z.object({ format: z.enum(['csv', 'json']).default('csv') }), output: ExportFileSchema },
  'credit.badge': { input: z.object({ portfolioId: Id }), output: ExportFileSchema },
  'credit.verifyBadge': { input: z.object({ content: z.string().max(2_000_000) }), output: BadgeCheckSchema },
  'credit.insight': { input: InsightFilterSchema, output: InsightSchema },
  'credit.holdersCsv': { input: InsightFilterSchema, output: ExportFileSchema },
  'credit.settings': { input: z.object({}), output: CreditSettingsSchema },
  'credit.setSettings': { input: CreditSettingsSchema, output: CreditSettingsSchema },
  'credit.trustList': { input: z.object({}), output: TrustListSchema },
  'credit.trustAdd': { input: TrustAddSchema, output: TrustListSchema },
  'credit.trustRemove': { input: z.object({ thumbprint: z.string().min(1).max(200) }), output: TrustListSchema },
} as const;

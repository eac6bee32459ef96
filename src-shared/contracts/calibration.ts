/**
 * API of the calibration feature: anchor portfolios with reference levels, calibration rounds, agreement reports
 * (round and production), qualification thresholds, and rubric versions with their editor.
 */
import { z } from 'zod';
import { RubricSchema, type Rubric } from '../domain/rubric';
import { ExportFileSchema } from './exports';
import { PortfolioRowSchema } from './queue';

const Id = z.string().min(1).max(64);
const RubricId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);
const Version = z.number().int().positive();

// ── Rubric validation beyond the import schema ──────────────────────────────────────────────────────────────

/**
 * Why a rubric cannot be saved, in words a lead can act on, with the path of the field at fault. RubricSchema
 * already refuses duplicate criterion ids and levels out of order; this adds what a hand-edited rubric gets wrong:
 * a decision rule naming a level some criterion does not have, an unreachable total, repeated labels.
 */
export function rubricRuleProblems(rubric: Rubric): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const rule = rubric.decision_rule;
  const scores = (c: Rubric['criteria'][number]) => c.levels.map((l) => l.score).join(', ');
  rubric.criteria.forEach((c, i) => {
    const labels = new Set<string>();
    c.levels.forEach((l, j) => {
      const key = l.label.trim().toLowerCase();
      if (labels.has(key)) problems.push({ path: ['criteria', i, 'levels', j, 'label'], message: `"${c.title}" has two levels labelled "${l.label}"` });
      labels.add(key);
    });
    if (rule.type === 'all_at_least' && !c.levels.some((l) => l.score === rule.min_level))
      problems.push({
        path: ['decision_rule', 'min_level'],
        message: `the rule's minimum level ${rule.min_level} is not a level of "${c.title}" (its levels are ${scores(c)})`,
      });
    if (c.critical && rule.critical_min_level !== undefined && !c.levels.some((l) => l.score === rule.critical_min_level))
      problems.push({
        path: ['decision_rule', 'critical_min_level'],
        message: `the rule's critical minimum ${rule.critical_min_level} is not a level of the critical criterion "${c.title}" (its levels are ${scores(c)})`,
      });
  });
  if (rule.critical_min_level !== undefined && !rubric.criteria.some((c) => c.critical))
    problems.push({ path: ['decision_rule', 'critical_min_level'], message: 'the rule sets a minimum for critical criteria, but no criterion is marked critical' });
  if (rule.type === 'total_at_least') {
    const max = rubric.criteria.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.score)) * (c.weight ?? 1), 0);
    const min = rubric.criteria.reduce((sum, c) => sum + Math.min(...c.levels.map((l) => l.score)) * (c.weight ?? 1), 0);
    if (rule.min_total > max) problems.push({ path: ['decision_rule', 'min_total'], message: `the pass total ${rule.min_total} cannot be reached: the highest possible total is ${max}` });
    else if (rule.min_total <= min)
      problems.push({ path: ['decision_rule', 'min_total'], message: `the pass total ${rule.min_total} is reached by the lowest levels (total ${min}): every portfolio would pass` });
  }
  return problems;
}

/** A rubric as the editor saves it: the import schema plus the rule checks above. */
export const RubricDraftSchema = RubricSchema.superRefine((rubric, ctx) => {
  for (const p of rubricRuleProblems(rubric)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
});

export const RubricVersionSummarySchema = z.object({
  version: z.number().int(),
  title: z.string(),
  changeNote: z.string().nullable(),
  createdAt: z.string(),
  /** Used by a portfolio, review or calibration round: saving makes a new version instead of editing this one. */
  frozen: z.boolean(),
  usage: z.object({ portfolios: z.number().int(), reviews: z.number().int(), rounds: z.number().int(), credentials: z.array(z.string()) }),
});
export type RubricVersionSummary = z.infer<typeof RubricVersionSummarySchema>;

export const RubricFamilySchema = z.object({ id: z.string(), title: z.string(), versions: z.array(RubricVersionSummarySchema) });
export type RubricFamily = z.infer<typeof RubricFamilySchema>;

const FieldChange = z.object({ field: z.string(), from: z.string(), to: z.string() });
export const RubricDiffSchema = z.object({
  id: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  title: FieldChange.nullable(),
  rule: z.array(FieldChange),
  criteria: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      fields: z.array(FieldChange),
      levels: z.array(
        z.object({
          score: z.number().int(),
          change: z.enum(['added', 'removed', 'changed', 'unchanged']),
          fields: z.array(FieldChange),
        }),
      ),
    }),
  ),
});
export type RubricDiff = z.infer<typeof RubricDiffSchema>;

export const SaveRubricSchema = z.object({
  rubric: z.unknown(),
  /** The version the editor started from; absent for a new rubric. */
  baseVersion: Version.optional(),
  changeNote: z.string().trim().max(2000).default(''),
  /** Credentials that should assess new portfolios with the saved version. */
  adoptFor: z.array(Id).max(100).default([]),
});

export const SaveRubricResultSchema = z.object({ id: z.string(), version: z.number().int(), created: z.boolean(), adoptedBy: z.array(z.string()) });

// ── Anchors ─────────────────────────────────────────────────────────────────────────────────────────────────

export const ReferenceInputSchema = z.object({
  criterionId: z.string().min(1).max(64),
  score: z.number().int(),
  rationale: z.string().trim().min(1, 'each reference level needs a rationale').max(5000),
});

export const AnchorSummarySchema = z.object({
  portfolioId: z.string(),
  row: PortfolioRowSchema,
  rubric: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
  note: z.string(),
  /** Criteria with a reference level, of how many the rubric has. */
  referenced: z.number().int(),
  criteria: z.number().int(),
  rounds: z.array(z.object({ id: z.number().int(), name: z.string() })),
  submissions: z.number().int(),
  createdAt: z.string(),
});
export type AnchorSummary = z.infer<typeof AnchorSummarySchema>;

export const AnchorDetailSchema = AnchorSummarySchema.extend({
  rubricDetail: RubricSchema,
  references: z.array(z.object({ criterionId: z.string(), score: z.number().int(), rationale: z.string() })),
  /** Once a reviewer has been compared with the reference it is fixed. */
  locked: z.boolean(),
});
export type AnchorDetail = z.infer<typeof AnchorDetailSchema>;

// ── Rounds ──────────────────────────────────────────────────────────────────────────────────────────────────

export const RoundStatusSchema = z.enum(['scheduled', 'open', 'closed']);
export type RoundStatus = z.infer<typeof RoundStatusSchema>;

export const RoundSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  rubric: z.object({ id: z.string(), version: z.number().int(), title: z.string() }),
  credentials: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  status: RoundStatusSchema,
  anchors: z.array(z.string()),
  reviewers: z.array(z.object({ id: z.string(), name: z.string() })),
  submitted: z.number().int(),
  expected: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;

export const RoundDetailSchema = RoundSummarySchema.extend({
  progress: z.array(
    z.object({
      reviewerId: z.string(),
      name: z.string(),
      anchors: z.array(z.object({ portfolioId: z.string(), status: z.enum(['not_started', 'draft', 'submitted']), submittedAt: z.string().nullable() })),
    }),
  ),
});
export type RoundDetail = z.infer<typeof RoundDetailSchema>;

const Instant = z.iso.datetime({ offset: true });

export const NewRoundSchema = z.object({
  name: z.string().trim().min(3, 'a round needs a name of at least 3 characters').max(120),
  rubricId: RubricId,
  rubricVersion: Version,
  opensAt: Instant,
  closesAt: Instant,
  anchors: z.array(Id).min(1, 'choose at least one anchor').max(200),
  reviewers: z.array(Id).min(1, 'choose at least one reviewer').max(500),
});

export const RoundPatchSchema = z.object({
  name: z.string().trim().min(3).max(120).optional(),
  opensAt: Instant.optional(),
  closesAt: Instant.optional(),
  anchors: z.array(Id).min(1).max(200).optional(),
  reviewers: z.array(Id).min(1).max(500).optional(),
});

export const MyCalibrationSchema = z.object({
  rounds: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      status: RoundStatusSchema,
      opensAt: z.string(),
      closesAt: z.string(),
      rubricTitle: z.string(),
      anchors: z.array(
        z.object({
          portfolioId: z.string(),
          status: z.enum(['not_started', 'draft', 'submitted']),
          /** After submitting: how many criteria matched the reference exactly, of how many. */
          exact: z.number().int().nullable(),
          criteria: z.number().int(),
        }),
      ),
    }),
  ),
  qualifications: z.array(z.object({ credential: z.string(), title: z.string(), qualified: z.boolean(), reason: z.string() })),
});
export type MyCalibration = z.infer<typeof MyCalibrationSchema>;

// ── Reports ─────────────────────────────────────────────────────────────────────────────────────────────────

const Num = z.number().nullable();

export const PairKappaSchema = z.object({
  raters: z.tuple([z.string(), z.string()]),
  units: z.number().int(),
  kappa: Num,
  kappa_linear: Num,
  kappa_quadratic: Num,
});

/**
 * The statistics of one criterion, field for field as `cli agreement --json` prints them, plus a title, except
 * that a report withholds (sets to null) what too few units cannot support: see `withheld` and
 * src-shared/stats/minimums.
 */
export const CriterionStatsSchema = z.object({
  criterion: z.string(),
  title: z.string(),
  units: z.number().int(),
  ratings: z.number().int(),
  exact: Num,
  adjacent: Num,
  fleiss_kappa: Num,
  alpha_nominal: Num,
  alpha_ordinal: Num,
  alpha_interval: Num,
  alpha_ordinal_ci: z.tuple([z.number(), z.number()]).nullable(),
  pairs: z.array(PairKappaSchema),
  /** 'coefficients': fewer than MIN_UNITS_FOR_COEFFICIENTS units, alphas, kappa and interval are null; 'interval': fewer than MIN_UNITS_FOR_INTERVAL, the interval is null. */
  withheld: z.enum(['coefficients', 'interval']).nullable(),
});
export type CriterionStats = z.infer<typeof CriterionStatsSchema>;

export const ReviewerStatsSchema = z.object({
  reviewerId: z.string(),
  name: z.string(),
  units: z.number().int(),
  exact: Num,
  adjacent: Num,
  mean_signed_difference: Num,
  kappa_quadratic: Num,
  /** The largest distance from the reference on any criterion of any anchor. */
  max_off: z.number().int().nullable(),
  /** Round reports: whether this round meets the qualification thresholds of its credential(s). */
  meets: z.object({ ok: z.boolean(), reason: z.string() }).nullable(),
});
export type ReviewerStats = z.infer<typeof ReviewerStatsSchema>;

/** The part of a report about one rubric version: its criteria, the outcome, the heatmap and its most ambiguous criterion. */
export const RubricSectionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  /** "<rubric title> v<version>". */
  title: z.string(),
  units: z.number().int(),
  ratings: z.number().int(),
  criteria: z.array(CriterionStatsSchema),
  /** Pass / Not yet treated as one more (nominal) criterion. */
  outcome: CriterionStatsSchema.nullable(),
  heatmap: z.array(z.object({ reviewerId: z.string(), criterion: z.string(), mean_signed_difference: z.number(), n: z.number().int() })),
  /** Chosen by AMBIGUOUS_RULE (src-shared/stats) from the numbers in `criteria`; null when no criterion qualifies. */
  ambiguous: z
    .object({
      criterion: z.string(),
      title: z.string(),
      why: z.string(),
      units: z.array(z.object({ portfolioId: z.string(), spread: z.number(), levels: z.record(z.string(), z.number().int()), reference: z.number().int().nullable() })),
    })
    .nullable(),
});
export type RubricSection = z.infer<typeof RubricSectionSchema>;

export const ReportSchema = z.object({
  kind: z.enum(['round', 'production']),
  title: z.string(),
  /** What the per-reviewer comparison is made against: the anchors' reference, or the decision in force. */
  against: z.enum(['reference', 'decision']),
  scope: z.object({
    round: z.object({ id: z.number().int(), name: z.string(), status: RoundStatusSchema, rubric: z.string() }).nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    credential: z.string().nullable(),
  }),
  units: z.number().int(),
  reviewers: z.number().int(),
  ratings: z.number().int(),
  /** One section per rubric version scored: criteria of different rubrics are never compared in one table or chart. */
  rubrics: z.array(RubricSectionSchema),
  perReviewer: z.array(ReviewerStatsSchema),
  drift: z.object({
    rounds: z.array(z.object({ id: z.number().int(), name: z.string(), at: z.string() })),
    byRound: z.array(z.object({ reviewerId: z.string(), roundId: z.number().int(), mean_signed_difference: Num, exact: Num, n: z.number().int() })),
    byMonth: z.array(z.object({ reviewerId: z.string(), month: z.string(), mean_signed_difference: Num, exact: Num, n: z.number().int() })),
  }),
  findings: z.array(z.string()),
});
export type Report = z.infer<typeof ReportSchema>;

export const ProductionScopeSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  credential: Id.optional(),
});

const ReportTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('round'), id: z.number().int() }),
  ProductionScopeSchema.extend({ kind: z.literal('production') }),
]);

// ── Qualification ───────────────────────────────────────────────────────────────────────────────────────────

export const ThresholdSchema = z.object({ minExact: z.number().min(0).max(1), maxOff: z.number().int().min(0).max(10) });
export type Threshold = z.infer<typeof ThresholdSchema>;

export const QualificationOverviewSchema = z.object({
  global: ThresholdSchema,
  perCredential: z.array(z.object({ credential: z.string(), threshold: ThresholdSchema })),
  credentials: z.array(z.object({ code: z.string(), title: z.string() })),
  reviewers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      results: z.array(z.object({ credential: z.string(), qualified: z.boolean(), reason: z.string() })),
    }),
  ),
});
export type QualificationOverview = z.infer<typeof QualificationOverviewSchema>;

export const calibrationContract = {
  'calibration.anchors.list': { input: z.object({}), output: z.array(AnchorSummarySchema) },
  'calibration.anchors.get': { input: z.object({ portfolioId: Id }), output: AnchorDetailSchema },
  /** Portfolios a lead may make an anchor: not decided, never reviewed in production, not already an anchor. */
  'calibration.anchors.candidates': { input: z.object({ credential: Id.optional() }), output: z.array(PortfolioRowSchema) },
  'calibration.anchors.save': {
    input: z.object({ portfolioId: Id, references: z.array(ReferenceInputSchema).max(100), note: z.string().max(2000).default('') }),
    output: AnchorDetailSchema,
  },
  'calibration.anchors.remove': { input: z.object({ portfolioId: Id }), output: z.object({}) },
  'calibration.rounds.list': { input: z.object({}), output: z.array(RoundSummarySchema) },
  'calibration.rounds.get': { input: z.object({ id: z.number().int() }), output: RoundDetailSchema },
  'calibration.rounds.create': { input: NewRoundSchema, output: RoundDetailSchema },
  'calibration.rounds.update': { input: z.object({ id: z.number().int(), patch: RoundPatchSchema }), output: RoundDetailSchema },
  'calibration.rounds.close': { input: z.object({ id: z.number().int() }), output: RoundDetailSchema },
  'calibration.mine': { input: z.object({}), output: MyCalibrationSchema },
  'calibration.report.round': { input: z.object({ id: z.number().int() }), output: ReportSchema },
  'calibration.report.production': { input: ProductionScopeSchema, output: ReportSchema },
  'calibration.report.export': { input: z.object({ target: ReportTarget, format: z.enum(['csv', 'pdf']) }), output: ExportFileSchema },
  'calibration.qualification.get': { input: z.object({}), output: QualificationOverviewSchema },
  'calibration.qualification.set': {
    input: z.object({ credential: Id.nullable(), threshold: ThresholdSchema.nullable() }),
    output: QualificationOverviewSchema,
  },
  'rubrics.list': { input: z.object({}), output: z.array(RubricFamilySchema) },
  'rubrics.get': { input: z.object({ id: RubricId, version: Version }), output: z.object({ rubric: RubricSchema, summary: RubricVersionSummarySchema }) },
  'rubrics.save': { input: SaveRubricSchema, output: SaveRubricResultSchema },
  'rubrics.diff': { input: z.object({ id: RubricId, from: Version, to: Version }), output: RubricDiffSchema },
  'rubrics.export': { input: z.object({ id: RubricId, version: Version }), output: ExportFileSchema },
} as const;

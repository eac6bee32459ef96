/** PostgreSQL twin of ../../schema/core.ts (what the columns mean is said there); postgres/migrations create it. */
import { bigint, doublePrecision, foreignKey, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { STATUSES } from '../../../../src-shared/domain/status';

export const rubrics = pgTable(
  'rubrics',
  {
    id: text('id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    changeNote: text('change_note'),
    ruleType: text('rule_type', { enum: ['all_at_least', 'total_at_least'] }).notNull(),
    ruleMinLevel: bigint('rule_min_level', { mode: 'number' }),
    ruleMinTotal: doublePrecision('rule_min_total'),
    ruleCriticalMinLevel: bigint('rule_critical_min_level', { mode: 'number' }),
    feedbackPass: text('feedback_pass').notNull().default(''),
    feedbackNotYet: text('feedback_not_yet').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const rubricCriteria = pgTable(
  'rubric_criteria',
  {
    rubricId: text('rubric_id').notNull(),
    rubricVersion: bigint('rubric_version', { mode: 'number' }).notNull(),
    criterionId: text('criterion_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    guidance: text('guidance').notNull(),
    weight: doublePrecision('weight'),
    critical: bigint('critical', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rubricId, t.rubricVersion, t.criterionId] }),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] }).onDelete('cascade'),
  ],
);

export const rubricLevels = pgTable(
  'rubric_levels',
  {
    rubricId: text('rubric_id').notNull(),
    rubricVersion: bigint('rubric_version', { mode: 'number' }).notNull(),
    criterionId: text('criterion_id').notNull(),
    score: bigint('score', { mode: 'number' }).notNull(),
    label: text('label').notNull(),
    descriptor: text('descriptor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rubricId, t.rubricVersion, t.criterionId, t.score] }),
    foreignKey({
      columns: [t.rubricId, t.rubricVersion, t.criterionId],
      foreignColumns: [rubricCriteria.rubricId, rubricCriteria.rubricVersion, rubricCriteria.criterionId],
    }).onDelete('cascade'),
  ],
);

export const credentials = pgTable(
  'credentials',
  {
    code: text('code').primaryKey(),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    level: text('level').notNull(),
    creditPoints: doublePrecision('credit_points').notNull(),
    hours: doublePrecision('hours'),
    validityYears: doublePrecision('validity_years'),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: bigint('rubric_version', { mode: 'number' }).notNull(),
  },
  (t) => [foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] })],
);

export const candidates = pgTable('candidates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  school: text('school').notNull(),
  district: text('district').notNull(),
});

export const blobs = pgTable('blobs', {
  sha256: text('sha256').primaryKey(),
  bytes: bigint('bytes', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: text('created_at').notNull(),
});

export const portfolios = pgTable(
  'portfolios',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    id: text('id').notNull().unique(),
    candidateId: text('candidate_id').notNull(),
    candidateName: text('candidate_name').notNull(),
    school: text('school').notNull(),
    district: text('district').notNull(),
    credentialCode: text('credential_code').notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: bigint('rubric_version', { mode: 'number' }).notNull(),
    attempt: bigint('attempt', { mode: 'number' }).notNull(),
    resubmissionOf: text('resubmission_of'),
    submittedAt: text('submitted_at').notNull(),
    status: text('status', { enum: STATUSES }).notNull(),
    outcome: text('outcome', { enum: ['pass', 'not_yet', 'withdrawn'] }),
    testPre: doublePrecision('test_pre'),
    testPost: doublePrecision('test_post'),
    isAnchor: bigint('is_anchor', { mode: 'number' }).notNull().default(0),
    manifestSha256: text('manifest_sha256').notNull(),
    importedAt: text('imported_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    pseudonym: text('pseudonym').notNull().default(''),
    anonymous: bigint('anonymous', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    index('portfolios_without_pseudonym')
      .on(t.seq)
      .where(sql`pseudonym = ''`),
    index('portfolios_district_open')
      .on(t.district, t.submittedAt, t.id)
      .where(sql`is_anchor = 0 AND anonymous = 0`),
    index('portfolios_blind_name')
      .on(sql`lower((CASE WHEN anonymous = 1 THEN 'Candidate ' || pseudonym ELSE candidate_name END) COLLATE "C")`, t.id)
      .where(sql`is_anchor = 0`),
    index('portfolios_resubmission').on(t.resubmissionOf),
    index('portfolios_candidate').on(t.candidateId),
    index('portfolios_anchors')
      .on(t.seq)
      .where(sql`is_anchor = 1`),
    index('portfolios_candidate_name')
      .on(sql`lower((candidate_name) COLLATE "C")`, t.id)
      .where(sql`is_anchor = 0`),
    index('portfolios_district_submitted')
      .on(t.district, t.submittedAt, t.id)
      .where(sql`is_anchor = 0`),
    index('portfolios_credential_submitted')
      .on(t.credentialCode, t.submittedAt, t.id)
      .where(sql`is_anchor = 0`),
    index('portfolios_status_submitted')
      .on(t.status, t.submittedAt, t.id)
      .where(sql`is_anchor = 0`),
    index('portfolios_submitted')
      .on(t.submittedAt, t.id)
      .where(sql`is_anchor = 0`),
    foreignKey({ columns: [t.candidateId], foreignColumns: [candidates.id] }),
    foreignKey({ columns: [t.credentialCode], foreignColumns: [credentials.code] }),
    foreignKey({ columns: [t.resubmissionOf], foreignColumns: [t.id] }),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] }),
  ],
);

export const responses = pgTable(
  'responses',
  {
    portfolioId: text('portfolio_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    prompt: text('prompt').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.portfolioId, t.position] }), foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }).onDelete('cascade')],
);

export const evidence = pgTable(
  'evidence',
  {
    portfolioId: text('portfolio_id').notNull(),
    evidenceId: text('evidence_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['pdf', 'video', 'image', 'text'] }).notNull(),
    mediaType: text('media_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    strippedSha256: text('stripped_sha256'),
  },
  (t) => [
    primaryKey({ columns: [t.portfolioId, t.evidenceId] }),
    index('evidence_stripped_sha256')
      .on(t.strippedSha256)
      .where(sql`stripped_sha256 IS NOT NULL`),
    index('evidence_sha256').on(t.sha256),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.sha256], foreignColumns: [blobs.sha256] }),
    foreignKey({ columns: [t.strippedSha256], foreignColumns: [blobs.sha256] }),
  ],
);

export const evidenceCriteria = pgTable(
  'evidence_criteria',
  {
    portfolioId: text('portfolio_id').notNull(),
    evidenceId: text('evidence_id').notNull(),
    criterionId: text('criterion_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.portfolioId, t.evidenceId, t.criterionId] }),
    foreignKey({ columns: [t.portfolioId, t.evidenceId], foreignColumns: [evidence.portfolioId, evidence.evidenceId] }).onDelete('cascade'),
  ],
);

export const evidenceCaptions = pgTable(
  'evidence_captions',
  {
    portfolioId: text('portfolio_id').notNull(),
    evidenceId: text('evidence_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    srclang: text('srclang').notNull(),
    label: text('label').notNull(),
    fileName: text('file_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.portfolioId, t.evidenceId, t.position] }),
    foreignKey({ columns: [t.sha256], foreignColumns: [blobs.sha256] }),
    foreignKey({ columns: [t.portfolioId, t.evidenceId], foreignColumns: [evidence.portfolioId, evidence.evidenceId] }).onDelete('cascade'),
  ],
);

export const reviewers = pgTable('reviewers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  school: text('school').notNull().default(''),
  district: text('district').notNull().default(''),
  active: bigint('active', { mode: 'number' }).notNull().default(1),
  maxLoad: bigint('max_load', { mode: 'number' }).notNull().default(20),
  createdAt: text('created_at').notNull(),
});

export const reviewerRoles = pgTable(
  'reviewer_roles',
  {
    reviewerId: text('reviewer_id').notNull(),
    role: text('role', { enum: ['reviewer', 'moderator', 'lead', 'approver', 'admin'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.role] }), foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }).onDelete('cascade')],
);

export const reviews = pgTable(
  'reviews',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    portfolioId: text('portfolio_id').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    kind: text('kind', { enum: ['review', 'moderation', 'calibration'] }).notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: bigint('rubric_version', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['draft', 'submitted'] }).notNull(),
    outcome: text('outcome', { enum: ['pass', 'not_yet'] }),
    total: doublePrecision('total'),
    feedback: text('feedback').notNull().default(''),
    startedAt: text('started_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    submittedAt: text('submitted_at'),
    activeMs: bigint('active_ms', { mode: 'number' }).notNull().default(0),
    revision: bigint('revision', { mode: 'number' }).notNull().default(1),
  },
  (t) => [
    index('reviews_reviewer_status').on(t.reviewerId, t.status),
    index('reviews_portfolio').on(t.portfolioId),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] }),
  ],
);

export const reviewScores = pgTable(
  'review_scores',
  {
    reviewId: bigint('review_id', { mode: 'number' }).notNull(),
    criterionId: text('criterion_id').notNull(),
    score: bigint('score', { mode: 'number' }),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] }), foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }).onDelete('cascade')],
);

export const anchors = pgTable(
  'anchors',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    reviewId: bigint('review_id', { mode: 'number' }).notNull(),
    criterionId: text('criterion_id').notNull(),
    evidenceId: text('evidence_id').notNull(),
    kind: text('kind', { enum: ['pdf_page', 'video_time'] }).notNull(),
    page: bigint('page', { mode: 'number' }),
    quote: text('quote'),
    startS: doublePrecision('start_s'),
    endS: doublePrecision('end_s'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('anchors_review').on(t.reviewId), foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }).onDelete('cascade')],
);

export const decisions = pgTable(
  'decisions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    portfolioId: text('portfolio_id').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
    outcome: text('outcome', { enum: ['pass', 'not_yet', 'withdrawn'] }).notNull(),
    total: doublePrecision('total'),
    feedback: text('feedback').notNull(),
    source: text('source', { enum: ['review', 'reconciled', 'moderation', 'correction'] }).notNull(),
    reviewId: bigint('review_id', { mode: 'number' }),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
    reason: text('reason'),
    releasedAt: text('released_at'),
    releasedBy: text('released_by'),
    feedbackVersion: bigint('feedback_version', { mode: 'number' }).notNull().default(1),
    feedbackEditedBy: text('feedback_edited_by'),
    feedbackEditedAt: text('feedback_edited_at'),
  },
  (t) => [
    index('decisions_unreleased')
      .on(t.portfolioId)
      .where(sql`released_at IS NULL`),
    index('decisions_portfolio_revision').on(t.portfolioId, t.revision),
    unique().on(t.portfolioId, t.revision),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }),
  ],
);

export const decisionSources = pgTable(
  'decision_sources',
  {
    decisionId: bigint('decision_id', { mode: 'number' }).notNull(),
    reviewId: bigint('review_id', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.reviewId] }),
    foreignKey({ columns: [t.decisionId], foreignColumns: [decisions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }),
  ],
);

export const decisionLevels = pgTable(
  'decision_levels',
  {
    decisionId: bigint('decision_id', { mode: 'number' }).notNull(),
    criterionId: text('criterion_id').notNull(),
    score: bigint('score', { mode: 'number' }).notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.criterionId] }), foreignKey({ columns: [t.decisionId], foreignColumns: [decisions.id] }).onDelete('cascade')],
);

export const preferences = pgTable(
  'preferences',
  {
    reviewerId: text('reviewer_id').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.key] })],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    details: text('details').notNull().default('{}'),
    hash: text('hash'),
  },
  (t) => [index('audit_entity').on(t.entityType, t.entityId)],
);

export const identityFindings = pgTable(
  'identity_findings',
  {
    portfolioId: text('portfolio_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    evidenceId: text('evidence_id'),
    location: text('location').notNull(),
    field: text('field', { enum: ['name', 'email', 'school'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.portfolioId, t.position] }), foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }).onDelete('cascade')],
);

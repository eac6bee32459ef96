/**
 * Drizzle table definitions: the typed view of the schema that migrations create.
 * Migrations (./migrations) are the source of truth for DDL; tests/unit/db checks that every table and column here exists there.
 */
import { sqliteTable, text, integer, real, primaryKey, index, unique, foreignKey } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { STATUSES } from '../../../src-shared/domain/status';

export const rubrics = sqliteTable(
  'rubrics',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    changeNote: text('change_note'),
    ruleType: text('rule_type', { enum: ['all_at_least', 'total_at_least'] }).notNull(),
    ruleMinLevel: integer('rule_min_level'),
    ruleMinTotal: real('rule_min_total'),
    ruleCriticalMinLevel: integer('rule_critical_min_level'),
    feedbackPass: text('feedback_pass').notNull().default(''),
    feedbackNotYet: text('feedback_not_yet').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const rubricCriteria = sqliteTable(
  'rubric_criteria',
  {
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    criterionId: text('criterion_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    guidance: text('guidance').notNull(),
    weight: real('weight'),
    critical: integer('critical', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.rubricId, t.rubricVersion, t.criterionId] }),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] }).onDelete('cascade'),
  ],
);

export const rubricLevels = sqliteTable(
  'rubric_levels',
  {
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    criterionId: text('criterion_id').notNull(),
    score: integer('score').notNull(),
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

export const credentials = sqliteTable(
  'credentials',
  {
    code: text('code').primaryKey(),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    level: text('level').notNull(),
    creditPoints: real('credit_points').notNull(),
    hours: real('hours'),
    validityYears: real('validity_years'),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
  },
  (t) => [foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] })],
);

export const candidates = sqliteTable('candidates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  school: text('school').notNull(),
  district: text('district').notNull(),
});

export const blobs = sqliteTable('blobs', {
  sha256: text('sha256').primaryKey(),
  bytes: integer('bytes').notNull(),
  mediaType: text('media_type').notNull(),
  createdAt: text('created_at').notNull(),
});

export const portfolios = sqliteTable(
  'portfolios',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    candidateId: text('candidate_id').notNull(),
    /** The candidate's name, school and district as submitted: the queue filters and sorts on them without a join. */
    candidateName: text('candidate_name').notNull(),
    school: text('school').notNull(),
    district: text('district').notNull(),
    credentialCode: text('credential_code').notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    attempt: integer('attempt').notNull(),
    resubmissionOf: text('resubmission_of'),
    submittedAt: text('submitted_at').notNull(),
    status: text('status', {
      enum: STATUSES,
    }).notNull(),
    outcome: text('outcome', { enum: ['pass', 'not_yet', 'withdrawn'] }),
    testPre: real('test_pre'),
    testPost: real('test_post'),
    /** An anchor (calibration exemplar) never appears in the production queue and never affects a candidate. */
    isAnchor: integer('is_anchor', { mode: 'boolean' }).notNull().default(false),
    manifestSha256: text('manifest_sha256').notNull(),
    importedAt: text('imported_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** The candidate's keyed pseudonym code (services/panels/pseudonym.ts); '' until the app has filled it in. */
    pseudonym: text('pseudonym').notNull().default(''),
    /** Whether the credential's review policy in force is anonymous (kept in step by triggers, migration 0005). */
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('portfolios_without_pseudonym')
      .on(t.seq)
      .where(sql`pseudonym = ''`),
    index('portfolios_district_open')
      .on(t.district, t.submittedAt, t.id)
      .where(sql`is_anchor = 0 AND anonymous = 0`),
    index('portfolios_blind_name')
      .on(sql`(CASE WHEN anonymous = 1 THEN 'Candidate ' || pseudonym ELSE candidate_name END) COLLATE NOCASE`, t.id)
      .where(sql`is_anchor = 0`),
    index('portfolios_resubmission').on(t.resubmissionOf),
    index('portfolios_candidate').on(t.candidateId),
    index('portfolios_anchors')
      .on(t.seq)
      .where(sql`is_anchor = 1`),
    index('portfolios_candidate_name')
      .on(sql`candidate_name COLLATE NOCASE`, t.id)
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

export const responses = sqliteTable(
  'responses',
  {
    portfolioId: text('portfolio_id').notNull(),
    position: integer('position').notNull(),
    prompt: text('prompt').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.portfolioId, t.position] }), foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }).onDelete('cascade')],
);

export const evidence = sqliteTable(
  'evidence',
  {
    portfolioId: text('portfolio_id').notNull(),
    evidenceId: text('evidence_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: text('kind', { enum: ['pdf', 'video', 'image', 'text'] }).notNull(),
    mediaType: text('media_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    /** A PDF's copy without metadata (Author, Title, XMP…), for viewers who may not see identity; null when nothing to strip. */
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

export const evidenceCriteria = sqliteTable(
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

export const evidenceCaptions = sqliteTable(
  'evidence_captions',
  {
    portfolioId: text('portfolio_id').notNull(),
    evidenceId: text('evidence_id').notNull(),
    position: integer('position').notNull(),
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

export const reviewers = sqliteTable('reviewers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull(),
  school: text('school').notNull().default(''),
  district: text('district').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  maxLoad: integer('max_load').notNull().default(20),
  createdAt: text('created_at').notNull(),
});

export const reviewerRoles = sqliteTable(
  'reviewer_roles',
  {
    reviewerId: text('reviewer_id').notNull(),
    role: text('role', { enum: ['reviewer', 'moderator', 'lead', 'approver', 'admin'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.role] }), foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }).onDelete('cascade')],
);

export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: text('portfolio_id').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    kind: text('kind', { enum: ['review', 'moderation', 'calibration'] }).notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    status: text('status', { enum: ['draft', 'submitted'] }).notNull(),
    outcome: text('outcome', { enum: ['pass', 'not_yet'] }),
    total: real('total'),
    feedback: text('feedback').notNull().default(''),
    startedAt: text('started_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    submittedAt: text('submitted_at'),
    activeMs: integer('active_ms').notNull().default(0),
    /** Counts saves: a save based on an older revision is refused (someone saved since it was read). */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    index('reviews_reviewer_status').on(t.reviewerId, t.status),
    index('reviews_portfolio').on(t.portfolioId),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] }),
  ],
);

export const reviewScores = sqliteTable(
  'review_scores',
  {
    reviewId: integer('review_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    score: integer('score'),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.criterionId] }), foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }).onDelete('cascade')],
);

export const anchors = sqliteTable(
  'anchors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reviewId: integer('review_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    evidenceId: text('evidence_id').notNull(),
    kind: text('kind', { enum: ['pdf_page', 'video_time'] }).notNull(),
    page: integer('page'),
    quote: text('quote'),
    startS: real('start_s'),
    endS: real('end_s'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('anchors_review').on(t.reviewId), foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }).onDelete('cascade')],
);

export const decisions = sqliteTable(
  'decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: text('portfolio_id').notNull(),
    revision: integer('revision').notNull(),
    outcome: text('outcome', { enum: ['pass', 'not_yet', 'withdrawn'] }).notNull(),
    total: real('total'),
    feedback: text('feedback').notNull(),
    source: text('source', { enum: ['review', 'reconciled', 'moderation', 'correction'] }).notNull(),
    reviewId: integer('review_id'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
    reason: text('reason'),
    /** When the decision went out to the candidate; null while a reconciled decision waits for a lead. */
    releasedAt: text('released_at'),
    releasedBy: text('released_by'),
    /** Counts in-place edits of a held decision's feedback (a lead's, before release), and the last one's author and time. */
    feedbackVersion: integer('feedback_version').notNull().default(1),
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

/** The reviews a reconciled decision was reconciled from (its reviewers are theirs; no reviewer authors it). */
export const decisionSources = sqliteTable(
  'decision_sources',
  {
    decisionId: integer('decision_id').notNull(),
    reviewId: integer('review_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.decisionId, t.reviewId] }),
    foreignKey({ columns: [t.decisionId], foreignColumns: [decisions.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }),
  ],
);

export const decisionLevels = sqliteTable(
  'decision_levels',
  {
    decisionId: integer('decision_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.decisionId, t.criterionId] }), foreignKey({ columns: [t.decisionId], foreignColumns: [decisions.id] }).onDelete('cascade')],
);

export const preferences = sqliteTable(
  'preferences',
  {
    reviewerId: text('reviewer_id').notNull(),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.key] })],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Free-form context of the event (what changed, from what); JSON text because its shape differs per action. */
    details: text('details').notNull().default('{}'),
    /** sha256 of the previous entry's hash and this entry's content (src-main/db/audit-chain.ts). */
    hash: text('hash'),
  },
  (t) => [index('audit_entity').on(t.entityType, t.entityId)],
);

/** Where a portfolio's evidence or responses name its candidate (place and field only: the text found is never stored). */
export const identityFindings = sqliteTable(
  'identity_findings',
  {
    portfolioId: text('portfolio_id').notNull(),
    position: integer('position').notNull(),
    evidenceId: text('evidence_id'),
    location: text('location').notNull(),
    field: text('field', { enum: ['name', 'email', 'school'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.portfolioId, t.position] }), foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }).onDelete('cascade')],
);

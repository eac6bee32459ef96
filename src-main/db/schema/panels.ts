/** Tables of the review-panel feature (see migrations/0002_panels.ts). */
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex, foreignKey } from 'drizzle-orm/sqlite-core';
import { credentials, portfolios, reviewers } from './core';
import { sql } from 'drizzle-orm';

export const reviewPolicies = sqliteTable(
  'review_policies',
  {
    credentialCode: text('credential_code').notNull(),
    version: integer('version').notNull(),
    reviewsRequired: integer('reviews_required').notNull(),
    tolerance: integer('tolerance').notNull(),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
    coiSameSchool: integer('coi_same_school', { mode: 'boolean' }).notNull(),
    coiSameDistrict: integer('coi_same_district', { mode: 'boolean' }).notNull(),
    resubmissionReviewers: text('resubmission_reviewers', { enum: ['prefer_earlier', 'require_new', 'any'] }).notNull(),
    maxAttempts: integer('max_attempts').notNull(),
    qualifiedOnly: integer('qualified_only', { mode: 'boolean' }).notNull().default(false),
    finalLevels: text('final_levels', { enum: ['lower', 'higher'] })
      .notNull()
      .default('lower'),
    changeNote: text('change_note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.credentialCode, t.version] }), foreignKey({ columns: [t.credentialCode], foreignColumns: [credentials.code] })],
);

export const reviewerConflicts = sqliteTable(
  'reviewer_conflicts',
  {
    reviewerId: text('reviewer_id').notNull(),
    candidateId: text('candidate_id').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.candidateId] }), foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }).onDelete('cascade')],
);

export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    portfolioId: text('portfolio_id').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    status: text('status', { enum: ['assigned', 'submitted', 'released'] }).notNull(),
    reason: text('reason', { enum: ['review', 'third'] })
      .notNull()
      .default('review'),
    assignedAt: text('assigned_at').notNull(),
    assignedBy: text('assigned_by').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [
    index('assignments_portfolio').on(t.portfolioId, t.status),
    index('assignments_reviewer').on(t.reviewerId, t.status),
    uniqueIndex('assignments_active')
      .on(t.portfolioId, t.reviewerId)
      .where(sql`status <> 'released'`),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }),
  ],
);

export const moderations = sqliteTable(
  'moderations',
  {
    portfolioId: text('portfolio_id').primaryKey(),
    status: text('status', { enum: ['open', 'third_review', 'resolved'] }).notNull(),
    reason: text('reason').notNull(),
    openedAt: text('opened_at').notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
    note: text('note'),
    /** Counts changes of the case (opened, reopened, third review asked for, resolved), and the last one's author and time. */
    revision: integer('revision').notNull().default(1),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at'),
  },
  (t) => [index('moderations_status').on(t.status, t.openedAt), foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const bundles = sqliteTable(
  'bundles',
  {
    id: text('id').primaryKey(),
    reviewerId: text('reviewer_id').notNull(),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    secret: text('secret').notNull(),
    resultsImportedAt: text('results_imported_at'),
  },
  (t) => [foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] })],
);

export const bundleItems = sqliteTable(
  'bundle_items',
  {
    bundleId: text('bundle_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
    assignmentId: integer('assignment_id').notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bundleId, t.portfolioId] }),
    foreignKey({ columns: [t.bundleId], foreignColumns: [bundles.id] }),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.assignmentId], foreignColumns: [assignments.id] }),
  ],
);

export const receivedBundles = sqliteTable(
  'received_bundles',
  {
    id: text('id').primaryKey(),
    reviewerId: text('reviewer_id').notNull(),
    issuedAt: text('issued_at').notNull(),
    importedAt: text('imported_at').notNull(),
    secret: text('secret').notNull(),
  },
  (t) => [foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] })],
);

export const receivedBundleItems = sqliteTable(
  'received_bundle_items',
  {
    bundleId: text('bundle_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bundleId, t.portfolioId] }),
    foreignKey({ columns: [t.bundleId], foreignColumns: [receivedBundles.id] }),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
  ],
);

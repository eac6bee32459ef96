/** PostgreSQL twin of ../../schema/panels.ts (what the columns mean is said there); postgres/migrations create it. */
import { bigint, foreignKey, index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { credentials, portfolios, reviewers } from './core';

export const reviewPolicies = pgTable(
  'review_policies',
  {
    credentialCode: text('credential_code').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    reviewsRequired: bigint('reviews_required', { mode: 'number' }).notNull(),
    tolerance: bigint('tolerance', { mode: 'number' }).notNull(),
    anonymous: bigint('anonymous', { mode: 'number' }).notNull(),
    coiSameSchool: bigint('coi_same_school', { mode: 'number' }).notNull(),
    coiSameDistrict: bigint('coi_same_district', { mode: 'number' }).notNull(),
    resubmissionReviewers: text('resubmission_reviewers', { enum: ['prefer_earlier', 'require_new', 'any'] }).notNull(),
    maxAttempts: bigint('max_attempts', { mode: 'number' }).notNull(),
    qualifiedOnly: bigint('qualified_only', { mode: 'number' }).notNull().default(0),
    finalLevels: text('final_levels', { enum: ['lower', 'higher'] })
      .notNull()
      .default('lower'),
    changeNote: text('change_note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.credentialCode, t.version] }), foreignKey({ columns: [t.credentialCode], foreignColumns: [credentials.code] })],
);

export const reviewerConflicts = pgTable(
  'reviewer_conflicts',
  {
    reviewerId: text('reviewer_id').notNull(),
    candidateId: text('candidate_id').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.candidateId] }), foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }).onDelete('cascade')],
);

export const assignments = pgTable(
  'assignments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
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

export const moderations = pgTable(
  'moderations',
  {
    portfolioId: text('portfolio_id').primaryKey(),
    status: text('status', { enum: ['open', 'third_review', 'resolved'] }).notNull(),
    reason: text('reason').notNull(),
    openedAt: text('opened_at').notNull(),
    resolvedBy: text('resolved_by'),
    resolvedAt: text('resolved_at'),
    note: text('note'),
    revision: bigint('revision', { mode: 'number' }).notNull().default(1),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at'),
  },
  (t) => [index('moderations_status').on(t.status, t.openedAt), foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] })],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const bundles = pgTable(
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

export const bundleItems = pgTable(
  'bundle_items',
  {
    bundleId: text('bundle_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
    assignmentId: bigint('assignment_id', { mode: 'number' }).notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: bigint('rubric_version', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bundleId, t.portfolioId] }),
    foreignKey({ columns: [t.bundleId], foreignColumns: [bundles.id] }),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.assignmentId], foreignColumns: [assignments.id] }),
  ],
);

export const receivedBundles = pgTable(
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

export const receivedBundleItems = pgTable(
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

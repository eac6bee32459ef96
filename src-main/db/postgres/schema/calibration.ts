/** PostgreSQL twin of ../../schema/calibration.ts (what the columns mean is said there); postgres/migrations create it. */
import { bigint, doublePrecision, foreignKey, index, pgTable, primaryKey, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { portfolios, reviewers, reviews, rubrics } from './core';

export const calibrationAnchors = pgTable(
  'calibration_anchors',
  {
    portfolioId: text('portfolio_id').primaryKey(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] })],
);

export const calibrationReferences = pgTable(
  'calibration_references',
  {
    portfolioId: text('portfolio_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    score: bigint('score', { mode: 'number' }).notNull(),
    rationale: text('rationale').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.portfolioId, t.criterionId] }),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [calibrationAnchors.portfolioId] }).onDelete('cascade'),
  ],
);

export const calibrationRounds = pgTable(
  'calibration_rounds',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: bigint('rubric_version', { mode: 'number' }).notNull(),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    closedAt: text('closed_at'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('calibration_rounds_rubric').on(t.rubricId, t.rubricVersion),
    uniqueIndex('calibration_rounds_name').on(sql`lower((name) COLLATE "C")`),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] }),
  ],
);

export const calibrationRoundAnchors = pgTable(
  'calibration_round_anchors',
  {
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    portfolioId: text('portfolio_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.portfolioId] }),
    index('calibration_round_anchors_portfolio').on(t.portfolioId),
    foreignKey({ columns: [t.roundId], foreignColumns: [calibrationRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [calibrationAnchors.portfolioId] }),
  ],
);

export const calibrationRoundReviewers = pgTable(
  'calibration_round_reviewers',
  {
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    reviewerId: text('reviewer_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.reviewerId] }),
    index('calibration_round_reviewers_reviewer').on(t.reviewerId),
    foreignKey({ columns: [t.roundId], foreignColumns: [calibrationRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }),
  ],
);

export const calibrationSubmissions = pgTable(
  'calibration_submissions',
  {
    reviewId: bigint('review_id', { mode: 'number' }).primaryKey(),
    roundId: bigint('round_id', { mode: 'number' }).notNull(),
    portfolioId: text('portfolio_id').notNull(),
    reviewerId: text('reviewer_id').notNull(),
    submittedAt: text('submitted_at').notNull(),
  },
  (t) => [
    index('calibration_submissions_reviewer').on(t.reviewerId, t.submittedAt),
    unique().on(t.roundId, t.portfolioId, t.reviewerId),
    foreignKey({ columns: [t.reviewId], foreignColumns: [reviews.id] }),
    foreignKey({ columns: [t.roundId], foreignColumns: [calibrationRounds.id] }),
  ],
);

export const calibrationThresholds = pgTable('calibration_thresholds', {
  scope: text('scope').primaryKey(),
  minExact: doublePrecision('min_exact').notNull(),
  maxOff: bigint('max_off', { mode: 'number' }).notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});

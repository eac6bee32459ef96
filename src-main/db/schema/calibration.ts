/** Tables of the calibration feature (see migrations/0003_calibration.ts). */
import { sqliteTable, text, integer, real, primaryKey, index, unique, foreignKey } from 'drizzle-orm/sqlite-core';
import { portfolios, reviewers, reviews, rubrics } from './core';

export const calibrationAnchors = sqliteTable(
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

export const calibrationReferences = sqliteTable(
  'calibration_references',
  {
    portfolioId: text('portfolio_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    score: integer('score').notNull(),
    rationale: text('rationale').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.portfolioId, t.criterionId] }),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [calibrationAnchors.portfolioId] }).onDelete('cascade'),
  ],
);

export const calibrationRounds = sqliteTable(
  'calibration_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricVersion: integer('rubric_version').notNull(),
    opensAt: text('opens_at').notNull(),
    closesAt: text('closes_at').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    closedAt: text('closed_at'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('calibration_rounds_rubric').on(t.rubricId, t.rubricVersion),
    unique().on(t.name),
    foreignKey({ columns: [t.rubricId, t.rubricVersion], foreignColumns: [rubrics.id, rubrics.version] }),
  ],
);

export const calibrationRoundAnchors = sqliteTable(
  'calibration_round_anchors',
  {
    roundId: integer('round_id').notNull(),
    portfolioId: text('portfolio_id').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.portfolioId] }),
    index('calibration_round_anchors_portfolio').on(t.portfolioId),
    foreignKey({ columns: [t.roundId], foreignColumns: [calibrationRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [calibrationAnchors.portfolioId] }),
  ],
);

export const calibrationRoundReviewers = sqliteTable(
  'calibration_round_reviewers',
  {
    roundId: integer('round_id').notNull(),
    reviewerId: text('reviewer_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.reviewerId] }),
    index('calibration_round_reviewers_reviewer').on(t.reviewerId),
    foreignKey({ columns: [t.roundId], foreignColumns: [calibrationRounds.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.reviewerId], foreignColumns: [reviewers.id] }),
  ],
);

export const calibrationSubmissions = sqliteTable(
  'calibration_submissions',
  {
    reviewId: integer('review_id').primaryKey(),
    roundId: integer('round_id').notNull(),
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

export const calibrationThresholds = sqliteTable('calibration_thresholds', {
  scope: text('scope').primaryKey(),
  minExact: real('min_exact').notNull(),
  maxOff: integer('max_off').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: text('updated_at').notNull(),
});

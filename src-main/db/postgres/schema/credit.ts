/** PostgreSQL twin of ../../schema/credit.ts (what the columns mean is said there); postgres/migrations create it. */
import { bigint, doublePrecision, foreignKey, index, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { candidates, credentials, portfolios } from './core';

export const creditPathways = pgTable(
  'credit_pathways',
  {
    id: text('id').notNull(),
    version: bigint('version', { mode: 'number' }).notNull(),
    definition: text('definition').notNull(),
    targetCode: text('target_code').notNull(),
    targetTitle: text('target_title').notNull(),
    fourEyes: bigint('four_eyes', { mode: 'number' }).notNull().default(0),
    changeNote: text('change_note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const creditExternal = pgTable(
  'credit_external',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    candidateId: text('candidate_id').notNull(),
    credentialCode: text('credential_code'),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuerId: text('issuer_id'),
    awardedOn: text('awarded_on').notNull(),
    expiresOn: text('expires_on'),
    points: doublePrecision('points'),
    hours: doublePrecision('hours'),
    source: text('source', { enum: ['csv', 'badge'] }).notNull(),
    sourceFile: text('source_file').notNull(),
    sourceRef: text('source_ref').notNull(),
    fingerprint: text('fingerprint').notNull().unique(),
    document: text('document'),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    verification: text('verification', { enum: ['local', 'signed', 'attested', 'unverified'] })
      .notNull()
      .default('unverified'),
    verificationNote: text('verification_note').notNull().default(''),
    signerThumbprint: text('signer_thumbprint'),
  },
  (t) => [
    index('credit_external_candidate').on(t.candidateId),
    foreignKey({ columns: [t.candidateId], foreignColumns: [candidates.id] }),
    foreignKey({ columns: [t.credentialCode], foreignColumns: [credentials.code] }),
  ],
);

export const creditTrustedIssuers = pgTable('credit_trusted_issuers', {
  thumbprint: text('thumbprint').primaryKey(),
  issuerId: text('issuer_id').notNull(),
  name: text('name').notNull(),
  publicJwk: text('public_jwk').notNull(),
  addedAt: text('added_at').notNull(),
  addedBy: text('added_by').notNull(),
});

export const creditCandidateMerges = pgTable(
  'credit_candidate_merges',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    fromId: text('from_id').notNull(),
    intoId: text('into_id').notNull(),
    snapshot: text('snapshot').notNull(),
    moved: text('moved').notNull(),
    reason: text('reason').notNull().default(''),
    mergedAt: text('merged_at').notNull(),
    mergedBy: text('merged_by').notNull(),
  },
  (t) => [index('credit_candidate_merges_from').on(t.fromId), foreignKey({ columns: [t.intoId], foreignColumns: [candidates.id] })],
);

export const creditApplications = pgTable(
  'credit_applications',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id').notNull(),
    pathwayId: text('pathway_id').notNull(),
    pathwayVersion: bigint('pathway_version', { mode: 'number' }).notNull(),
    applicationDate: text('application_date').notNull(),
    status: text('status', { enum: ['pending', 'awaiting_second', 'approved', 'declined'] }).notNull(),
    note: text('note').notNull().default(''),
    evaluation: text('evaluation'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
    decidedAt: text('decided_at'),
  },
  (t) => [
    index('credit_applications_status').on(t.status, t.createdAt),
    index('credit_applications_candidate').on(t.candidateId),
    foreignKey({ columns: [t.candidateId], foreignColumns: [candidates.id] }),
    foreignKey({ columns: [t.pathwayId, t.pathwayVersion], foreignColumns: [creditPathways.id, creditPathways.version] }),
  ],
);

export const creditApprovals = pgTable(
  'credit_approvals',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    applicationId: text('application_id').notNull(),
    step: bigint('step', { mode: 'number' }).notNull(),
    approverId: text('approver_id').notNull(),
    approverName: text('approver_name').notNull(),
    decision: text('decision', { enum: ['approve', 'decline'] }).notNull(),
    reasons: text('reasons').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [unique().on(t.applicationId, t.step), foreignKey({ columns: [t.applicationId], foreignColumns: [creditApplications.id] })],
);

export const creditApplicationItems = pgTable(
  'credit_application_items',
  {
    applicationId: text('application_id').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    attainmentKey: text('attainment_key').notNull(),
    credentialCode: text('credential_code').notNull(),
    title: text('title').notNull(),
    source: text('source', { enum: ['app', 'external'] }).notNull(),
    issuer: text('issuer').notNull(),
    portfolioId: text('portfolio_id'),
    externalId: bigint('external_id', { mode: 'number' }),
    attempt: bigint('attempt', { mode: 'number' }),
    awardedOn: text('awarded_on').notNull(),
    expiresOn: text('expires_on'),
    points: doublePrecision('points').notNull(),
    hours: doublePrecision('hours').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.attainmentKey] }),
    index('credit_application_items_code').on(t.credentialCode),
    foreignKey({ columns: [t.applicationId], foreignColumns: [creditApplications.id] }),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.externalId], foreignColumns: [creditExternal.id] }),
  ],
);

export const creditBadges = pgTable(
  'credit_badges',
  {
    portfolioId: text('portfolio_id').primaryKey(),
    credentialId: text('credential_id').notNull().unique(),
    salt: text('salt').notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    recipientEmail: text('recipient_email'),
  },
  (t) => [foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] })],
);

export const creditSettings = pgTable('credit_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

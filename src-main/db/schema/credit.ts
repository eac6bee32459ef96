/** Tables of the credit feature (see migrations/0004_credit.ts). */
import { sqliteTable, text, integer, real, primaryKey, index, unique, foreignKey } from 'drizzle-orm/sqlite-core';
import { candidates, credentials, portfolios } from './core';

export const creditPathways = sqliteTable(
  'credit_pathways',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    /** The validated pathway version as JSON (evidence-workbench/pathway@1). */
    definition: text('definition').notNull(),
    targetCode: text('target_code').notNull(),
    targetTitle: text('target_title').notNull(),
    fourEyes: integer('four_eyes', { mode: 'boolean' }).notNull().default(false),
    changeNote: text('change_note'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

export const creditExternal = sqliteTable(
  'credit_external',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    candidateId: text('candidate_id').notNull(),
    credentialCode: text('credential_code'),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuerId: text('issuer_id'),
    awardedOn: text('awarded_on').notNull(),
    expiresOn: text('expires_on'),
    points: real('points'),
    hours: real('hours'),
    source: text('source', { enum: ['csv', 'badge'] }).notNull(),
    sourceFile: text('source_file').notNull(),
    sourceRef: text('source_ref').notNull(),
    fingerprint: text('fingerprint').notNull().unique(),
    /** The Open Badges credential as imported (JSON), kept as the record of what was shown. */
    document: text('document'),
    importedAt: text('imported_at').notNull(),
    importedBy: text('imported_by').notNull(),
    /** How the record is vouched for (see migrations/0005_audit_chain.ts); only 'unverified' never counts. */
    verification: text('verification', { enum: ['local', 'signed', 'attested', 'unverified'] })
      .notNull()
      .default('unverified'),
    /** Why it is unverified, or who attested it. */
    verificationNote: text('verification_note').notNull().default(''),
    /** The key that signed a badge whose signature verified (RFC 7638 thumbprint). */
    signerThumbprint: text('signer_thumbprint'),
  },
  (t) => [
    index('credit_external_candidate').on(t.candidateId),
    foreignKey({ columns: [t.candidateId], foreignColumns: [candidates.id] }),
    foreignKey({ columns: [t.credentialCode], foreignColumns: [credentials.code] }),
  ],
);

/** Badge issuers an admin trusts: a badge signed by one of these keys, naming its issuer id, counts. */
export const creditTrustedIssuers = sqliteTable('credit_trusted_issuers', {
  thumbprint: text('thumbprint').primaryKey(),
  issuerId: text('issuer_id').notNull(),
  name: text('name').notNull(),
  /** The public key as a JWK (JSON text): a standard format, read back whole. */
  publicJwk: text('public_jwk').notNull(),
  addedAt: text('added_at').notNull(),
  addedBy: text('added_by').notNull(),
});

export const creditCandidateMerges = sqliteTable(
  'credit_candidate_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const creditApplications = sqliteTable(
  'credit_applications',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id').notNull(),
    pathwayId: text('pathway_id').notNull(),
    pathwayVersion: integer('pathway_version').notNull(),
    applicationDate: text('application_date').notNull(),
    status: text('status', { enum: ['pending', 'awaiting_second', 'approved', 'declined'] }).notNull(),
    note: text('note').notNull().default(''),
    /** The requirement checks as decided (JSON PathwayEvaluation); null while the application is open. */
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

export const creditApprovals = sqliteTable(
  'credit_approvals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: text('application_id').notNull(),
    step: integer('step').notNull(),
    approverId: text('approver_id').notNull(),
    approverName: text('approver_name').notNull(),
    decision: text('decision', { enum: ['approve', 'decline'] }).notNull(),
    reasons: text('reasons').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [unique().on(t.applicationId, t.step), foreignKey({ columns: [t.applicationId], foreignColumns: [creditApplications.id] })],
);

export const creditApplicationItems = sqliteTable(
  'credit_application_items',
  {
    applicationId: text('application_id').notNull(),
    position: integer('position').notNull(),
    attainmentKey: text('attainment_key').notNull(),
    credentialCode: text('credential_code').notNull(),
    title: text('title').notNull(),
    source: text('source', { enum: ['app', 'external'] }).notNull(),
    issuer: text('issuer').notNull(),
    portfolioId: text('portfolio_id'),
    externalId: integer('external_id'),
    attempt: integer('attempt'),
    awardedOn: text('awarded_on').notNull(),
    expiresOn: text('expires_on'),
    points: real('points').notNull(),
    hours: real('hours').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.attainmentKey] }),
    index('credit_application_items_code').on(t.credentialCode),
    foreignKey({ columns: [t.applicationId], foreignColumns: [creditApplications.id] }),
    foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] }),
    foreignKey({ columns: [t.externalId], foreignColumns: [creditExternal.id] }),
  ],
);

/** The Open Badges credential issued for a passed portfolio: its id and the recipient salt, reused on re-export. */
export const creditBadges = sqliteTable(
  'credit_badges',
  {
    portfolioId: text('portfolio_id').primaryKey(),
    credentialId: text('credential_id').notNull().unique(),
    salt: text('salt').notNull(),
    issuedAt: text('issued_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    /** The email the badge's identity hash was made from at first export; null only if the candidate was gone then. */
    recipientEmail: text('recipient_email'),
  },
  (t) => [foreignKey({ columns: [t.portfolioId], foreignColumns: [portfolios.id] })],
);

export const creditSettings = sqliteTable('credit_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

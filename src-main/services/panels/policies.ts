import { desc, eq } from 'drizzle-orm';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { DEFAULT_POLICY, ReviewPolicySchema, type ReviewPolicy } from '../../../src-shared/domain/panel/policy';
import { reviewPolicies } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { loadCredential } from '../credentials';
import { requireRole } from '../reviewers';

type PolicyRow = typeof reviewPolicies.$inferSelect;

const toPolicy = (r: PolicyRow): ReviewPolicy => ({
  reviews_required: r.reviewsRequired,
  tolerance: r.tolerance,
  anonymous: r.anonymous,
  coi_same_school: r.coiSameSchool,
  coi_same_district: r.coiSameDistrict,
  resubmission_reviewers: r.resubmissionReviewers,
  max_attempts: r.maxAttempts,
  qualified_only: r.qualifiedOnly,
  final_levels: r.finalLevels,
});

export interface PolicyVersion {
  credential: string;
  version: number;
  policy: ReviewPolicy;
  changeNote: string | null;
  createdAt: string;
  createdBy: string;
}

export async function policyVersions(ctx: ServiceContext, credential: string): Promise<PolicyVersion[]> {
  return (await ctx.db.orm.select().from(reviewPolicies).where(eq(reviewPolicies.credentialCode, credential)).orderBy(desc(reviewPolicies.version)).all()).map(
    (r) => ({ credential, version: r.version, policy: toPolicy(r), changeNote: r.changeNote, createdAt: r.createdAt, createdBy: r.createdBy }),
  );
}

/** The policy in force for a credential: its latest version, or the defaults (two reviewers, tolerance 1, …). */
export async function currentPolicy(ctx: ServiceContext, credential: string): Promise<ReviewPolicy> {
  return (await policyVersions(ctx, credential))[0]?.policy ?? DEFAULT_POLICY;
}

/** Publishes a new policy version (never an edit of an old one), by a lead or admin. */
export async function setPolicy(
  ctx: ServiceContext,
  credential: string,
  input: Partial<ReviewPolicy>,
  actor: Reviewer,
  changeNote?: string,
): Promise<PolicyVersion> {
  requireRole(actor, 'lead', 'admin');
  if (!(await loadCredential(ctx, credential))) throw new ApiError('not_found', `no credential ${credential}`);
  const policy = ReviewPolicySchema.parse({ ...(await currentPolicy(ctx, credential)), ...input });
  const version = ((await policyVersions(ctx, credential))[0]?.version ?? 0) + 1;
  await transaction(ctx, async (ctx) => {
    await ctx.db.orm
      .insert(reviewPolicies)
      .values({
        credentialCode: credential,
        version,
        reviewsRequired: policy.reviews_required,
        tolerance: policy.tolerance,
        anonymous: policy.anonymous,
        coiSameSchool: policy.coi_same_school,
        coiSameDistrict: policy.coi_same_district,
        resubmissionReviewers: policy.resubmission_reviewers,
        maxAttempts: policy.max_attempts,
        qualifiedOnly: policy.qualified_only,
        finalLevels: policy.final_levels,
        changeNote: changeNote ?? null,
        createdAt: nowIso(ctx),
        createdBy: actor.id,
      })
      .run();
    await audit(ctx, { actor: actor.id, action: 'policy.set', entityType: 'credential', entityId: credential, details: { version, policy, changeNote } });
  });
  return (await policyVersions(ctx, credential))[0]!;
}

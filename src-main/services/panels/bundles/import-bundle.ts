/**
 * Reviewer side: a verified review bundle becomes local portfolios with open assignments for the reviewer, who then
 * scores them in the normal workbench. All or nothing: one SQLite transaction around the importer and our own rows.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Reviewer } from '../../../../src-shared/contracts/reviewers';
import type { ReviewPolicy } from '../../../../src-shared/domain/panel/policy';
import { assignments, decisionLevels, decisions, receivedBundleItems, receivedBundles, reviewerRoles, reviewPolicies } from '../../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../../context';
import { audit } from '../../audit';
import { importPath, type ImportReport } from '../../import/importer';
import { formatProblem, ImportError } from '../../import/problems';
import { createReviewer, getReviewer, listReviewers, systemActor } from '../../reviewers';
import { policyVersions } from '../policies';
import { RefusedError } from './errors';
import type { Bundle } from './format';
import { openBundle } from './read-bundle';
import { dropUnreferencedBlobs } from '../../store-integrity';

export interface BundleImportReport {
  bundle: string;
  reviewer: { id: string; name: string; created: boolean };
  portfolios: { id: string; result: 'imported' | 'unchanged' }[];
  history: string[];
  /** The same bundle had been imported before: nothing changed. */
  alreadyImported: boolean;
  issuerThumbprint: string;
}

const sameItems = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Refusals that need no write: a bundle id seen before with other content, a reviewer email taken by another profile. */
async function preflight(ctx: ServiceContext, bundle: Bundle): Promise<{ already: boolean }> {
  const seen = await ctx.db.orm.select().from(receivedBundles).where(eq(receivedBundles.id, bundle.id)).get();
  if (seen) {
    const items = await ctx.db.orm
      .select({ p: receivedBundleItems.portfolioId })
      .from(receivedBundleItems)
      .where(eq(receivedBundleItems.bundleId, bundle.id))
      .all();
    const identical =
      seen.secret === bundle.secret &&
      seen.reviewerId === bundle.reviewer.id &&
      sameItems(
        items.map((i) => i.p),
        bundle.assignments.map((a) => a.portfolio),
      );
    if (!identical)
      throw new RefusedError('review bundle', [`a different bundle with the id ${bundle.id} was already imported here on ${seen.importedAt}`], 'conflict');
    return { already: true };
  }
  const clash = (await listReviewers(ctx)).find((r) => r.id !== bundle.reviewer.id && r.email.toLowerCase() === bundle.reviewer.email.toLowerCase());
  if (clash)
    throw new RefusedError(
      'review bundle',
      [`this bundle is for ${bundle.reviewer.id}, but the profile ${clash.id} here already uses the email ${bundle.reviewer.email}`],
      'conflict',
    );
  return { already: false };
}

/**
 * The lead's policies, as new local versions where they differ, so the importer applies the same rules (maximum
 * attempts). Anonymous stays off locally: identity is already withheld in the bundle itself, and the local Anonymizer
 * would pseudonymise the pseudonym again, showing the reviewer another "Candidate XXXXXX" than the lead sees.
 */
async function applyPolicies(ctx: ServiceContext, bundle: Bundle, actor: string): Promise<void> {
  for (const [credential, policy] of Object.entries(bundle.policy)) {
    const local: ReviewPolicy = { ...policy, anonymous: false };
    const current = (await policyVersions(ctx, credential))[0];
    if (current && JSON.stringify(current.policy) === JSON.stringify(local)) continue;
    const version = (current?.version ?? 0) + 1;
    await ctx.db.orm
      .insert(reviewPolicies)
      .values({
        credentialCode: credential,
        version,
        reviewsRequired: local.reviews_required,
        tolerance: local.tolerance,
        anonymous: false,
        coiSameSchool: local.coi_same_school,
        coiSameDistrict: local.coi_same_district,
        resubmissionReviewers: local.resubmission_reviewers,
        maxAttempts: local.max_attempts,
        qualifiedOnly: local.qualified_only,
        finalLevels: local.final_levels,
        changeNote: `from review bundle ${bundle.id}${policy.anonymous ? ' (anonymous review: identity already withheld in the bundle)' : ''}`,
        createdAt: nowIso(ctx),
        createdBy: `bundle:${bundle.id}`,
      })
      .run();
    await audit(ctx, { actor, action: 'policy.set', entityType: 'credential', entityId: credential, details: { version, policy: local, bundle: bundle.id } });
  }
}

async function ensureReviewer(ctx: ServiceContext, bundle: Bundle, actor: string): Promise<{ reviewer: Reviewer; created: boolean }> {
  const existing = await getReviewer(ctx, bundle.reviewer.id);
  if (!existing) {
    const { id, name, email, school, district } = bundle.reviewer;
    return { reviewer: await createReviewer(ctx, { id, name, email, school, district, roles: ['reviewer'] }, null), created: true };
  }
  if (!existing.roles.includes('reviewer')) {
    await ctx.db.orm.insert(reviewerRoles).values({ reviewerId: existing.id, role: 'reviewer' }).run();
    await audit(ctx, { actor, action: 'reviewer.update', entityType: 'reviewer', entityId: existing.id, details: { addRole: 'reviewer', bundle: bundle.id } });
  }
  return { reviewer: existing, created: false };
}

/**
 * Earlier attempts arrive as fresh packages: give them the lead's decision and status, so the resubmission's attempt
 * history reads as it does online. Written directly: this mirrors a state reached elsewhere, not a life-cycle step here.
 */
async function copyHistory(ctx: ServiceContext, bundle: Bundle, imported: Set<string>, actor: string): Promise<string[]> {
  const copied: string[] = [];
  for (const h of bundle.history) {
    if (!imported.has(h.portfolio)) continue;
    const d = h.decision;
    if (d) {
      const row = await ctx.db.orm
        .insert(decisions)
        .values({
          portfolioId: h.portfolio,
          revision: 1,
          outcome: d.outcome,
          total: d.total,
          feedback: d.feedback,
          source: d.source,
          reviewId: null,
          decidedBy: d.decided_by,
          decidedAt: d.decided_at,
          reason: d.reason,
          releasedAt: d.decided_at,
          releasedBy: d.decided_by,
        })
        .returning({ id: decisions.id })
        .get();
      for (const l of d.levels)
        await ctx.db.orm.insert(decisionLevels).values({ decisionId: row.id, criterionId: l.criterion, score: l.score, comment: l.comment }).run();
    }
    await ctx.db.run('UPDATE portfolios SET status = ?, outcome = ?, updated_at = ? WHERE id = ?', [h.status, d?.outcome ?? null, nowIso(ctx), h.portfolio]);
    await audit(ctx, {
      actor,
      action: 'bundle.history',
      entityType: 'portfolio',
      entityId: h.portfolio,
      details: { bundle: bundle.id, status: h.status, outcome: d?.outcome ?? null },
    });
    copied.push(h.portfolio);
  }
  return copied;
}

async function addAssignments(ctx: ServiceContext, bundle: Bundle, imported: Set<string>, actor: string): Promise<void> {
  const now = nowIso(ctx);
  const by = `bundle:${bundle.id}`;
  for (const a of bundle.assignments) {
    // A portfolio imported before keeps its rubric; a new one is assessed with the version the lead assigned.
    if (imported.has(a.portfolio))
      await ctx.db.run('UPDATE portfolios SET rubric_id = ?, rubric_version = ? WHERE id = ?', [a.rubric.id, a.rubric.version, a.portfolio]);
    const active = await ctx.db.orm
      .select()
      .from(assignments)
      .where(and(eq(assignments.portfolioId, a.portfolio), eq(assignments.reviewerId, bundle.reviewer.id), ne(assignments.status, 'released')))
      .get();
    // Already here from an earlier bundle (assigned, or scored and waiting to travel back): keep it as it is.
    if (!active) {
      await ctx.db.orm
        .insert(assignments)
        .values({ portfolioId: a.portfolio, reviewerId: bundle.reviewer.id, status: 'assigned', reason: 'review', assignedAt: now, assignedBy: by })
        .run();
      await audit(ctx, {
        actor,
        action: 'assignment.create',
        entityType: 'portfolio',
        entityId: a.portfolio,
        details: { reviewer: bundle.reviewer.id, reason: 'review', how: by },
      });
    }
    await ctx.db.orm.insert(receivedBundleItems).values({ bundleId: bundle.id, portfolioId: a.portfolio }).run();
  }
}

/**
 * Imports a review bundle on the reviewer's machine: refuses a tampered or unsigned bundle with the reason, and a bundle
 * id seen before unless it is the same bundle (then nothing changes). Do not run it alongside other writes on the same
 * connection: the import's transaction stays open while evidence is copied into the store.
 */
export async function importBundle(ctx: ServiceContext, file: string, actor: Reviewer): Promise<BundleImportReport> {
  const opened = await openBundle(file, ctx.dataDir);
  const { bundle } = opened;
  try {
    const base = { bundle: bundle.id, history: [] as string[], issuerThumbprint: bundle.issuer.thumbprint };
    if ((await preflight(ctx, bundle)).already) {
      const r = (await getReviewer(ctx, bundle.reviewer.id))!;
      return {
        ...base,
        reviewer: { id: r.id, name: r.name, created: false },
        portfolios: bundle.assignments.map((a) => ({ id: a.portfolio, result: 'unchanged' })),
        alreadyImported: true,
      };
    }
    const shas = new Set(bundle.files.map((f) => f.sha256));
    try {
      return await transaction(ctx, async (ctx) => {
        // Policies go in before their credentials exist (the importer needs them): check foreign keys at commit.
        await ctx.db.deferForeignKeys();
        await applyPolicies(ctx, bundle, actor.id);
        let report: ImportReport;
        try {
          // The bundle is signed by the lead's key (checked by openBundle): the lead's current details of candidates,
          // credentials and catalogue are theirs to give, so they replace older copies here (each change audited).
          report = await importPath(ctx, opened.dir, { actor: actor.id, updateExisting: true, caller: systemActor(`bundle:${bundle.id}`) });
        } catch (err) {
          if (err instanceof ImportError)
            throw new RefusedError(
              'review bundle',
              err.problems.map((p) => formatProblem(p).replace(/^- /, '')),
            );
          throw err;
        }
        const imported = new Set(report.portfolios.filter((p) => p.result === 'imported').map((p) => p.id));
        const { reviewer, created } = await ensureReviewer(ctx, bundle, actor.id);
        const history = await copyHistory(ctx, bundle, imported, actor.id);
        const now = nowIso(ctx);
        await ctx.db.orm
          .insert(receivedBundles)
          .values({ id: bundle.id, reviewerId: reviewer.id, issuedAt: bundle.issued_at, importedAt: now, secret: bundle.secret })
          .run();
        await addAssignments(ctx, bundle, imported, actor.id);
        await audit(ctx, {
          actor: actor.id,
          action: 'bundle.import',
          entityType: 'bundle',
          entityId: bundle.id,
          details: {
            reviewer: reviewer.id,
            portfolios: bundle.assignments.map((a) => a.portfolio),
            history,
            issuer: bundle.issuer.thumbprint,
            issued_by: bundle.issued_by,
            sha256: opened.bundleSha256,
          },
        });
        const portfolios = bundle.assignments.map((a) => ({
          id: a.portfolio,
          result: imported.has(a.portfolio) ? ('imported' as const) : ('unchanged' as const),
        }));
        return { ...base, reviewer: { id: reviewer.id, name: reviewer.name, created }, portfolios, history, alreadyImported: false };
      });
    } catch (err) {
      // The importer placed evidence files with its rows; with the rows rolled back, the files no committed row needs go too.
      await transaction(ctx, async (ctx) => dropUnreferencedBlobs(ctx, shas));
      throw err;
    }
  } finally {
    opened.cleanup();
  }
}

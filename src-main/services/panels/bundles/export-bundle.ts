/** Lead side: a reviewer's open assignments as one signed review bundle (zip) to score offline. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { zipSync, type Zippable } from 'fflate';
import { ApiError } from '../../../../src-shared/contracts/errors';
import type { Reviewer } from '../../../../src-shared/contracts/reviewers';
import type { Rubric } from '../../../../src-shared/domain/rubric';
import type { ReviewPolicy } from '../../../../src-shared/domain/panel/policy';
import { bundleItems, bundles } from '../../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../../context';
import { audit } from '../../audit';
import { loadCredential } from '../../credentials';
import { loadDecisions } from '../../decisions';
import { loadRubric } from '../../rubrics';
import { getReviewer, requireRole } from '../../reviewers';
import { currentPolicy } from '../policies';
import { BUNDLE_FORMAT, BUNDLE_JSON, BUNDLE_SIG, type Bundle, type BundleFile } from './format';
import { loadOrCreateBundleKey, signDigest } from './keys';
import { buildPackage } from './package';
import { mapInOrder } from '../../in-order';

export interface ExportedBundle {
  fileName: string;
  bytes: Uint8Array;
  bundleId: string;
  reviewer: string;
  portfolios: string[];
  /** Earlier attempts packaged read-only for resubmissions' history. */
  history: string[];
  /** Credentials whose policy is anonymous: their candidates' identity is not in the bundle. */
  anonymous: string[];
  /** RFC 7638 thumbprint of the signing key, for the reviewer to compare if they wish. */
  issuerThumbprint: string;
}

interface OpenItem {
  assignmentId: number;
  portfolioId: string;
  credential: string;
  rubricId: string;
  rubricVersion: number;
  resubmissionOf: string | null;
}

async function openItems(ctx: ServiceContext, reviewerId: string): Promise<OpenItem[]> {
  return (await ctx.db.all(
    `SELECT a.id AS assignmentId, p.id AS portfolioId, p.credential_code AS credential, p.rubric_id AS rubricId,
              p.rubric_version AS rubricVersion, p.resubmission_of AS resubmissionOf
       FROM assignments a JOIN portfolios p ON p.id = a.portfolio_id
       WHERE a.reviewer_id = ? AND a.status = 'assigned' AND p.status IN ('submitted', 'in_review') AND p.is_anchor = 0
       ORDER BY p.submitted_at, p.id`,
    [reviewerId],
  )) as OpenItem[];
}

/** Earlier attempts behind the resubmissions, oldest link last; each once, and never one that is itself assigned. */
async function historyOf(
  ctx: ServiceContext,
  items: OpenItem[],
): Promise<{ id: string; credential: string; rubricId: string; rubricVersion: number; status: string }[]> {
  const assigned = new Set(items.map((i) => i.portfolioId));
  const seen = new Set<string>();
  const out: { id: string; credential: string; rubricId: string; rubricVersion: number; status: string }[] = [];
  for (const item of items) {
    let next = item.resubmissionOf;
    while (next && !seen.has(next) && !assigned.has(next)) {
      seen.add(next);
      const row = (await ctx.db.get(
        'SELECT id, credential_code AS credential, rubric_id AS rubricId, rubric_version AS rubricVersion, status, resubmission_of AS prev FROM portfolios WHERE id = ?',
        [next],
      )) as { id: string; credential: string; rubricId: string; rubricVersion: number; status: string; prev: string | null } | undefined;
      if (!row) break;
      out.push(row);
      next = row.prev;
    }
  }
  return out;
}

function storeBytes(ctx: ServiceContext, sha256: string, what: string): Uint8Array {
  const file = ctx.store.pathFor(sha256);
  if (!fs.existsSync(file)) throw new ApiError('internal', `${what}: its file ${sha256} is missing from the evidence store`);
  return fs.readFileSync(file);
}

const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
/** Media is already compressed: store it; deflate only the JSON. */
const STORED = /\.(pdf|mp4|webm|png|jpe?g)$/i;

/**
 * Packs the reviewer's open assignments (status 'assigned') into one zip: packages rebuilt from the database, the
 * rubric versions and credentials they use, and bundle.json (assignments, policy, results secret, issuer key, the
 * sha256 of every file) signed by bundle.sig. Records the bundle and its items (with the secret, to check the
 * results later) and audits it. Lead or admin only.
 */
export async function exportBundle(ctx: ServiceContext, reviewerId: string, actor: Reviewer): Promise<ExportedBundle> {
  requireRole(actor, 'lead', 'admin');
  const reviewer = await getReviewer(ctx, reviewerId);
  if (!reviewer) throw new ApiError('not_found', `no reviewer ${reviewerId}`);
  const items = await openItems(ctx, reviewerId);
  if (items.length === 0) throw new ApiError('conflict', `${reviewer.name} (${reviewerId}) has no open assignments to put in a bundle`);
  const history = await historyOf(ctx, items);

  const policies: Record<string, ReviewPolicy> = {};
  for (const c of new Set([...items, ...history].map((i) => i.credential))) policies[c] = await currentPolicy(ctx, c);
  const anonymous = Object.keys(policies).filter((c) => policies[c]!.anonymous);

  const files: Zippable = {};
  const listed: BundleFile[] = [];
  const add = (path: string, bytes: Uint8Array) => {
    files[path] = [bytes, { level: STORED.test(path) ? 0 : 6 }];
    listed.push({ path, sha256: sha256(bytes), bytes: bytes.length });
  };

  for (const p of [...items.map((i) => ({ id: i.portfolioId, credential: i.credential })), ...history]) {
    const pkg = await buildPackage(ctx, p.id, policies[p.credential]!.anonymous);
    add(`portfolios/${p.id}/manifest.json`, json(pkg.manifest));
    for (const f of pkg.files) add(`portfolios/${p.id}/${f.file}`, storeBytes(ctx, f.sha256, `${p.id} ${f.file}`));
  }

  // Rubric versions in use, and each credential pointing at the version its bundled portfolios are assessed with
  // (the importer assesses a new portfolio with its credential's rubric).
  const rubrics = new Map<string, Rubric>();
  const credentialRubric = new Map<string, { id: string; version: number }>();
  for (const p of [...history, ...items.map((i) => ({ ...i, id: i.portfolioId }))]) {
    const key = `${p.rubricId}@${p.rubricVersion}`;
    if (!rubrics.has(key)) {
      const r = await loadRubric(ctx, p.rubricId, p.rubricVersion);
      if (!r) throw new ApiError('internal', `rubric ${key} is missing`);
      rubrics.set(key, r);
    }
    const seen = credentialRubric.get(p.credential);
    if (!seen || seen.version < p.rubricVersion) credentialRubric.set(p.credential, { id: p.rubricId, version: p.rubricVersion });
  }
  for (const r of rubrics.values()) add(`catalogue/rubric-${r.id}-${r.version}.json`, json(r));
  const credentials = await mapInOrder([...credentialRubric], async ([code, rubric]) => {
    const c = await loadCredential(ctx, code);
    if (!c) throw new ApiError('internal', `credential ${code} is missing`);
    return { ...c, rubric };
  });
  add('catalogue/credentials.json', json({ format: 'evidence-workbench/credentials@1', credentials }));

  const key = await loadOrCreateBundleKey(ctx.dataDir);
  const id = crypto.randomUUID();
  const issuedAt = nowIso(ctx);
  const secret = crypto.randomBytes(32).toString('base64url');
  const bundle: Bundle = {
    format: BUNDLE_FORMAT,
    id,
    issued_at: issuedAt,
    issued_by: actor.id,
    reviewer: { id: reviewer.id, name: reviewer.name, email: reviewer.email, school: reviewer.school, district: reviewer.district },
    policy: policies,
    assignments: items.map((i) => ({ portfolio: i.portfolioId, rubric: { id: i.rubricId, version: i.rubricVersion } })),
    history: await mapInOrder(history, async (h) => {
      const d = (await loadDecisions(ctx, h.id)).at(-1);
      return {
        portfolio: h.id,
        status: h.status as Bundle['history'][number]['status'],
        decision: d
          ? {
              outcome: d.outcome,
              total: d.total,
              feedback: d.feedback,
              source: d.source,
              decided_by: d.decidedByName,
              decided_at: d.decidedAt,
              reason: d.reason,
              levels: d.levels.map((l) => ({ criterion: l.criterionId, score: l.score, comment: l.comment })),
            }
          : null,
      };
    }),
    secret,
    issuer: { public_key: key.publicJwk, thumbprint: key.thumbprint },
    files: listed.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
  const bundleJson = json(bundle);
  const sig = await signDigest(key, { bundle: id, sha256: sha256(bundleJson) });
  const mtime = new Date(issuedAt);
  const bytes = zipSync({ [BUNDLE_JSON]: [bundleJson, { level: 6 }], [BUNDLE_SIG]: [new TextEncoder().encode(`${sig}\n`), { level: 0 }], ...files }, { mtime });

  await transaction(ctx, async (ctx) => {
    await ctx.db.orm.insert(bundles).values({ id, reviewerId, createdAt: issuedAt, createdBy: actor.id, secret }).run();
    for (const i of items)
      await ctx.db.orm
        .insert(bundleItems)
        .values({ bundleId: id, portfolioId: i.portfolioId, assignmentId: i.assignmentId, rubricId: i.rubricId, rubricVersion: i.rubricVersion })
        .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'bundle.export',
      entityType: 'bundle',
      entityId: id,
      details: { reviewer: reviewerId, portfolios: items.map((i) => i.portfolioId), history: history.map((h) => h.id), anonymous, issuer: key.thumbprint },
    });
  });

  return {
    fileName: `review-bundle-${reviewerId}-${issuedAt.slice(0, 10)}-${id.slice(0, 8)}.zip`,
    bytes,
    bundleId: id,
    reviewer: reviewerId,
    portfolios: items.map((i) => i.portfolioId),
    history: history.map((h) => h.id),
    anonymous,
    issuerThumbprint: key.thumbprint,
  };
}

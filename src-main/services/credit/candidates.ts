import { eq } from 'drizzle-orm';
import { ApiError } from '../../../src-shared/contracts/errors';
import type { CandidateBrief, CandidateRecord, CandidateSummary, Duplicate } from '../../../src-shared/contracts/credit';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { attainmentStatus } from '../../../src-shared/domain/pathway';
import { candidates, creditCandidateMerges } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { indexForSearch } from '../queue';
import { pseudonymCode } from '../panels/pseudonym';
import { canManageCandidates, canView } from './access';
import { candidateAttainments, candidateExternal, candidateIds, candidatePortfolios, externalView, isoDay } from './attainments';
import { attemptTrails } from './trail';
import { listApplications } from './applications';

/** Lower case, accents and punctuation gone, single spaces: "Aroha  Ngātai-Smith" and "aroha ngatai smith" match. */
export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const normaliseEmail = (s: string) => s.trim().toLowerCase();

export async function getCandidate(ctx: ServiceContext, id: string): Promise<CandidateBrief | null> {
  return (await ctx.db.orm.select().from(candidates).where(eq(candidates.id, id)).get()) ?? null;
}

/** Where a merged-away id went, if it did. */
export async function mergedInto(ctx: ServiceContext, id: string): Promise<string | null> {
  return (
    (await ctx.db.orm.select({ into: creditCandidateMerges.intoId }).from(creditCandidateMerges).where(eq(creditCandidateMerges.fromId, id)).get())?.into ??
    null
  );
}

/** Candidates with anything credit staff can see: an attempt (not a calibration anchor), an external credential or an application. */
export async function listCandidates(ctx: ServiceContext, actor: Reviewer, search?: string): Promise<CandidateSummary[]> {
  canView(actor);
  const rows = (await ctx.db.all(`SELECT * FROM (
         SELECT c.id, c.name, c.email, c.school, c.district,
           (SELECT count(*) FROM portfolios p WHERE p.candidate_id = c.id AND p.is_anchor = 0) AS attempts,
           (SELECT count(*) FROM portfolios p WHERE p.candidate_id = c.id AND p.is_anchor = 0 AND p.outcome = 'pass') AS passes,
           (SELECT count(*) FROM credit_external e WHERE e.candidate_id = c.id) AS external,
           (SELECT count(*) FROM credit_applications a WHERE a.candidate_id = c.id) AS applications
         FROM candidates c) counted
       WHERE attempts + external + applications > 0
       ORDER BY ${ctx.db.fn.nocase('name')}, id`)) as CandidateSummary[];
  const words = normaliseName(search ?? '')
    .split(' ')
    .filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((r) => {
    const hay = `${normaliseName(r.name)} ${r.id.toLowerCase()} ${r.email.toLowerCase()} ${normaliseName(r.school)}`;
    return words.every((w) => hay.includes(w));
  });
}

/** Likely duplicates: the same email under two ids, or the same name at the same school; an old id an import brought back. */
export async function findDuplicates(ctx: ServiceContext, actor: Reviewer, onlyFor?: string): Promise<Duplicate[]> {
  canView(actor);
  // Only people credit staff deal with: calibration exemplars (anchor-only candidates) are not anyone's record.
  const all = (await ctx.db.all(`SELECT c.id, c.name, c.email, c.school, c.district FROM candidates c
       WHERE EXISTS (SELECT 1 FROM portfolios p WHERE p.candidate_id = c.id AND p.is_anchor = 0)
          OR EXISTS (SELECT 1 FROM credit_external e WHERE e.candidate_id = c.id)
          OR EXISTS (SELECT 1 FROM credit_applications a WHERE a.candidate_id = c.id)
       ORDER BY c.id`)) as CandidateBrief[];
  const out: Duplicate[] = [];
  const seen = new Set<string>();
  const add = (a: CandidateBrief, b: CandidateBrief, reason: string) => {
    const [x, y] = a.id < b.id ? [a, b] : [b, a];
    const key = `${x.id}\u0000${y.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!onlyFor || x.id === onlyFor || y.id === onlyFor) out.push({ a: x, b: y, reason });
  };
  const byEmail = new Map<string, CandidateBrief[]>();
  const byNameSchool = new Map<string, CandidateBrief[]>();
  for (const c of all) {
    const e = normaliseEmail(c.email);
    if (e) byEmail.set(e, [...(byEmail.get(e) ?? []), c]);
    const ns = `${normaliseName(c.name)}\u0000${normaliseName(c.school)}`;
    if (normaliseName(c.name)) byNameSchool.set(ns, [...(byNameSchool.get(ns) ?? []), c]);
  }
  for (const group of byEmail.values())
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) add(group[i]!, group[j]!, `same email ${group[i]!.email}`);
  for (const group of byNameSchool.values())
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) add(group[i]!, group[j]!, `same name and school (${group[i]!.school || 'no school'})`);
  for (const c of all) {
    const into = await mergedInto(ctx, c.id);
    const target = into ? all.find((x) => x.id === into) : undefined;
    if (target) add(c, target, `${c.id} was merged into ${target.id} before and has come back with a later import`);
  }
  return out;
}

export async function candidateRecord(ctx: ServiceContext, id: string, actor: Reviewer): Promise<CandidateRecord> {
  canView(actor);
  const candidate = await getCandidate(ctx, id);
  if (!candidate) {
    const into = await mergedInto(ctx, id);
    throw new ApiError('not_found', into ? `candidate ${id} was merged into ${into}` : `no candidate ${id}`);
  }
  const ids = await candidateIds(ctx, id);
  const today = isoDay(nowIso(ctx));
  const merged = (
    await ctx.db.orm.select().from(creditCandidateMerges).where(eq(creditCandidateMerges.intoId, id)).orderBy(creditCandidateMerges.mergedAt).all()
  ).map((m) => ({
    id: m.fromId,
    name: (JSON.parse(m.snapshot) as { candidate: CandidateBrief }).candidate.name,
    mergedAt: m.mergedAt,
    mergedBy: m.mergedBy,
    reason: m.reason,
  }));
  return {
    candidate,
    merged,
    attempts: await attemptTrails(ctx, await candidatePortfolios(ctx, ids)),
    external: (await candidateExternal(ctx, ids)).map(await externalView(ctx)),
    attainments: (await candidateAttainments(ctx, id)).map((a) => ({ ...a, status: attainmentStatus(a, today, false) })),
    applications: await listApplications(ctx, actor, { candidateId: id }),
    duplicates: await findDuplicates(ctx, actor, id),
  };
}

/** Tables (other than candidates themselves) that point at a candidate: found in the schema, so a feature added later is covered too. */
async function candidateReferences(ctx: ServiceContext): Promise<string[]> {
  return (await ctx.db.tablesWithColumn('candidate_id')).filter((name) => name !== 'candidates' && name !== 'credit_candidate_merges');
}

/**
 * The UPDATE that moves a table's rows from one candidate to another, except rows that would then duplicate a row of
 * `into` under one of `keys` (the table's keys that hold candidate_id): those stay behind.
 */
function moveUnlessDuplicate(table: string, keys: string[][], fromId: string, intoId: string): [string, unknown[]] {
  const duplicate = (key: string[]) =>
    `EXISTS (SELECT 1 FROM "${table}" other WHERE ${key.map((c) => (c === 'candidate_id' ? 'other.candidate_id = ?' : `other."${c}" = "${table}"."${c}"`)).join(' AND ')})`;
  const unless = keys.length ? ` AND NOT (${keys.map(duplicate).join(' OR ')})` : '';
  return [`UPDATE "${table}" SET candidate_id = ? WHERE candidate_id = ?${unless}`, [intoId, fromId, ...keys.map(() => intoId)]];
}

/**
 * Merges `from` into `into`: every reference moves (portfolios, external credentials, applications, conflicts of
 * interest, anything else with a candidate_id), the merged-away row and any row that could not move (a duplicate
 * of one `into` already has) are kept in the merge record, and the merge is audited. Nothing is lost.
 */
export async function mergeCandidates(ctx: ServiceContext, fromId: string, intoId: string, reason: string, actor: Reviewer): Promise<CandidateRecord> {
  canManageCandidates(actor);
  if (fromId === intoId) throw new ApiError('bad_request', 'a candidate cannot be merged into itself');
  const from = await getCandidate(ctx, fromId);
  const into = await getCandidate(ctx, intoId);
  if (!from) throw new ApiError('not_found', `no candidate ${fromId}`);
  if (!into) throw new ApiError('not_found', `no candidate ${intoId}`);
  await transaction(ctx, async (ctx) => {
    const sqlite = ctx.db;
    const moved: Record<string, number> = {};
    const leftover: Record<string, unknown[]> = {};
    const movedPortfolios = (await sqlite.all('SELECT seq, id, candidate_name AS name FROM portfolios WHERE candidate_id = ?', [fromId])) as {
      seq: number;
      id: string;
      name: string;
    }[];
    for (const table of await candidateReferences(ctx)) {
      const keys = (await ctx.db.uniqueKeys(table)).filter((k) => k.includes('candidate_id'));
      const n = (await sqlite.run(...moveUnlessDuplicate(table, keys, fromId, intoId))).changes;
      if (n) moved[table] = n;
      // What stayed behind duplicates a key: listed in that key's order.
      const order = keys[0] ? ` ORDER BY ${keys[0].map((c) => `"${c}"`).join(', ')}` : '';
      const rest = await sqlite.all(`SELECT * FROM "${table}" WHERE candidate_id = ?${order}`, [fromId]);
      if (rest.length) {
        leftover[table] = rest;
        await sqlite.run(`DELETE FROM "${table}" WHERE candidate_id = ?`, [fromId]);
      }
    }
    // The queue's search finds a portfolio by either id and either email; the pseudonym follows the surviving id.
    const pseudonym = pseudonymCode(ctx.dataDir, intoId);
    for (const p of movedPortfolios) {
      await sqlite.run('UPDATE portfolios SET pseudonym = ? WHERE seq = ?', [pseudonym, p.seq]);
      await indexForSearch(ctx, { seq: p.seq, id: p.id, pseudonym, identity: [intoId, fromId, p.name, into.email, from.email] });
    }
    // Earlier merges into the merged-away id now point at the survivor, so every old id still resolves.
    await sqlite.run('UPDATE credit_candidate_merges SET into_id = ? WHERE into_id = ?', [intoId, fromId]);
    await sqlite.run('DELETE FROM candidates WHERE id = ?', [fromId]);
    await ctx.db.orm
      .insert(creditCandidateMerges)
      .values({
        fromId,
        intoId,
        snapshot: JSON.stringify({ candidate: from, leftover }),
        moved: JSON.stringify(moved),
        reason,
        mergedAt: nowIso(ctx),
        mergedBy: actor.id,
      })
      .run();
    await audit(ctx, {
      actor: actor.id,
      action: 'candidate.merge',
      entityType: 'candidate',
      entityId: intoId,
      details: { from, into, moved, leftover, reason },
    });
  });
  return candidateRecord(ctx, intoId, actor);
}

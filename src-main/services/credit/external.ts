import crypto from 'node:crypto';
import { mapInOrder } from '../in-order';
import { eq, sql } from 'drizzle-orm';
import type { CandidateBrief, ExternalImportReport } from '../../../src-shared/contracts/credit';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import type { Credential } from '../../../src-shared/domain/credential';
import { candidates, creditExternal } from '../../db/schema';
import { nowIso, type ServiceContext, transaction } from '../context';
import { audit } from '../audit';
import { listCredentials } from '../credentials';
import { ImportError, type ImportProblem } from '../import/problems';
import { candidateChanges, requireUpdatePermission } from '../import/existing';
import { canManageCandidates } from './access';
import { isoDay } from './attainments';
import { getCandidate, mergedInto, normaliseName } from './candidates';
import { parseExternalCsv } from './external-csv';
import { readExternalBadge } from './badge-import';
import { externalStanding, trustIndex } from './trust';

/**
 * A CSV line carries no proof: the person importing it vouches for it. That counts only from someone who decides
 * credit (a credit approver or an admin); from anyone else (a lead) the line is kept as unverified until one of them
 * imports it again.
 */
function csvAttestation(actor: Reviewer, fileName: string): Pick<ExternalRecord, 'verification' | 'verificationNote' | 'signerThumbprint'> {
  const who = actor.name === actor.id ? actor.id : `${actor.name} (${actor.id})`;
  if (actor.roles.includes('approver') || actor.roles.includes('admin'))
    return { verification: 'attested', verificationNote: `attested by ${who}, imported from ${fileName}`, signerThumbprint: null };
  return {
    verification: 'unverified',
    verificationNote: `imported from a CSV file by ${actor.name}, who is not a credit approver or admin: a CSV carries no proof, so it counts once an approver or admin imports it`,
    signerThumbprint: null,
  };
}

/** One credential earned elsewhere, from either format, before it is matched to a candidate. */
export interface ExternalRecord {
  /** Where in the file: "line 4" or the badge's id. */
  ref: string;
  candidate: { id: string; email: string; name: string; school: string; district: string };
  code: string;
  /** An Open Badges achievement's own code: used to match the catalogue when it fits, ignored when not. */
  humanCode?: string | null;
  title: string;
  issuer: string;
  issuerId: string | null;
  awardedOn: string;
  expiresOn: string | null;
  points: number | null;
  hours: number | null;
  document: string | null;
  /** What vouches for it: see migrations/0005_audit_chain.ts and ./trust.ts. */
  verification: 'local' | 'signed' | 'attested' | 'unverified';
  verificationNote: string;
  signerThumbprint: string | null;
}

/** The catalogue credential a record names: by code, else by title (accents, case and punctuation aside). */
export function matchCatalogue(catalogue: Credential[], code: string, title: string): Credential | null {
  if (code) return catalogue.find((c) => c.code.toLowerCase() === code.toLowerCase()) ?? null;
  const t = normaliseName(title);
  return catalogue.find((c) => normaliseName(c.title) === t) ?? null;
}

const generatedId = (email: string) => `X-${crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 10)}`;

/**
 * Finds the candidate a record belongs to: by id (following merges), else by email, else a new candidate.
 * Returns how it matched, so the report can say which lines were matched by email alone.
 */
async function resolveCandidate(ctx: ServiceContext, r: ExternalRecord, created: Map<string, string>): Promise<{ id: string; how: 'id' | 'email' | 'new' }> {
  if (r.candidate.id) {
    if (await getCandidate(ctx, r.candidate.id)) return { id: r.candidate.id, how: 'id' };
    const into = await mergedInto(ctx, r.candidate.id);
    if (into && (await getCandidate(ctx, into))) return { id: into, how: 'id' };
  }
  const email = r.candidate.email.trim().toLowerCase();
  const byEmail = await ctx.db.orm
    .select({ id: candidates.id })
    .from(candidates)
    .where(eq(sql`lower(${candidates.email})`, email))
    .orderBy(candidates.id)
    .all();
  if (byEmail.length > 0) return { id: byEmail[0]!.id, how: created.has(email) ? 'new' : 'email' };
  const id = r.candidate.id || generatedId(email);
  await ctx.db.orm
    .insert(candidates)
    .values({ id, name: r.candidate.name, email: r.candidate.email, school: r.candidate.school, district: r.candidate.district })
    .run();
  created.set(email, id);
  return { id, how: 'new' };
}

/**
 * The details a CSV gives for candidates it names by an id already here (school and district only where the line
 * has them). Lines naming one id with different details are refused: which one would be right?
 */
async function candidateUpdates(ctx: ServiceContext, file: string, records: ExternalRecord[], problems: ImportProblem[]): Promise<Map<string, CandidateBrief>> {
  const out = new Map<string, CandidateBrief>();
  const from = new Map<string, string>();
  for (const r of records) {
    const known = r.candidate.id ? await getCandidate(ctx, r.candidate.id) : null;
    if (!known) continue;
    const after = {
      id: known.id,
      name: r.candidate.name,
      email: r.candidate.email,
      school: r.candidate.school || known.school,
      district: r.candidate.district || known.district,
    };
    const earlier = out.get(known.id);
    if (!earlier) {
      out.set(known.id, after);
      from.set(known.id, r.ref);
      continue;
    }
    const differ = candidateChanges(earlier, after);
    if (differ.length)
      problems.push({
        source: file,
        field: `${r.ref}, candidate_id`,
        reason: `candidate ${known.id} has other details on ${from.get(known.id)}: ${differ.map((d) => `${d.field} ${d.old} / ${d.new}`).join('; ')}`,
      });
  }
  return out;
}

function fingerprint(candidateId: string, r: ExternalRecord, code: string | null): string {
  const parts = [candidateId, code ?? normaliseName(r.title), normaliseName(r.issuer), r.awardedOn, r.expiresOn ?? ''];
  return crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/**
 * Imports credentials earned elsewhere from a CSV file or an Open Badges 3.0 credential (JSON), all or nothing:
 * every problem is reported with the file, line and column, and nothing is written unless all lines are right.
 * Each is stored as external, with its issuer and what vouches for it (a trusted signature, an approver's or admin's
 * attestation, or nothing: unverified, reported with the reason, never counted). A re-import of the same record
 * changes nothing, except that it can prove or attest a record stored unverified.
 */
export async function importExternal(
  ctx: ServiceContext,
  input: { fileName: string; content: string; candidateId?: string; updateExisting?: boolean },
  actor: Reviewer,
): Promise<ExternalImportReport> {
  canManageCandidates(actor);
  const today = isoDay(nowIso(ctx));
  // A badge is JSON-LD or a bare VC-JWT (compact JWS); anything else is read as the CSV format.
  const trimmed = input.content.replace(/^\uFEFF/, '').trim();
  const isBadge = /\.(json|jwt)$/i.test(input.fileName) || trimmed.startsWith('{') || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed);
  let records: ExternalRecord[] = [];
  const problems: ImportProblem[] = [];
  if (isBadge) {
    const read = await readExternalBadge(ctx, input.fileName, input.content, input.candidateId);
    problems.push(...read.problems);
    if (read.record) records = [read.record];
  } else {
    const parsed = parseExternalCsv(input.fileName, input.content, today);
    problems.push(...parsed.problems);
    records = parsed.rows.map((r) => ({
      ref: `line ${r.line}`,
      candidate: { id: r.candidateId, email: r.email, name: r.name, school: r.school, district: r.district },
      code: r.code,
      title: r.title,
      issuer: r.issuer,
      issuerId: null,
      awardedOn: r.awardedOn,
      expiresOn: r.expiresOn,
      points: r.points,
      hours: r.hours,
      document: null,
      ...csvAttestation(actor, input.fileName),
    }));
  }
  const catalogue = await listCredentials(ctx);
  for (const r of records)
    if (r.code && !matchCatalogue(catalogue, r.code, ''))
      problems.push({
        source: input.fileName,
        field: `${r.ref}, credential_code`,
        reason: `unknown credential code "${r.code}" (the catalogue has ${catalogue.map((c) => c.code).join(', ')})`,
      });
  // A badge's candidate is read from this database, so only a CSV's lines can disagree with a known candidate.
  const updates = isBadge ? new Map<string, CandidateBrief>() : await candidateUpdates(ctx, input.fileName, records, problems);
  const changes = (await mapInOrder([...updates.values()], async (after) => candidateChanges((await getCandidate(ctx, after.id))!, after))).flat();
  requireUpdatePermission(changes, { updateExisting: input.updateExisting, caller: actor }, problems);
  if (problems.length) throw new ImportError(problems);

  const report: ExternalImportReport = {
    file: input.fileName,
    kind: isBadge ? 'badge' : 'csv',
    imported: 0,
    unchanged: 0,
    candidatesCreated: [],
    candidatesUpdated: [],
    matchedByEmail: [],
    notInCatalogue: [],
    upgraded: 0,
    unverified: [],
  };
  const trust = await trustIndex(ctx);
  await transaction(ctx, async (ctx) => {
    for (const after of updates.values()) {
      const before = (await getCandidate(ctx, after.id))!;
      if (candidateChanges(before, after).length === 0) continue;
      await ctx.db.orm.update(candidates).set(after).where(eq(candidates.id, after.id)).run();
      await audit(ctx, {
        actor: actor.id,
        action: 'candidate.update',
        entityType: 'candidate',
        entityId: after.id,
        details: { before, after, file: input.fileName },
      });
      report.candidatesUpdated.push(after.id);
    }
    const created = new Map<string, string>();
    for (const r of records) {
      const { id, how } = await resolveCandidate(ctx, r, created);
      if (how === 'email') report.matchedByEmail.push({ line: r.ref, candidate: id });
      const match = (r.humanCode ? matchCatalogue(catalogue, r.humanCode, '') : null) ?? matchCatalogue(catalogue, r.code, r.title);
      if (!match) report.notInCatalogue.push(`${r.ref}: ${r.title}`);
      const fp = fingerprint(id, r, match?.code ?? null);
      const standing = externalStanding(r, trust);
      if (!standing.counts) report.unverified.push({ line: r.ref, reason: standing.note });
      const existing = await ctx.db.orm.select().from(creditExternal).where(eq(creditExternal.fingerprint, fp)).get();
      if (existing) {
        // The same record again: it changes nothing, unless it now proves (or attests) what was stored unverified.
        if (externalStanding(existing, trust).counts || !standing.counts) {
          report.unchanged += 1;
          continue;
        }
        await ctx.db.orm
          .update(creditExternal)
          .set({
            verification: r.verification,
            verificationNote: r.verificationNote,
            signerThumbprint: r.signerThumbprint,
            document: r.document ?? existing.document,
            sourceFile: input.fileName,
            sourceRef: r.ref,
          })
          .where(eq(creditExternal.id, existing.id))
          .run();
        await audit(ctx, {
          actor: actor.id,
          action: 'credit.external.verify',
          entityType: 'candidate',
          entityId: existing.candidateId,
          details: { external: existing.id, from: existing.verification, to: r.verification, note: standing.note, file: input.fileName, ref: r.ref },
        });
        report.upgraded += 1;
        continue;
      }
      const row = await ctx.db.orm
        .insert(creditExternal)
        .values({
          candidateId: id,
          credentialCode: match?.code ?? null,
          title: match?.title ?? r.title,
          issuer: r.issuer,
          issuerId: r.issuerId,
          awardedOn: r.awardedOn,
          expiresOn: r.expiresOn,
          points: r.points,
          hours: r.hours,
          source: isBadge ? 'badge' : 'csv',
          sourceFile: input.fileName,
          sourceRef: r.ref,
          fingerprint: fp,
          document: r.document,
          importedAt: nowIso(ctx),
          importedBy: actor.id,
          verification: r.verification,
          verificationNote: r.verificationNote,
          signerThumbprint: r.signerThumbprint,
        })
        .returning({ id: creditExternal.id })
        .get();
      await audit(ctx, {
        actor: actor.id,
        action: 'credit.external.import',
        entityType: 'candidate',
        entityId: id,
        details: {
          external: row.id,
          credential: match?.code ?? null,
          title: r.title,
          issuer: r.issuer,
          awarded_on: r.awardedOn,
          file: input.fileName,
          ref: r.ref,
          verification: r.verification,
          note: standing.note,
        },
      });
      report.imported += 1;
    }
    report.candidatesCreated = [...created.values()];
    for (const cid of report.candidatesCreated)
      await audit(ctx, { actor: actor.id, action: 'candidate.create', entityType: 'candidate', entityId: cid, details: { file: input.fileName } });
  });
  return report;
}

import Papa from 'papaparse';
import { z } from 'zod';
import { ROLES, type Role } from '../../../src-shared/domain/roles';
import { MAX_LINE_TEXT, oversizeTextReason, unsafeTextReason } from '../../../src-shared/domain/text';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { type ServiceContext, transaction } from '../context';
import { createReviewer, getReviewer, listReviewers, requireRole, updateReviewer } from '../reviewers';
import { diffFields, type FieldChange } from '../../../src-shared/domain/changes';
import { requireUpdatePermission } from '../import/existing';

export const REVIEWER_COLUMNS = ['id', 'name', 'email', 'school', 'district', 'roles'] as const;

export class ReviewerCsvError extends Error {
  constructor(readonly problems: { line: number; reason: string }[]) {
    super(`reviewers file refused, nothing was imported:\n${problems.map((p) => `- line ${p.line}: ${p.reason}`).join('\n')}`);
  }
}

const Email = z.email();
const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/);

export interface ReviewerRow {
  line: number;
  id: string;
  name: string;
  email: string;
  school: string;
  district: string;
  roles: Role[];
}

/** Parses `id,name,email,school,district,roles` (roles separated by `;`), naming the line of every problem. */
export function parseReviewersCsv(text: string): ReviewerRow[] {
  const oversize = oversizeTextReason(text);
  if (oversize) throw new ReviewerCsvError([{ line: 1, reason: oversize }]);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const problems: { line: number; reason: string }[] = [];
  const [header, ...rows] = parsed.data;
  const cols = (header ?? []).map((h) => h.trim().toLowerCase());
  const missing = REVIEWER_COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new ReviewerCsvError([
      { line: 1, reason: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected ${REVIEWER_COLUMNS.join(',')})` },
    ]);
  const at = (row: string[], c: (typeof REVIEWER_COLUMNS)[number]) => (row[cols.indexOf(c)] ?? '').trim();
  const seen = new Map<string, number>();
  const out: ReviewerRow[] = [];
  rows.forEach((row, i) => {
    const line = i + 2;
    const r = { line, id: at(row, 'id'), name: at(row, 'name'), email: at(row, 'email'), school: at(row, 'school'), district: at(row, 'district') };
    for (const f of ['id', 'name', 'email'] as const) if (!r[f]) problems.push({ line, reason: `${f} is missing` });
    for (const f of ['name', 'email', 'school', 'district'] as const) {
      const unsafe = r[f].length > MAX_LINE_TEXT ? `is longer than ${MAX_LINE_TEXT} characters` : unsafeTextReason(r[f]);
      if (unsafe) {
        problems.push({ line, reason: `${f} ${unsafe}` });
        r[f] = '';
      }
    }
    if (r.id && !Id.safeParse(r.id).success) problems.push({ line, reason: `id "${r.id}" may use only letters, digits, . _ -` });
    if (r.email && !Email.safeParse(r.email).success) problems.push({ line, reason: `invalid email "${r.email}"` });
    const roles = at(row, 'roles')
      .split(';')
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean);
    if (roles.length === 0) problems.push({ line, reason: 'roles is missing' });
    for (const role of roles) if (!ROLES.includes(role as Role)) problems.push({ line, reason: `unknown role "${role}" (one of ${ROLES.join(', ')})` });
    if (r.id && seen.has(r.id)) problems.push({ line, reason: `duplicate id "${r.id}" (also on line ${seen.get(r.id)})` });
    if (r.id) seen.set(r.id, line);
    out.push({ ...r, roles: roles as Role[] });
  });
  if (problems.length) throw new ReviewerCsvError(problems);
  return out;
}

/** The fields a reviewers file sets, in the order a diff names them (roles first: they decide what a person may do). */
const REVIEWER_FIELDS = ['roles', 'name', 'email', 'school', 'district'] as const;

export interface ReviewerImportPlan {
  create: ReviewerRow[];
  update: ReviewerRow[];
  unchanged: string[];
  changes: FieldChange[];
}

/**
 * What importing these rows would do, decided before anything is written: new ids to create, known ids whose fields
 * would change (each change listed), and rows identical to the profile here. An email another profile uses is refused.
 */
export async function planReviewerImport(ctx: ServiceContext, rows: ReviewerRow[]): Promise<ReviewerImportPlan> {
  const plan: ReviewerImportPlan = { create: [], update: [], unchanged: [], changes: [] };
  const everyone = await listReviewers(ctx);
  const problems: { line: number; reason: string }[] = [];
  const emails = new Map<string, number>();
  for (const r of rows) {
    const email = r.email.toLowerCase();
    const taken = everyone.find((x) => x.id !== r.id && x.email.toLowerCase() === email);
    if (taken) problems.push({ line: r.line, reason: `the email ${r.email} belongs to the profile ${taken.id}` });
    if (emails.has(email)) problems.push({ line: r.line, reason: `duplicate email ${r.email} (also on line ${emails.get(email)})` });
    emails.set(email, r.line);
    const existing = everyone.find((x) => x.id === r.id);
    if (!existing) {
      plan.create.push(r);
      continue;
    }
    const changes = diffFields('reviewer', r.id, existing, r, REVIEWER_FIELDS);
    if (changes.length === 0) plan.unchanged.push(r.id);
    else {
      plan.update.push(r);
      plan.changes.push(...changes);
    }
  }
  if (problems.length) throw new ReviewerCsvError(problems);
  return plan;
}

/**
 * Imports reviewer profiles, all or nothing: new ids are created; known ids whose fields differ are refused, naming
 * each change, unless `updateExisting` (a lead or admin); identical rows change nothing. Every write is audited.
 */
export async function importReviewers(
  ctx: ServiceContext,
  csv: string,
  actor: Reviewer,
  options: { updateExisting?: boolean } = {},
): Promise<{ created: string[]; updated: string[]; unchanged: string[] }> {
  requireRole(actor, 'lead', 'admin');
  const plan = await planReviewerImport(ctx, parseReviewersCsv(csv));
  requireUpdatePermission(plan.changes, { updateExisting: options.updateExisting, caller: actor });
  const result = { created: [] as string[], updated: [] as string[], unchanged: plan.unchanged };
  await transaction(ctx, async (ctx) => {
    for (const r of plan.update) {
      const before = (await getReviewer(ctx, r.id))!;
      const patch = Object.fromEntries(REVIEWER_FIELDS.filter((f) => diffFields('reviewer', r.id, before, r, [f]).length).map((f) => [f, r[f]]));
      await updateReviewer(ctx, r.id, patch, actor);
      result.updated.push(r.id);
    }
    for (const r of plan.create) {
      try {
        await createReviewer(ctx, { id: r.id, name: r.name, email: r.email, school: r.school, district: r.district, roles: r.roles }, actor);
      } catch (err) {
        throw new ReviewerCsvError([{ line: r.line, reason: (err as Error).message }]);
      }
      result.created.push(r.id);
    }
  });
  return result;
}

/**
 * Credit pathways: how passed micro-credentials turn into academic credit (or licence-renewal hours), and the pure
 * evaluation of one candidate's credentials against a pathway on an application date. No I/O here: the services
 * gather the candidate's attainments and the catalogue, this module decides and explains.
 */
import { z } from 'zod';
import { lineText } from './text';

const Code = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'credential code: letters, digits, . _ - only');
export const PathwayIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'pathway id: letters, digits, . _ - only (at most 64)');

/** How many of the pathway's credentials must be held: all of them, n of them, or any (then points or hours decide). */
export const PathwayRequireSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('all_of') }),
  z.object({ type: z.literal('n_of'), n: z.number().int().min(1) }),
  z.object({ type: z.literal('any') }),
]);
export type PathwayRequire = z.infer<typeof PathwayRequireSchema>;

export const PathwayRuleSchema = z
  .object({
    /** Catalogue codes this pathway recognises; only these can count. */
    credentials: z.array(Code).min(1, 'a pathway recognises at least one credential'),
    require: PathwayRequireSchema.default({ type: 'all_of' }),
    min_points: z.number().positive().optional(),
    min_hours: z.number().positive().optional(),
    /** A post-test percentage at or above `min`, from a counted credential (that one credential, when named). */
    post_test: z.object({ min: z.number().min(0).max(100), credential: Code.optional() }).optional(),
    /** False (the default): a credential that already counted toward an approved award cannot count again. */
    allow_double_counting: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    const seen = new Set<string>();
    rule.credentials.forEach((c, i) => {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', path: ['credentials', i], message: `credential ${c} is listed twice` });
      seen.add(c);
    });
    if (rule.require.type === 'n_of' && rule.require.n > rule.credentials.length)
      ctx.addIssue({ code: 'custom', path: ['require', 'n'], message: `n is ${rule.require.n} but the pathway lists only ${rule.credentials.length} credentials` });
    if (rule.require.type === 'any' && rule.min_points === undefined && rule.min_hours === undefined)
      ctx.addIssue({ code: 'custom', path: ['require'], message: '"any" needs a minimum of points or hours' });
    if (rule.post_test?.credential && !seen.has(rule.post_test.credential))
      ctx.addIssue({ code: 'custom', path: ['post_test', 'credential'], message: `${rule.post_test.credential} is not one of the pathway's credentials` });
  });
export type PathwayRule = z.infer<typeof PathwayRuleSchema>;

export const PathwayTargetSchema = z.object({
  /** The award's code in the student-record system, e.g. "EDUC 581". */
  code: z.string().trim().min(1).max(64),
  title: lineText().trim().min(1).max(200),
  qualification: z.string().trim().max(200).default(''),
  awarding_body: z.string().trim().max(200).default(''),
  points: z.number().nonnegative().optional(),
  hours: z.number().nonnegative().optional(),
});
export type PathwayTarget = z.infer<typeof PathwayTargetSchema>;

export const PATHWAY_FORMAT = 'evidence-workbench/pathway@1';

/** A pathway version as stored, edited and exchanged (resources/schemas/pathway.schema.json). */
export const PathwaySchema = z.object({
  format: z.literal(PATHWAY_FORMAT),
  id: PathwayIdSchema,
  version: z.number().int().positive(),
  description: z.string().max(5000).default(''),
  change_note: z.string().max(2000).optional(),
  target: PathwayTargetSchema,
  rule: PathwayRuleSchema,
  /** Approvals need a second, different approver. */
  four_eyes: z.boolean().default(false),
});
export type Pathway = z.infer<typeof PathwaySchema>;
export type PathwayInput = z.input<typeof PathwaySchema>;

/** Canonical text of a pathway version, to tell an identical re-import or save from a change. */
export function pathwayFingerprint(p: Pathway): string {
  const { change_note: _note, ...rest } = PathwaySchema.parse(p);
  return JSON.stringify(rest);
}

export function pathwayLabel(p: Pick<Pathway, 'target'>): string {
  return `${p.target.code} ${p.target.title}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates: plain calendar dates (YYYY-MM-DD) compare as strings; no time zones enter a credit decision.

export const IsoDateSchema = z.iso.date();

export function isIsoDate(s: string): boolean {
  return IsoDateSchema.safeParse(s).success;
}

/** The date `years` after `date`, month-accurate (fractions of a year round to whole months; 29 Feb → 28 Feb). */
export function addYearsIso(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + Math.round(years * 12);
  const ny = Math.floor(months / 12);
  const nm = (months % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

export interface CatalogueEntry {
  code: string;
  title: string;
  credit_points: number;
  hours?: number;
}

/** A credential the candidate holds: passed in this app (one portfolio) or earned elsewhere (imported). */
export interface Attainment {
  /** Stable reference, e.g. "portfolio:P-2026-013" or "external:7". */
  key: string;
  /** The catalogue credential it counts as; null when it matches nothing in the catalogue (never counts). */
  code: string | null;
  title: string;
  source: 'app' | 'external';
  issuer: string;
  awardedOn: string;
  /** The first day it no longer counts; null when it does not expire. */
  expiresOn: string | null;
  points: number;
  hours: number;
  attempt: number | null;
  portfolioId: string | null;
  postTest: number | null;
  /** Already counted toward an approved award (another application). */
  usedFor: { application: string; award: string; decidedOn: string } | null;
  /** Why nothing proves it (an external record whose proof does not verify against a trusted issuer): never counts. */
  unverified?: string | null;
}

export type AttainmentStatus = 'valid' | 'expired' | 'not_yet_awarded' | 'used' | 'unverified';
export type CheckStatus = AttainmentStatus | 'missing';

export interface RequirementCheck {
  id: string;
  kind: 'credential' | 'count' | 'points' | 'hours' | 'post_test';
  /** Whether the pathway's decision depends on this line (with n of m, single credentials only inform). */
  required: boolean;
  ok: boolean;
  label: string;
  /** A sentence a candidate can read: "Contemporary Secondary Teaching Approaches: passed 2026-05-03, attempt 2". */
  reason: string;
  status?: CheckStatus;
  code?: string;
  attainment?: string;
  counted?: boolean;
}

export interface PathwayEvaluation {
  met: boolean;
  date: string;
  checks: RequirementCheck[];
  /** Keys of the attainments that count toward the award, in the pathway's credential order. */
  counted: string[];
  totals: { points: number; hours: number };
}

export function attainmentStatus(a: Attainment, date: string, allowDoubleCounting: boolean): AttainmentStatus {
  if (a.unverified) return 'unverified';
  if (a.awardedOn > date) return 'not_yet_awarded';
  if (a.expiresOn !== null && date >= a.expiresOn) return 'expired';
  if (a.usedFor && !allowDoubleCounting) return 'used';
  return 'valid';
}

const STATUS_RANK: Record<AttainmentStatus, number> = { valid: 0, used: 1, expired: 2, not_yet_awarded: 3, unverified: 4 };

/** Total order used for every tie-break, so the result never depends on the order attainments arrive in. */
function compareKeys(a: Attainment, b: Attainment): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Of several attainments of one credential, the one that speaks for it: valid first, then the one worth most (points,
 * hours, post-test) so that gaining an attainment can never make a met pathway unmet, then the most recent award.
 */
function representative(list: Attainment[], date: string, allow: boolean): Attainment | undefined {
  return [...list].sort(
    (a, b) =>
      STATUS_RANK[attainmentStatus(a, date, allow)] - STATUS_RANK[attainmentStatus(b, date, allow)] ||
      b.points - a.points ||
      b.hours - a.hours ||
      (b.postTest ?? -1) - (a.postTest ?? -1) ||
      (a.awardedOn < b.awardedOn ? 1 : a.awardedOn > b.awardedOn ? -1 : 0) ||
      (a.source === b.source ? 0 : a.source === 'app' ? -1 : 1) ||
      compareKeys(a, b),
  )[0];
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function describeAttainment(a: Attainment, status: CheckStatus, title: string): string {
  switch (status) {
    case 'expired':
      return `${title}: expired ${a.expiresOn}`;
    case 'not_yet_awarded':
      return `${title}: ${a.source === 'app' ? 'passed' : 'awarded'} ${a.awardedOn}, after the application date`;
    case 'used':
      return `${title}: already counted toward ${a.usedFor!.award} (${a.usedFor!.application}, approved ${a.usedFor!.decidedOn})`;
    case 'missing':
      return `${title}: missing`;
    case 'unverified':
      return `${title}: unverified: ${a.unverified}`;
    case 'valid': {
      const how =
        a.source === 'app'
          ? `passed ${a.awardedOn}${a.attempt !== null ? `, attempt ${a.attempt}` : ''}`
          : `awarded ${a.awardedOn} by ${a.issuer || 'another provider'} (external)`;
      const shared = a.usedFor ? `; also counted toward ${a.usedFor.award}` : '';
      return `${title}: ${how}${shared}`;
    }
  }
}

/**
 * Checks a candidate's attainments against a pathway on an application date, requirement by requirement, and picks
 * the credentials that count. Deterministic and independent of input order; a credential counts at most once.
 */
export function evaluatePathway(pathway: Pick<Pathway, 'rule'>, attainments: readonly Attainment[], catalogue: readonly CatalogueEntry[], date: string): PathwayEvaluation {
  const rule = pathway.rule;
  const allow = rule.allow_double_counting;
  // One representative attainment per recognised credential. Where a credential has several valid attainments
  // (e.g. passed here and also recorded elsewhere), every choice is tried, preferred ones first, and the first that
  // meets the pathway wins: so gaining an attainment can never turn a met pathway into an unmet one.
  const options = rule.credentials.map((code) => {
    const mine = attainments.filter((a) => a.code === code);
    const valid = mine.filter((a) => attainmentStatus(a, date, allow) === 'valid');
    const preferred = representative(mine, date, allow);
    return valid.length > 1 ? [preferred, ...sortByPreference(valid, date, allow).filter((a) => a !== preferred)] : [preferred];
  });
  const combos = options.reduce((n, o) => n * o.length, 1);
  let first: PathwayEvaluation | null = null;
  for (let i = 0; i < Math.min(combos, MAX_CHOICES); i++) {
    let rest = i;
    const byCode = new Map<string, Attainment | undefined>();
    rule.credentials.forEach((code, k) => {
      const o = options[k]!;
      byCode.set(code, o[rest % o.length]);
      rest = Math.floor(rest / o.length);
    });
    const result = evaluateChoice(rule, byCode, catalogue, date);
    if (result.met) return result;
    first ??= result;
  }
  return first!;
}

/** Beyond this many combinations of attainments the preferred ones alone are tried (never reached by real records). */
const MAX_CHOICES = 256;

function sortByPreference(list: Attainment[], date: string, allow: boolean): Attainment[] {
  const head = representative(list, date, allow);
  return head ? [head, ...sortByPreference(list.filter((a) => a !== head), date, allow)] : [];
}

function evaluateChoice(rule: Pathway['rule'], byCode: Map<string, Attainment | undefined>, catalogue: readonly CatalogueEntry[], date: string): PathwayEvaluation {
  const allow = rule.allow_double_counting;
  const titleOf = (code: string) => catalogue.find((c) => c.code === code)?.title ?? code;
  const postMin = rule.post_test?.min;
  const postCode = rule.post_test?.credential;
  const valid = rule.credentials.map((c) => byCode.get(c)).filter((a): a is Attainment => a !== undefined && attainmentStatus(a, date, allow) === 'valid');

  // Counting order: a credential that satisfies the post-test first (so a choice never fails it needlessly), then
  // the most points, the most hours, the most recent award.
  const helpsPost = (a: Attainment) => postMin !== undefined && (postCode === undefined || a.code === postCode) && a.postTest !== null && a.postTest >= postMin;
  const priority = [...valid].sort(
    (a, b) =>
      Number(helpsPost(b)) - Number(helpsPost(a)) ||
      b.points - a.points ||
      b.hours - a.hours ||
      (a.awardedOn < b.awardedOn ? 1 : a.awardedOn > b.awardedOn ? -1 : 0) ||
      compareKeys(a, b),
  );
  const totalsOf = (xs: Attainment[]) => ({ points: xs.reduce((s, a) => s + a.points, 0), hours: xs.reduce((s, a) => s + a.hours, 0) });
  const enough = (xs: Attainment[]) => {
    const t = totalsOf(xs);
    return (rule.min_points === undefined || t.points >= rule.min_points) && (rule.min_hours === undefined || t.hours >= rule.min_hours);
  };
  let chosen: Attainment[];
  if (rule.require.type === 'all_of') chosen = valid;
  else {
    chosen = rule.require.type === 'n_of' ? priority.slice(0, rule.require.n) : [];
    for (const a of priority) {
      if (enough(chosen) && (rule.require.type !== 'any' || chosen.length > 0)) break;
      if (!chosen.includes(a)) chosen.push(a);
    }
  }
  const chosenKeys = new Set(chosen.map((a) => a.key));
  const counted = rule.credentials.map((c) => byCode.get(c)).filter((a): a is Attainment => a !== undefined && chosenKeys.has(a.key));
  const totals = totalsOf(counted);

  const checks: RequirementCheck[] = rule.credentials.map((code) => {
    const a = byCode.get(code);
    const title = titleOf(code);
    const status: CheckStatus = a ? attainmentStatus(a, date, allow) : 'missing';
    return {
      id: `credential:${code}`,
      kind: 'credential',
      required: rule.require.type === 'all_of',
      ok: status === 'valid',
      label: title,
      reason: a ? describeAttainment(a, status, title) : `${title}: missing`,
      status,
      code,
      ...(a ? { attainment: a.key } : {}),
      counted: a !== undefined && chosenKeys.has(a.key),
    };
  });
  if (rule.require.type === 'n_of') {
    const n = rule.require.n;
    checks.push({
      id: 'count',
      kind: 'count',
      required: true,
      ok: valid.length >= n,
      label: `${n} of ${rule.credentials.length} credentials`,
      reason: `At least ${n} of the ${rule.credentials.length} credentials: ${valid.length} valid`,
    });
  }
  if (rule.min_points !== undefined)
    checks.push({
      id: 'points',
      kind: 'points',
      required: true,
      ok: totals.points >= rule.min_points,
      label: 'Credit points',
      reason: `Credit points: ${fmt(totals.points)} counted, at least ${fmt(rule.min_points)} required`,
    });
  if (rule.min_hours !== undefined)
    checks.push({
      id: 'hours',
      kind: 'hours',
      required: true,
      ok: totals.hours >= rule.min_hours,
      label: 'Hours',
      reason: `Hours: ${fmt(totals.hours)} counted, at least ${fmt(rule.min_hours)} required`,
    });
  if (rule.post_test) {
    const from = counted.filter((a) => (postCode === undefined || a.code === postCode) && a.postTest !== null);
    const best = [...from].sort((a, b) => b.postTest! - a.postTest! || compareKeys(a, b))[0];
    const where = postCode ? ` in ${titleOf(postCode)}` : '';
    checks.push({
      id: 'post_test',
      kind: 'post_test',
      required: true,
      ok: best !== undefined && best.postTest! >= rule.post_test.min,
      label: 'Post-test',
      reason: best
        ? `Post-test: ${fmt(best.postTest!)} %${postCode ? '' : ` in ${best.title}`}${where}, at least ${fmt(rule.post_test.min)} % required`
        : `Post-test: no result recorded${where} for a counted credential, at least ${fmt(rule.post_test.min)} % required`,
      ...(best ? { attainment: best.key } : {}),
    });
  }
  return { met: checks.every((c) => !c.required || c.ok), date, checks, counted: counted.map((a) => a.key), totals };
}

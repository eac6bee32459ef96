import { and, eq } from 'drizzle-orm';
import type { ExportFile } from '../../../src-shared/contracts/exports';
import type { Holder, Insight } from '../../../src-shared/contracts/credit';
import type { Reviewer } from '../../../src-shared/contracts/reviewers';
import { addYearsIso } from '../../../src-shared/domain/pathway';
import { candidates, creditExternal, portfolios } from '../../db/schema';
import { nowIso, type ServiceContext } from '../context';
import { audit } from '../audit';
import { listCredentials } from '../credentials';
import { toCsv } from '../export/csv';
import { canView } from './access';
import { isoDay } from './attainments';
import { externalStanding, trustIndex } from './trust';
import { attemptTrails, passedAt } from './trail';

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const DAY_MS = 86_400_000;

export interface InsightFilter {
  credential?: string;
  school?: string;
  district?: string;
}

/** Who holds each credential (passed here, or earned elsewhere), and whether it still counts today. */
export async function holders(ctx: ServiceContext, filter: InsightFilter = {}): Promise<Holder[]> {
  const db = ctx.db.orm;
  const today = isoDay(nowIso(ctx));
  const catalogue = new Map((await listCredentials(ctx)).map((c) => [c.code, c]));
  const people = new Map((await db.select().from(candidates).all()).map((c) => [c.id, c]));
  const out: Holder[] = [];
  const passed = await db
    .select()
    .from(portfolios)
    .where(
      and(eq(portfolios.outcome, 'pass'), eq(portfolios.isAnchor, false), ...(filter.credential ? [eq(portfolios.credentialCode, filter.credential)] : [])),
    )
    .all();
  for (const t of await attemptTrails(ctx, passed)) {
    const at = passedAt(t);
    const who = people.get(passed.find((p) => p.id === t.portfolioId)!.candidateId);
    if (!at || !who) continue;
    const c = catalogue.get(t.credential.code);
    const awardedOn = isoDay(at);
    const expiresOn = c?.validity_years ? addYearsIso(awardedOn, c.validity_years) : null;
    out.push({
      candidateId: who.id,
      name: who.name,
      email: who.email,
      school: who.school,
      district: who.district,
      code: t.credential.code,
      title: t.credential.title,
      source: 'app',
      issuer: c?.provider ?? '',
      awardedOn,
      expiresOn,
      current: expiresOn === null || today < expiresOn,
    });
  }
  const ext = (
    await db
      .select()
      .from(creditExternal)
      .where(filter.credential ? eq(creditExternal.credentialCode, filter.credential) : undefined)
      .all()
  ).filter((e) => e.credentialCode !== null);
  const trust = await trustIndex(ctx);
  for (const e of ext) {
    const who = people.get(e.candidateId);
    const standing = externalStanding(e, trust);
    // A holder is someone whose credential is proven or attested; an unverified record holds nothing yet.
    if (!who || !standing.counts) continue;
    const c = catalogue.get(e.credentialCode!);
    const expiresOn = e.expiresOn ?? (c?.validity_years ? addYearsIso(e.awardedOn, c.validity_years) : null);
    out.push({
      candidateId: who.id,
      name: who.name,
      email: who.email,
      school: who.school,
      district: who.district,
      code: e.credentialCode!,
      title: c?.title ?? e.title,
      source: 'external',
      issuer: standing.issuer,
      awardedOn: e.awardedOn,
      expiresOn,
      current: expiresOn === null || today < expiresOn,
    });
  }
  return out
    .filter((h) => (!filter.school || h.school === filter.school) && (!filter.district || h.district === filter.district))
    .sort(
      (a, b) =>
        a.code.localeCompare(b.code) ||
        a.district.localeCompare(b.district) ||
        a.school.localeCompare(b.school) ||
        a.name.localeCompare(b.name) ||
        a.awardedOn.localeCompare(b.awardedOn),
    );
}

/**
 * Programme insight per credential: how many candidates tried, how many passed, the median attempt they passed on,
 * the median days from submission to first decision, and where packages carry them the mean pre- and post-test
 * scores and the gain. Calibration anchors never count.
 */
export async function programmeInsight(ctx: ServiceContext, actor: Reviewer, filter: InsightFilter = {}): Promise<Insight> {
  canView(actor);
  const db = ctx.db.orm;
  const all = await db.select().from(portfolios).where(eq(portfolios.isAnchor, false)).all();
  const firstDecision = new Map<string, string>(
    (
      (await ctx.db.all(
        'SELECT d.portfolio_id AS p, min(d.released_at) AS at FROM decisions d JOIN portfolios p ON p.id = d.portfolio_id AND p.is_anchor = 0 WHERE d.released_at IS NOT NULL GROUP BY d.portfolio_id',
      )) as { p: string; at: string }[]
    ).map((r) => [r.p, r.at]),
  );
  const credentials = (await listCredentials(ctx)).map((c) => {
    const mine = all.filter((p) => p.credentialCode === c.code);
    const passes = mine.filter((p) => p.outcome === 'pass');
    const days = mine.filter((p) => firstDecision.has(p.id)).map((p) => (Date.parse(firstDecision.get(p.id)!) - Date.parse(p.submittedAt)) / DAY_MS);
    const tested = mine.filter((p) => p.testPre !== null && p.testPost !== null);
    const pre = tested.length ? mean(tested.map((p) => p.testPre!)) : 0;
    const post = tested.length ? mean(tested.map((p) => p.testPost!)) : 0;
    const med = median(days);
    return {
      code: c.code,
      title: c.title,
      candidates: new Set(mine.map((p) => p.candidateId)).size,
      passes: new Set(passes.map((p) => p.candidateId)).size,
      medianAttempts: median(passes.map((p) => p.attempt)),
      medianDaysToDecision: med === null ? null : round1(med),
      tests: tested.length ? { n: tested.length, meanPre: round1(pre), meanPost: round1(post), gain: round1(post - pre) } : null,
    };
  });
  const everyone = await holders(ctx);
  return {
    credentials,
    holders: await holders(ctx, filter),
    schools: [...new Set(everyone.map((h) => h.school).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
    districts: [...new Set(everyone.map((h) => h.district).filter(Boolean))].sort((a, b) => a.localeCompare(b)),
  };
}

export const HOLDER_COLUMNS = [
  'candidate_id',
  'candidate_name',
  'candidate_email',
  'school',
  'district',
  'credential_code',
  'credential_title',
  'source',
  'issuer',
  'awarded_on',
  'expires_on',
  'current',
] as const;

/** Holders as CSV, so a district can contact the people who already hold a skill. */
export async function holdersCsv(ctx: ServiceContext, actor: Reviewer, filter: InsightFilter = {}): Promise<ExportFile> {
  canView(actor);
  const rows = (await holders(ctx, filter)).map((h) => ({
    candidate_id: h.candidateId,
    candidate_name: h.name,
    candidate_email: h.email,
    school: h.school,
    district: h.district,
    credential_code: h.code,
    credential_title: h.title,
    source: h.source === 'app' ? 'this programme' : 'external',
    issuer: h.issuer,
    awarded_on: h.awardedOn,
    expires_on: h.expiresOn ?? '',
    current: h.current ? 'yes' : 'no',
  }));
  await audit(ctx, {
    actor: actor.id,
    action: 'credit.holders.export',
    entityType: 'credential',
    entityId: filter.credential ?? '*',
    details: { ...filter, count: rows.length },
  });
  return {
    fileName: `holders${filter.credential ? `-${filter.credential}` : ''}.csv`,
    mediaType: 'text/csv',
    encoding: 'utf8',
    content: toCsv([...HOLDER_COLUMNS], rows),
    count: rows.length,
  };
}

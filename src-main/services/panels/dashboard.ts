import { differenceInCalendarDays, differenceInCalendarWeeks, format, startOfISOWeek, subWeeks } from 'date-fns';
import type { Dashboard } from '../../../src-shared/contracts/panels';
import type { ServiceContext } from '../context';
import { listReviewers } from '../reviewers';
import { loadRubric } from '../rubrics';
import { currentPolicy } from './policies';
import { reviewsRequired } from './assignments';
import { DEFAULT_OVERDUE_DAYS, getSetting, OVERDUE_DAYS_KEY } from './settings';

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** What a panel lead needs at a glance: where portfolios wait, who carries the load, where reviewers disagree, pace. */
export async function panelDashboard(ctx: ServiceContext): Promise<Dashboard> {
  const sqlite = ctx.db;
  const now = ctx.now();
  const overdueDays = await getSetting(ctx, OVERDUE_DAYS_KEY, DEFAULT_OVERDUE_DAYS);
  const open = (await sqlite.all(`SELECT p.id, p.status, p.submitted_at AS at, p.credential_code AS credential,
              (SELECT count(*) FROM assignments a WHERE a.portfolio_id = p.id AND a.status <> 'released') AS active
       FROM portfolios p WHERE p.is_anchor = 0 AND p.status IN ('submitted', 'in_review', 'scored', 'ready') ORDER BY p.status, p.submitted_at, p.id`)) as {
    id: string;
    status: string;
    at: string;
    credential: string;
    active: number;
  }[];
  // Still with reviewers: neither all reviews in (scored) nor reconciled and waiting for the lead (ready).
  const reviewing = open.filter((p) => p.status === 'submitted' || p.status === 'in_review');
  let awaiting = 0;
  for (const p of reviewing) if (p.active < (await reviewsRequired(ctx, p.id, p.credential))) awaiting++;
  const count = async (sql: string) => ((await sqlite.get(sql)) as { n: number }).n;
  const counts = {
    awaiting_allocation: awaiting,
    in_review: reviewing.length - awaiting,
    awaiting_moderation: await count("SELECT count(*) AS n FROM moderations WHERE status IN ('open')"),
    ready_to_release: await count("SELECT count(*) AS n FROM portfolios WHERE is_anchor = 0 AND status = 'ready'"),
    decided: await count("SELECT count(*) AS n FROM portfolios WHERE is_anchor = 0 AND status IN ('decided', 'exported')"),
    returned: await count("SELECT count(*) AS n FROM portfolios WHERE is_anchor = 0 AND status = 'returned'"),
  };
  const waiting = open
    .map((p) => {
      const days = differenceInCalendarDays(now, new Date(p.at));
      return { portfolio: p.id, status: p.status, days, overdue: days > overdueDays };
    })
    .sort((a, b) => b.days - a.days)
    .slice(0, 50);

  const loads = (await sqlite.all("SELECT reviewer_id AS r, count(*) AS n FROM assignments WHERE status = 'assigned' GROUP BY reviewer_id")) as {
    r: string;
    n: number;
  }[];
  const done = (await sqlite.all("SELECT reviewer_id AS r, active_ms AS ms FROM reviews WHERE kind = 'review' AND status = 'submitted'")) as {
    r: string;
    ms: number;
  }[];
  const reviewers = (await listReviewers(ctx))
    .filter((r) => r.roles.includes('reviewer'))
    .map((r) => {
      const mine = done.filter((d) => d.r === r.id).map((d) => d.ms / 60000);
      const med = median(mine);
      return {
        id: r.id,
        name: r.name,
        open: loads.find((l) => l.r === r.id)?.n ?? 0,
        submitted: mine.length,
        maxLoad: r.maxLoad,
        medianMinutes: med === null ? null : Math.round(med * 10) / 10,
      };
    });

  // Disagreement per criterion over portfolios with two or more submitted production reviews.
  const scores =
    (await sqlite.all(`SELECT r.portfolio_id AS p, r.rubric_id AS rid, r.rubric_version AS rv, p.credential_code AS credential, s.criterion_id AS c, s.score
       FROM reviews r JOIN review_scores s ON s.review_id = r.id JOIN portfolios p ON p.id = r.portfolio_id
       WHERE r.kind = 'review' AND r.status = 'submitted' AND s.score IS NOT NULL ORDER BY r.id, s.criterion_id`)) as {
      p: string;
      rid: string;
      rv: number;
      credential: string;
      c: string;
      score: number;
    }[];
  const byUnit = new Map<string, { title: string; credential: string; scores: number[] }>();
  const titles = new Map<string, string>();
  for (const s of scores) {
    const rk = `${s.rid}@${s.rv}`;
    if (!titles.has(`${rk}/${s.c}`)) titles.set(`${rk}/${s.c}`, (await loadRubric(ctx, s.rid, s.rv))?.criteria.find((x) => x.id === s.c)?.title ?? s.c);
    const key = `${s.p}/${s.c}`;
    if (!byUnit.has(key)) byUnit.set(key, { title: titles.get(`${rk}/${s.c}`)!, credential: s.credential, scores: [] });
    byUnit.get(key)!.scores.push(s.score);
  }
  const perCriterion = new Map<string, { criterion: string; title: string; compared: number; apart: number }>();
  for (const [key, u] of byUnit) {
    if (u.scores.length < 2) continue;
    const criterion = key.split('/')[1]!;
    const agg = perCriterion.get(criterion) ?? { criterion, title: u.title, compared: 0, apart: 0 };
    agg.compared++;
    if (Math.max(...u.scores) - Math.min(...u.scores) > (await currentPolicy(ctx, u.credential)).tolerance) agg.apart++;
    perCriterion.set(criterion, agg);
  }
  const disagreement = [...perCriterion.values()].map((a) => ({ ...a, rate: a.apart / a.compared })).sort((a, b) => b.rate - a.rate);

  // A decision counts in the week it was released (reconciled ones wait for a lead; every other went out at once).
  const decided = (await sqlite.all('SELECT min(released_at) AS at FROM decisions WHERE released_at IS NOT NULL GROUP BY portfolio_id ORDER BY at')) as {
    at: string;
  }[];
  // Weeks from the first decision (at least 12, at most a year) up to this week.
  const span = decided.length ? differenceInCalendarWeeks(now, new Date(decided[0]!.at), { weekStartsOn: 1 }) + 1 : 12;
  const weekCount = Math.min(52, Math.max(12, span));
  const weeks = Array.from({ length: weekCount }, (_, i) => startOfISOWeek(subWeeks(now, weekCount - 1 - i)));
  const throughput = weeks.map((w, i) => {
    const next = weeks[i + 1] ?? new Date(8.64e15);
    return { week: format(w, 'yyyy-MM-dd'), decided: decided.filter((d) => new Date(d.at) >= w && new Date(d.at) < next).length };
  });
  return { counts, overdueDays, waiting, reviewers, disagreement, throughput };
}

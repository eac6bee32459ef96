import { and, asc, desc, eq, inArray, like, or, sql, count, type SQL } from 'drizzle-orm';
import { QueueQuerySchema, type QueueQuery, type QueuePage, type PortfolioRow, type StatusCounts } from '../../src-shared/contracts/queue';
import { STATUSES, type Status } from '../../src-shared/domain/status';
import { candidates, credentials, portfolios } from '../db/schema';
import type { ServiceContext } from './context';

const rowColumns = {
  id: portfolios.id,
  status: portfolios.status,
  outcome: portfolios.outcome,
  attempt: portfolios.attempt,
  submittedAt: portfolios.submittedAt,
  credentialCode: credentials.code,
  credentialTitle: credentials.title,
  candidateId: candidates.id,
  candidateName: candidates.name,
  candidateEmail: candidates.email,
  candidateSchool: candidates.school,
  candidateDistrict: candidates.district,
};

type RawRow = Omit<{ [K in keyof typeof rowColumns]: (typeof rowColumns)[K]['_']['data'] }, 'outcome'> & {
  outcome: PortfolioRow['outcome'];
};

export function toPortfolioRow(r: RawRow): PortfolioRow {
  return {
    id: r.id,
    status: r.status,
    outcome: r.outcome,
    attempt: r.attempt,
    submittedAt: r.submittedAt,
    credential: { code: r.credentialCode, title: r.credentialTitle },
    candidate: { id: r.candidateId, name: r.candidateName, email: r.candidateEmail, school: r.candidateSchool, district: r.candidateDistrict },
  };
}

/** Search: a trigram full-text match for three or more characters, otherwise a prefix match on name and ids. */
function searchCondition(text: string): SQL | undefined {
  const q = text.trim();
  if (!q) return undefined;
  if ([...q].length >= 3) {
    const phrase = `"${q.replace(/"/g, '""')}"`;
    return sql`${portfolios.id} IN (SELECT portfolio_id FROM portfolio_search WHERE portfolio_search MATCH ${phrase})`;
  }
  const prefix = `${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return or(
    sql`${candidates.name} LIKE ${prefix} ESCAPE '\\' COLLATE NOCASE`,
    like(portfolios.id, prefix),
    like(candidates.id, prefix),
  );
}

export function queueWhere(query: ReturnType<typeof QueueQuerySchema.parse>): SQL | undefined {
  return and(
    query.status?.length ? inArray(portfolios.status, query.status) : undefined,
    query.credential ? eq(portfolios.credentialCode, query.credential) : undefined,
    query.district ? eq(candidates.district, query.district) : undefined,
    query.search ? searchCondition(query.search) : undefined,
  );
}

const SORT_COLUMNS = {
  submitted_at: portfolios.submittedAt,
  candidate: candidates.name,
  status: portfolios.status,
  credential: portfolios.credentialCode,
  id: portfolios.id,
} as const;

export function listQueue(ctx: ServiceContext, input: QueueQuery): QueuePage {
  const query = QueueQuerySchema.parse(input);
  const { db } = ctx.handle;
  const where = queueWhere(query);
  const order = query.dir === 'asc' ? asc : desc;
  const rows = db
    .select(rowColumns)
    .from(portfolios)
    .innerJoin(candidates, eq(candidates.id, portfolios.candidateId))
    .innerJoin(credentials, eq(credentials.code, portfolios.credentialCode))
    .where(where)
    .orderBy(order(SORT_COLUMNS[query.sort]), order(portfolios.id))
    .limit(query.limit)
    .offset(query.offset)
    .all();
  const needsCandidate = Boolean(query.district || query.search);
  const totalQuery = db.select({ n: count() }).from(portfolios);
  const total = (needsCandidate ? totalQuery.innerJoin(candidates, eq(candidates.id, portfolios.candidateId)) : totalQuery).where(where).get()!.n;
  return { total, rows: rows.map(toPortfolioRow) };
}

export function statusCounts(ctx: ServiceContext): StatusCounts {
  const rows = ctx.handle.db.select({ status: portfolios.status, n: count() }).from(portfolios).groupBy(portfolios.status).all();
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let total = 0;
  for (const r of rows) {
    byStatus[r.status] = r.n;
    total += r.n;
  }
  return { total, byStatus };
}

export function queueFacets(ctx: ServiceContext): { credentials: { code: string; title: string }[]; districts: string[] } {
  const { db } = ctx.handle;
  return {
    credentials: db.select({ code: credentials.code, title: credentials.title }).from(credentials).orderBy(credentials.title).all(),
    districts: db.selectDistinct({ d: candidates.district }).from(candidates).orderBy(candidates.district).all().map((r) => r.d),
  };
}

export function portfolioRow(ctx: ServiceContext, id: string): PortfolioRow | null {
  const row = ctx.handle.db
    .select(rowColumns)
    .from(portfolios)
    .innerJoin(candidates, eq(candidates.id, portfolios.candidateId))
    .innerJoin(credentials, eq(credentials.code, portfolios.credentialCode))
    .where(eq(portfolios.id, id))
    .get();
  return row ? toPortfolioRow(row) : null;
}

import { QueueQuerySchema, type QueueQuery, type QueuePage, type PortfolioRow, type StatusCounts } from '../../src-shared/contracts/queue';
import { mapInOrder } from './in-order';
import { STATUSES, type Status } from '../../src-shared/domain/status';
import type { Reviewer } from '../../src-shared/contracts/reviewers';
import type { DialectSql, SearchColumn, SqlFragment } from '../db/port';
import { type ServiceContext, transaction } from './context';
import { Anonymizer, seesIdentity } from './panels/anonymity';
import { pseudonymCode, pseudonymId, pseudonymName } from './panels/pseudonym';

type ParsedQuery = ReturnType<typeof QueueQuerySchema.parse>;

interface RawRow {
  id: string;
  status: Status;
  outcome: PortfolioRow['outcome'];
  attempt: number;
  submittedAt: string;
  credentialCode: string;
  credentialTitle: string;
  candidateId: string;
  candidateName: string;
  candidateEmail: string;
  school: string;
  district: string;
}

const ROW_COLUMNS = `
  SELECT p.id, p.status, p.outcome, p.attempt, p.submitted_at AS submittedAt,
         cr.code AS credentialCode, cr.title AS credentialTitle,
         p.candidate_id AS candidateId, p.candidate_name AS candidateName, ca.email AS candidateEmail,
         p.school, p.district`;
const ROW_JOINS = `
  JOIN candidates ca ON ca.id = p.candidate_id
  JOIN credentials cr ON cr.code = p.credential_code`;

export function toPortfolioRow(r: RawRow): PortfolioRow {
  return {
    id: r.id,
    status: r.status,
    outcome: r.outcome,
    attempt: r.attempt,
    submittedAt: r.submittedAt,
    credential: { code: r.credentialCode, title: r.credentialTitle },
    candidate: { id: r.candidateId, name: r.candidateName, email: r.candidateEmail, school: r.school, district: r.district },
  };
}

/**
 * Whoever asks, a query behaves as if the fields hidden from them did not exist: a viewer who may not see identity
 * (reviewers, moderators, no profile) searches, filters and sorts a row of an anonymous review (`p.anonymous`) only
 * by its portfolio id and pseudonym, never by name, ids, email or district.
 */
export type Viewer = Reviewer | null;

/** The name a blind viewer is shown, as SQL: the expression of the index portfolios_blind_name (migration 0005). */
const BLIND_NAME = "(CASE WHEN anonymous = 1 THEN 'Candidate ' || pseudonym ELSE candidate_name END)";

/** Each sort has an index that yields rows in this order, so a page is an index walk, never a sort of the queue. */
function orderColumns(fn: DialectSql, sort: ParsedQuery['sort'], blind: boolean): string[] {
  const order: Record<ParsedQuery['sort'], string[]> = {
    submitted_at: ['p.submitted_at', 'p.id'],
    candidate: [fn.nocase(blind ? BLIND_NAME : 'p.candidate_name'), 'p.id'],
    status: ['p.status', 'p.submitted_at', 'p.id'],
    credential: ['p.credential_code', 'p.submitted_at', 'p.id'],
    id: ['p.id'],
  };
  return order[sort];
}

/**
 * Search columns (portfolio_search, migration 0005) a row is matched on: its id and identity, or, for a blind viewer
 * and a row under anonymous review, its id and the pseudonym they are shown (and only then: a pseudonym never leads to
 * a named row of the same candidate).
 */
const COLUMNS = { open: ['ref', 'identity'], anonymous: ['ref', 'pseudonym'] } as const satisfies Record<string, SearchColumn[]>;

/**
 * WHERE clause over the portfolios table alone (no joins), with its parameters, as `viewer` may ask it. For a page
 * (`walk`, the default), search matches are probed while the sort index is walked; for a count they drive the query.
 */
export function queueFilter(
  fn: DialectSql,
  query: Pick<ParsedQuery, 'status' | 'credential' | 'district' | 'search'>,
  viewer: Viewer,
  use: 'walk' | 'count' = 'walk',
): { where: string; params: unknown[] } {
  const blind = !seesIdentity(viewer);
  const clauses: string[] = ['p.is_anchor = 0'];
  const params: unknown[] = [];
  if (query.status?.length) {
    clauses.push(`p.status IN (${query.status.map(() => '?').join(', ')})`);
    params.push(...query.status);
  }
  if (query.credential) {
    clauses.push('p.credential_code = ?');
    params.push(query.credential);
  }
  if (query.district) {
    // A withheld district matches nothing, as if the row had none.
    clauses.push(blind ? 'p.district = ? AND p.anonymous = 0' : 'p.district = ?');
    params.push(query.district);
  }
  const q = query.search?.trim();
  if (q) {
    const open = fn.searchPortfolios(q, COLUMNS.open);
    // `+p.seq` makes SQLite walk the sort index and probe the matches, stopping at the page, instead of sorting them all.
    const seq = use === 'walk' ? '+p.seq' : 'p.seq';
    if (!open)
      clauses.push('1 = 0'); // nothing searchable (only punctuation) matches nothing
    else if (!blind) {
      clauses.push(`${seq} IN (${open.sql})`);
      params.push(...open.params);
    } else {
      const anonymous = fn.searchPortfolios(q, COLUMNS.anonymous)!;
      clauses.push(`((p.anonymous = 0 AND ${seq} IN (${open.sql})) OR (p.anonymous = 1 AND ${seq} IN (${anonymous.sql})))`);
      params.push(...open.params, ...anonymous.params);
    }
  }
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
}

const searchablePseudonym = (code: string) => (code ? `${pseudonymName(code)} ${pseudonymId(code)}` : '');

/** Writes a portfolio's search row: its id, its pseudonym (as shown) and the identity words it may be found by. */
export async function indexForSearch(ctx: ServiceContext, p: { seq: number; id: string; pseudonym: string; identity: string[] }): Promise<void> {
  const sqlite = ctx.db;
  await sqlite.run('DELETE FROM portfolio_search WHERE rowid = ?', [p.seq]);
  await sqlite.run('INSERT INTO portfolio_search (rowid, ref, pseudonym, identity) VALUES (?, ?, ?, ?)', [
    p.seq,
    p.id,
    searchablePseudonym(p.pseudonym),
    p.identity.join(' '),
  ]);
}

/**
 * Gives every portfolio without one (rows from before migration 0005, or written by other tools) its keyed
 * pseudonym, in the row and in search. Runs at start; a no-op walk of an empty partial index otherwise.
 */
export async function fillMissingPseudonyms(ctx: ServiceContext): Promise<number> {
  const sqlite = ctx.db;
  const rows = (await sqlite.all("SELECT seq, candidate_id AS candidateId FROM portfolios WHERE pseudonym = ''")) as { seq: number; candidateId: string }[];
  if (!rows.length) return 0;
  await transaction(ctx, async (ctx) => {
    for (const r of rows) {
      const code = pseudonymCode(ctx.dataDir, r.candidateId);
      await ctx.db.run('UPDATE portfolios SET pseudonym = ? WHERE seq = ?', [code, r.seq]);
      await ctx.db.run('UPDATE portfolio_search SET pseudonym = ? WHERE rowid = ?', [searchablePseudonym(code), r.seq]);
    }
  });
  return rows.length;
}

/** The query that counts every row a page's query selects. */
function countQuery(fn: DialectSql, query: ParsedQuery, viewer: Viewer): SqlFragment {
  const onlySearch = query.search && !query.status?.length && !query.credential && !query.district;
  // A blind viewer's matches depend on each row's anonymity: they are counted with the filter, like any other.
  const match = onlySearch && seesIdentity(viewer) ? fn.searchPortfolios(query.search!, COLUMNS.open) : null;
  if (match) {
    // All matches minus the (few) anchor matches: counting the search hits alone is far cheaper than joining them.
    return {
      sql: `SELECT (SELECT count(*) FROM (${match.sql}) hits) - (SELECT count(*) FROM portfolios p WHERE p.is_anchor = 1 AND p.seq IN (${match.sql})) AS n`,
      params: [...match.params, ...match.params],
    };
  }
  const { where, params } = queueFilter(fn, query, viewer, 'count');
  return { sql: `SELECT count(*) AS n FROM portfolios p ${where}`, params };
}

/**
 * One page of the queue. The page's row ids are found on the covering index first and only those rows are joined
 * ("deferred join"), so a page deep in 100,000 portfolios costs an index walk, not 100,000 joins.
 */
export async function listQueue(ctx: ServiceContext, input: QueueQuery, viewer: Viewer): Promise<QueuePage> {
  const query = QueueQuerySchema.parse(input);
  const { where, params } = queueFilter(ctx.db.fn, query, viewer);
  const dir = query.dir === 'asc' ? 'ASC' : 'DESC';
  const order = orderColumns(ctx.db.fn, query.sort, !seesIdentity(viewer))
    .map((c) => `${c} ${dir}`)
    .join(', ');
  // CROSS JOIN keeps the 100-row page as the outer loop; otherwise the planner walks the whole index to skip a sort.
  const sql = `
    WITH page AS MATERIALIZED (SELECT p.seq FROM portfolios p ${where} ORDER BY ${order} LIMIT ? OFFSET ?)
    ${ROW_COLUMNS} FROM page ${ctx.db.fn.joinInOrder} portfolios p ON p.seq = page.seq ${ROW_JOINS} ORDER BY ${order}`;
  const rows = (await ctx.db.all(sql, [...params, query.limit, query.offset])) as RawRow[];
  const counted = countQuery(ctx.db.fn, query, viewer);
  const total = (await ctx.db.get<{ n: number }>(counted.sql, counted.params))!;
  const anon = new Anonymizer(ctx, viewer);
  return { total: total.n, rows: await mapInOrder(rows, (r) => anon.row(toPortfolioRow(r))) };
}

export async function statusCounts(ctx: ServiceContext): Promise<StatusCounts> {
  const rows = (await ctx.db.all('SELECT status, count(*) AS n FROM portfolios p WHERE p.is_anchor = 0 GROUP BY status')) as { status: Status; n: number }[];
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  let total = 0;
  for (const r of rows) {
    byStatus[r.status] = r.n;
    total += r.n;
  }
  return { total, byStatus };
}

/** Credentials and districts to filter by; a blind viewer is not offered a district known only from withheld rows. */
export async function queueFacets(ctx: ServiceContext, viewer: Viewer): Promise<{ credentials: { code: string; title: string }[]; districts: string[] }> {
  const sqlite = ctx.db;
  const visible = seesIdentity(viewer) ? '' : 'AND anonymous = 0';
  return {
    credentials: (await sqlite.all('SELECT code, title FROM credentials ORDER BY title')) as { code: string; title: string }[],
    districts: ((await sqlite.all(`SELECT DISTINCT district FROM portfolios WHERE is_anchor = 0 ${visible} ORDER BY district`)) as { district: string }[]).map(
      (r) => r.district,
    ),
  };
}

/**
 * Queue rows for the portfolios a query selects (its output columns: the portfolio seq, and any the extras read), in
 * its order, with the extra columns it names (aliased `extra_*`): lets other lists (moderation, assignments) reuse
 * the row shape.
 */
export async function portfolioRowsFor<E extends object>(ctx: ServiceContext, selection: string, params: unknown[], extra = ''): Promise<(PortfolioRow & E)[]> {
  // The selection's order is numbered: a join need not keep it (PostgreSQL's planner may hash the selection).
  const rows = (await ctx.db.all(
    `WITH sel AS MATERIALIZED (SELECT s.*, row_number() OVER () AS sel_order FROM (${selection}) s)
     ${ROW_COLUMNS}${extra ? `, ${extra}` : ''} FROM sel ${ctx.db.fn.joinInOrder} portfolios p ON p.seq = sel.seq ${ROW_JOINS} ORDER BY sel.sel_order`,
    params,
  )) as (RawRow & Record<string, unknown>)[];
  return rows.map((r) => {
    const extras = Object.fromEntries(
      Object.entries(r)
        .filter(([k]) => k.startsWith('extra_'))
        .map(([k, v]) => [k.slice(6), v]),
    );
    return { ...toPortfolioRow(r), ...extras } as PortfolioRow & E;
  });
}

export async function portfolioRow(ctx: ServiceContext, id: string): Promise<PortfolioRow | null> {
  const row = (await ctx.db.get(`${ROW_COLUMNS} FROM portfolios p ${ROW_JOINS} WHERE p.id = ?`, [id])) as RawRow | undefined;
  return row ? toPortfolioRow(row) : null;
}

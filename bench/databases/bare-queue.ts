/**
 * The queue's queries written by hand and run on the raw driver (a better-sqlite3 prepared statement, a `pg` client):
 * the floor the API path is measured against. Same rows as `queue.list` for a lead (default order: oldest first), with
 * the same deferred join and total count a page needs; search uses the port's search fragment as SQL.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import type { DialectSql, SqlFragment } from '../../src-main/db/port';

export interface PageResult {
  ids: string[];
  total: number;
}

export interface BareQueue {
  /** A page's rows and the total, as a page needs them. */
  page(offset: number, limit: number): Promise<PageResult>;
  /** The two halves of `page`, to see which one the time goes to. */
  rows(offset: number, limit: number): Promise<string[]>;
  total(): Promise<number>;
  counts(): Promise<Record<string, number>>;
  search(text: string, limit: number): Promise<PageResult>;
  close(): Promise<void>;
}

const OPEN = 'p.is_anchor = 0';

function pageSql(joinInOrder: string, where: string, limit: string, offset: string): string {
  return `WITH page AS MATERIALIZED (SELECT p.seq FROM portfolios p WHERE ${where} ORDER BY p.submitted_at, p.id LIMIT ${limit} OFFSET ${offset})
    SELECT p.id, p.status, p.outcome, p.attempt, p.submitted_at, cr.code, cr.title, p.candidate_id, p.candidate_name, ca.email, p.school, p.district
    FROM page ${joinInOrder} portfolios p ON p.seq = page.seq
    JOIN candidates ca ON ca.id = p.candidate_id JOIN credentials cr ON cr.code = p.credential_code
    ORDER BY p.submitted_at, p.id`;
}

const COUNT = `SELECT count(*) AS n FROM portfolios p WHERE ${OPEN}`;
/** Search matches less the (few) anchors among them, found on the anchors' index: cheaper than joining every match. */
const countMatches = (matches: string, again: string) =>
  `SELECT (SELECT count(*) FROM (${matches}) m) - (SELECT count(*) FROM portfolios p WHERE p.is_anchor = 1 AND p.seq IN (${again})) AS n`;
const COUNTS = `SELECT status, count(*) AS n FROM portfolios p WHERE ${OPEN} GROUP BY status`;

function searchFragment(fn: DialectSql, text: string): SqlFragment {
  const fragment = fn.searchPortfolios(text, ['ref', 'identity']);
  if (!fragment) throw new Error(`the bench's search text "${text}" has no word to search`);
  return fragment;
}

const byStatus = (rows: { status: string; n: number | string }[]) => Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));

/** A second, read-only connection to the SQLite file the app has open (WAL: readers do not wait for it). */
export function bareSqlite(file: string, fn: DialectSql): BareQueue {
  const db = new Database(file, { readonly: true });
  const page = db.prepare<[number, number], { id: string }>(pageSql('CROSS JOIN', OPEN, '?', '?'));
  const count = db.prepare<[], { n: number }>(COUNT);
  const counts = db.prepare<[], { status: string; n: number }>(COUNTS);
  const searches = new Map<string, { page: Database.Statement<unknown[], { id: string }>; count: Database.Statement<unknown[], { n: number }> }>();
  const searchStatements = (sql: string) => {
    let found = searches.get(sql);
    if (!found) {
      // `+p.seq`: walk the order's index and probe the matches, as the app does, rather than sort every match.
      found = { page: db.prepare(pageSql('CROSS JOIN', `${OPEN} AND +p.seq IN (${sql})`, '?', '0')), count: db.prepare(countMatches(sql, sql)) };
      searches.set(sql, found);
    }
    return found;
  };
  const rows = (offset: number, limit: number) => page.all(limit, offset).map((r) => r.id);
  return {
    page: async (offset, limit) => ({ ids: rows(offset, limit), total: count.get()!.n }),
    rows: async (offset, limit) => rows(offset, limit),
    total: async () => count.get()!.n,
    counts: async () => byStatus(counts.all()),
    async search(text, limit) {
      const { sql, params } = searchFragment(fn, text);
      const s = searchStatements(sql);
      return { ids: s.page.all(...params, limit).map((r) => r.id), total: s.count.get(...params, ...params)!.n };
    },
    close: async () => {
      db.close();
    },
  };
}

/** `?` placeholders as PostgreSQL's `$n`, numbered from `first`. */
const numbered = (sql: string, first: number) => {
  let n = first;
  return sql.replace(/\?/g, () => `$${n++}`);
};

/** One `pg` client of its own on the database the app uses. */
export async function barePostgres(url: string, fn: DialectSql): Promise<BareQueue> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const page = pageSql('JOIN', OPEN, '$1', '$2');
  const one = async (sql: string, values: unknown[]) => Number((await client.query<{ n: string }>(sql, values)).rows[0]!.n);
  const rows = async (offset: number, limit: number) => (await client.query<{ id: string }>(page, [limit, offset])).rows.map((r) => r.id);
  return {
    page: async (offset, limit) => ({ ids: await rows(offset, limit), total: await one(COUNT, []) }),
    rows,
    total: () => one(COUNT, []),
    counts: async () => byStatus((await client.query<{ status: string; n: string }>(COUNTS)).rows),
    async search(text, limit) {
      const { sql, params } = searchFragment(fn, text);
      const matches = numbered(sql, 1);
      const found = (await client.query<{ id: string }>(pageSql('JOIN', `${OPEN} AND p.seq IN (${matches})`, `$${params.length + 1}`, '0'), [...params, limit]))
        .rows;
      return { ids: found.map((r) => r.id), total: await one(countMatches(matches, numbered(sql, params.length + 1)), [...params, ...params]) };
    },
    close: () => client.end(),
  };
}

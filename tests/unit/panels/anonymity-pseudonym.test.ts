/** Keyed pseudonyms: not recomputable from the (sequential) candidate id, stable per installation, the same everywhere. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { listQueue } from '../../../src-main/services/queue';
import { exportBundle } from '../../../src-main/services/panels/bundles/export-bundle';
import { claim } from '../../../src-main/services/panels/assignments';
import { PSEUDONYM_KEY_FILE, pseudonymCode } from '../../../src-main/services/panels/pseudonym';
import type { Services } from '../../../src-main/core/services';
import { tempDir, tempServices } from '../../support/fixtures';
import { anonymitySetup } from '../../support/anonymity';
import { runCli } from '../../../src-main/cli/run';
import { onTestDatabase, openTestServices, sqliteOnly } from '../../support/dialect';

const opened: Services[] = [];
const open = async (dataDir: string) => {
  const ctx = await openTestServices({ dataDir });
  opened.push(ctx);
  return ctx;
};
afterEach(async () => {
  for (const c of opened.splice(0)) await c.close();
});

const reviewerView = (_ctx?: Services) => ({
  id: 'R-x',
  name: 'X',
  email: 'x@x.nz',
  school: '',
  district: '',
  roles: ['reviewer' as const],
  active: true,
  maxLoad: 1,
});
const shownName = async (ctx: Services, id: string) => (await listQueue(ctx, { search: id }, reviewerView(ctx))).rows[0]!.candidate.name;

describe('pseudonyms', () => {
  it('are an HMAC under a 0600 key in the data folder: not the old sha256 of the id, 8 base32 characters', async () => {
    const ctx = await tempServices();
    opened.push(ctx);
    await anonymitySetup(ctx);
    const name = await shownName(ctx, 'P-4');
    expect(name).toMatch(/^Candidate [A-Z2-7]{8}$/);
    const code = name.slice('Candidate '.length);
    const hex = crypto.createHash('sha256').update('C-4').digest('hex').toUpperCase();
    expect(hex).not.toContain(code);
    expect(hex.slice(0, 6)).not.toBe(code.slice(0, 6));
    const key = path.join(ctx.dataDir, PSEUDONYM_KEY_FILE);
    expect(fs.statSync(key).mode & 0o777).toBe(0o600);
    const secret = Buffer.from(fs.readFileSync(key, 'utf8').trim(), 'base64url');
    expect(secret).toHaveLength(32);
    const expected = crypto.createHmac('sha256', secret).update('C-4').digest();
    // The code is the HMAC, base32: recomputable only with the key.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const bits = [...expected].map((b) => b.toString(2).padStart(8, '0')).join('');
    expect(code).toBe(Array.from({ length: 8 }, (_, i) => alphabet[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join(''));
  });

  it('are stable across restarts and differ between installations importing the same candidates', async () => {
    const ctx = await tempServices();
    await anonymitySetup(ctx);
    const before = await shownName(ctx, 'P-1');
    await ctx.close();
    expect(await shownName(await open(ctx.dataDir), 'P-1')).toBe(before);
    const other = await tempServices();
    opened.push(other);
    await anonymitySetup(other);
    expect(await shownName(other, 'P-1')).not.toBe(before);
  });

  it('a damaged key is an error, never silently replaced', () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, 'keys'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, PSEUDONYM_KEY_FILE), 'short\n', { mode: 0o600 });
    expect(() => pseudonymCode(dataDir, 'C-1')).toThrow(/pseudonym key .* is damaged/);
  });

  it('a bundle carries the pseudonym reviewers see online, never the key', async () => {
    const ctx = await tempServices();
    opened.push(ctx);
    const { people } = await anonymitySetup(ctx);
    await claim(ctx, 'P-4', people.reviewer);
    const online = await shownName(ctx, 'P-4');
    const bundle = await exportBundle(ctx, people.reviewer.id, people.admin);
    const entries = unzipSync(bundle.bytes);
    const manifest = JSON.parse(Buffer.from(entries['portfolios/P-4/manifest.json']!).toString('utf8'));
    expect(manifest.candidate.name).toBe(online);
    const key = fs.readFileSync(path.join(ctx.dataDir, PSEUDONYM_KEY_FILE), 'utf8').trim();
    const all = Buffer.concat(Object.values(entries).map((b) => Buffer.from(b))).toString('latin1');
    expect(all).not.toContain(key);
    expect(all).not.toContain(Buffer.from(key, 'base64url').toString('latin1'));
    expect(Object.keys(entries).some((n) => n.includes('keys/'))).toBe(false);
  });

  it('the CLI list run as a reviewer (--actor) shows and matches what the reviewer sees', async () => {
    const ctx = await tempServices();
    const { people } = await anonymitySetup(ctx);
    const online = await shownName(ctx, 'P-4');
    await ctx.close();
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const code = await runCli(await onTestDatabase([...args, '--data', ctx.dataDir, '--json']), { out: (t) => out.push(t), err: (t) => out.push(t) });
      return { code, json: JSON.parse(out.join('\n')) as { id: string; candidate: { name: string; email: string } }[] };
    };
    const asReviewer = await run('list', '--actor', people.reviewer.id);
    expect(asReviewer.code).toBe(0);
    expect(asReviewer.json.find((r) => r.id === 'P-4')!.candidate).toMatchObject({ name: online, email: '' });
    expect(JSON.stringify(asReviewer.json)).not.toMatch(/Zoe|Adams|Secret Bay|Rimu/);
    expect((await run('list', '--actor', people.reviewer.id, '--search', 'Zoe')).json).toEqual([]);
    expect((await run('list', '--actor', people.reviewer.id, '--district', 'Secret Bay')).json).toEqual([]);
    // The local operator (no profile of that name) keeps every role.
    expect((await run('list', '--search', 'Zoe')).json.map((r) => r.id)).toEqual(['P-4']);
  });
});

sqliteOnly(
  'it builds the SQLite file of an older app; PostgreSQL databases start at the current schema',
  'upgrading a database from before keyed pseudonyms (migration "anonymity")',
  () => {
    it('keeps search by name and id, fills pseudonyms with the key, and hides rows under an anonymous policy', async () => {
      const dataDir = tempDir();
      const file = path.join(dataDir, 'queue.sqlite');
      const sqlite = new Database(file);
      migrate(
        sqlite,
        MIGRATIONS,
        MIGRATIONS.findIndex((m) => m.name === 'anonymity'),
      );
      const seed = await tempServices();
      await anonymitySetup(seed);
      // Copy the imported rows the way the old app stored them: one search body per portfolio.
      sqlite.exec(`ATTACH '${path.join(seed.dataDir, 'queue.sqlite')}' AS s`);
      for (const t of ['rubrics', 'rubric_criteria', 'rubric_levels', 'credentials', 'candidates', 'blobs', 'review_policies'])
        sqlite.exec(`INSERT INTO main.${t} SELECT * FROM s.${t}`);
      const cols = (sqlite.pragma('table_info(portfolios)') as { name: string }[]).map((c) => c.name).join(', ');
      sqlite.exec(`INSERT INTO main.portfolios (${cols}) SELECT ${cols} FROM s.portfolios`);
      for (const p of sqlite
        .prepare('SELECT p.seq, p.id, p.candidate_id AS cid, p.candidate_name AS name, c.email FROM portfolios p JOIN candidates c ON c.id = p.candidate_id')
        .all() as {
        seq: number;
        id: string;
        cid: string;
        name: string;
        email: string;
      }[])
        sqlite.prepare('INSERT INTO portfolio_search (rowid, body) VALUES (?, ?)').run(p.seq, [p.id, p.cid, p.name, p.email].join(' '));
      sqlite.exec('DETACH s');
      sqlite.close();
      await seed.close();

      const ctx = await open(dataDir);
      const lead = { ...reviewerView(ctx), roles: ['lead' as const] };
      expect((await listQueue(ctx, { search: 'zoe@rimu' }, lead)).rows.map((r) => r.id)).toEqual(['P-4']);
      expect((await listQueue(ctx, { search: 'Zoe' }, reviewerView(ctx))).total).toBe(0);
      const name = await shownName(ctx, 'P-4');
      expect(name).toBe(`Candidate ${pseudonymCode(dataDir, 'C-4')}`);
      expect((await listQueue(ctx, { search: name }, reviewerView(ctx))).rows.map((r) => r.id)).toEqual(['P-4']);
      expect(await ctx.db.get("SELECT count(*) AS n FROM portfolios WHERE pseudonym = ''")).toEqual({ n: 0 });
    });
  },
);

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../src-main/core/api';
import { startHttpShell, type HttpShell } from '../../../src-main/server/http';
import { importPath } from '../../../src-main/services/import/importer';
import { createReviewer } from '../../../src-main/services/reviewers';
import type { Services } from '../../../src-main/core/services';
import { makePdf, sha256, tempDir, tempServices, writeCatalogue, writePackageFolder } from '../../support/fixtures';

let ctx: Services;
let shell: HttpShell;
let base: string;
let pdf: Uint8Array;
const rendererDir = tempDir('ew-renderer-');

/** Raw HTTP so that Host and path are sent exactly as written (fetch normalises both). */
function raw(
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: pathname, method, headers: { Host: url.host, ...headers }, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${shell.token}` });

beforeAll(async () => {
  ctx = await tempServices();
  const work = tempDir();
  writeCatalogue(work);
  pdf = await makePdf(3);
  await writePackageFolder(path.join(work, 'P-1'), { id: 'P-1', files: { 'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' } } });
  await importPath(ctx, work, { actor: 'test' });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  shell = await startHttpShell({ core: createCore(ctx, { name: 'EW', version: 't', shell: 'browser' }), rendererDir });
  base = shell.url.split('?')[0]!;
});
afterAll(async () => {
  await shell.close();
  await ctx.close();
});

describe('browser shell access control', () => {
  it('binds to 127.0.0.1 and prints a URL with a random token', () => {
    expect(shell.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });
  it('refuses requests without the token', async () => {
    expect((await raw('/')).status).toBe(401);
    expect((await raw('/api/queue.counts', { 'Content-Type': 'application/json' }, 'POST', '{}')).status).toBe(401);
    expect((await raw(`/evidence/${sha256(pdf)}`)).status).toBe(401);
    expect((await raw('/', { Authorization: 'Bearer wrong' })).status).toBe(401);
  });
  it('turns the URL token into an HttpOnly SameSite=Strict cookie that then works', async () => {
    const wrong = await raw('/?token=nope');
    expect(wrong.status).toBe(401);
    const ok = await raw(`/?token=${shell.token}`);
    expect(ok.status).toBe(303);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await raw('/', { Cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const r = await raw('/', { ...auth(), Host: 'evil.example:80' });
    expect(r.status).toBe(403);
    const port = new URL(base).port;
    expect((await raw('/', { ...auth(), Host: `attacker.test:${port}` })).status).toBe(403);
    expect((await raw('/', { ...auth(), Host: `localhost:${port}` })).status).toBe(200);
  });
});

describe('API over HTTP', () => {
  const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    raw(`/api/${method}`, { ...auth(), 'Content-Type': 'application/json', ...headers }, 'POST', JSON.stringify(body));

  it('answers a valid call', async () => {
    const r = await call('queue.list', { limit: 5 });
    expect(r.status).toBe(200);
    const page = JSON.parse(r.body.toString());
    expect(page.total).toBe(1);
    expect(page.rows[0].id).toBe('P-1');
  });
  it('validates input at the boundary with the shared schemas', async () => {
    const r = await call('queue.list', { limit: 100000, status: ['bogus'] });
    expect(r.status).toBe(400);
    const body = JSON.parse(r.body.toString());
    expect(body.code).toBe('bad_request');
    expect(body.issues.join('\n')).toMatch(/limit/);
    expect(body.issues.join('\n')).toMatch(/status/);
  });
  it('404s unknown methods and missing portfolios, 415s non-JSON posts', async () => {
    expect((await call('nope.nothing', {})).status).toBe(404);
    expect((await call('portfolio.get', { id: 'P-404' })).status).toBe(404);
    expect((await raw('/api/queue.counts', { ...auth(), 'Content-Type': 'text/plain' }, 'POST', '{}')).status).toBe(415);
    expect((await raw('/api/queue.counts', auth(), 'GET')).status).toBe(405);
  });
  it('answers a stale write with 409 and the words naming who changed the record', async () => {
    const admin = await createReviewer(ctx, { name: 'Ada Admin', email: 'ada@example.nz', school: '', district: '', roles: ['admin', 'reviewer'] }, null);
    const as = { 'X-EW-Actor': admin.id };
    const started = JSON.parse((await call('review.start', { portfolioId: 'P-1' }, as)).body.toString()) as { review: { id: number; revision: number } };
    const save = (levels: Record<string, number>) => call('review.save', { reviewId: started.review.id, revision: started.review.revision, levels }, as);
    expect((await save({ planning: 3 })).status).toBe(200);
    const stale = await save({ planning: 1 });
    expect(stale.status).toBe(409);
    const body = JSON.parse(stale.body.toString());
    expect(body.code).toBe('conflict');
    expect(body.message).toMatch(/^You saved this draft at \d\d:\d\d in another window after this one loaded it; reload to see those changes$/);
  });
  it('refuses state-changing calls from another origin, even with the token (Origin, Sec-Fetch-Site)', async () => {
    const own = new URL(base).origin;
    const port = new URL(base).port;
    expect((await call('queue.counts', {}, { Origin: own })).status).toBe(200);
    expect((await call('queue.counts', {}, { Origin: `http://localhost:${port}`, Host: `localhost:${port}` })).status).toBe(200);
    expect((await call('queue.counts', {}, { 'Sec-Fetch-Site': 'same-origin', Origin: own })).status).toBe(200);
    const foreign: Record<string, string>[] = [
      { Origin: 'http://evil.example' },
      { Origin: `http://127.0.0.1:${Number(port) + 1}` },
      { Origin: 'null' },
      { Origin: `http://localhost:${port}` },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of foreign) {
      const r = await call('queue.counts', {}, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body.toString()).message).toMatch(/origin|site/i);
    }
  });
});

describe('evidence over HTTP', () => {
  it('serves a stored file whole with its recorded type', async () => {
    const r = await raw(`/evidence/${sha256(pdf)}`, auth());
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect(sha256(r.body)).toBe(sha256(pdf));
  });
  it('never lets a cache keep evidence (it can name the candidate)', async () => {
    for (const headers of [auth(), { ...auth(), Range: 'bytes=0-9' }, { ...auth(), Range: `bytes=${pdf.length}-` }])
      expect((await raw(`/evidence/${sha256(pdf)}`, headers)).headers['cache-control'], JSON.stringify(headers)).toBe('private, no-store');
    expect((await raw(`/evidence/${'0'.repeat(64)}`, auth())).headers['cache-control']).toBe('private, no-store');
  });
  it('serves byte ranges for seeking', async () => {
    const r = await raw(`/evidence/${sha256(pdf)}`, { ...auth(), Range: 'bytes=10-19' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe(`bytes 10-19/${pdf.length}`);
    expect([...r.body]).toEqual([...pdf.subarray(10, 20)]);
    const tail = await raw(`/evidence/${sha256(pdf)}`, { ...auth(), Range: 'bytes=-5' });
    expect([...tail.body]).toEqual([...pdf.subarray(pdf.length - 5)]);
    const open = await raw(`/evidence/${sha256(pdf)}`, { ...auth(), Range: `bytes=${pdf.length - 3}-` });
    expect(open.body.length).toBe(3);
  });
  it('answers 416 for unsatisfiable ranges', async () => {
    const r = await raw(`/evidence/${sha256(pdf)}`, { ...auth(), Range: `bytes=${pdf.length}-` });
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe(`bytes */${pdf.length}`);
  });
  it('never leaves the store or serves unregistered files', async () => {
    for (const p of [
      '/evidence/../queue.sqlite',
      '/evidence/%2e%2e%2fqueue.sqlite',
      `/evidence/${'0'.repeat(64)}`,
      '/evidence/tmp',
      '/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2fqueue.sqlite',
    ]) {
      const r = await raw(p, auth());
      expect([403, 404], p).toContain(r.status);
      expect(r.body.toString()).not.toMatch(/SQLite format|root:/);
    }
  });
  it('serves renderer assets only from the renderer folder', async () => {
    expect((await raw('/assets/app.js', auth())).status).toBe(200);
    expect((await raw('/assets/none.js', auth())).status).toBe(404);
  });
});

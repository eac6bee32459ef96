import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evidenceResponse } from '../../../src-main/core/evidence-response';
import { createAppProtocolHandler, createEvidenceProtocolHandler } from '../../../src-main/electron/protocols';
import { desktopRendererCsp } from '../../../src-main/electron/security';
import { importPath } from '../../../src-main/services/import/importer';
import type { Services } from '../../../src-main/core/services';
import { makePdf, sha256, tempDir, tempServices, writeCatalogue, writePackageFolder } from '../../support/fixtures';

let ctx: Services;
let pdf: Uint8Array;
const rendererDir = tempDir('ew-renderer-');
const outside = path.join(path.dirname(rendererDir), `${path.basename(rendererDir)}-secret.txt`);

const bytes = async (r: Response) => new Uint8Array(await r.arrayBuffer());

beforeAll(async () => {
  ctx = await tempServices();
  const work = tempDir();
  writeCatalogue(work);
  pdf = await makePdf(2);
  await writePackageFolder(path.join(work, 'P-1'), { id: 'P-1', files: { 'plan.pdf': { bytes: pdf, media_type: 'application/pdf', kind: 'pdf' } } });
  await importPath(ctx, work, { actor: 'test' });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(outside, 'secret');
});
afterAll(() => ctx.close());

describe('ew-app:// handler', () => {
  const handler = createAppProtocolHandler(rendererDir);

  it('serves index.html with the desktop CSP and no caching', async () => {
    for (const url of ['ew-app://app/', 'ew-app://app/index.html']) {
      const r = handler(new Request(url));
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(desktopRendererCsp());
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(await r.text()).toContain('<title>x</title>');
    }
  });

  it('serves assets with a JavaScript type and nosniff', async () => {
    const r = handler(new Request('ew-app://app/assets/app.js'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBeNull();
    expect(await r.text()).toBe('console.log(1)');
  });

  it('404s missing files, directories, other hosts and anything outside the folder', async () => {
    const name = path.basename(outside);
    for (const url of [
      'ew-app://app/missing.js',
      'ew-app://app/assets',
      'ew-app://other/index.html',
      `ew-app://app/..%2f${name}`,
      `ew-app://app/%2e%2e/${name}`,
      `ew-app://app/../${name}`,
    ]) {
      const r = handler(new Request(url));
      expect(r.status, url).toBe(404);
      expect(await r.text()).not.toContain('secret');
    }
    expect(handler(new Request('ew-app://app/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('says so when the renderer has not been built', async () => {
    const r = createAppProtocolHandler(tempDir('ew-empty-'))(new Request('ew-app://app/'));
    expect(r.status).toBe(503);
  });
});

describe('ew-evidence:// handler', () => {
  const handler = () => createEvidenceProtocolHandler((sha, range) => evidenceResponse(ctx, sha, range));
  const url = () => `ew-evidence://blob/${sha256(pdf)}`;

  it('serves a registered blob whole with its recorded type, readable by the renderer only', async () => {
    const r = await handler()(new Request(url()));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('accept-ranges')).toBe('bytes');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-length')).toBe(String(pdf.length));
    expect(r.headers.get('access-control-allow-origin')).toBe('ew-app://app');
    expect(sha256(await bytes(r))).toBe(sha256(pdf));
  });

  it('answers 503 when the core cannot be asked (its process has stopped)', async () => {
    const down = createEvidenceProtocolHandler(async () => Promise.reject(new Error('the core process stopped')));
    const r = await down(new Request(url()));
    expect(r.status).toBe(503);
    expect(r.headers.get('access-control-allow-origin')).toBe('ew-app://app');
  });

  it('never lets a cache keep evidence (it can name the candidate)', async () => {
    expect((await handler()(new Request(url()))).headers.get('cache-control')).toBe('private, no-store');
    expect((await handler()(new Request(url(), { headers: { Range: 'bytes=0-9' } }))).headers.get('cache-control')).toBe('private, no-store');
    expect((await handler()(new Request(`ew-evidence://blob/${'0'.repeat(64)}`))).headers.get('cache-control')).toBe('private, no-store');
  });

  it('serves byte ranges', async () => {
    const r = await handler()(new Request(url(), { headers: { Range: 'bytes=10-19' } }));
    expect(r.status).toBe(206);
    expect(r.headers.get('content-range')).toBe(`bytes 10-19/${pdf.length}`);
    expect([...(await bytes(r))]).toEqual([...pdf.subarray(10, 20)]);
    const tail = await handler()(new Request(url(), { headers: { Range: 'bytes=-5' } }));
    expect([...(await bytes(tail))]).toEqual([...pdf.subarray(pdf.length - 5)]);
  });

  it('answers 416 for unsatisfiable ranges and 404 for anything unregistered', async () => {
    const r = await handler()(new Request(url(), { headers: { Range: `bytes=${pdf.length}-` } }));
    expect(r.status).toBe(416);
    expect(r.headers.get('content-range')).toBe(`bytes */${pdf.length}`);
    for (const u of [
      `ew-evidence://blob/${'0'.repeat(64)}`,
      'ew-evidence://blob/../queue.sqlite',
      'ew-evidence://blob/%2e%2e%2fqueue.sqlite',
      `ew-evidence://other/${sha256(pdf)}`,
    ])
      expect((await handler()(new Request(u))).status, u).toBe(404);
  });

  it('answers HEAD without a body and CORS preflights for byte ranges', async () => {
    const head = await handler()(new Request(url(), { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    const pre = await handler()(new Request(url(), { method: 'OPTIONS' }));
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toBe('Range');
    expect(pre.headers.get('access-control-expose-headers')).toContain('Content-Range');
    expect((await handler()(new Request(url(), { method: 'DELETE' }))).status).toBe(405);
  });
});

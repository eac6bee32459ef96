import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { ApiError, HTTP_STATUS } from '../../src-shared/contracts/errors';
import type { Core } from '../core/api';
import { toApiError } from '../core/api';
import { evidenceResponse } from '../core/evidence-response';
import { RENDERER_CSP } from './csp';

export interface HttpShellOptions {
  core: Core;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface HttpShell {
  server: http.Server;
  url: string;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'ew_token';
const MAX_BODY = 10 * 1024 * 1024;
const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
};
const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function cookieToken(req: http.IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return null;
}

function bearerToken(req: http.IncomingMessage): string | null {
  const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return m ? m[1]! : null;
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError('bad_request', 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser shell: the same core and renderer as the desktop app, over HTTP on loopback.
 * Every request must carry the per-run token (cookie set from the printed URL, or a Bearer header) and a Host header
 * naming this loopback address, which stops other local users' pages and DNS-rebinding attacks from reaching the data.
 */
export async function startHttpShell(options: HttpShellOptions): Promise<HttpShell> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererRoot = path.resolve(options.rendererDir);
  let port = 0;
  const allowedHosts = () => new Set([`${host}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]);

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://placeholder');
      if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 403, 'Forbidden: unexpected Host header');
      const queryToken = url.searchParams.get('token');
      if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
        if (!safeEqual(queryToken, token)) return send(res, 401, 'Unauthorized: wrong token. Open the URL that `npm run serve` printed.');
        return send(res, 303, 'See Other', 'text/plain; charset=utf-8', {
          Location: '/',
          'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        });
      }
      const presented = bearerToken(req) ?? cookieToken(req);
      if (!presented || !safeEqual(presented, token))
        return send(res, 401, "Unauthorized: open the URL that `npm run serve` printed (it carries this run's access token).");

      const crossSite = crossSiteReason(req);
      if (crossSite) return sendJson(res, 403, { code: 'forbidden', message: crossSite });
      if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url, options.core);
      if (url.pathname.startsWith('/evidence/')) return handleEvidence(req, res, url, options.core);
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
      return serveStatic(res, rendererRoot, url.pathname);
    } catch (err) {
      console.error('[http]', err);
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.destroy();
    }
  };
  // Every failure is answered inside serve; nothing is left for the event emitter to drop.
  const server = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const hostForUrl = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    token,
    url: `http://${hostForUrl}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Why a state-changing request (anything but GET/HEAD) looks as if another site sent it, or null. The token cookie is
 * SameSite=Strict, but another port on localhost is the same site; so an Origin that is sent must be this shell's own
 * (http:// + the Host already checked above), and a browser's Sec-Fetch-Site must be same-origin (or none: typed by
 * the user). Clients that send neither (the CLI's fetch, curl with the Bearer token) are not browsers and pass.
 */
function crossSiteReason(req: http.IncomingMessage): string | null {
  if (req.method === 'GET' || req.method === 'HEAD') return null;
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`)
    return `refused: the request comes from another origin (${origin.slice(0, 100)}), not from this app`;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `refused: the browser says the request comes from another site (Sec-Fetch-Site: ${String(site).slice(0, 40)})`;
  return null;
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, core: Core): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
  // JSON only: a cross-site form cannot send it without a CORS preflight, which this server never grants.
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    return sendJson(res, 415, { code: 'bad_request', message: 'expected application/json' });
  const method = decodeURIComponent(url.pathname.slice('/api/'.length));
  try {
    const text = await readBody(req);
    let input: unknown;
    try {
      input = text ? JSON.parse(text) : {};
    } catch {
      throw new ApiError('bad_request', 'request body is not valid JSON');
    }
    const actor = typeof req.headers['x-ew-actor'] === 'string' ? req.headers['x-ew-actor'] : null;
    const result = await core.handle(method, input, { actor });
    sendJson(res, 200, result ?? null);
  } catch (err) {
    const apiError = toApiError(err);
    sendJson(res, HTTP_STATUS[apiError.code], apiError.toBody());
  }
}

async function handleEvidence(req: http.IncomingMessage, res: http.ServerResponse, url: URL, core: Core): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
  const sha256 = url.pathname.slice('/evidence/'.length);
  const range = typeof req.headers.range === 'string' ? req.headers.range : undefined;
  const r = await evidenceResponse(core.ctx, sha256, range);
  if (!r.range) return send(res, r.status, r.status === 404 ? 'Not Found' : 'Range Not Satisfiable', 'text/plain; charset=utf-8', r.headers);
  res.writeHead(r.status, { ...SECURITY_HEADERS, ...r.headers });
  if (req.method === 'HEAD' || r.range.end < r.range.start) return void res.end();
  const stream = fs.createReadStream(r.range.file, { start: r.range.start, end: r.range.end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function serveStatic(res: http.ServerResponse, root: string, pathname: string): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Bad Request');
  }
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 404, 'Not Found');
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    if (rel === '/' || rel === '/index.html') return send(res, 503, 'The renderer is not built yet: run `npm run build:renderer`.');
    return send(res, 404, 'Not Found');
  }
  const type = STATIC_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': type };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = RENDERER_CSP;
    headers['Cache-Control'] = 'no-store';
  }
  res.writeHead(200, headers);
  fs.createReadStream(file).pipe(res);
}

/**
 * The two custom-protocol handlers of the desktop shell, as plain `(Request) => Response` functions (the Fetch API
 * types Electron's protocol.handle uses), so they can be tested under Node without Electron.
 *
 *  - `ew-app://app/…`          the built renderer, confined to its folder, HTML with the renderer CSP.
 *  - `ew-evidence://blob/<sha>` registered evidence blobs via the same evidenceResponse() as the HTTP shell
 *                               (byte ranges for video seeking and pdf.js, 404/416 otherwise). The core host answers
 *                               what to send (it knows which blobs are registered); this process streams the file.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { EvidenceResponse } from '../core/evidence-response';
import { APP_ORIGIN, desktopRendererCsp, evidenceShaFromUrl, rendererContentType, resolveRendererFile } from './security';

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { ...SECURITY_HEADERS, ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** A byte range of a file as a web stream (Electron's protocol.handle accepts a ReadableStream body). */
function fileBody(file: string, start?: number, end?: number): ReadableStream<Uint8Array> {
  const stream = fs.createReadStream(file, start === undefined ? {} : { start, end });
  return Readable.toWeb(stream) as WebReadableStream<Uint8Array> as unknown as ReadableStream<Uint8Array>;
}

export function createAppProtocolHandler(rendererRoot: string, csp: string = desktopRendererCsp()): (request: Request) => Response {
  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed');
    const file = resolveRendererFile(rendererRoot, request.url);
    if (!file) return text(404, 'Not Found');
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat || !stat.isFile()) {
      const pathname = new URL(request.url).pathname;
      if (pathname === '/' || pathname === '/index.html') return text(503, 'The renderer is not built yet: run `npm run build`.');
      return text(404, 'Not Found');
    }
    const type = rendererContentType(file);
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(stat.size) };
    if (type.startsWith('text/html')) {
      headers['Content-Security-Policy'] = csp;
      headers['Cache-Control'] = 'no-store';
    }
    return new Response(request.method === 'HEAD' ? null : fileBody(file), { status: 200, headers });
  };
}

/** The renderer may read evidence (pdf.js fetches byte ranges cross-origin), and nothing else may. */
const CORS_HEADERS = {
  'Access-Control-Allow-Origin': APP_ORIGIN,
  'Access-Control-Expose-Headers': 'Accept-Ranges, Content-Length, Content-Range, Content-Type',
  Vary: 'Origin',
};

/** evidenceResponse() for a blob and Range header, wherever the core runs. */
export type LocateEvidence = (sha256: string, range: string | undefined) => Promise<EvidenceResponse> | EvidenceResponse;

export function createEvidenceProtocolHandler(locate: LocateEvidence): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method === 'OPTIONS')
      return new Response(null, {
        status: 204,
        headers: { ...CORS_HEADERS, 'Access-Control-Allow-Methods': 'GET, HEAD', 'Access-Control-Allow-Headers': 'Range', 'Access-Control-Max-Age': '600' },
      });
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed', CORS_HEADERS);
    const sha256 = evidenceShaFromUrl(request.url);
    if (!sha256) return text(404, 'Not Found', CORS_HEADERS);
    let r: EvidenceResponse;
    try {
      r = await locate(sha256, request.headers.get('range') ?? undefined);
    } catch {
      return text(503, 'Service Unavailable', CORS_HEADERS);
    }
    if (!r.range) return text(r.status, r.status === 404 ? 'Not Found' : 'Range Not Satisfiable', { ...r.headers, ...CORS_HEADERS });
    const headers = { ...SECURITY_HEADERS, ...r.headers, ...CORS_HEADERS };
    const empty = request.method === 'HEAD' || r.range.end < r.range.start;
    return new Response(empty ? null : fileBody(r.range.file, r.range.start, r.range.end), { status: r.status, headers });
  };
}

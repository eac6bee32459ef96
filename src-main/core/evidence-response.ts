import fs from 'node:fs';
import type { ServiceContext } from '../services/context';
import { blobMediaType } from '../services/portfolios';

export interface EvidenceResponse {
  status: number;
  headers: Record<string, string>;
  /** Byte range to stream from the blob, inclusive; absent for errors. */
  range?: { file: string; start: number; end: number };
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Parses a single `bytes=` range (multi-range requests get the whole file, which RFC 9110 allows). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(',') ? null : 'unsatisfiable';
  const [, a, b] = m;
  if (a === '' && b === '') return 'unsatisfiable';
  let start: number;
  let end: number;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/**
 * What both shells answer for an evidence request: only registered blobs, from the store only, with byte ranges
 * so video can seek. The media type is the one recorded at import, and the browser is told not to sniff another.
 * Evidence can name its candidate (even in an anonymous review), so no cache, shared or the browser's own disk
 * cache, may keep a copy: `no-store` on every answer, errors included.
 */
export async function evidenceResponse(ctx: ServiceContext, sha256: string, rangeHeader?: string): Promise<EvidenceResponse> {
  const base = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' };
  if (!SHA256.test(sha256)) return { status: 404, headers: base };
  const mediaType = await blobMediaType(ctx, sha256);
  const file = ctx.store.pathFor(sha256);
  if (!mediaType || !fs.existsSync(file)) return { status: 404, headers: base };
  const size = fs.statSync(file).size;
  const headers = { ...base, 'Content-Type': mediaType, 'Accept-Ranges': 'bytes', 'Content-Security-Policy': "default-src 'none'; sandbox" };
  const range = parseRange(rangeHeader, size);
  if (range === 'unsatisfiable') return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } };
  if (range === null) return { status: 200, headers: { ...headers, 'Content-Length': String(size) }, range: { file, start: 0, end: size - 1 } };
  return {
    status: 206,
    headers: { ...headers, 'Content-Length': String(range.end - range.start + 1), 'Content-Range': `bytes ${range.start}-${range.end}/${size}` },
    range: { file, ...range },
  };
}

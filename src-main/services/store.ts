import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';

const SHA256 = /^[0-9a-f]{64}$/;

export interface StagedBlob {
  sha256: string;
  bytes: number;
  head: Buffer;
  tempPath: string;
}

/**
 * Content-addressed evidence files: <root>/<aa>/<sha256>. Files are written to <root>/tmp and renamed into place,
 * so a reader never sees half a file, and the same bytes are stored once.
 */
export class EvidenceStore {
  readonly tmpDir: string;

  constructor(readonly root: string) {
    this.tmpDir = path.join(root, 'tmp');
    fs.mkdirSync(this.tmpDir, { recursive: true });
  }

  /** The only way from a hash to a path: anything but 64 hex digits is refused, so no request can leave the store. */
  pathFor(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${JSON.stringify(sha256).slice(0, 80)}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathFor(sha256));
  }

  /** Streams bytes into a temp file while hashing them; `maxBytes` stops oversize input early. */
  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    const tempPath = path.join(this.tmpDir, `${process.pid}-${crypto.randomUUID()}`);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    const headParts: Buffer[] = [];
    let headLen = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            bytes += chunk.length;
            if (bytes > maxBytes) throw new OversizeError(maxBytes);
            if (headLen < 64) {
              headParts.push(chunk.subarray(0, 64 - headLen));
              headLen += Math.min(chunk.length, 64 - headLen);
            }
            hash.update(chunk);
            yield chunk;
          }
        },
        fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }),
      );
    } catch (err) {
      fs.rmSync(tempPath, { force: true });
      throw err;
    }
    return { sha256: hash.digest('hex'), bytes, head: Buffer.concat(headParts), tempPath };
  }

  /** Moves a staged file into place; returns true when it was new (the caller may need to remove it on rollback). */
  commit(staged: StagedBlob): boolean {
    const target = this.pathFor(staged.sha256);
    if (fs.existsSync(target)) {
      fs.rmSync(staged.tempPath, { force: true });
      return false;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.chmodSync(staged.tempPath, 0o444);
    fs.renameSync(staged.tempPath, target);
    return true;
  }

  discard(staged: StagedBlob): void {
    fs.rmSync(staged.tempPath, { force: true });
  }

  remove(sha256: string): void {
    fs.rmSync(this.pathFor(sha256), { force: true });
  }

  /** Blob hashes present on disk (tests and integrity checks). */
  list(): string[] {
    const out: string[] = [];
    for (const dir of fs.readdirSync(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const f of fs.readdirSync(path.join(this.root, dir))) if (SHA256.test(f)) out.push(f);
    }
    return out.sort();
  }
}

export class OversizeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than the limit of ${limit} bytes`);
  }
}

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
 *
 * Which files may exist is the database's business (the `blobs` rows evidence refers to): files are placed and
 * removed only by callers holding the write lock (services/store-integrity.ts), so two processes never disagree.
 * Staged files are named `<pid>-<uuid>`, so the files of a process that died can be told from a live one's.
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

  /**
   * Streams bytes into a temp file while hashing them. `maxBytes` is checked on every chunk before it is written, so
   * input that inflates past it (a zip bomb) costs at most one chunk over the limit on disk.
   */
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

  /**
   * Moves a staged file into place; returns true when it was new. Call it only inside a write transaction that
   * registers the blob, so no other process can remove or rely on the file in between.
   */
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

  /** Only for store-integrity.ts, which decides under the write lock that no committed row needs the file. */
  remove(sha256: string): void {
    fs.rmSync(this.pathFor(sha256), { force: true });
  }

  /** Staged files left by processes that are no longer running (a killed import); a live process's are kept. */
  staleStagingFiles(): string[] {
    return fs.readdirSync(this.tmpDir).filter((f) => {
      const pid = Number(/^(\d+)-/.exec(f)?.[1]);
      return !Number.isInteger(pid) || pid === 0 || !processAlive(pid);
    });
  }

  removeStagingFile(name: string): void {
    fs.rmSync(path.join(this.tmpDir, path.basename(name)), { force: true, recursive: true });
  }

  /** The sha256 of a stored file's bytes as they are now (to find files changed or damaged on disk). */
  async hashOf(sha256: string): Promise<string> {
    const hash = crypto.createHash('sha256');
    for await (const chunk of fs.createReadStream(this.pathFor(sha256))) hash.update(chunk as Buffer);
    return hash.digest('hex');
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

export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class OversizeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than the limit of ${limit} bytes`);
  }
}

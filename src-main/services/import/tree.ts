import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ImportProblem } from './problems';
import { MAX_TEXT_FILE_BYTES } from '../../../src-shared/domain/text';

/** One file of a package source, whether it lives in a folder or a zip. */
export interface TreeEntry {
  path: string;
  size: number;
  /** Set for files of a folder source: lets a zip inside a batch folder be opened as a package of its own. */
  fsPath?: string;
  open(): Promise<Readable>;
}

/** A folder or zip read as a flat list of relative paths, with entries that must never be trusted already refused. */
export interface SourceTree {
  label: string;
  entries: Map<string, TreeEntry>;
  problems: ImportProblem[];
  close(): void;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export function unsafePathReason(name: string): string | null {
  if (name.includes('\\')) return 'path uses a backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'absolute path';
  if (name.split('/').some((s) => s === '..')) return 'path escapes the package with ..';
  if (name.includes('\0')) return 'path contains a NUL byte';
  return null;
}

export async function readFolderTree(root: string): Promise<SourceTree> {
  const entries = new Map<string, TreeEntry>();
  const problems: ImportProblem[] = [];
  const label = path.basename(root);
  const walk = (dir: string, rel: string) => {
    for (const d of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, d.name);
      const relPath = rel ? `${rel}/${d.name}` : d.name;
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) problems.push({ source: label, file: relPath, reason: 'symbolic links are not allowed' });
      else if (st.isDirectory()) walk(full, relPath);
      else if (st.isFile())
        entries.set(relPath, { path: relPath, size: st.size, fsPath: full, open: async () => fs.createReadStream(full) });
      else problems.push({ source: label, file: relPath, reason: 'not a regular file' });
    }
  };
  walk(root, '');
  return { label, entries, problems, close: () => undefined };
}

function decodeName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return raw.toString('utf8');
}

export async function readZipTree(file: string): Promise<SourceTree> {
  const label = path.basename(file);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, autoClose: false }, (err, z) => (err ? reject(err) : resolve(z!))),
  ).catch((err: Error) => {
    throw new ZipReadError(label, err.message);
  });
  const entries = new Map<string, TreeEntry>();
  const problems: ImportProblem[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', resolve);
    zip.on('entry', (entry: yauzl.Entry) => {
      const name = decodeName(entry);
      const unsafe = unsafePathReason(name);
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (unsafe) problems.push({ source: label, file: name, reason: `unsafe zip entry: ${unsafe}` });
      else if (mode === S_IFLNK) problems.push({ source: label, file: name, reason: 'symbolic links are not allowed' });
      else if (!name.endsWith('/')) {
        if (entries.has(name)) problems.push({ source: label, file: name, reason: 'the zip holds this path twice' });
        entries.set(name, {
          path: name,
          size: entry.uncompressedSize,
          open: () =>
            new Promise<Readable>((res, rej) => zip.openReadStream(entry, (err, stream) => (err ? rej(err) : res(stream!)))),
        });
      }
      zip.readEntry();
    });
    zip.readEntry();
  }).catch((err: Error) => {
    zip.close();
    throw new ZipReadError(label, err.message);
  });
  return { label, entries, problems, close: () => zip.close() };
}

export class ZipReadError extends Error {
  constructor(readonly label: string, reason: string) {
    super(`${label}: not a readable zip (${reason})`);
  }
}

export async function readTree(source: string): Promise<SourceTree> {
  const st = fs.statSync(source);
  if (st.isDirectory()) return readFolderTree(source);
  if (source.toLowerCase().endsWith('.zip')) return readZipTree(source);
  throw new Error(`${source}: expected a folder or a .zip`);
}

/** Manifests, catalogue JSON and CSV files are read whole; anything larger is refused before it is read. */
export const MAX_TEXT_BYTES = MAX_TEXT_FILE_BYTES;

export class TextTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than the limit of ${limit} bytes for a manifest, catalogue or CSV file`);
  }
}

/** Reads a text entry, counting as it goes: a size that lies (a folder file growing, a zip header) cannot get past the limit. */
export async function readText(entry: TreeEntry, maxBytes = MAX_TEXT_BYTES): Promise<string> {
  if (entry.size > maxBytes) throw new TextTooLargeError(maxBytes);
  const chunks: Buffer[] = [];
  let bytes = 0;
  const stream = await entry.open();
  try {
    for await (const c of stream) {
      bytes += (c as Buffer).length;
      if (bytes > maxBytes) throw new TextTooLargeError(maxBytes);
      chunks.push(c as Buffer);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** readText, with any failure turned into a problem naming the package and the file (bad input, not a crash). */
export async function readTextOrProblem(source: string, entry: TreeEntry, file = entry.path): Promise<{ text: string } | { problem: ImportProblem }> {
  try {
    return { text: await readText(entry) };
  } catch (err) {
    const reason = err instanceof TextTooLargeError ? err.message : `could not be read: ${(err as Error).message}`;
    return { problem: { source, file, reason } };
  }
}

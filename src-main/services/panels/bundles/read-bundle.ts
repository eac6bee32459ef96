/**
 * Reviewer side, before anything touches the database: checks a review bundle (signature over bundle.json, then every
 * file against the sha256 bundle.json lists, nothing added or missing) and extracts its catalogue and packages into a
 * private temp folder for the importer.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readZipTree, ZipReadError, type SourceTree, type TreeEntry } from '../../import/tree';
import { BUNDLE_JSON, BUNDLE_SIG, BundleSchema, issueLines, type Bundle } from './format';
import { thumbprintOf, verifyDigest } from './keys';
import { RefusedError } from './errors';

export interface OpenedBundle {
  bundle: Bundle;
  /** sha256 of bundle.json's bytes: what the signature covers, and the bundle's identity for "identical". */
  bundleSha256: string;
  /** Folder holding catalogue/ and portfolios/ only (never bundle.json), ready for importPath. */
  dir: string;
  cleanup(): void;
}

function refuse(reasons: string[]): never {
  throw new RefusedError('review bundle', reasons);
}

async function readBytes(entry: TreeEntry, max: number): Promise<Buffer> {
  if (entry.size > max) refuse([`${entry.path} is larger than ${max} bytes`]);
  const chunks: Buffer[] = [];
  for await (const c of await entry.open()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Only these may travel in a bundle: anything else (a reviewer CSV, demo activity) could change more than it should. */
function allowedPath(p: string): boolean {
  if (p.split('/').some((s) => s === '' || s === '.' || s === '..') || p.includes('\\')) return false;
  return /^catalogue\/[^/]+\.json$/.test(p) || /^portfolios\/[A-Za-z0-9_.-]{1,64}\/.+/.test(p);
}

async function checkSignature(tree: SourceTree): Promise<{ bundle: Bundle; bundleSha256: string }> {
  const jsonEntry = tree.entries.get(BUNDLE_JSON);
  const sigEntry = tree.entries.get(BUNDLE_SIG);
  if (!jsonEntry || !sigEntry) refuse([`not a review bundle: ${!jsonEntry ? BUNDLE_JSON : BUNDLE_SIG} is missing`]);
  const raw = await readBytes(jsonEntry!, 64 * 1024 * 1024);
  const sig = (await readBytes(sigEntry!, 64 * 1024)).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    refuse([`${BUNDLE_JSON} is not valid JSON: ${(err as Error).message}`]);
  }
  const parsed = BundleSchema.safeParse(value);
  if (!parsed.success) refuse(issueLines(parsed.error, BUNDLE_JSON));
  const bundle = parsed.data!;
  const digest = await verifyDigest(sig, bundle.issuer.public_key);
  const bundleSha256 = crypto.createHash('sha256').update(raw).digest('hex');
  if (!digest) refuse([`tampered: ${BUNDLE_SIG} does not verify with the issuer key in ${BUNDLE_JSON}`]);
  if (digest!.sha256 !== bundleSha256) refuse([`tampered: ${BUNDLE_JSON} was changed after it was signed`]);
  if (digest!.bundle !== bundle.id) refuse([`tampered: ${BUNDLE_SIG} was made for bundle ${digest!.bundle}, not ${bundle.id}`]);
  if ((await thumbprintOf(bundle.issuer.public_key)) !== bundle.issuer.thumbprint) refuse([`${BUNDLE_JSON}: the issuer thumbprint does not match its key`]);
  return { bundle, bundleSha256 };
}

/** Streams one entry to `target` while hashing it. */
async function extract(entry: TreeEntry, target: string): Promise<{ sha256: string; bytes: number }> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  await pipeline(
    await entry.open(),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }),
  );
  return { sha256: hash.digest('hex'), bytes };
}

export async function openBundle(file: string, tmpParent: string): Promise<OpenedBundle> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) refuse([`no such file: ${file}`]);
  let tree: SourceTree;
  try {
    tree = await readZipTree(file);
  } catch (err) {
    if (err instanceof ZipReadError) refuse([`not a review bundle: ${err.message}`]);
    throw err;
  }
  fs.mkdirSync(tmpParent, { recursive: true });
  const root = fs.mkdtempSync(path.join(tmpParent, '.bundle-'));
  const cleanup = () => fs.rmSync(root, { recursive: true, force: true });
  try {
    if (tree!.problems.length) refuse(tree!.problems.map((p) => `${p.file ?? p.source}: ${p.reason}`));
    const { bundle, bundleSha256 } = await checkSignature(tree!);
    const dir = path.join(root, `review-bundle-${bundle.reviewer.id}`);
    fs.mkdirSync(dir);
    const reasons: string[] = [];
    const listed = new Map(bundle.files.map((f) => [f.path, f]));
    for (const name of tree!.entries.keys())
      if (name !== BUNDLE_JSON && name !== BUNDLE_SIG && !listed.has(name)) reasons.push(`tampered: ${name} is not listed in ${BUNDLE_JSON} (added after signing)`);
    const done = new Set<string>();
    for (const f of bundle.files) {
      const entry = tree!.entries.get(f.path);
      if (done.has(f.path)) reasons.push(`${f.path} is listed twice in ${BUNDLE_JSON}`);
      else if (!allowedPath(f.path)) reasons.push(`${f.path}: not a place a review bundle may hold files`);
      else if (!entry) reasons.push(`tampered: ${f.path} is listed in ${BUNDLE_JSON} but missing`);
      // The zip's own size record is checked before anything is written: a swapped file is refused without unpacking it.
      else if (entry.size !== f.bytes) reasons.push(`tampered: ${f.path} is ${entry.size} bytes, ${BUNDLE_JSON} signed ${f.bytes}`);
      else {
        done.add(f.path);
        const got = await extract(entry, path.join(dir, ...f.path.split('/')));
        if (got.sha256 !== f.sha256 || got.bytes !== f.bytes) reasons.push(`tampered: ${f.path} does not match the sha256 signed in ${BUNDLE_JSON}`);
      }
    }
    if (reasons.length) refuse(reasons);
    return { bundle, bundleSha256, dir, cleanup };
  } catch (err) {
    cleanup();
    throw err;
  } finally {
    tree!.close();
  }
}

import crypto from 'node:crypto';
import { PortfolioManifestSchema, CAPTION_MEDIA_TYPE, type PortfolioManifest } from '../../../src-shared/domain/portfolio';
import { OversizeError, type EvidenceStore, type StagedBlob } from '../store';
import { sniffMediaTypes } from '../sniff';
import type { ImportProblem } from './problems';
import type { SourceTree } from './tree';
import { readText } from './tree';
import { parseJson, zodProblems } from './catalogue';

export interface ValidatedPackage {
  source: string;
  manifest: PortfolioManifest;
  manifestSha256: string;
  staged: StagedBlob[];
}

const join = (root: string, file: string) => (root ? `${root}/${file}` : file);

/**
 * Checks one package (the files under `root` in `tree`) against its manifest: schema, exact file set,
 * size limit, byte count, sha256 and file signature. Evidence is streamed into the store's temp area as it is hashed.
 */
export async function validatePackage(
  tree: SourceTree,
  root: string,
  store: EvidenceStore,
  maxFileBytes: number,
): Promise<{ pkg?: ValidatedPackage; problems: ImportProblem[] }> {
  const source = root ? `${tree.label}/${root}` : tree.label;
  const manifestEntry = tree.entries.get(join(root, 'manifest.json'))!;
  const parsed = parseJson(source, 'manifest.json', await readText(manifestEntry));
  if (parsed.problem) return { problems: [parsed.problem] };
  const result = PortfolioManifestSchema.safeParse(parsed.value);
  const id = (parsed.value as { id?: unknown } | null)?.id;
  const label = typeof id === 'string' ? `${source} [${id}]` : source;
  if (!result.success) return { problems: zodProblems(label, result.error, 'manifest.json') };
  const manifest = result.data;

  const problems: ImportProblem[] = [];
  const expected = new Map<string, { mediaTypes: string[]; bytes: number; sha256: string; field: string }>();
  manifest.evidence.forEach((e, i) => {
    expected.set(e.file, { mediaTypes: [e.media_type], bytes: e.bytes, sha256: e.sha256, field: `evidence.${i}` });
    e.captions.forEach((c, j) =>
      expected.set(c.file, { mediaTypes: [CAPTION_MEDIA_TYPE], bytes: c.bytes, sha256: c.sha256, field: `evidence.${i}.captions.${j}` }),
    );
  });
  const prefix = root ? `${root}/` : '';
  for (const path of tree.entries.keys()) {
    if (!path.startsWith(prefix)) continue;
    const rel = path.slice(prefix.length);
    if (rel !== 'manifest.json' && !expected.has(rel)) problems.push({ source: label, file: rel, reason: 'file is not listed in the manifest' });
  }
  const staged: StagedBlob[] = [];
  for (const [file, want] of expected) {
    const entry = tree.entries.get(join(root, file));
    if (!entry) {
      problems.push({ source: label, field: want.field, file, reason: 'listed in the manifest but missing from the package' });
      continue;
    }
    if (entry.size > maxFileBytes) {
      problems.push({ source: label, field: want.field, file, reason: `${entry.size} bytes is over the limit of ${maxFileBytes} bytes` });
      continue;
    }
    let blob: StagedBlob;
    try {
      blob = await store.stage(await entry.open(), maxFileBytes);
    } catch (err) {
      const reason = err instanceof OversizeError ? `over the limit of ${maxFileBytes} bytes` : `could not be read: ${(err as Error).message}`;
      problems.push({ source: label, field: want.field, file, reason });
      continue;
    }
    staged.push(blob);
    if (blob.bytes !== want.bytes)
      problems.push({ source: label, field: `${want.field}.bytes`, file, reason: `manifest says ${want.bytes} bytes, file has ${blob.bytes}` });
    if (blob.sha256 !== want.sha256)
      problems.push({ source: label, field: `${want.field}.sha256`, file, reason: `sha256 mismatch: manifest ${want.sha256}, file ${blob.sha256}` });
    const sniffed = sniffMediaTypes(blob.head);
    if (!want.mediaTypes.some((t) => sniffed.includes(t)))
      problems.push({
        source: label,
        field: `${want.field}.media_type`,
        file,
        reason: `content does not match ${want.mediaTypes[0]} (${sniffed.length ? `looks like ${sniffed[0]}` : 'unrecognised bytes'})`,
      });
  }
  if (problems.length > 0) {
    staged.forEach((b) => store.discard(b));
    return { problems };
  }
  const manifestSha256 = crypto.createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
  return { pkg: { source: label, manifest, manifestSha256, staged }, problems };
}

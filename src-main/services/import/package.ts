import crypto from 'node:crypto';
import { PortfolioManifestSchema, CAPTION_MEDIA_TYPE, type PortfolioManifest } from '../../../src-shared/domain/portfolio';
import { OversizeError, type EvidenceStore, type StagedBlob } from '../store';
import { sniffMediaTypes } from '../sniff';
import type { ImportProblem } from './problems';
import type { SourceTree } from './tree';
import { readTextOrProblem } from './tree';
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
  const read = await readTextOrProblem(source, manifestEntry, 'manifest.json');
  if ('problem' in read) return { problems: [read.problem] };
  const parsed = parseJson(source, 'manifest.json', read.text);
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
  // Names that differ only in letter case or Unicode form are one file on some systems and look the same to a reviewer.
  const folded = new Map<string, string>();
  for (const file of expected.keys()) {
    const key = file.normalize('NFC').toLowerCase();
    const twin = folded.get(key);
    if (twin !== undefined) problems.push({ source: label, file, reason: `differs from ${JSON.stringify(twin)} only in letter case or Unicode form` });
    folded.set(key, file);
  }
  const prefix = root ? `${root}/` : '';
  for (const path of tree.entries.keys()) {
    if (!path.startsWith(prefix)) continue;
    const rel = path.slice(prefix.length);
    if (rel !== 'manifest.json' && !expected.has(rel)) problems.push({ source: label, file: rel, reason: 'file is not listed in the manifest' });
  }
  const staged: StagedBlob[] = [];
  try {
    for (const [file, want] of expected) {
      const problem = (reason: string, field = want.field) => void problems.push({ source: label, field, file, reason });
      const entry = tree.entries.get(join(root, file));
      if (!entry) {
        problem('listed in the manifest but missing from the package');
        continue;
      }
      if (entry.size > maxFileBytes) {
        problem(`${entry.size} bytes is over the limit of ${maxFileBytes} bytes`);
        continue;
      }
      // A zip entry says how far it inflates before a byte is read; one that says more than the manifest is refused unread.
      if (entry.size > want.bytes) {
        problem(`manifest says ${want.bytes} bytes, file has ${entry.size}`, `${want.field}.bytes`);
        continue;
      }
      let blob: StagedBlob;
      try {
        // Never more than the manifest declared: a file that inflates further (a zip bomb) stops at that many bytes.
        blob = await store.stage(await entry.open(), Math.min(maxFileBytes, want.bytes));
      } catch (err) {
        // yauzl stops an entry that inflates past the size its own header declares.
        if (/too many bytes in the stream/.test((err as Error).message)) problem(`the zip entry inflates to more than the ${entry.size} bytes it declares (a damaged or hostile zip)`);
        else if ((err as NodeJS.ErrnoException).code === 'ENOSPC') problem(`there is not enough free disk space for it in ${store.root}`);
        else if (!(err instanceof OversizeError)) problem(`could not be read: ${(err as Error).message}`);
        else if (err.limit < want.bytes) problem(`over the limit of ${maxFileBytes} bytes`);
        else problem(`manifest says ${want.bytes} bytes, file has more (reading stopped there)`, `${want.field}.bytes`);
        continue;
      }
      staged.push(blob);
      if (blob.bytes !== want.bytes) problem(`manifest says ${want.bytes} bytes, file has ${blob.bytes}`, `${want.field}.bytes`);
      if (blob.sha256 !== want.sha256) problem(`sha256 mismatch: manifest ${want.sha256}, file ${blob.sha256}`, `${want.field}.sha256`);
      const sniffed = sniffMediaTypes(blob.head);
      if (!want.mediaTypes.some((t) => sniffed.includes(t)))
        problem(`content does not match ${want.mediaTypes[0]} (${sniffed.length ? `looks like ${sniffed[0]}` : 'unrecognised bytes'})`, `${want.field}.media_type`);
    }
  } catch (err) {
    staged.forEach((b) => store.discard(b));
    throw err;
  }
  if (problems.length > 0) {
    staged.forEach((b) => store.discard(b));
    return { problems };
  }
  const manifestSha256 = crypto.createHash('sha256').update(JSON.stringify(manifest)).digest('hex');
  return { pkg: { source: label, manifest, manifestSha256, staged }, problems };
}

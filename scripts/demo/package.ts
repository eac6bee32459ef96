/**
 * Writes a portfolio package (a folder with manifest.json and its evidence files), filling in each file's byte count
 * and sha256. Reusable by tests and benchmarks to build packages of any shape.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { PortfolioManifestSchema, type EvidenceManifestItem } from '../../src-shared/domain/portfolio';

type ManifestIn = z.input<typeof PortfolioManifestSchema>;
type EvidenceIn = z.input<typeof PortfolioManifestSchema>['evidence'] extends (infer T)[] | undefined ? T : never;
type CaptionIn = EvidenceIn['captions'] extends (infer T)[] | undefined ? T : never;

/** A caption track without its hashes; `bytes`/`sha256` may be given to override (e.g. to build a broken package). */
export type CaptionWithoutHashes = Omit<CaptionIn, 'bytes' | 'sha256'> & { bytes?: number; sha256?: string };
/** An evidence item without its hashes; `bytes`/`sha256` may be given to override. */
export type EvidenceWithoutHashes = Omit<EvidenceIn, 'bytes' | 'sha256' | 'captions'> & {
  bytes?: number;
  sha256?: string;
  captions?: CaptionWithoutHashes[];
};
export type ManifestWithoutHashes = Omit<ManifestIn, 'evidence'> & { evidence?: EvidenceWithoutHashes[] };

export interface WritePackageOptions {
  /** Parse the finished manifest with PortfolioManifestSchema and throw if it is invalid (default true). */
  validate?: boolean;
}

export const sha256Hex = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/**
 * Writes `files` (paths relative to the package, forward slashes) under `dir`, then manifest.json with `bytes` and
 * `sha256` computed for every evidence file and caption track. Every file the manifest names must be in `files`
 * unless the manifest already gives its bytes and sha256. Files not named by the manifest are written as well
 * (useful for testing "file not listed" errors). Returns the manifest as written.
 */
export async function writePackage(
  dir: string,
  manifest: ManifestWithoutHashes,
  files: Record<string, Uint8Array>,
  options: WritePackageOptions = {},
): Promise<ManifestIn & { evidence: EvidenceManifestItem[] }> {
  const hashes = (file: string, given: { bytes?: number; sha256?: string }) => {
    const data = files[file];
    if (!data && (given.bytes === undefined || given.sha256 === undefined))
      throw new Error(`writePackage: no bytes given for "${file}" and the manifest does not state its bytes and sha256`);
    return { bytes: given.bytes ?? data!.byteLength, sha256: given.sha256 ?? sha256Hex(data!) };
  };
  const evidence = (manifest.evidence ?? []).map((e) => {
    const { bytes: _b, sha256: _s, captions, ...rest } = e;
    return {
      ...rest,
      ...hashes(e.file, e),
      captions: (captions ?? []).map((c) => {
        const { bytes: _cb, sha256: _cs, ...crest } = c;
        return { ...crest, ...hashes(c.file, c) };
      }),
    };
  }) as EvidenceManifestItem[];
  const out = { ...manifest, evidence };
  if (options.validate !== false) {
    const parsed = PortfolioManifestSchema.safeParse(out);
    if (!parsed.success)
      throw new Error(`writePackage: invalid manifest for ${String(manifest.id)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  await fs.mkdir(dir, { recursive: true });
  for (const [rel, data] of Object.entries(files)) {
    const target = path.join(dir, ...rel.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, data);
  }
  await fs.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(out, null, 2)}\n`);
  return out;
}

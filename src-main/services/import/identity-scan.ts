/**
 * Evidence often names its candidate — a footer, a signature, the PDF's Author field — which anonymous review cannot
 * hide. At import we look for the candidate's name, email and school (case- and accent-insensitive, whole words) in
 * each PDF's text layer and metadata, in WebVTT captions, text evidence and written responses, and keep where we found
 * them (never the text found). Each PDF carrying metadata also gets a copy without it (Info dictionary, XMP stream),
 * staged beside the package's own files, which viewers who may not see identity are given instead of the original.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { IdentityFinding } from '../../../src-shared/contracts/portfolio';
import type { PortfolioManifest } from '../../../src-shared/domain/portfolio';
import type { ServiceContext } from '../context';
import type { StagedBlob } from '../store';
import type { ValidatedPackage } from './package';
import { evidence } from '../../db/schema';
import { and, eq } from 'drizzle-orm';
import { saveIdentityFindings } from '../panels/identity-findings';

/** The metadata fields a PDF's Info dictionary may name someone in. */
const INFO_FIELDS = ['Author', 'Title', 'Subject', 'Keywords', 'Creator', 'Producer'] as const;

export interface IdentityScan {
  findings: IdentityFinding[];
  /** Evidence id → sha256 of its PDF's copy without metadata (staged in the package's `staged`). */
  stripped: Map<string, string>;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word patterns (accents and case folded) for what identifies the candidate: name (also "Family, Given"), email, school. */
function patterns(c: PortfolioManifest['candidate']): { field: IdentityFinding['field']; re: RegExp }[] {
  const phrase = (s: string) => fold(s).trim().split(/\s+/).map(escape).join('[\\s,]+');
  const words = (alternatives: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.filter(Boolean).join('|')})(?![\\p{L}\\p{N}])`, 'u');
  const parts = c.name.trim().split(/\s+/);
  const names = [phrase(c.name), ...(parts.length > 1 ? [phrase(`${parts.at(-1)!} ${parts.slice(0, -1).join(' ')}`)] : [])];
  return [
    { field: 'name', re: words(names) },
    { field: 'email', re: words([escape(fold(c.email))]) },
    ...(c.school.trim() ? [{ field: 'school' as const, re: words([phrase(c.school)]) }] : []),
  ];
}

class Finder {
  readonly findings: IdentityFinding[] = [];
  private readonly seen = new Set<string>();
  private readonly res: ReturnType<typeof patterns>;

  constructor(candidate: PortfolioManifest['candidate']) {
    this.res = patterns(candidate);
  }

  look(text: string, evidenceId: string | null, location: string): void {
    const folded = fold(text);
    for (const { field, re } of this.res) {
      const key = `${evidenceId}|${location}|${field}`;
      if (re.test(folded) && !this.seen.has(key)) {
        this.seen.add(key);
        this.findings.push({ evidence: evidenceId, location, field });
      }
    }
  }
}

async function scanPdfText(bytes: Uint8Array, evidenceId: string, finder: Finder): Promise<void> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: VerbosityLevel.ERRORS }).promise;
  try {
    const { info, metadata } = await doc.getMetadata();
    const fields = info as Record<string, unknown>;
    for (const field of INFO_FIELDS) if (typeof fields[field] === 'string') finder.look(fields[field], evidenceId, `metadata ${field}`);
    if (metadata) finder.look(metadata.getRaw().replace(/<[^>]*>/g, ' '), evidenceId, 'metadata XMP');
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      finder.look(content.items.map((it) => ('str' in it ? `${it.str}${it.hasEOL ? '\n' : ' '}` : '')).join(''), evidenceId, `p.${i}`);
    }
  } finally {
    await doc.destroy();
  }
}

/** The PDF without its Info dictionary and XMP stream (the objects themselves removed), or null when it has neither. */
export async function stripPdfMetadata(bytes: Uint8Array): Promise<Uint8Array | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const info = doc.context.trailerInfo.Info;
  const xmp = doc.catalog.get(PDFName.of('Metadata'));
  if (!info && !xmp) return null;
  for (const ref of [info, xmp]) if (ref instanceof PDFRef) doc.context.delete(ref);
  doc.context.trailerInfo.Info = undefined;
  doc.catalog.delete(PDFName.of('Metadata'));
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

/** Cue n of a WebVTT file: the blocks with a timing line, numbered from 1. */
function vttCues(text: string): { n: number; text: string }[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((block) => block.includes('-->'))
    .map((block, i) => ({
      n: i + 1,
      text: block
        .split('\n')
        .filter((l) => !l.includes('-->'))
        .join(' '),
    }));
}

/**
 * Scans one package's evidence and responses for its candidate, and stages a copy without metadata of each PDF that
 * has some (pushed onto `pkg.staged`, so it is committed or discarded with the package's files). A PDF that cannot be
 * parsed is not scanned: the viewer will say it is damaged.
 */
export async function scanPackage(ctx: ServiceContext, pkg: ValidatedPackage): Promise<IdentityScan> {
  const m = pkg.manifest;
  const finder = new Finder(m.candidate);
  const stripped = new Map<string, string>();
  const fileOf = new Map(pkg.staged.map((b) => [b.sha256, b.tempPath]));
  const read = (sha256: string) => fs.readFileSync(fileOf.get(sha256)!);
  for (const e of m.evidence) {
    if (e.kind === 'pdf') {
      const bytes = read(e.sha256);
      try {
        await scanPdfText(bytes, e.id, finder);
        const copy = await stripPdfMetadata(bytes);
        if (copy) {
          const blob: StagedBlob = await ctx.store.stage(Readable.from([Buffer.from(copy)]), Infinity);
          pkg.staged.push(blob);
          stripped.set(e.id, blob.sha256);
        }
      } catch {
        // Damaged or encrypted: nothing to read, nothing we can rewrite.
      }
    } else if (e.kind === 'text') finder.look(read(e.sha256).toString('utf8'), e.id, 'text');
    e.captions.forEach((c, i) => {
      const label = e.captions.length > 1 ? `captions ${i + 1} cue` : 'cue';
      for (const cue of vttCues(read(c.sha256).toString('utf8'))) finder.look(cue.text, e.id, `${label} ${cue.n}`);
    });
  }
  m.responses.forEach((r, i) => finder.look(r.text, null, `response ${i + 1}`));
  return { findings: finder.findings, stripped };
}

/** Scans every package about to be imported (see scanPackage). */
export async function scanPackages(ctx: ServiceContext, packages: ValidatedPackage[]): Promise<Map<string, IdentityScan>> {
  const scans = new Map<string, IdentityScan>();
  for (const pkg of packages) scans.set(pkg.manifest.id, await scanPackage(ctx, pkg));
  return scans;
}

/** Records a scan with its portfolio's rows (inside the import's transaction). */
export async function recordScan(ctx: ServiceContext, portfolioId: string, scan: IdentityScan | undefined): Promise<void> {
  if (!scan) return;
  await saveIdentityFindings(ctx, portfolioId, scan.findings);
  for (const [evidenceId, sha256] of scan.stripped)
    await ctx.db.orm
      .update(evidence)
      .set({ strippedSha256: sha256 })
      .where(and(eq(evidence.portfolioId, portfolioId), eq(evidence.evidenceId, evidenceId)))
      .run();
}

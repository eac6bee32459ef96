import { GENERATED_ENTRIES, HAND_WRITTEN_ENTRIES } from './build';
/**
 * Checks a demo data folder (resources/demo layout) the way the importer would: every JSON parses with the domain
 * schemas, every file matches its manifest's bytes and sha256 and looks like its media type, criteria exist in the
 * credential's rubric, and resubmissions point at an earlier attempt of the same candidate and credential.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PortfolioManifestSchema, type PortfolioManifest } from '../../src-shared/domain/portfolio';
import { RubricSchema, type Rubric } from '../../src-shared/domain/rubric';
import { CredentialsFileSchema, type Credential } from '../../src-shared/domain/credential';

/** Does the start of a file carry the signature of `mediaType`? */
export function hasSignature(head: Uint8Array, mediaType: string): boolean {
  const at = (sig: number[], offset = 0) => sig.every((b, i) => head[offset + i] === b);
  switch (mediaType) {
    case 'application/pdf':
      return at([0x25, 0x50, 0x44, 0x46, 0x2d]);
    case 'video/mp4':
      return at([0x66, 0x74, 0x79, 0x70], 4);
    case 'video/webm':
      return at([0x1a, 0x45, 0xdf, 0xa3]);
    case 'image/png':
      return at([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return at([0xff, 0xd8, 0xff]);
    case 'text/vtt':
      return Buffer.from(head.subarray(0, 6)).toString('latin1') === 'WEBVTT';
    default:
      return false;
  }
}

export interface DemoContents {
  rubrics: Rubric[];
  credentials: Credential[];
  manifests: PortfolioManifest[];
  totalBytes: number;
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? walk(path.join(dir, d.name)) : [path.join(dir, d.name)]))
    .sort();
}

/** Returns the parsed contents and a list of problems (empty when the folder is consistent). */
export function verifyDemo(root: string): { contents: DemoContents; problems: string[] } {
  const problems: string[] = [];
  const contents: DemoContents = { rubrics: [], credentials: [], manifests: [], totalBytes: 0 };
  const readJson = (file: string): unknown => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push(`${path.relative(root, file)}: not valid JSON (${(err as Error).message})`);
      return undefined;
    }
  };

  for (const entry of fs.readdirSync(root))
    if (![...GENERATED_ENTRIES, ...HAND_WRITTEN_ENTRIES].includes(entry as never)) problems.push(`${entry}: unexpected entry at the top level`);

  for (const file of walk(path.join(root, 'rubrics'))) {
    const r = RubricSchema.safeParse(readJson(file));
    if (!r.success) problems.push(`${path.relative(root, file)}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    else {
      if (path.basename(file) !== `${r.data.id}.json`) problems.push(`${path.relative(root, file)}: file name should be ${r.data.id}.json`);
      contents.rubrics.push(r.data);
    }
  }
  const creds = CredentialsFileSchema.safeParse(readJson(path.join(root, 'credentials.json')));
  if (!creds.success) problems.push(`credentials.json: ${creds.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  else contents.credentials = creds.data.credentials;
  for (const c of contents.credentials)
    if (!contents.rubrics.some((r) => r.id === c.rubric.id && r.version === c.rubric.version))
      problems.push(`credentials.json: ${c.code} names rubric ${c.rubric.id}@${c.rubric.version}, which is not in rubrics/`);

  const portfolioRoot = path.join(root, 'portfolios');
  for (const id of fs.readdirSync(portfolioRoot).sort()) {
    const dir = path.join(portfolioRoot, id);
    const m = PortfolioManifestSchema.safeParse(readJson(path.join(dir, 'manifest.json')));
    if (!m.success) {
      problems.push(`portfolios/${id}/manifest.json: ${m.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      continue;
    }
    const manifest = m.data;
    contents.manifests.push(manifest);
    if (manifest.id !== id) problems.push(`portfolios/${id}: manifest id is ${manifest.id}`);
    const credential = contents.credentials.find((c) => c.code === manifest.credential);
    const rubric = credential && contents.rubrics.find((r) => r.id === credential.rubric.id && r.version === credential.rubric.version);
    if (!rubric) problems.push(`portfolios/${id}: unknown credential ${manifest.credential}`);
    const listed = new Set<string>(['manifest.json']);
    const check = (file: string, want: { bytes: number; sha256: string }, mediaType: string) => {
      listed.add(file);
      const full = path.join(dir, ...file.split('/'));
      if (!fs.existsSync(full)) return void problems.push(`portfolios/${id}/${file}: missing`);
      const data = fs.readFileSync(full);
      if (data.byteLength !== want.bytes) problems.push(`portfolios/${id}/${file}: ${data.byteLength} bytes, manifest says ${want.bytes}`);
      const sha = crypto.createHash('sha256').update(data).digest('hex');
      if (sha !== want.sha256) problems.push(`portfolios/${id}/${file}: sha256 ${sha}, manifest says ${want.sha256}`);
      if (!hasSignature(data.subarray(0, 16), mediaType)) problems.push(`portfolios/${id}/${file}: does not look like ${mediaType}`);
    };
    for (const e of manifest.evidence) {
      check(e.file, e, e.media_type);
      for (const c of e.captions) check(c.file, c, 'text/vtt');
      if (rubric)
        for (const cid of e.criteria)
          if (!rubric.criteria.some((c) => c.id === cid)) problems.push(`portfolios/${id}: evidence ${e.id} claims unknown criterion ${cid}`);
    }
    for (const file of walk(dir)) {
      const rel = path.relative(dir, file).split(path.sep).join('/');
      if (!listed.has(rel)) problems.push(`portfolios/${id}/${rel}: not listed in the manifest`);
    }
  }
  for (const m of contents.manifests) {
    if (!m.resubmission_of) continue;
    const earlier = contents.manifests.find((x) => x.id === m.resubmission_of);
    if (!earlier) problems.push(`${m.id}: resubmission_of ${m.resubmission_of} is not in the demo set`);
    else {
      if (earlier.candidate.id !== m.candidate.id) problems.push(`${m.id}: earlier attempt belongs to another candidate`);
      if (earlier.credential !== m.credential) problems.push(`${m.id}: earlier attempt is for another credential`);
      if (earlier.attempt + 1 !== m.attempt) problems.push(`${m.id}: attempt ${m.attempt} does not follow attempt ${earlier.attempt}`);
      if (Date.parse(earlier.submitted_at) >= Date.parse(m.submitted_at)) problems.push(`${m.id}: submitted before its earlier attempt`);
    }
  }
  contents.totalBytes = walk(root).reduce((sum, f) => sum + fs.statSync(f).size, 0);
  return { contents, problems };
}

/** Builds the demo data set from the content modules: rubrics, credentials and portfolio packages. */
import fs from 'node:fs';
import path from 'node:path';
import { CREDENTIALS_FILE, RUBRICS } from './content';
import { CLIPS } from './media';
import { PORTFOLIOS, type EvidencePlan, type PortfolioPlan } from './portfolios';
import { buildPdf } from './pdf';
import { writePackage, type EvidenceWithoutHashes, type ManifestWithoutHashes } from './package';
import { makeBarChart, makeClip, makeWallChart, webVtt } from './video';

export const MEDIA_EXTENSIONS = ['.webm', '.mp4', '.jpg', '.png'];

const MEDIA_TYPE: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.webm': 'video/webm',
  '.mp4': 'video/mp4',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

/** Package-relative path of an evidence item's main file. */
export function evidenceFile(e: EvidencePlan): string {
  switch (e.kind) {
    case 'pdf':
      return `evidence/${e.file}`;
    case 'video':
      return `evidence/${CLIPS[e.clip].spec.id}.${e.format}`;
    case 'image':
      return `evidence/${e.image.spec.id}.${e.image.type === 'wall' ? 'jpg' : 'png'}`;
  }
}

const captionFile = (e: Extract<EvidencePlan, { kind: 'video' }>) => `evidence/${CLIPS[e.clip].spec.id}.en.vtt`;

export function manifestFor(plan: PortfolioPlan): ManifestWithoutHashes {
  const evidence: EvidenceWithoutHashes[] = plan.evidence.map((e) => {
    const file = evidenceFile(e);
    const captions =
      e.kind === 'video' && e.captions && CLIPS[e.clip].cues ? [{ file: captionFile(e), srclang: 'en', label: 'English' }] : [];
    return { id: e.id, title: e.title, kind: e.kind, file, media_type: MEDIA_TYPE[path.extname(file)]!, criteria: e.criteria, captions };
  });
  return {
    format: 'evidence-workbench/portfolio@1',
    id: plan.id,
    credential: plan.credential,
    candidate: plan.person.candidate,
    attempt: plan.attempt,
    resubmission_of: plan.resubmissionOf,
    submitted_at: plan.submittedAt,
    ...(plan.tests ? { tests: plan.tests } : {}),
    responses: plan.responses,
    evidence,
  };
}

/** The PDF files of one portfolio, built in memory (deterministic). */
export async function pdfFilesFor(plan: PortfolioPlan): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  for (const e of plan.evidence)
    if (e.kind === 'pdf')
      out[evidenceFile(e)] = await buildPdf(
        e.doc({ person: plan.person, portfolioId: plan.id, credentialCode: plan.credential, date: e.date }),
      );
  return out;
}

/** Media already on disk (by file name), so ffmpeg only runs for files that are missing. */
export class MediaCache {
  private readonly known = new Map<string, Uint8Array>();
  readonly generated: string[] = [];
  readonly reused: string[] = [];

  /** Remembers every media file under `portfoliosDir` (the first copy of each file name wins). */
  loadFrom(portfoliosDir: string): void {
    if (!fs.existsSync(portfoliosDir)) return;
    for (const id of fs.readdirSync(portfoliosDir).sort()) {
      const evidenceDir = path.join(portfoliosDir, id, 'evidence');
      if (!fs.existsSync(evidenceDir)) continue;
      for (const name of fs.readdirSync(evidenceDir).sort())
        if (MEDIA_EXTENSIONS.includes(path.extname(name)) && !this.known.has(name))
          this.known.set(name, new Uint8Array(fs.readFileSync(path.join(evidenceDir, name))));
    }
  }

  get(name: string, make: () => Uint8Array): Uint8Array {
    let data = this.known.get(name);
    if (data) {
      if (!this.generated.includes(name) && !this.reused.includes(name)) this.reused.push(name);
      return data;
    }
    data = make();
    this.known.set(name, data);
    this.generated.push(name);
    return data;
  }
}

/** All files of one portfolio package except manifest.json. */
export async function packageFiles(plan: PortfolioPlan, media: MediaCache): Promise<Record<string, Uint8Array>> {
  const files = await pdfFilesFor(plan);
  for (const e of plan.evidence) {
    const file = evidenceFile(e);
    const name = path.basename(file);
    if (e.kind === 'video') {
      const clip = CLIPS[e.clip];
      files[file] = media.get(name, () => makeClip(clip.spec, e.format));
      if (e.captions && clip.cues) files[captionFile(e)] = new TextEncoder().encode(webVtt(clip.cues));
    } else if (e.kind === 'image') {
      const image = e.image;
      files[file] = media.get(name, () => (image.type === 'wall' ? makeWallChart(image.spec) : makeBarChart(image.spec)));
    }
  }
  return files;
}

/** What the generator owns at the top of the demo set; reviewers.csv and activity/ are written by hand. */
export const GENERATED_ENTRIES = ['rubrics', 'credentials.json', 'portfolios'] as const;
export const HAND_WRITTEN_ENTRIES = ['reviewers.csv', 'activity'] as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes the generated part of the data set to `outDir` (rubrics, credentials, portfolios), replacing what was there;
 * the hand-written reviewers.csv and activity/ beside them are kept. Media is reused unless `forceMedia`.
 */
export async function writeDemo(outDir: string, options: { forceMedia?: boolean; log?: (line: string) => void } = {}): Promise<MediaCache> {
  const log = options.log ?? (() => undefined);
  const media = new MediaCache();
  if (!options.forceMedia) media.loadFrom(path.join(outDir, 'portfolios'));
  for (const generated of GENERATED_ENTRIES) fs.rmSync(path.join(outDir, generated), { recursive: true, force: true });
  fs.mkdirSync(path.join(outDir, 'rubrics'), { recursive: true });
  for (const rubric of RUBRICS) fs.writeFileSync(path.join(outDir, 'rubrics', `${rubric.id}.json`), json(rubric));
  fs.writeFileSync(path.join(outDir, 'credentials.json'), json(CREDENTIALS_FILE));
  for (const plan of PORTFOLIOS) {
    const files = await packageFiles(plan, media);
    await writePackage(path.join(outDir, 'portfolios', plan.id), manifestFor(plan), files);
    log(`  ${plan.id}  ${plan.person.candidate.name.padEnd(18)} ${plan.credential.padEnd(6)} attempt ${plan.attempt}  ${plan.evidence.length} evidence items`);
  }
  return media;
}

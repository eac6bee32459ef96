import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { verifyAuditChain } from '../../src-main/db/audit-chain-port';
import { openDb } from '../../src-main/db/open';
import type { Services } from '../../src-main/core/services';
import type { ServiceContext } from '../../src-main/services/context';
import type { Rubric } from '../../src-shared/domain/rubric';
import { openTestServices, testDatabaseUrl } from './dialect';

export function tempDir(prefix = 'ew-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real data directory (store + the run's database: a SQLite file or a PostgreSQL database) in a temp folder, with a fixed clock. */
export async function tempServices(now = new Date('2026-11-01T10:00:00Z')): Promise<Services> {
  return await openTestServices({ dataDir: tempDir('ew-data-'), now: () => now });
}

/** The audit chain check of a data directory's queue, read over a second connection as `cli audit verify` does. */
export async function auditChainOf(ctx: Services) {
  const handle = await openDb({ databaseUrl: await testDatabaseUrl(ctx.dataDir), sqliteFile: path.join(ctx.dataDir, 'queue.sqlite') });
  try {
    return await verifyAuditChain(handle.db);
  } finally {
    await handle.close();
  }
}

export const sha256 = (bytes: Uint8Array | string) => crypto.createHash('sha256').update(bytes).digest('hex');

export async function makePdf(pages: number, title = 'Lesson plan'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${title} - page ${i}`, { x: 50, y: 780, size: 18, font });
    page.drawText('Learning intentions and success criteria for the lesson.', { x: 50, y: 740, size: 11, font });
  }
  return doc.save();
}

/** A 1x1 PNG: the smallest real image. */
export const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

export const TEST_RUBRIC: Rubric = {
  format: 'evidence-workbench/rubric@1',
  id: 'test-rubric',
  version: 1,
  title: 'Test rubric',
  criteria: [
    {
      id: 'planning',
      title: 'Planning',
      guidance: 'Plans learning.',
      critical: false,
      levels: [
        { score: 1, label: 'Beginning', descriptor: 'b' },
        { score: 2, label: 'Developing', descriptor: 'd' },
        { score: 3, label: 'Proficient', descriptor: 'p' },
        { score: 4, label: 'Exemplary', descriptor: 'e' },
      ],
    },
    {
      id: 'reflection',
      title: 'Reflection',
      guidance: 'Reflects on practice.',
      critical: true,
      levels: [
        { score: 1, label: 'Beginning', descriptor: 'b' },
        { score: 2, label: 'Developing', descriptor: 'd' },
        { score: 3, label: 'Proficient', descriptor: 'p' },
        { score: 4, label: 'Exemplary', descriptor: 'e' },
      ],
    },
  ],
  decision_rule: { type: 'all_at_least', min_level: 3 },
  feedback_templates: { pass: 'Well done.', not_yet: 'Please revisit.' },
};

export const TEST_CREDENTIALS = {
  format: 'evidence-workbench/credentials@1',
  credentials: [
    {
      code: 'TST-8',
      title: 'Test Credential',
      provider: 'Test',
      level: 'NZQF 8',
      credit_points: 5,
      hours: 50,
      validity_years: 5,
      rubric: { id: 'test-rubric', version: 1 },
    },
  ],
};

export function writeCatalogue(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'rubric.json'), JSON.stringify(TEST_RUBRIC, null, 2));
  fs.writeFileSync(path.join(dir, 'credentials.json'), JSON.stringify(TEST_CREDENTIALS, null, 2));
}

export interface PackageSpec {
  id: string;
  candidate?: Partial<{ id: string; name: string; email: string; school: string; district: string }>;
  attempt?: number;
  resubmission_of?: string | null;
  submitted_at?: string;
  files?: Record<string, { bytes: Uint8Array; media_type: string; kind: string; criteria?: string[] }>;
}

/** Writes a valid package folder (manifest with true sizes and hashes); tests then break one thing. */
export async function writePackageFolder(dir: string, spec: PackageSpec): Promise<Record<string, unknown>> {
  fs.mkdirSync(dir, { recursive: true });
  const files = spec.files ?? {
    'lesson-plan.pdf': { bytes: await makePdf(2), media_type: 'application/pdf', kind: 'pdf', criteria: ['planning'] },
    'wall.png': { bytes: PNG_1x1, media_type: 'image/png', kind: 'image', criteria: ['reflection'] },
  };
  const evidence = Object.entries(files).map(([file, f], i) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), f.bytes);
    return {
      id: `E${i + 1}`,
      title: `Evidence ${i + 1}`,
      kind: f.kind,
      file,
      media_type: f.media_type,
      bytes: f.bytes.length,
      sha256: sha256(f.bytes),
      criteria: f.criteria ?? [],
    };
  });
  const manifest = {
    format: 'evidence-workbench/portfolio@1',
    id: spec.id,
    credential: 'TST-8',
    candidate: { id: 'C-1', name: 'Aroha Ngata', email: 'aroha@example.school.nz', school: 'Kowhai School', district: 'North', ...spec.candidate },
    attempt: spec.attempt ?? 1,
    resubmission_of: spec.resubmission_of ?? null,
    submitted_at: spec.submitted_at ?? '2026-05-01T09:00:00Z',
    responses: [{ prompt: 'What changed in your practice?', text: 'I now plan with success criteria.' }],
    evidence,
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export function editManifest(dir: string, edit: (m: any) => void): void {
  const file = path.join(dir, 'manifest.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(m);
  fs.writeFileSync(file, JSON.stringify(m, null, 2));
}

export async function countRows(ctx: ServiceContext, table: string): Promise<number> {
  return ((await ctx.db.get(`SELECT count(*) AS n FROM ${table}`)) as { n: number }).n;
}

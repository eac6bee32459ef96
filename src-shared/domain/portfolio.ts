import { z } from 'zod';
import { lineText, multilineText } from './text';

export const EVIDENCE_KINDS = ['pdf', 'video', 'image', 'text'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Media types the app accepts, with the evidence kind each belongs to. */
export const MEDIA_TYPES: Record<string, EvidenceKind> = {
  'application/pdf': 'pdf',
  'video/mp4': 'video',
  'video/webm': 'video',
  'image/png': 'image',
  'image/jpeg': 'image',
  'text/plain': 'text',
  'text/markdown': 'text',
};
export const CAPTION_MEDIA_TYPE = 'text/vtt';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lowercase hex digits');
/** A path inside a package: relative, forward slashes, no `..`, no empty segments. */
export const PackagePath = z
  .string()
  .min(1)
  .max(255)
  .refine((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && !p.includes('\\'), 'must be a relative path with / separators')
  .refine((p) => p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'), 'must not contain empty, . or .. segments');

export const Id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'ids use letters, digits, . _ - only (at most 64)');

export const CandidateSchema = z.object({
  id: Id,
  name: lineText().min(1),
  email: z.email(),
  school: lineText().min(1),
  district: lineText().min(1),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const CaptionTrackSchema = z.object({
  file: PackagePath,
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
  srclang: z.string().min(2).max(16).default('en'),
  label: lineText().min(1).default('English'),
});

export const EvidenceManifestItemSchema = z.object({
  id: Id,
  title: lineText().min(1),
  kind: z.enum(EVIDENCE_KINDS),
  file: PackagePath,
  media_type: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: Sha256,
  criteria: z.array(z.string().min(1)).default([]),
  captions: z.array(CaptionTrackSchema).default([]),
});
export type EvidenceManifestItem = z.infer<typeof EvidenceManifestItemSchema>;

export const ResponseSchema = z.object({ prompt: multilineText().min(1), text: multilineText() });

export const PortfolioManifestSchema = z
  .object({
    format: z.literal('evidence-workbench/portfolio@1'),
    id: Id,
    credential: z.string().min(1),
    candidate: CandidateSchema,
    attempt: z.number().int().positive().default(1),
    resubmission_of: Id.nullable().default(null),
    submitted_at: z.iso.datetime({ offset: true }),
    responses: z.array(ResponseSchema).default([]),
    evidence: z.array(EvidenceManifestItemSchema).default([]),
    /** Optional pre- and post-test percentages some programmes collect. */
    tests: z.object({ pre: z.number().min(0).max(100).optional(), post: z.number().min(0).max(100).optional() }).optional(),
  })
  .superRefine((m, ctx) => {
    const ids = new Set<string>();
    const files = new Set<string>();
    m.evidence.forEach((e, i) => {
      if (ids.has(e.id)) ctx.addIssue({ code: 'custom', path: ['evidence', i, 'id'], message: `duplicate evidence id "${e.id}"` });
      ids.add(e.id);
      for (const f of [e.file, ...e.captions.map((c) => c.file)]) {
        if (files.has(f)) ctx.addIssue({ code: 'custom', path: ['evidence', i, 'file'], message: `file "${f}" is listed twice` });
        files.add(f);
      }
      const kind = MEDIA_TYPES[e.media_type];
      if (!kind) ctx.addIssue({ code: 'custom', path: ['evidence', i, 'media_type'], message: `unknown media type "${e.media_type}"` });
      else if (kind !== e.kind)
        ctx.addIssue({ code: 'custom', path: ['evidence', i, 'kind'], message: `kind "${e.kind}" does not match media type ${e.media_type}` });
      if (e.captions.length > 0 && e.kind !== 'video')
        ctx.addIssue({ code: 'custom', path: ['evidence', i, 'captions'], message: 'only video evidence can have captions' });
    });
    if (m.attempt > 1 && !m.resubmission_of)
      ctx.addIssue({ code: 'custom', path: ['resubmission_of'], message: 'an attempt after the first must name resubmission_of' });
  });
export type PortfolioManifest = z.infer<typeof PortfolioManifestSchema>;

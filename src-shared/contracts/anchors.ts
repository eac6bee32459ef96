import { z } from 'zod';

/** Where in a piece of evidence a score is justified: a PDF page (optionally the quoted text) or a video moment/range. */
export const AnchorTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pdf_page'), page: z.number().int().min(1), quote: z.string().max(2000).optional() }),
  z.object({
    kind: z.literal('video_time'),
    startS: z.number().min(0),
    endS: z.number().min(0).optional(),
  }),
]);
export type AnchorTarget = z.infer<typeof AnchorTargetSchema>;

export const AnchorSchema = z.object({
  id: z.number().int(),
  criterionId: z.string(),
  evidenceId: z.string(),
  target: AnchorTargetSchema,
  createdAt: z.string(),
});
export type Anchor = z.infer<typeof AnchorSchema>;

export function formatSeconds(s: number): string {
  const total = Math.floor(s);
  const m = Math.floor(total / 60);
  const sec = String(total % 60).padStart(2, '0');
  return `${m}:${sec}`;
}

/** How an anchor reads in the rubric panel, exports and the feedback report: "p. 3" or "1:05–1:20". */
export function describeTarget(t: AnchorTarget): string {
  if (t.kind === 'pdf_page') return `p. ${t.page}${t.quote ? ` “${t.quote.length > 80 ? `${t.quote.slice(0, 77)}…` : t.quote}”` : ''}`;
  return t.endS !== undefined && t.endS > t.startS ? `${formatSeconds(t.startS)}–${formatSeconds(t.endS)}` : formatSeconds(t.startS);
}

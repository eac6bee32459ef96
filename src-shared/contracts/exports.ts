import { z } from 'zod';
import { QueueQuerySchema } from './queue';

export const ExportFilterSchema = QueueQuerySchema.pick({ status: true, credential: true, district: true, search: true }).extend({
  portfolioIds: z.array(z.string()).max(100_000).optional(),
});
export type ExportFilter = z.input<typeof ExportFilterSchema>;

/** A file the renderer saves: text as is, binary as base64. */
export const ExportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  count: z.number().int(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

export const exportsContract = {
  'export.decisions': { input: z.object({ format: z.enum(['csv', 'json']), filter: ExportFilterSchema.default({}) }), output: ExportFileSchema },
  'export.feedbackPdf': { input: z.object({ portfolioId: z.string().min(1) }), output: ExportFileSchema },
} as const;

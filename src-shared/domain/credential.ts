import { z } from 'zod';
import { lineText } from './text';

export const CredentialSchema = z.object({
  code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'credential code: letters, digits, . _ - only'),
  title: lineText().min(1),
  provider: lineText().default(''),
  level: lineText().min(1),
  credit_points: z.number().nonnegative(),
  hours: z.number().nonnegative().optional(),
  /** How many years a pass counts toward credit; absent means it does not expire. */
  validity_years: z.number().positive().optional(),
  rubric: z.object({ id: z.string().min(1), version: z.number().int().positive() }),
});
export type Credential = z.infer<typeof CredentialSchema>;

export const CredentialsFileSchema = z.object({
  format: z.literal('evidence-workbench/credentials@1'),
  credentials: z.array(CredentialSchema).min(1),
});
export type CredentialsFile = z.infer<typeof CredentialsFileSchema>;

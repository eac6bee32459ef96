import { z } from 'zod';

const Key = z.string().regex(/^[a-z0-9_.-]{1,64}$/);

export const prefsContract = {
  'prefs.get': { input: z.object({ key: Key }), output: z.object({ value: z.unknown().nullable() }) },
  'prefs.set': { input: z.object({ key: Key, value: z.unknown() }), output: z.object({}) },
} as const;

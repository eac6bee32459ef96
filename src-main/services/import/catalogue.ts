import type { z } from 'zod';
import { RubricSchema, type Rubric } from '../../../src-shared/domain/rubric';
import { CredentialsFileSchema, type Credential } from '../../../src-shared/domain/credential';
import { PATHWAY_FORMAT, PathwaySchema, type Pathway } from '../../../src-shared/domain/pathway';
import type { ImportProblem } from './problems';
import { firstDuplicateKey } from './json-duplicates';

/** A JSON file beside the packages of a batch: recognised by its `format` field. */
export type CatalogueFile =
  | { kind: 'rubric'; file: string; rubric: Rubric }
  | { kind: 'credentials'; file: string; credentials: Credential[] }
  | { kind: 'pathway'; file: string; pathway: Pathway };

export function zodProblems(source: string, error: z.ZodError, file?: string): ImportProblem[] {
  return error.issues.map((i) => ({ source, file, field: i.path.length ? i.path.join('.') : undefined, reason: i.message }));
}

export function parseJson(source: string, file: string, text: string): { value?: unknown; problem?: ImportProblem } {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return { problem: { source, file, reason: `not valid JSON: ${(err as Error).message}` } };
  }
  const duplicate = firstDuplicateKey(body);
  if (duplicate !== null) return { problem: { source, file, reason: `the key ${JSON.stringify(duplicate)} appears twice in one object` } };
  return { value };
}

export function parseCatalogueFile(source: string, file: string, value: unknown): { entry?: CatalogueFile; problems: ImportProblem[] } {
  const format = (value as { format?: unknown } | null)?.format;
  if (format === 'evidence-workbench/rubric@1') {
    const r = RubricSchema.safeParse(value);
    return r.success ? { entry: { kind: 'rubric', file, rubric: r.data }, problems: [] } : { problems: zodProblems(source, r.error, file) };
  }
  if (format === 'evidence-workbench/credentials@1') {
    const r = CredentialsFileSchema.safeParse(value);
    return r.success
      ? { entry: { kind: 'credentials', file, credentials: r.data.credentials }, problems: [] }
      : { problems: zodProblems(source, r.error, file) };
  }
  if (format === PATHWAY_FORMAT) {
    const r = PathwaySchema.safeParse(value);
    return r.success ? { entry: { kind: 'pathway', file, pathway: r.data }, problems: [] } : { problems: zodProblems(source, r.error, file) };
  }
  return {
    problems: [
      {
        source,
        file,
        field: 'format',
        reason: `unknown format ${JSON.stringify(format)}: expected evidence-workbench/rubric@1, evidence-workbench/credentials@1 or ${PATHWAY_FORMAT}`,
      },
    ],
  };
}

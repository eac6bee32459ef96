import { z } from 'zod';
import { PortfolioManifestSchema } from './portfolio';
import { RubricSchema } from './rubric';
import { CredentialsFileSchema } from './credential';
import { PathwaySchema } from './pathway';

/** The published JSON Schemas of the file formats, derived from the zod schemas so the two cannot drift. */
export function fileFormatSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, id: string, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }),
    $id: `https://evidence-workbench.local/schemas/${id}`,
    title,
  });
  return {
    'portfolio-manifest.schema.json': make(PortfolioManifestSchema, 'portfolio-manifest.schema.json', 'Evidence Workbench portfolio package manifest (manifest.json)'),
    'rubric.schema.json': make(RubricSchema, 'rubric.schema.json', 'Evidence Workbench rubric'),
    'credentials.schema.json': make(CredentialsFileSchema, 'credentials.schema.json', 'Evidence Workbench credentials catalogue'),
    'pathway.schema.json': make(PathwaySchema, 'pathway.schema.json', 'Evidence Workbench credit pathway'),
  };
}

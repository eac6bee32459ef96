import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { resourcesDir } from '../core/paths';

/** The official 1EdTech schema, vendored unchanged (see resources/schemas/README-ob3.md for its source). */
export const OB3_SCHEMA_FILE = 'ob_v3p0_achievementcredential_schema.json';

let compiled: ValidateFunction | null = null;

/**
 * Compiled once and on first use: the schema is 60 kB and most processes never touch badges.
 * strictTuples is off because the official schema's @context rule (a 2-item `items` tuple plus a schema-valued
 * `additionalItems`) is valid JSON Schema 2019-09 that Ajv's strict mode merely warns about; all other strict checks stay on.
 */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(fs.readFileSync(path.join(resourcesDir(), 'schemas', OB3_SCHEMA_FILE), 'utf8')) as object;
  const ajv = new Ajv2019({ allErrors: true, strict: true, strictTuples: false });
  addFormats(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The JSON pointer a problem is about: for a missing or unexpected property, the property itself. */
function pointerOf(error: ErrorObject): string {
  const base = error.instancePath;
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const child = params.missingProperty ?? params.additionalProperty;
  const pointer = child === undefined ? base : `${base}/${escapePointer(child)}`;
  return pointer === '' ? '/' : pointer;
}

function describe(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[]; additionalProperty?: string };
  if (error.keyword === 'enum' && params.allowedValues) return `must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  if (error.keyword === 'additionalProperties') return 'is not allowed here';
  return error.message ?? `fails ${error.keyword}`;
}

/**
 * Problems with a credential against the official OB 3.0 AchievementCredential schema, each "<JSON pointer>: <message>";
 * empty when valid. Shaped as the badge importer's structure check ((credential) => string[]).
 */
export function validateCredentialSchema(credential: unknown): string[] {
  const validate = validator();
  if (validate(credential)) return [];
  const problems = (validate.errors ?? []).map((e) => `${pointerOf(e)}: ${describe(e)}`);
  return [...new Set(problems)];
}

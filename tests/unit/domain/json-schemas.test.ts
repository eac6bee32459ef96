import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { fileFormatSchemas } from '../../../src-shared/domain/json-schemas';
import { TEST_RUBRIC, TEST_CREDENTIALS } from '../../support/fixtures';

const schemas = fileFormatSchemas();

describe('published JSON Schemas', () => {
  it('match the zod schemas (run `npm run schemas` after changing a format)', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      const committed = JSON.parse(fs.readFileSync(path.join('resources/schemas', name), 'utf8'));
      expect(committed, name).toEqual(schema);
    }
  });

  it('accept valid files and reject broken ones', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const rubric = ajv.compile(schemas['rubric.schema.json'] as object);
    expect(rubric(TEST_RUBRIC)).toBe(true);
    expect(rubric({ ...TEST_RUBRIC, criteria: [] })).toBe(false);
    const creds = ajv.compile(schemas['credentials.schema.json'] as object);
    expect(creds(TEST_CREDENTIALS)).toBe(true);
    const manifest = ajv.compile(schemas['portfolio-manifest.schema.json'] as object);
    const m = {
      format: 'evidence-workbench/portfolio@1',
      id: 'P-1',
      credential: 'TST-8',
      candidate: { id: 'C-1', name: 'A', email: 'a@example.nz', school: 'S', district: 'D' },
      submitted_at: '2026-05-01T09:00:00Z',
      evidence: [{ id: 'E1', title: 'Plan', kind: 'pdf', file: 'plan.pdf', media_type: 'application/pdf', bytes: 10, sha256: 'a'.repeat(64) }],
    };
    expect(manifest(m)).toBe(true);
    expect(manifest({ ...m, evidence: [{ ...m.evidence[0], sha256: 'xyz' }] })).toBe(false);
  });
});

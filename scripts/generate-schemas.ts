/** Writes resources/schemas/*.schema.json from the zod schemas (`npm run schemas`); a unit test keeps them in step. */
import fs from 'node:fs';
import path from 'node:path';
import { fileFormatSchemas } from '../src-shared/domain/json-schemas';

const dir = path.resolve('resources/schemas');
fs.mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(fileFormatSchemas())) {
  fs.writeFileSync(path.join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote resources/schemas/${name}`);
}

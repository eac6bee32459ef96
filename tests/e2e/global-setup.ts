import fs from 'node:fs';
import path from 'node:path';
import { openServices, loadDemoIfFresh } from '../../src-main/core/services';
import { TEMPLATE_DIR } from './paths';

/** Imports the bundled demo once; each test then works on its own copy of this data directory. */
export default async function globalSetup(): Promise<void> {
  if (!fs.existsSync(path.resolve('out/renderer/index.html'))) throw new Error('renderer not built: run `npm run build:renderer` first');
  fs.rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  const ctx = await openServices({ dataDir: TEMPLATE_DIR });
  const loaded = await loadDemoIfFresh(ctx);
  // Closing the last connection checkpoints the WAL into the file the tests copy.
  await ctx.close();
  if (!loaded) throw new Error('the demo was not loaded into the e2e template data directory');
}

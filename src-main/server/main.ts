/**
 * `npm run serve`: the browser shell. Opens the data directory (loading the demo into a fresh one),
 * serves the built renderer and the core on 127.0.0.1, and prints the URL with this run's access token.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { createCore } from '../core/api';
import { defaultDataDir, rendererDir } from '../core/paths';
import { databaseUrlFrom, loadDemoIfFresh, openServices, type Services } from '../core/services';
import { APP_NAME, APP_VERSION } from '../core/version';
import { shellBanner } from './banner';
import { startHttpShell } from './http';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    'database-url': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    'no-demo': { type: 'boolean', default: false },
  },
});

const dataDir = path.resolve(values.data ?? defaultDataDir());
let ctx: Services;
try {
  ctx = await openServices({ dataDir, databaseUrl: databaseUrlFrom(values['database-url']) });
} catch (err) {
  // e.g. an audit log that is not intact: say why in words, without a stack trace.
  console.error(`Could not open the data directory ${dataDir}:\n${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
if (!values['no-demo'] && (await loadDemoIfFresh(ctx))) console.log('Loaded the bundled demo portfolios into a new data directory.');
const core = createCore(ctx, { name: APP_NAME, version: APP_VERSION, shell: 'browser' });
const shell = await startHttpShell({ core, rendererDir: rendererDir(), host: values.host, port: Number(values.port) });
for (const line of shellBanner({ dataDir, url: shell.url, fallbackReason: process.env.EVIDENCE_WORKBENCH_FALLBACK })) console.log(line);
const stop = async () => {
  await shell.close();
  await ctx.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

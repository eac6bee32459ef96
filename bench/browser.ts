/** A browser shell on a data directory plus Debian's Chromium, for benchmarks that measure what a reviewer sees. */
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { createCore } from '../src-main/core/api';
import { startHttpShell, type HttpShell } from '../src-main/server/http';
import type { ServiceContext } from '../src-main/services/context';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export async function withBrowserShell<T>(ctx: ServiceContext, run: (shell: HttpShell, browser: Browser) => Promise<T>): Promise<T> {
  const shell = await startHttpShell({ core: createCore(ctx, { name: 'Evidence Workbench', version: 'bench', shell: 'browser' }), rendererDir: path.resolve('out/renderer') });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    return await run(shell, browser);
  } finally {
    await browser.close();
    await shell.close();
  }
}

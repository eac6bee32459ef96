import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createCore } from '../../src-main/core/api';
import { openServices } from '../../src-main/core/services';
import { startHttpShell, type HttpShell } from '../../src-main/server/http';
import type { Services } from '../../src-main/core/services';
import { ARTIFACTS_DIR, TEMPLATE_DIR } from './paths';

export interface Workbench {
  url: string;
  shell: HttpShell;
  ctx: Services;
  dataDir: string;
  /**
   * Opens the app as the browser shell user does, through the printed URL with its token, already signed in as the
   * given reviewer profile (default: the demo's panel lead, R-terina); pass null to meet the profile picker.
   */
  open(page: Page, hash?: string, as?: string | null): Promise<void>;
  screenshot(page: Page, name: string): Promise<string>;
}

/** A running browser shell on a private copy of the demo data directory (a real SQLite file and evidence store). */
export const test = base.extend<{ workbench: Workbench }>({
  workbench: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ew-e2e-'));
    fs.cpSync(TEMPLATE_DIR, dataDir, { recursive: true });
    const ctx = await openServices({ dataDir });
    const core = createCore(ctx, { name: 'Evidence Workbench', version: 'e2e', shell: 'browser' });
    const shell = await startHttpShell({ core, rendererDir: path.resolve('out/renderer') });
    await use({
      url: shell.url,
      shell,
      ctx,
      dataDir,
      async open(page, hash = '', as = 'R-terina') {
        if (as) await page.addInitScript((id) => localStorage.setItem('ew.reviewer', id), as);
        await page.goto(shell.url);
        if (hash) await page.goto(`${shell.url.split('?')[0]}#${hash}`);
      },
      async screenshot(page, name) {
        fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const file = path.join(ARTIFACTS_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        return file;
      },
    });
    await shell.close();
    await ctx.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

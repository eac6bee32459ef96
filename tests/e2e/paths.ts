import os from 'node:os';
import path from 'node:path';

export const TEMPLATE_DIR = path.join(os.tmpdir(), 'ew-e2e-template');
/** Outside test-results/, which Playwright empties at the start of every run. */
export const ARTIFACTS_DIR = path.resolve('test-artifacts/screenshots');

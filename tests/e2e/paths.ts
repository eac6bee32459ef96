import os from 'node:os';
import path from 'node:path';

export const TEMPLATE_DIR = path.join(os.tmpdir(), 'ew-e2e-template');
export const ARTIFACTS_DIR = path.resolve('test-results/screenshots');

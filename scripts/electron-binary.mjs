/**
 * Finds the Electron executable, downloading it on first use. The electron package's own postinstall download is
 * switched off (package.json `allowScripts`), so `npm install` succeeds on an offline machine; the download happens
 * here instead, the first time `npm start` needs it, and its failure only means "use the browser shell".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const DOWNLOAD_TIMEOUT_MS = 300_000;
const PROBE_TIMEOUT_MS = 30_000;
const MARKER = 'EW_ELECTRON_PATH=';

/** Runs node_modules/electron/install.js (which returns at once when the binary is already there). */
function downloadElectron(root) {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return { ok: false, reason: 'the electron package is not installed (run `npm install`)' };
  const run = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (run.error) return { ok: false, reason: `the download did not finish (${run.error.message})` };
  if (run.status !== 0) {
    const first = `${run.stderr ?? ''}`.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0);
    return { ok: false, reason: `the download failed${first ? ` (${first.slice(0, 200)})` : ''}` };
  }
  return { ok: true };
}

/**
 * Downloads Electron if needed, then asks the electron package for its binary in a child process, so a failure
 * cannot take the caller down. Returns `{ binary }` or `{ binary: null, reason }` in words.
 */
export function electronBinary(root) {
  const download = downloadElectron(root);
  if (!download.ok) return { binary: null, reason: download.reason };
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write('\\n${MARKER}' + require('electron'))`], {
    cwd: root,
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  const line = probe.status === 0 ? probe.stdout.split(/\r?\n/).find((l) => l.startsWith(MARKER)) : undefined;
  const binary = line?.slice(MARKER.length).trim();
  if (!binary) return { binary: null, reason: 'the electron package could not say where its binary is' };
  try {
    if (!fs.statSync(binary).isFile()) return { binary: null, reason: `${binary} is not a file` };
    if (process.platform !== 'win32') fs.accessSync(binary, fs.constants.X_OK);
    return { binary };
  } catch {
    return { binary: null, reason: `${binary} is missing or not executable` };
  }
}

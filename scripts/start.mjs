#!/usr/bin/env node
/**
 * `npm start [-- --data DIR --no-demo]`: builds the app with electron-vite (quietly: one line, or the whole output when
 * it fails) and starts the desktop shell.
 * The Electron binary is downloaded the first time `require('electron')` resolves its path; when that download is not
 * possible (offline machine, blocked host), the same core and renderer start as the browser shell instead.
 * better-sqlite3 in node_modules is built for Node; the desktop shell gets a copy built for the installed Electron
 * (scripts/electron-native.mjs, cached under out/native/) through EVIDENCE_WORKBENCH_SQLITE_BINDING. When that copy
 * cannot be made, the browser shell starts too, and prints why just above its URL: the last lines on screen.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite } from './electron-native.mjs';
import { npx, quietBuild, root, run } from './serve.mjs';

const args = process.argv.slice(2);
const PROBE_TIMEOUT_MS = 120_000;
const MARKER = 'EW_ELECTRON_PATH=';

/**
 * Asks the electron package for its binary in a child process, so a failed download (which throws) or a hang (which
 * the timeout ends) cannot take this script down. Returns the executable's path, or null when there is none.
 */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', `process.stdout.write('\\n${MARKER}' + require('electron'))`], {
    cwd: root,
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
  });
  if (probe.error || probe.status !== 0) return null;
  const line = probe.stdout.split(/\r?\n/).find((l) => l.startsWith(MARKER));
  const binary = line?.slice(MARKER.length).trim();
  if (!binary) return null;
  try {
    const stat = fs.statSync(binary);
    if (!stat.isFile()) return null;
    if (process.platform !== 'win32') fs.accessSync(binary, fs.constants.X_OK);
    return binary;
  } catch {
    return null;
  }
}

/** The installed electron package's version (node_modules/electron/package.json): the ABI the native module needs. */
function electronVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  if (typeof pkg.version !== 'string') throw new Error('node_modules/electron/package.json has no version.');
  return pkg.version;
}

/** better_sqlite3.node for this Electron (built and cached on first use), or { reason } when there is none. */
function electronSqlite(binary) {
  try {
    return { binding: ensureElectronSqlite({ electronVersion: electronVersion(), electronBinary: binary }) };
  } catch (err) {
    return { reason: `its database module (better-sqlite3 for Electron) could not be made. ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * The browser shell instead of the desktop window. It prints the reason right above its URL (src-main/server/banner.ts),
 * so both are the last lines on screen.
 */
function browserShell(reason) {
  const env = { ...process.env, EVIDENCE_WORKBENCH_FALLBACK: reason };
  return run(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), ...args], { forwardSignals: true, env });
}

async function main() {
  const built = await quietBuild('the app (electron-vite build: main, preload, renderer)', npx, ['electron-vite', 'build']);
  if (built !== 0) return built;
  const binary = electronBinary();
  if (!binary) {
    console.log('Electron is not available: starting the browser shell instead…');
    return browserShell('the Electron binary is not available on this machine (it is downloaded on first start, and that download failed).');
  }
  const { binding, reason } = electronSqlite(binary);
  if (!binding) {
    console.log('The desktop app cannot open its database: starting the browser shell instead…');
    return browserShell(reason);
  }
  const env = { ...process.env, EVIDENCE_WORKBENCH_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  // `electron .` loads package.json "main" (out/main/main.js).
  return run(binary, ['.', ...args], { forwardSignals: true, env });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

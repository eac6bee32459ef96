#!/usr/bin/env node
/**
 * `npm start [-- --data DIR --no-demo]`: builds the app with electron-vite (quietly: one line, or the whole output when
 * it fails) and starts the desktop shell.
 * The Electron binary is downloaded on first start (scripts/electron-binary.mjs); when that download is not
 * possible (offline machine, blocked host), the same core and renderer start as the browser shell instead.
 * better-sqlite3 in node_modules is built for Node; the desktop shell gets a copy built for the installed Electron
 * (scripts/electron-native.mjs, cached under out/native/) through EVIDENCE_WORKBENCH_SQLITE_BINDING. When that copy
 * cannot be made, the browser shell starts too, and prints why just above its URL: the last lines on screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-native.mjs';
import { npx, quietBuild, root, run } from './serve.mjs';

const args = process.argv.slice(2);
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
  const { binary, reason } = electronBinary(root);
  if (!binary) {
    console.log('Electron is not available: starting the browser shell instead…');
    return browserShell(`the Electron binary is not available on this machine: ${reason}.`);
  }
  const sqlite = electronSqlite(binary);
  if (!sqlite.binding) {
    console.log('The desktop app cannot open its database: starting the browser shell instead…');
    return browserShell(sqlite.reason);
  }
  const env = { ...process.env, EVIDENCE_WORKBENCH_SQLITE_BINDING: sqlite.binding };
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

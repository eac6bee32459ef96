#!/usr/bin/env node
/**
 * `npm run serve [-- --data DIR --port N --host H --no-demo]`: the browser shell.
 * Builds the renderer quietly (`npx vite build --config vite.renderer.config.ts`; its output is shown only if it fails)
 * when out/renderer is missing or older than its sources, then runs src-main/server/main.ts under tsx (it prints the URL to open), passing the arguments through
 * and forwarding signals and the exit code.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
export const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Runs a command with inherited stdio; resolves to its exit code, forwarding termination signals while it runs. */
export function run(command, commandArgs, { forwardSignals = false, env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: 'inherit', shell: command.endsWith('.cmd') });
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    if (forwardSignals) for (const s of signals) process.on(s, forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (forwardSignals) for (const s of signals) process.off(s, forward);
      resolve(code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1));
    });
  });
}

/**
 * Runs a command with its output captured instead of shown (stdout and stderr interleaved, as a terminal would have
 * shown them); resolves to { code, output }. For builds whose ~200 lines matter only when they fail.
 */
export function runCaptured(command, commandArgs, { env = process.env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], shell: command.endsWith('.cmd') });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 + (signalNumber(signal) ?? 1) : 1), output: Buffer.concat(chunks).toString('utf8') }));
  });
}

/**
 * A build run quietly: one line before, one line after (or, when it fails, everything it printed and the reason).
 * Resolves to the build's exit code.
 */
export async function quietBuild(what, command, commandArgs) {
  const started = Date.now();
  console.log(`Building ${what}…`);
  const { code, output } = await runCaptured(command, commandArgs);
  if (code !== 0) {
    process.stderr.write(output);
    console.error(`The build of ${what} failed (${[command, ...commandArgs].join(' ')}, exit code ${code}); its output is above.`);
  } else console.log(`Built ${what} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return code;
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal];
}

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when out/renderer/index.html is missing or older than the renderer's sources (or the code it shares). */
export function rendererIsStale() {
  const built = path.join(root, 'out', 'renderer', 'index.html');
  if (!fs.existsSync(built)) return true;
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, 'src-renderer')),
    newestMtime(path.join(root, 'src-shared')),
    fs.existsSync(path.join(root, 'vite.renderer.config.ts')) ? fs.statSync(path.join(root, 'vite.renderer.config.ts')).mtimeMs : 0,
  );
  return sources > builtAt;
}

async function main() {
  if (rendererIsStale()) {
    const code = await quietBuild('the renderer (out/renderer)', npx, ['vite', 'build', '--config', 'vite.renderer.config.ts']);
    if (code !== 0) return code;
  }
  // `node --import tsx` rather than `npx tsx`: one process that receives signals itself. npx puts `npm exec` and a
  // `sh -c` in between, and the shell does not pass SIGTERM on, which would leave the server running orphaned.
  return run(process.execPath, ['--import', 'tsx', 'src-main/server/main.ts', ...args], { forwardSignals: true });
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

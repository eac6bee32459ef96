/**
 * better-sqlite3 for Electron, without touching node_modules.
 *
 * node_modules/better-sqlite3/build/Release/better_sqlite3.node is compiled for Node's ABI, which the tests, the CLI and
 * the browser shell need. Electron has an ABI of its own, and rebuilding in place (electron-rebuild) would break every
 * Node use. So a second copy is made for each Electron version, cached at out/native/electron-<version>/better_sqlite3.node,
 * and handed to the main process, which passes it to better-sqlite3 as `nativeBinding`:
 *
 *   1. copy the package (binding.gyp, src/, deps/, lib/, package.json; not build/) to a temp folder under out/native/;
 *   2. there, `prebuild-install --runtime electron --target <version> --arch <arch>` (better-sqlite3's own installer,
 *      which downloads the matching prebuilt binary from the package's GitHub releases);
 *   3. failing that, `node-gyp rebuild` against the Electron headers (npm's bundled node-gyp; needs Python and a C++
 *      toolchain);
 *   4. check the result loads in that Electron (when its binary is given) and move it into the cache.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const BINDING_FILE = 'better_sqlite3.node';
export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

const PREBUILD_TIMEOUT_MS = 3 * 60_000;
const NODE_GYP_TIMEOUT_MS = 20 * 60_000;
const VERIFY_TIMEOUT_MS = 60_000;
/** Work folders older than this are left over from an interrupted run and are removed. */
const STALE_WORK_MS = 60 * 60_000;
const VERSION_RE = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** out/native: the cache of Electron builds, and the temp folders they are made in (same disk, so the move is a rename). */
export function nativeCacheDir(rootDir = root) {
  return path.join(rootDir, 'out', 'native');
}

/** out/native/electron-<version>/better_sqlite3.node. The version must be a plain semver (it becomes a folder name). */
export function cachedBindingPath(electronVersion, rootDir = root) {
  if (typeof electronVersion !== 'string' || !VERSION_RE.test(electronVersion)) {
    throw new Error(`Not an Electron version: ${JSON.stringify(electronVersion)}`);
  }
  return path.join(nativeCacheDir(rootDir), `electron-${electronVersion}`, BINDING_FILE);
}

/**
 * Whether a path inside the better-sqlite3 package (relative, either separator) belongs in the build copy: everything
 * but its top-level build/ (the Node binary and its objects, which must not be mistaken for the Electron result) and any
 * nested node_modules/ (runtime dependencies the build does not need).
 */
export function shouldCopy(relativePath) {
  const first = relativePath.split(/[\\/]/)[0];
  return first !== 'build' && first !== 'node_modules';
}

/** Copies the package's files (see shouldCopy) from srcDir into destDir; returns the relative paths of the files copied. */
export function copyPackageSource(srcDir, destDir) {
  const copied = [];
  const walk = (rel) => {
    for (const entry of fs.readdirSync(path.join(srcDir, rel), { withFileTypes: true })) {
      const childRel = rel ? path.join(rel, entry.name) : entry.name;
      if (!shouldCopy(childRel)) continue;
      const from = path.join(srcDir, childRel);
      const to = path.join(destDir, childRel);
      const stat = fs.statSync(from); // follows symlinks
      if (stat.isDirectory()) {
        fs.mkdirSync(to, { recursive: true });
        walk(childRel);
      } else if (stat.isFile()) {
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(from, to);
        copied.push(childRel);
      }
    }
  };
  fs.mkdirSync(destDir, { recursive: true });
  walk('');
  return copied;
}

/**
 * The environment for the build tools: npm exports its config as npm_config_* variables (under `npm start`, including
 * anything in ~/.npmrc), and a few of them would silently redirect the build, e.g. nodedir makes node-gyp compile
 * against Node's headers instead of Electron's. Those are dropped; the rest (proxies, CA files) is kept.
 */
export function buildEnv(env = process.env) {
  const redirecting = /^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|build_from_source|platform|debug|devdir)$/i;
  const out = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !redirecting.test(key) && key !== 'ELECTRON_RUN_AS_NODE') out[key] = value;
  }
  return out;
}

/**
 * Where npm's bundled node-gyp may be, most specific first: the path npm itself exports to scripts, the npm that runs
 * this script, the global npm (`npm root -g`), the npm installed beside this Node, and a project-local copy.
 */
export function nodeGypCandidates({ env = process.env, execPath = process.execPath, platform = process.platform, npmGlobalRoot, rootDir = root } = {}) {
  const inNpm = (npmDir) => path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const list = [];
  if (env.npm_config_node_gyp) list.push(env.npm_config_node_gyp);
  if (env.npm_execpath) list.push(inNpm(path.dirname(path.dirname(env.npm_execpath)))); // <npm>/bin/npm-cli.js
  if (npmGlobalRoot) list.push(inNpm(path.join(npmGlobalRoot, 'npm')));
  const nodeDir = path.dirname(execPath);
  list.push(inNpm(platform === 'win32' ? path.join(nodeDir, 'node_modules', 'npm') : path.join(nodeDir, '..', 'lib', 'node_modules', 'npm')));
  list.push(path.join(rootDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return [...new Set(list.map((p) => path.resolve(p)))];
}

function npmGlobalRoot() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(npm, ['root', '-g'], { encoding: 'utf8', timeout: 30_000, shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'ignore'] });
  return res.status === 0 ? res.stdout.trim() || undefined : undefined;
}

function findNodeGyp(rootDir) {
  const isFile = (p) => {
    try {
      return fs.statSync(p).isFile();
    } catch {
      return false;
    }
  };
  const first = nodeGypCandidates({ rootDir }).find(isFile);
  if (first) return first;
  const globalRoot = npmGlobalRoot();
  return globalRoot ? nodeGypCandidates({ rootDir, npmGlobalRoot: globalRoot }).find(isFile) : undefined;
}

/** node-gyp's own lines that say nothing about the failure (its stack frames, versions, command line). */
const NOISE_RE = /^gyp info |^gyp ERR! (System|command|cwd|node -v|node-gyp -v|not ok)\b|^gyp ERR! stack\s+at /;
/** A compiler's error line (gcc/clang `file:1:2: error: …`, MSVC `file(1): error C2039: …`). */
const COMPILER_ERROR_RE = /(^|[\s:)])(fatal )?error( [A-Z]+\d+)?:/;

/** The few lines of a tool's output that explain its failure: the first compiler errors, then the last lines. */
export function summarizeOutput(output, maxTail = 6) {
  const lines = output
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '' && !NOISE_RE.test(l));
  const picked = [...lines.filter((l) => COMPILER_ERROR_RE.test(l)).slice(0, 3), ...lines.slice(-maxTail)];
  return [...new Set(picked)];
}

/** Why a spawnSync run failed, in a line or a few: how it ended, and what it said last. */
function failureReason(res) {
  if (res.error) return res.error.code === 'ETIMEDOUT' ? 'timed out' : res.error.message;
  const ended = res.signal ? `ended by ${res.signal}` : `exit code ${res.status}`;
  const lines = summarizeOutput(`${res.stdout ?? ''}\n${res.stderr ?? ''}`);
  return lines.length ? `${ended}:\n       ${lines.join('\n       ')}` : ended;
}

/** Loads the binary in Electron's own Node (ELECTRON_RUN_AS_NODE), which has the ABI the app will have. */
function verifyInElectron(electronBinary, file) {
  const res = spawnSync(electronBinary, ['-e', `require(${JSON.stringify(file)})`], {
    encoding: 'utf8',
    timeout: VERIFY_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  return res.error || res.status !== 0 ? `the result does not load in Electron (${failureReason(res)})` : null;
}

function removeStaleWorkDirs(cacheDir) {
  let entries = [];
  try {
    entries = fs.readdirSync(cacheDir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith('build-')) continue;
    const dir = path.join(cacheDir, entry.name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs > STALE_WORK_MS) fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run may be removing it too.
    }
  }
}

/**
 * Returns the absolute path of a better_sqlite3.node for this Electron version (and arch), building it into the cache
 * on first use. Throws an Error naming both attempts when neither prebuild-install nor node-gyp produced one.
 *
 * @param {{ electronVersion: string, arch?: string, electronBinary?: string | null, rootDir?: string, log?: (line: string) => void }} options
 *   electronBinary: when given, a new build is accepted only if it loads in that Electron.
 * @returns {string}
 */
export function ensureElectronSqlite({ electronVersion, arch = process.arch, electronBinary = null, rootDir = root, log = (line) => console.log(line) }) {
  const target = cachedBindingPath(electronVersion, rootDir);
  if (fs.existsSync(target)) return target;

  const pkgDir = path.join(rootDir, 'node_modules', 'better-sqlite3');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
    throw new Error(`better-sqlite3 is not installed (${pkgDir}); run npm install.`);
  }
  const cacheDir = nativeCacheDir(rootDir);
  fs.mkdirSync(cacheDir, { recursive: true });
  removeStaleWorkDirs(cacheDir);
  const work = fs.mkdtempSync(path.join(cacheDir, 'build-'));
  const built = path.join(work, 'build', 'Release', BINDING_FILE);
  const env = buildEnv();
  const attempts = [];

  /** Runs one attempt; returns true when it left a usable binary at `built`. */
  const attempt = (label, run) => {
    let reason;
    try {
      fs.rmSync(path.join(work, 'build'), { recursive: true, force: true });
      reason = run();
      if (!reason && !fs.existsSync(built)) reason = `it finished without producing build/Release/${BINDING_FILE}`;
      if (!reason && electronBinary) reason = verifyInElectron(electronBinary, built);
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
    }
    if (reason) attempts.push(`${label}: ${reason}`);
    return !reason;
  };

  try {
    copyPackageSource(pkgDir, work);
    log(`Preparing better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch}); this happens once per Electron version…`);

    const prebuilt = attempt(`prebuild-install --runtime electron --target ${electronVersion} --arch ${arch}`, () => {
      const bin = createRequire(path.join(pkgDir, 'package.json')).resolve('prebuild-install/bin.js');
      const res = spawnSync(process.execPath, [bin, '--runtime', 'electron', '--target', electronVersion, '--arch', arch], {
        cwd: work,
        env,
        encoding: 'utf8',
        timeout: PREBUILD_TIMEOUT_MS,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return res.error || res.status !== 0 ? failureReason(res) : null;
    });

    const ok =
      prebuilt ||
      attempt(`node-gyp rebuild --runtime=electron --target=${electronVersion} --dist-url=${ELECTRON_HEADERS_URL}`, () => {
        const nodeGyp = findNodeGyp(rootDir);
        if (!nodeGyp) return "npm's node-gyp was not found (looked beside npm, in `npm root -g` and in node_modules)";
        log('No prebuilt binary could be installed; compiling with node-gyp (a few minutes)…');
        const res = spawnSync(
          process.execPath,
          [
            nodeGyp,
            'rebuild',
            '--release',
            '--runtime=electron',
            `--target=${electronVersion}`,
            `--arch=${arch}`,
            `--dist-url=${ELECTRON_HEADERS_URL}`,
            // Electron's headers in their own folder, as electron-rebuild does, apart from Node's.
            `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
            '--jobs=max',
          ],
          { cwd: work, env, encoding: 'utf8', timeout: NODE_GYP_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        return res.error || res.status !== 0 ? failureReason(res) : null;
      });

    if (!ok) {
      throw new Error(
        [
          `Could not get better-sqlite3 (its native module) built for Electron ${electronVersion} (${process.platform}-${arch}). Tried:`,
          ...attempts.map((a, i) => `  ${i + 1}. ${a}`),
          'The first downloads a prebuilt binary from github.com; the second downloads the Electron headers from',
          'electronjs.org and needs Python and a C/C++ toolchain (see https://github.com/nodejs/node-gyp#installation).',
        ].join('\n'),
      );
    }

    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.renameSync(built, target);
    } catch (err) {
      // A run started at the same time got there first (and Windows will not replace a file a running app has loaded).
      if (!fs.existsSync(target)) throw err;
    }
    log(`better-sqlite3 for Electron ${electronVersion}: ${target}`);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

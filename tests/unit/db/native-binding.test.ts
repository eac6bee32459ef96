import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/database';
import { openServices } from '../../../src-main/core/services';
import { tempDir } from '../../support/fixtures';
import { sqliteOnly } from '../../support/dialect';

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
const nodeBinding = path.join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** The parts of scripts/electron-native.mjs under test (a plain .mjs: imported at run time, typed here). */
interface ElectronNative {
  nativeCacheDir(rootDir?: string): string;
  cachedBindingPath(electronVersion: string, rootDir?: string): string;
  shouldCopy(relativePath: string): boolean;
  copyPackageSource(srcDir: string, destDir: string): string[];
  buildEnv(env: Record<string, string | undefined>): Record<string, string>;
  nodeGypCandidates(options: {
    env?: Record<string, string | undefined>;
    execPath?: string;
    platform?: string;
    npmGlobalRoot?: string;
    rootDir?: string;
  }): string[];
  summarizeOutput(output: string, maxTail?: number): string[];
  ensureElectronSqlite(options: {
    electronVersion: string;
    arch?: string;
    electronBinary?: string | null;
    rootDir?: string;
    log?: (line: string) => void;
  }): string;
}

let native: ElectronNative;
beforeAll(async () => {
  const specifier = pathToFileURL(path.join(projectRoot, 'scripts', 'electron-native.mjs')).href;
  native = (await import(/* @vite-ignore */ specifier)) as ElectronNative;
});

sqliteOnly("better-sqlite3's native module for Electron", 'openDatabase({ nativeBinding })', () => {
  it('loads better-sqlite3 from the given binary', async () => {
    expect(fs.existsSync(nodeBinding)).toBe(true);
    const handle = openDatabase(path.join(tempDir(), 'q.sqlite'), { nativeBinding: nodeBinding });
    expect(handle.sqlite.prepare('SELECT sqlite_version() AS v').get()).toEqual({ v: expect.stringMatching(/^3\./) });
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    await handle.close();
  });

  it('is passed through by openServices', async () => {
    const ctx = await openServices({ dataDir: tempDir('ew-data-'), nativeBinding: nodeBinding });
    expect(await ctx.db.get('SELECT COUNT(*) AS n FROM audit_log')).toEqual({ n: 0 });
    await ctx.close();
  });

  it('throws an error naming a binary that does not exist, and creates no database', () => {
    const dir = tempDir();
    const missing = path.join(dir, 'nowhere', 'better_sqlite3.node');
    expect(() => openDatabase(path.join(dir, 'q.sqlite'), { nativeBinding: missing })).toThrow(missing);
    expect(fs.existsSync(path.join(dir, 'q.sqlite'))).toBe(false);
  });
});

describe('electron-native.mjs: cache and copy', () => {
  it('caches one binary per Electron version under out/native', () => {
    const root = path.join(path.sep, 'proj');
    expect(native.nativeCacheDir(root)).toBe(path.join(root, 'out', 'native'));
    expect(native.cachedBindingPath('45.4.1', root)).toBe(path.join(root, 'out', 'native', 'electron-45.4.1', 'better_sqlite3.node'));
    expect(native.cachedBindingPath('46.0.0-beta.2', root)).toBe(path.join(root, 'out', 'native', 'electron-46.0.0-beta.2', 'better_sqlite3.node'));
    expect(path.isAbsolute(native.cachedBindingPath('45.4.1'))).toBe(true);
    for (const bad of ['', '45', '../45.4.1', '45.4.1/../../x', 'v45.4.1'])
      expect(() => native.cachedBindingPath(bad, root)).toThrow(/Not an Electron version/);
  });

  it('copies the package without its build/ (the Node binary) or node_modules/', () => {
    expect(native.shouldCopy('build')).toBe(false);
    expect(native.shouldCopy(path.join('build', 'Release', 'better_sqlite3.node'))).toBe(false);
    expect(native.shouldCopy('build\\Release\\better_sqlite3.node')).toBe(false);
    expect(native.shouldCopy('node_modules')).toBe(false);
    for (const kept of [
      'package.json',
      'binding.gyp',
      path.join('deps', 'sqlite3', 'sqlite3.c'),
      path.join('src', 'better_sqlite3.cpp'),
      path.join('lib', 'index.js'),
      path.join('src', 'build', 'x.h'),
      'buildfile',
    ]) {
      expect(native.shouldCopy(kept), kept).toBe(true);
    }

    const src = fakePackage(tempDir());
    const dest = path.join(tempDir(), 'copy');
    const copied = native.copyPackageSource(src, dest);
    const expected = [
      'binding.gyp',
      'package.json',
      path.join('deps', 'sqlite3', 'sqlite3.c'),
      path.join('lib', 'index.js'),
      path.join('src', 'better_sqlite3.cpp'),
      path.join('src', 'build', 'x.h'),
    ];
    expect(copied.sort()).toEqual(expected.sort());
    expect(fs.existsSync(path.join(dest, 'build'))).toBe(false);
    expect(fs.existsSync(path.join(dest, 'node_modules'))).toBe(false);
    expect(fs.readFileSync(path.join(dest, 'deps', 'sqlite3', 'sqlite3.c'), 'utf8')).toBe('/* sqlite */');
  });

  it('copies the real better-sqlite3 package with everything node-gyp needs', () => {
    const dest = path.join(tempDir(), 'copy');
    const copied = native.copyPackageSource(path.join(projectRoot, 'node_modules', 'better-sqlite3'), dest);
    for (const needed of ['binding.gyp', 'package.json', path.join('deps', 'sqlite3.gyp'), path.join('src', 'better_sqlite3.cpp')])
      expect(copied).toContain(needed);
    expect(copied.some((f) => f.startsWith(`build${path.sep}`))).toBe(false);
  });

  it('keeps npm config that would point the build at Node instead of Electron out of the tools’ environment', () => {
    const env = native.buildEnv({
      PATH: '/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'x',
      npm_config_https_proxy: 'http://proxy:8080',
      ELECTRON_RUN_AS_NODE: '1',
      EMPTY: undefined,
    });
    expect(env).toEqual({ PATH: '/bin', npm_config_https_proxy: 'http://proxy:8080' });
  });

  it("looks for npm's node-gyp beside npm and Node", () => {
    const gyp = (...p: string[]) => path.resolve(...p, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
    const found = native.nodeGypCandidates({
      env: { npm_config_node_gyp: '/opt/npm/node_modules/node-gyp/bin/node-gyp.js', npm_execpath: '/opt/npm/bin/npm-cli.js' },
      execPath: '/usr/local/bin/node',
      platform: 'linux',
      npmGlobalRoot: '/usr/local/lib/node_modules',
      rootDir: '/proj',
    });
    expect(found).toEqual([gyp('/opt/npm'), gyp('/usr/local/lib/node_modules/npm'), gyp('/proj')]);
  });

  it('sums up a failed build by its compiler errors and last lines, without node-gyp noise', () => {
    const out = [
      'gyp info it worked if it ends with ok',
      '../src/better_sqlite3.cpp:12:3: error: no member named foo',
      ...Array.from({ length: 10 }, (_, i) => `line ${i}`),
      'gyp ERR! stack Error: `make` failed with exit code: 2',
      'gyp ERR! stack at ChildProcess.<anonymous> (node-gyp/lib/build.js:1:1)',
      'gyp ERR! System Linux',
      'gyp ERR! not ok',
    ].join('\n');
    expect(native.summarizeOutput(out)).toEqual([
      '../src/better_sqlite3.cpp:12:3: error: no member named foo',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
      'line 9',
      'gyp ERR! stack Error: `make` failed with exit code: 2',
    ]);
  });
});

describe('ensureElectronSqlite (with stand-in build tools)', () => {
  const savedGyp = process.env.npm_config_node_gyp;
  afterEach(() => {
    if (savedGyp === undefined) delete process.env.npm_config_node_gyp;
    else process.env.npm_config_node_gyp = savedGyp;
  });

  it('runs prebuild-install for Electron in a copy without build/, caches the result and reuses it', () => {
    const root = fakeProject(`
      const fs = require('fs');
      if (fs.existsSync('build')) { console.error('build/ was copied'); process.exit(3); }
      fs.mkdirSync('build/Release', { recursive: true });
      fs.writeFileSync('build/Release/better_sqlite3.node', process.argv.slice(2).join(' '));
    `);
    const lines: string[] = [];
    const file = native.ensureElectronSqlite({ electronVersion: '45.4.1', arch: 'x64', rootDir: root, log: (l) => lines.push(l) });
    expect(file).toBe(path.join(root, 'out', 'native', 'electron-45.4.1', 'better_sqlite3.node'));
    expect(fs.readFileSync(file, 'utf8')).toBe('--runtime electron --target 45.4.1 --arch x64');
    expect(lines.join('\n')).toContain('Electron 45.4.1');
    // The Node build in node_modules is untouched, and the work folder is gone.
    expect(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node build');
    expect(fs.readdirSync(path.join(root, 'out', 'native'))).toEqual(['electron-45.4.1']);

    // A second call is a cache hit: the tools are not run again.
    fs.rmSync(path.join(root, 'node_modules', 'prebuild-install'), { recursive: true });
    expect(native.ensureElectronSqlite({ electronVersion: '45.4.1', rootDir: root, log: () => {} })).toBe(file);
  });

  it('falls back to node-gyp, and names both attempts and their reasons when both fail', () => {
    const root = fakeProject(`console.error('prebuild-install warn install getaddrinfo ENOTFOUND github.com'); process.exit(1);`);
    const gyp = path.join(root, 'fake-node-gyp.js');
    fs.writeFileSync(
      gyp,
      `const fs = require('fs'); fs.writeFileSync(${JSON.stringify(path.join(root, 'gyp-args.json'))}, JSON.stringify(process.argv.slice(2))); console.error('gyp ERR! stack Error: headers unreachable'); process.exit(1);`,
    );
    process.env.npm_config_node_gyp = gyp;

    let message = '';
    try {
      native.ensureElectronSqlite({ electronVersion: '45.4.1', arch: 'x64', rootDir: root, log: () => {} });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('Electron 45.4.1');
    expect(message).toMatch(
      /1\. prebuild-install --runtime electron --target 45\.4\.1 --arch x64: exit code 1:\s+prebuild-install warn install getaddrinfo ENOTFOUND github\.com/,
    );
    expect(message).toMatch(
      /2\. node-gyp rebuild --runtime=electron --target=45\.4\.1 --dist-url=https:\/\/electronjs\.org\/headers: exit code 1:\s+gyp ERR! stack Error: headers unreachable/,
    );
    const gypArgs = JSON.parse(fs.readFileSync(path.join(root, 'gyp-args.json'), 'utf8')) as string[];
    expect(gypArgs).toEqual(
      expect.arrayContaining(['rebuild', '--runtime=electron', '--target=45.4.1', '--arch=x64', '--dist-url=https://electronjs.org/headers']),
    );
    expect(fs.existsSync(native.cachedBindingPath('45.4.1', root))).toBe(false);
    expect(fs.readdirSync(path.join(root, 'out', 'native'))).toEqual([]);
  });
});

/** A package folder shaped like better-sqlite3's, with a Node build and a nested node_modules that must not be copied. */
function fakePackage(dir: string): string {
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'better-sqlite3', version: '12.0.0' }),
    'binding.gyp': '{}',
    'deps/sqlite3/sqlite3.c': '/* sqlite */',
    'src/better_sqlite3.cpp': '// addon',
    'src/build/x.h': '// a nested folder named build is source',
    'lib/index.js': '',
    'build/Release/better_sqlite3.node': 'node build',
    'node_modules/bindings/index.js': '',
  };
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** A project root whose node_modules holds a fake better-sqlite3 and a prebuild-install running `prebuildScript`. */
function fakeProject(prebuildScript: string): string {
  const root = tempDir('ew-native-');
  fakePackage(path.join(root, 'node_modules', 'better-sqlite3'));
  const pi = path.join(root, 'node_modules', 'prebuild-install');
  fs.mkdirSync(pi, { recursive: true });
  fs.writeFileSync(path.join(pi, 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '7.1.3', bin: './bin.js' }));
  fs.writeFileSync(path.join(pi, 'bin.js'), prebuildScript);
  return root;
}

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/fixtures';
// @ts-expect-error: a plain .mjs script without types
import { electronBinary } from '../../../scripts/electron-binary.mjs';

type Found = { binary: string | null; reason?: string };
const find = (root: string) => electronBinary(root) as Found;

/** A project folder whose node_modules/electron has the given install.js and an index.js naming `binary`. */
function project(installJs: string, binary?: string): string {
  const root = tempDir('ew-electron-');
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '40.0.0', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'install.js'), installJs);
  fs.writeFileSync(path.join(pkg, 'index.js'), binary ? `module.exports = ${JSON.stringify(binary)};` : `throw new Error('Electron failed to install correctly');`);
  return root;
}

describe('electronBinary (the deferred download of npm start)', () => {
  it('says the package is missing when node_modules has no electron', () => {
    expect(find(tempDir('ew-electron-'))).toEqual({ binary: null, reason: 'the electron package is not installed (run `npm install`)' });
  });

  it('reports the first line of a failed download (the error, before its stack)', () => {
    const root = project(`console.error('RequestError: getaddrinfo ENOTFOUND example'); console.error('    at ClientRequest.<anonymous>'); process.exit(1);`);
    expect(find(root)).toEqual({ binary: null, reason: 'the download failed (RequestError: getaddrinfo ENOTFOUND example)' });
  });

  it('returns the executable once the download succeeded', () => {
    const root = tempDir('ew-electron-');
    const exe = path.join(root, 'electron-bin');
    fs.writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 });
    const proj = project(`process.exit(0);`, exe);
    expect(find(proj)).toEqual({ binary: exe });
  });

  it('refuses a binary that is not executable', () => {
    const root = tempDir('ew-electron-');
    const exe = path.join(root, 'electron-bin');
    fs.writeFileSync(exe, 'not a program', { mode: 0o644 });
    expect(find(project(`process.exit(0);`, exe))).toEqual({ binary: null, reason: `${exe} is missing or not executable` });
  });
});

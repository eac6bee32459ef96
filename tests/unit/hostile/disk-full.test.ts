import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPath } from '../../../src-main/services/import/importer';
import { PNG_1x1, tempDir, writeCatalogue, writePackageFolder } from '../../support/fixtures';
import { expectRefusedUnchanged } from './support';
import { openTestServices } from '../../support/dialect';

// A real full disk: a 5 MB tmpfs holding the data directory. Mounting needs root; elsewhere the test is skipped.
const mountPoint = tempDir('ew-full-');
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=5m', 'tmpfs', mountPoint], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!mounted)('a disk that fills up during an import (5 MB tmpfs)', () => {
  const data = path.join(mountPoint, 'data');
  beforeAll(async () => {
    const cat = tempDir();
    writeCatalogue(cat);
    const ctx = await openTestServices({ dataDir: data });
    await importPath(ctx, cat, { actor: 'test' });
    await ctx.close();
  });
  afterAll(() => execFileSync('umount', [mountPoint]));

  it('is refused in words, with the database, store and staging area as they were', async () => {
    const dir = path.join(tempDir(), 'P-1');
    const big = Buffer.concat([PNG_1x1, Buffer.alloc(8 * 1024 * 1024, 1)]);
    await writePackageFolder(dir, { id: 'P-1', files: { 'wall.png': { bytes: big, media_type: 'image/png', kind: 'image' } } });
    const ctx = await openTestServices({ dataDir: data });
    try {
      await expectRefusedUnchanged(ctx, dir, /not enough free disk space for it in/);
      expect(fs.readdirSync(ctx.store.tmpDir)).toEqual([]);
      // Once there is room (a small package), imports work again.
      const small = path.join(tempDir(), 'P-2');
      await writePackageFolder(small, { id: 'P-2', files: { 'wall.png': { bytes: PNG_1x1, media_type: 'image/png', kind: 'image' } } });
      expect((await importPath(ctx, small, { actor: 'test' })).portfolios).toEqual([{ id: 'P-2', result: 'imported' }]);
    } finally {
      await ctx.close();
    }
  });
});

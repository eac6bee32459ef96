import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a uniquely named temp file next to the target (same directory, so the final rename/link cannot cross
 * file systems) and flushes it to disk; returns its path. The caller moves it into place.
 */
function writeTemp(target: string, data: string, mode: number): string {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    // openSync's mode is filtered by the umask; set it explicitly so a key file really is 0600.
    if (process.platform !== 'win32') fs.fchmodSync(fd, mode);
    fs.writeFileSync(fd, data, 'utf8');
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return temp;
}

/** Readers see the old file or the new one, never a half-written one: temp file + rename in the same directory. */
export function writeFileAtomic(target: string, data: string, mode = 0o644): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = writeTemp(target, data, mode);
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}

/**
 * Like writeFileAtomic, but never replaces an existing file: returns false if `target` already exists.
 * A hard link is the atomic "create if absent" (rename would silently overwrite, so two processes creating an
 * issuer key at once could each end up signing with a different key). Where links are unsupported, falls back
 * to an existence check + rename.
 */
export function createFileAtomic(target: string, data: string, mode = 0o644): boolean {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = writeTemp(target, data, mode);
  try {
    fs.linkSync(temp, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
    if (fs.existsSync(target)) return false;
    fs.renameSync(temp, target);
    return true;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

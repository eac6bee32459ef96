import fs from 'node:fs';
import { MAX_TEXT_FILE_BYTES } from '../../src-shared/domain/text';
import { UsageError } from './command';

/** Reads a CSV or JSON file named on the command line, refusing (exit 2) one too large to read whole before reading it. */
export function readInputFile(file: string): string {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
  const { size } = fs.statSync(file);
  if (size > MAX_TEXT_FILE_BYTES) throw new UsageError(`${file} is ${size} bytes, larger than the limit of ${MAX_TEXT_FILE_BYTES} bytes`);
  return fs.readFileSync(file, 'utf8');
}

/** Reading and writing the user's files, with messages that name the file and the fix. */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { UsageError } from './usage-error.ts';

/** Read a whole file as bytes; a missing path or a folder is a clear error. */
export function readBytes(path: string, what: string): Uint8Array {
  if (!existsSync(path)) throw new UsageError('cli/file-not-found', `${what} '${path}' does not exist. Check the path (it is relative to ${process.cwd()}).`);
  if (statSync(path).isDirectory()) throw new UsageError('cli/is-directory', `${what} '${path}' is a folder, not a file. Name the file inside it.`);
  return new Uint8Array(readFileSync(path));
}

/** Read and parse a JSON file; malformed JSON names the file and the position. */
export function readJson(path: string, what: string): unknown {
  const text = new TextDecoder().decode(readBytes(path, what));
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError('cli/bad-json', `${what} '${path}' is not valid JSON (${(e as Error).message}). Fix the file or export it again.`);
  }
}

/** Write a file atomically: a temporary file in the same folder, flushed, then renamed over the target. */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) throw new UsageError('cli/no-folder', `Cannot write '${path}': the folder '${dir}' does not exist. Create it first.`);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, text);
  const fd = openSync(tmp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, path);
}

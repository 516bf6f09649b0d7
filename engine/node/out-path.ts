/** Checks an output path before any work is done, so a long export never fails at the last step. */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.ts';

/** Refuses a missing `--out`, a missing folder, an existing folder, or one of the command's own input files. */
export function checkOutFile(command: string, out: string | boolean | undefined, inputs: readonly string[], placeholder: string): string {
  if (typeof out !== 'string' || out === '') throw new UsageError('cli/no-out', `'${command}' needs --out ${placeholder}: the file to write.`);
  const dir = dirname(out);
  if (!existsSync(dir)) throw new UsageError('cli/no-folder', `Cannot write '${out}': the folder '${dir}' does not exist. Create it first.`);
  if (!statSync(dir).isDirectory()) throw new UsageError('cli/no-folder', `Cannot write '${out}': '${dir}' is a file, not a folder.`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError('cli/out-is-directory', `Cannot write '${out}': it is a folder. Name a file, e.g. --out ${placeholder}.`);
  checkNotSpecial(out, placeholder);
  for (const input of inputs) {
    if (resolve(input) === resolve(out)) throw new UsageError('cli/out-is-input', `--out '${out}' is also an input of '${command}'; writing it would destroy the input. Choose another file name.`);
  }
  return out;
}

/**
 * Refuses a device, pipe or socket (`/dev/null`, a FIFO): the atomic write renames a temporary file over
 * the target, which would replace the device itself.
 */
function checkNotSpecial(out: string, placeholder: string): void {
  if (existsSync(out) && !statSync(out).isFile() && !statSync(out).isDirectory()) {
    throw new UsageError('cli/out-not-file', `Cannot write '${out}': it is a device, pipe or socket, not a regular file. Name a file, e.g. --out ${placeholder}.`);
  }
}

/** Refuses a missing `--out`, a path that is a file, or a missing parent folder. */
export function checkOutFolder(command: string, out: string | boolean | undefined, placeholder: string, files: readonly string[]): string {
  if (typeof out !== 'string' || out === '') throw new UsageError('cli/no-out', `'${command}' needs --out ${placeholder}: the folder to write.`);
  const parent = dirname(resolve(out));
  if (!existsSync(parent)) throw new UsageError('cli/no-folder', `Cannot write into '${out}': its parent folder '${parent}' does not exist. Create it first.`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError('cli/out-not-folder', `Cannot write into '${out}': it is a file, and this format is a folder of files. Name a folder, e.g. --out ${placeholder}.`);
  for (const name of files) {
    const path = join(out, name);
    if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError('cli/out-is-directory', `Cannot write '${path}': it is a folder. Remove it or choose another --out folder.`);
    checkNotSpecial(path, placeholder);
  }
  return out;
}

/** Creates a folder whose parent exists (checked by checkOutFolder); a failure is one clear message. */
export function makeFolder(path: string): void {
  if (existsSync(path)) return;
  try {
    // not `recursive`: Node's recursive mkdir loops forever on some virtual file systems (/proc)
    mkdirSync(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') throw e;
    throw new UsageError('cli/write-failed', `Cannot create the folder '${path}': ${WRITE_FAILURES[code] ?? code}. Choose another place with --out.`);
  }
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'the file system is read-only', ENOSPC: 'the disk is full',
  ENOENT: 'the folder cannot hold new files', EISDIR: 'it is a folder', ENOTDIR: 'a part of the path is a file',
};

/** Writes bytes atomically (a temporary file in the same folder, flushed, renamed over the target); a failure is one clear message. */
export function writeBytesAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') throw e;
    if (existsSync(tmp)) rmSync(tmp);
    throw new UsageError('cli/write-failed', `Cannot write '${path}': ${WRITE_FAILURES[code] ?? code}. Choose another place with --out.`);
  }
}

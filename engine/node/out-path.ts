/** Checks an output path before any work is done, so a long export never fails at the last step. */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './usage-error.ts';

/** Refuses a missing `--out`, a missing folder, an existing folder, or one of the command's own input files. */
export function checkOutFile(command: string, out: string | boolean | undefined, inputs: readonly string[], placeholder: string): string {
  if (typeof out !== 'string' || out === '') throw new UsageError('cli/no-out', `'${command}' needs --out ${placeholder}: the file to write.`);
  const dir = dirname(out);
  if (!existsSync(dir)) throw new UsageError('cli/no-folder', `Cannot write '${out}': the folder '${dir}' does not exist. Create it first.`);
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError('cli/out-is-directory', `Cannot write '${out}': it is a folder. Name a file, e.g. --out ${placeholder}.`);
  for (const input of inputs) {
    if (resolve(input) === resolve(out)) throw new UsageError('cli/out-is-input', `--out '${out}' is also an input of '${command}'; writing it would destroy the input. Choose another file name.`);
  }
  return out;
}

/** Refuses a missing `--out`, a path that is a file, a missing parent folder, or a folder holding an input. */
export function checkOutFolder(command: string, out: string | boolean | undefined, placeholder: string): string {
  if (typeof out !== 'string' || out === '') throw new UsageError('cli/no-out', `'${command}' needs --out ${placeholder}: the folder to write.`);
  const parent = dirname(resolve(out));
  if (!existsSync(parent)) throw new UsageError('cli/no-folder', `Cannot write into '${out}': its parent folder '${parent}' does not exist. Create it first.`);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError('cli/out-not-folder', `Cannot write into '${out}': it is a file, and this format is a folder of files. Name a folder, e.g. --out ${placeholder}.`);
  return out;
}

/** Writes bytes atomically: a temporary file in the same folder, flushed, then renamed over the target. */
export function writeBytesAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Output paths of the export commands, checked before any work is done, so a long export never fails at the last step. */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkOutputs, type InputFile } from './outputs.ts';
import { UsageError } from './usage-error.ts';

/**
 * `--out` of a command that writes one file: required, then checked like every output (folder exists and takes
 * a file, not a folder or device, not one of `inputs`) before any work.
 */
export function checkOutFile(
  command: string,
  out: string | boolean | undefined,
  inputs: readonly InputFile[],
  placeholder: string,
): string {
  if (typeof out !== 'string' || out === '')
    throw new UsageError('cli/no-out', `'${command}' needs --out ${placeholder}: the file to write.`);
  checkOutputs([{ flag: '--out', path: out, example: placeholder }], inputs);
  return out;
}

/**
 * Refuses a device, pipe or socket (`/dev/null`, a FIFO): the atomic write renames a temporary file over
 * the target, which would replace the device itself.
 */
function checkNotSpecial(out: string, placeholder: string): void {
  if (existsSync(out) && !statSync(out).isFile() && !statSync(out).isDirectory()) {
    throw new UsageError(
      'cli/out-not-file',
      `Cannot write '${out}': it is a device, pipe or socket, not a regular file. Name a file, e.g. --out ${placeholder}.`,
    );
  }
}

/** Refuses a missing `--out`, a path that is a file, or a missing parent folder. */
export function checkOutFolder(
  command: string,
  out: string | boolean | undefined,
  placeholder: string,
  files: readonly string[],
): string {
  if (typeof out !== 'string' || out === '')
    throw new UsageError('cli/no-out', `'${command}' needs --out ${placeholder}: the folder to write.`);
  const parent = dirname(resolve(out));
  if (!existsSync(parent))
    throw new UsageError(
      'cli/no-folder',
      `Cannot write into '${out}': its parent folder '${parent}' does not exist. Create it first.`,
    );
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(
      'cli/out-not-folder',
      `Cannot write into '${out}': it is a file, and this format is a folder of files. Name a folder, e.g. --out ${placeholder}.`,
    );
  for (const name of files) {
    const path = join(out, name);
    if (existsSync(path) && statSync(path).isDirectory())
      throw new UsageError(
        'cli/out-is-directory',
        `Cannot write '${path}': it is a folder. Remove it or choose another --out folder.`,
      );
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
    throw new UsageError(
      'cli/write-failed',
      `Cannot create the folder '${path}': ${WRITE_FAILURES[code] ?? code}. Choose another place with --out.`,
    );
  }
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  ENOENT: 'the folder cannot hold new files',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file',
};

/**
 * An export never replaces a file it did not write without being asked: refuses a folder that already holds any of
 * `files` (named in the message) unless `force`. Returns the names that will be replaced (empty when none or refused).
 * A new or empty folder, or one holding only other files, is fine; with --force only `files` are replaced.
 */
export function checkNoOverwrite(folder: string, files: readonly string[], flag: string, force: boolean): string[] {
  const held = files.filter((name) => existsSync(join(folder, name)));
  if (held.length === 0 || force) return held;
  throw new UsageError(
    'cli/out-not-empty',
    `Cannot export into '${folder}': it already holds ${held.join(', ')}, which this export would replace. ` +
      `Choose a new or empty folder for ${flag}, or add --force to replace ` +
      `${held.length > 1 ? 'those files' : 'that file'} (other files in the folder are left alone).`,
  );
}

/** The line printed after a forced export, or '' when nothing was replaced. */
export function replacedLine(held: readonly string[]): string {
  return held.length ? `Replaced the folder's previous ${held.join(', ')} (--force).\n` : '';
}

/**
 * The kinds of file the app opens (a model file only from its own dialog), how to tell them apart, and how a path the OS hands over
 * (command line, file association, drop) becomes an `OpenedFile`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OpenedFile } from '../preload/api.ts';
import { describeFsError } from './fs-errors.ts';

/** The file extension of a project. */
export const PROJECT_EXTENSION = '.bpstudio';
/** The file extension of a dataset. */
export const CSV_EXTENSION = '.csv';
/** Files larger than this are refused: the renderer holds the text as one string. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/** What a file is, judged by its extension. */
export type FileKind = 'csv' | 'project' | 'model';

/** What an open dialog asks for: a file the app opens, or a sweep's trials CSV (not a dataset, so not recent). */
export type OpenKind = FileKind | 'trials';

/** The kind of file at `filePath`, or null when the app does not open that extension. */
export function fileKind(filePath: string): FileKind | null {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === PROJECT_EXTENSION) return 'project';
  if (extension === CSV_EXTENSION) return 'csv';
  return null;
}

/** Thrown when a file cannot be opened; the message is for the user. */
export class FileOpenError extends Error {
  /** Stable code for tests and logs. */
  readonly code = 'file/open';
  override readonly name = 'FileOpenError';
}

/**
 * The files named on a command line (file association on Windows and Linux, second launches).
 * Flags and paths with other extensions (the app folder in development) are skipped.
 */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const files: string[] = [];
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-') || fileKind(argument) === null) continue;
    const absolute = path.resolve(workingDirectory, argument);
    if (!files.includes(absolute)) files.push(absolute);
  }
  return files;
}

/** Checks a dropped path's shape and extension before the file is touched; returns it normalized. */
export function checkDroppedPath(filePath: string): string {
  if (!path.isAbsolute(filePath)) {
    throw new FileOpenError(`Can't open "${filePath}": dropped files must have an absolute path.`);
  }
  if (fileKind(filePath) === null) {
    throw new FileOpenError(
      `Can't open "${path.basename(filePath)}": drop a CSV file (${CSV_EXTENSION}) or a project (${PROJECT_EXTENSION}).`,
    );
  }
  return path.normalize(filePath);
}

/**
 * Reads a file the user chose, as bytes: decoding is the engine's (a CSV in Latin-1 or UTF-16 must reach its
 * decoder intact). Refuses folders, unknown extensions and files over `MAX_FILE_BYTES`. A file chosen in the
 * model dialog (`as` 'model') is a model file whatever its extension: the engine's checker says what else it is.
 */
export async function readOpenedFile(
  filePath: string,
  as: FileKind | null = null,
): Promise<OpenedFile & { kind: FileKind }> {
  const name = path.basename(filePath);
  const kind = as ?? fileKind(filePath);
  if (kind === null) {
    throw new FileOpenError(
      `Can't open "${name}": choose a CSV file (${CSV_EXTENSION}) or a project (${PROJECT_EXTENSION}).`,
    );
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const info = await stat(filePath);
    if (!info.isFile()) throw new FileOpenError(`Can't open "${name}": it is a folder, not a file.`);
    if (info.size > MAX_FILE_BYTES) {
      const megabytes = Math.ceil(info.size / 2 ** 20);
      throw new FileOpenError(
        `Can't open "${name}": it is ${megabytes} MB and the limit is ${MAX_FILE_BYTES / 2 ** 20} MB. Split the file or sample its rows.`,
      );
    }
    const buffer = await readFile(filePath);
    // A plain Uint8Array (not a Buffer) is what crosses IPC; readFile's buffer is never a shared one.
    bytes = new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    if (error instanceof FileOpenError) throw error;
    throw new FileOpenError(describeFsError(error, 'open', filePath));
  }
  return { path: filePath, name, bytes, kind };
}

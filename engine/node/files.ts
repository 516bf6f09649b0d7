/** Reading the user's files, with messages that name the file and the fix. */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { rethrowFsError } from './fs-errors.ts';
import { UsageError } from './usage-error.ts';

/** Largest CSV file the CLI reads (it is streamed, but its columns must fit in memory). */
export const MAX_CSV_BYTES = 1024 ** 3;
/** Largest JSON file (spec, search space, model file) the CLI reads: it is parsed whole. */
export const MAX_JSON_BYTES = 256 * 1024 ** 2;
/** Deepest nesting of arrays and objects a JSON file may have; our own files nest fewer than ten levels. */
export const MAX_JSON_DEPTH = 100;
/** Bytes read at a time. */
const CHUNK_BYTES = 1 << 20;

const mebibytes = (bytes: number): string => `${Math.ceil(bytes / 1024 ** 2).toLocaleString('en-US')} MiB`;

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Checks that `path` is a regular file of at most `maxBytes` before it is opened: a missing path, a
 * folder, a pipe or device (which could block or never end) and an oversized file are clear errors.
 */
export function checkInputFile(path: string, what: string, maxBytes: number): Stats {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT')
      throw new UsageError(
        'cli/file-not-found',
        `${what} '${path}' does not exist. Check the path (it is relative to ${process.cwd()}).`,
      );
    rethrowFsError(e, 'read', path);
  }
  if (info.isDirectory())
    throw new UsageError('cli/is-directory', `${what} '${path}' is a folder, not a file. Name the file inside it.`);
  if (!info.isFile())
    throw new UsageError(
      'cli/not-a-file',
      `${what} '${path}' is ${kindOf(info)}, not a file. Save the data to a file and name that.`,
    );
  if (info.size > maxBytes) throw tooLarge(path, what, info.size, maxBytes);
  return info;
}

function tooLarge(path: string, what: string, size: number, maxBytes: number): UsageError {
  return new UsageError(
    'cli/file-too-large',
    `${what} '${path}' is ${mebibytes(size)}; the limit is ${mebibytes(maxBytes)}. Split the file or sample its rows.`,
  );
}

/**
 * Reads a regular file chunk by chunk, handing each chunk to `onChunk` (so the whole file is never held
 * at once); stops with an error if the file grows past `maxBytes` while being read.
 */
export function readChunks(
  path: string,
  what: string,
  maxBytes: number,
  onChunk: (chunk: Uint8Array, total: number) => void,
): void {
  checkInputFile(path, what, maxBytes);
  let fd: number;
  try {
    // Non-blocking, so a file swapped for a pipe after the check cannot hang the open; regular files ignore it.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    rethrowFsError(e, 'read', path);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile())
      throw new UsageError(
        'cli/not-a-file',
        `${what} '${path}' is ${kindOf(opened)}, not a file. Save the data to a file and name that.`,
      );
    const total = opened.size;
    let read = 0;
    for (;;) {
      const chunk = new Uint8Array(CHUNK_BYTES);
      let n: number;
      try {
        n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      } catch (e) {
        rethrowFsError(e, 'read', path);
      }
      if (n === 0) break;
      read += n;
      if (read > maxBytes) throw tooLarge(path, what, read, maxBytes);
      onChunk(n === CHUNK_BYTES ? chunk : chunk.subarray(0, n), total);
    }
  } finally {
    closeSync(fd);
  }
}

/** Read a whole (small) file as bytes; a missing path, a folder, a device or a file over `maxBytes` is a clear error. */
export function readBytes(path: string, what: string, maxBytes = MAX_JSON_BYTES): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  readChunks(path, what, maxBytes, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** How deeply arrays and objects nest in a parsed JSON value (0 for a scalar), counted without recursion. */
export function jsonDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const d = depth + 1;
    if (d > deepest) deepest = d;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, d]);
    }
  }
  return deepest;
}

/** Read and parse a JSON file; malformed or absurdly nested JSON names the file and the position. */
export function readJson(path: string, what: string): unknown {
  const text = new TextDecoder().decode(readBytes(path, what));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(
      'cli/bad-json',
      `${what} '${path}' is not valid JSON (${(e as Error).message}). Fix the file or export it again.`,
    );
  }
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new UsageError(
      'cli/json-too-deep',
      `${what} '${path}' nests lists and objects more than ${MAX_JSON_DEPTH} levels deep; specs, search spaces and model files need fewer than 10. Check that it is the file you meant.`,
    );
  }
  return value;
}

/**
 * The files a command writes: checked before any work starts (folder exists, is writable, the path is not
 * a folder, device or one of the command's inputs), then written atomically so a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fsErrorReason, rethrowFsError } from './fs-errors.ts';
import { UsageError } from './usage-error.ts';

/** A file the command will write, the flag that named it, and a file name to suggest (for the messages). */
export interface OutputFile {
  flag: string;
  path: string;
  example: string;
}
/** A file the command reads, and what it is called in messages ("the CSV file"). */
export interface InputFile {
  what: string;
  path: string;
}

function statOrNull(path: string, action: 'read' | 'write' = 'write'): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') return null;
    rethrowFsError(e, action, path);
  }
}

/** The hidden temporary name a write to `target` goes through (same folder, so the rename cannot cross disks). */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** Creates and removes a temporary file in `folder`: the one honest test that a write there will work. */
function probeFolder(flag: string, path: string, folder: string): void {
  const probe = temporaryPathFor(path);
  try {
    closeSync(openSync(probe, 'wx', 0o600));
  } catch (e) {
    // The folder exists (checked before), so ENOENT here means it takes no new files (/proc, a virtual file system).
    const why = (e as { code?: unknown }).code === 'ENOENT' ? 'the folder cannot hold new files' : fsErrorReason(e);
    if (why === null) throw e;
    throw new UsageError(
      'cli/output-not-writable',
      `${flag} '${path}': cannot create a file in '${folder}': ${why}. Nothing was computed.`,
    );
  } finally {
    rmSync(probe, { force: true });
  }
}

function checkOne(out: OutputFile): Stats | null {
  const { flag, path } = out;
  if (path.trim() === '') throw new UsageError('cli/empty-output', `${flag} needs a file name, got ''.`);
  if (/[/\\]$/.test(path))
    throw new UsageError(
      'cli/output-is-folder',
      `${flag} '${path}' ends with a slash, so it names a folder. Name a file, e.g. '${join(path, out.example)}'. Nothing was computed.`,
    );
  const folder = dirname(resolve(path));
  const shown = dirname(path);
  const dir = statOrNull(folder);
  if (dir === null)
    throw new UsageError(
      'cli/no-folder',
      `${flag} '${path}': the folder '${shown}' does not exist. Create it first (mkdir -p '${shown}') or choose another folder. Nothing was computed.`,
    );
  if (!dir.isDirectory())
    throw new UsageError(
      'cli/no-folder',
      `${flag} '${path}': '${shown}' is a file, not a folder. Choose another folder. Nothing was computed.`,
    );
  const target = statOrNull(path);
  if (target?.isDirectory())
    throw new UsageError(
      'cli/output-is-folder',
      `${flag} '${path}' is a folder. Name a file inside it, e.g. '${join(path, out.example)}'. Nothing was computed.`,
    );
  if (target && !target.isFile())
    throw new UsageError(
      'cli/output-not-file',
      `${flag} '${path}' is a device or pipe, not a file. Name a regular file. Nothing was computed.`,
    );
  probeFolder(flag, path, shown);
  return target;
}

/**
 * Checks every output before the command reads or computes anything: each folder exists and takes a new
 * file, no output is a folder or a device, no output is one of `inputs` (compared by file identity, so
 * symlinks, hard links and `./` prefixes are seen through), and no two outputs are the same file.
 */
export function checkOutputs(outputs: readonly OutputFile[], inputs: readonly InputFile[]): void {
  const seen: { out: OutputFile; key: string }[] = [];
  const inputKeys = inputs.flatMap((input) => {
    const s = statOrNull(input.path, 'read');
    return s ? [{ input, key: `${s.dev}:${s.ino}` }] : [];
  });
  for (const out of outputs) {
    const target = checkOne(out);
    const key = target
      ? `${target.dev}:${target.ino}`
      : `new:${join(realpathSync(dirname(resolve(out.path))), basename(out.path))}`;
    const input = inputKeys.find((i) => i.key === key);
    if (input)
      throw new UsageError(
        'cli/output-is-input',
        `${out.flag} '${out.path}' is ${input.input.what} '${input.input.path}', which this command reads; writing there would replace it. Choose another file name.`,
      );
    const twin = seen.find((s) => s.key === key);
    if (twin)
      throw new UsageError(
        'cli/outputs-collide',
        `${twin.out.flag} '${twin.out.path}' and ${out.flag} '${out.path}' are the same file; one would overwrite the other. Give them different names.`,
      );
    seen.push({ out, key });
  }
}

function syncFolder(folder: string): void {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `data` (text, or bytes as they are) to `path` atomically, as the desktop app does: a temporary file in the same folder, flushed,
 * renamed over the target, then the folder flushed so the rename survives a crash. The temporary file is
 * removed on any failure, and an existing file keeps its permissions.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const tmp = temporaryPathFor(path);
  let renamed = false;
  try {
    const mode = statOrNull(path)?.mode;
    const fd = openSync(tmp, 'wx', 0o666);
    try {
      const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode !== undefined) chmodSync(tmp, mode & 0o777);
    renameSync(tmp, path);
    renamed = true;
    syncFolder(dirname(resolve(path)));
  } catch (e) {
    rethrowFsError(e, 'write', path);
  } finally {
    if (!renamed) rmSync(tmp, { force: true });
  }
}

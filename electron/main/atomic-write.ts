/**
 * Crash-safe file writes: the data goes to a temporary file in the same folder, is flushed to disk,
 * then renamed over the target. A reader sees the old file or the new one, never half of either.
 */
import { randomBytes } from 'node:crypto';
import { chmod, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** The temporary name for a write to `target`: hidden, in the same folder (a rename cannot cross disks). */
export function temporaryPathFor(target: string): string {
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.tmp`);
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(from: string, to: string, platform: string): Promise<void> {
  // On Windows an antivirus or indexer briefly holding the target makes rename fail; it clears within ~100 ms.
  const attempts = platform === 'win32' ? 5 : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
      if (attempt >= attempts || !RENAME_RETRY_CODES.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

async function syncDirectory(directory: string, platform: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  if (platform === 'win32') return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function existingMode(target: string): Promise<number | null> {
  try {
    return (await stat(target)).mode & 0o777;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes `data` to `target` atomically: temp file, fsync, rename, fsync the folder. Keeps an existing file's mode. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  platform: string = process.platform,
): Promise<void> {
  const temporary = temporaryPathFor(target);
  const mode = await existingMode(target);
  let renamed = false;
  try {
    const handle = await open(temporary, 'wx', 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== null) await chmod(temporary, mode);
    await renameWithRetry(temporary, target, platform);
    renamed = true;
    await syncDirectory(path.dirname(target), platform);
  } finally {
    if (!renamed) await rm(temporary, { force: true });
  }
}

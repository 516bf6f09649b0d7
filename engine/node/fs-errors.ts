/** Node file-system errors as one sentence for the user: what failed, on which path, and what to try. */
import { UsageError } from './usage-error.ts';

const ADVICE: Readonly<Record<string, string>> = {
  ENOENT: 'it does not exist. Check the path',
  EACCES: 'permission denied. Choose a folder you can write to, or check the permissions',
  EPERM: 'the operating system refused. Check the permissions, or close programs using the file',
  EBUSY: 'another program is using it. Close that program and try again',
  ENOSPC: 'the disk is full. Free some space and try again',
  EDQUOT: 'the disk quota is used up. Free some space and try again',
  EROFS: 'the disk is read-only. Choose another folder',
  EISDIR: 'it is a folder, not a file. Name a file',
  ENOTDIR: 'part of the path is a file, not a folder. Check the path',
  ENAMETOOLONG: 'the path is too long. Choose a shorter name or folder',
  EMFILE: 'too many files are open. Close some programs and try again',
  EIO: 'the disk reported an input/output error. Check the disk',
};

/** The `code` of a Node system error (`ENOENT`, …), or null for anything else. */
export function fsErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('syscall' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : null;
}

/** "permission denied. Choose a folder you can write to, …" for an error thrown by node:fs; null when it is not one. */
export function fsErrorReason(error: unknown): string | null {
  const code = fsErrorCode(error);
  if (code === null) return null;
  return ADVICE[code] ?? `${(error as Error).message} (${code})`;
}

/** "Cannot write 'out/model.json': permission denied. …" for an error thrown by node:fs; null when it is not one. */
export function describeFsError(error: unknown, action: 'read' | 'write', path: string): string | null {
  const reason = fsErrorReason(error);
  return reason === null ? null : `Cannot ${action} '${path}': ${reason}.`;
}

/** Rethrows a node:fs error as a UsageError naming the path; anything else is rethrown unchanged. */
export function rethrowFsError(error: unknown, action: 'read' | 'write', path: string): never {
  const message = describeFsError(error, action, path);
  if (message === null) throw error;
  throw new UsageError(`cli/fs-${fsErrorCode(error)!.toLowerCase()}`, message);
}

/** Turns Node file-system errors into sentences that say what failed and what to try. */
import path from 'node:path';
import { errorMessage } from './error-message.ts';

const ADVICE: Record<string, string> = {
  ENOENT: 'it does not exist (was it moved or deleted?)',
  EACCES: 'permission denied. Choose a folder you can write to, or check the file’s permissions',
  EPERM: 'the operating system refused. Close other programs using the file and try again',
  EBUSY: 'another program is using it. Close that program and try again',
  ENOSPC: 'the disk is full. Free some space and try again',
  EROFS: 'the disk is read-only. Choose another folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of the path is a file, not a folder',
  ENAMETOOLONG: 'the path is too long. Choose a shorter name or folder',
  EMFILE: 'too many files are open. Close some programs and try again',
};

/** `"Could not save "x.bpstudio" in /dir: permission denied. …"` for any error thrown by node:fs. */
export function describeFsError(error: unknown, action: 'open' | 'save', filePath: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reason = ADVICE[code] ?? errorMessage(error);
  const where = `"${path.basename(filePath)}" in ${path.dirname(filePath)}`;
  return `Could not ${action} ${where}: ${reason}${code && !(code in ADVICE) ? ` (${code})` : ''}.`;
}

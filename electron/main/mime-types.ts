/** Content types for the files a Vite build emits (the table lives in scripts/web-policy.mjs). */
import path from 'node:path';
import { CONTENT_TYPES } from '../../scripts/web-policy.mjs';

/** The `Content-Type` for a file name; unknown extensions are served as bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

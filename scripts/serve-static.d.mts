/** Types of scripts/serve-static.mjs (for TypeScript callers without allowJs, such as bench/). */
import type { Server } from 'node:http';

export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from './web-policy.mjs';
/** The `Content-Type` for a file name; unknown extensions are served as bytes. */
export declare function contentTypeFor(filePath: string): string;
/** The file a request path names inside `root`, or null when it escapes `root` or is malformed. */
export declare function resolveRequestPath(requestPath: string, root: string): string | null;
/** An http server for `root` (not yet listening). */
export declare function createStaticServer(options: { root: string; headers?: Record<string, string> }): Server;
/** Serves `root` on `host:port` (port 0 picks a free one; a taken port falls back to a free one). */
export declare function serveStatic(options: {
  root: string;
  port?: number;
  host?: string;
  headers?: Record<string, string>;
}): Promise<{ url: string; port: number; close: () => Promise<void>; server: Server }>;

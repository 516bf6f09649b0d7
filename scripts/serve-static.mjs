/**
 * A small static file server for the web build (`dist/renderer`), used by `npm start` when Electron cannot
 * run and by end-to-end tests. It sends the same security headers as the desktop app: the content security
 * policy, and cross-origin isolation (COOP/COEP) so SharedArrayBuffer and WebAssembly threads work. It answers
 * only requests addressed to the loopback names (a Host-header check against DNS rebinding) and only GET/HEAD.
 *
 *   import { serveStatic } from './serve-static.mjs';
 *   const { url, close } = await serveStatic({ root: 'dist/renderer', port: 0 });
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES as TYPES, SECURITY_HEADERS } from './web-policy.mjs';

export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS };

/**
 * The `Content-Type` for a file name; unknown extensions are served as bytes.
 * @param {string} filePath
 * @returns {string}
 */
export function contentTypeFor(filePath) {
  return TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a request path names inside `root`, or null when it escapes `root` or is malformed.
 * @param {string} requestPath the URL path, e.g. `/assets/index.js?v=1`
 * @param {string} root absolute folder
 * @returns {string | null}
 */
export function resolveRequestPath(requestPath, root) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestPath, 'http://localhost').pathname);
  } catch {
    return null; // Malformed URL or percent-encoding: no file has that name.
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname}`);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** The methods the server answers (its `Allow` header). */
export const ALLOWED_METHODS = 'GET, HEAD';

/** Loopback host names a request may be addressed to. */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether a `Host` header names this server on a loopback name and its own port: a page on another site that
 * rebinds its DNS name to 127.0.0.1 still sends its own name, and is refused.
 * @param {string | undefined} host the request's Host header
 * @param {number | undefined} port the port the request arrived on
 * @returns {boolean}
 */
export function isAllowedHost(host, port) {
  if (typeof host !== 'string' || port === undefined) return false;
  const lower = host.toLowerCase();
  return LOOPBACK_NAMES.some((name) => lower === `${name}:${port}` || (port === 80 && lower === name));
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [extra]
 */
function sendText(response, status, text, extra = {}) {
  response.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/**
 * An http server for `root` (not yet listening).
 * @param {{ root: string, headers?: Record<string, string> }} options `headers` replace or add to the security headers
 * @returns {import('node:http').Server}
 */
export function createStaticServer({ root, headers = {} }) {
  return createServer((request, response) => {
    const method = request.method ?? 'GET';
    if (!isAllowedHost(request.headers.host, request.socket.localPort)) {
      sendText(
        response,
        421,
        `This server answers only to ${LOOPBACK_NAMES.map((n) => `${n}:${request.socket.localPort}`).join(', ')}. Open the app at one of those addresses.`,
      );
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendText(response, 405, `${method} is not allowed; this server only serves files (${ALLOWED_METHODS}).`, {
        Allow: ALLOWED_METHODS,
      });
      return;
    }
    const file = resolveRequestPath(request.url ?? '/', root);
    if (file === null) {
      sendText(response, 404, 'Not found');
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          sendText(response, 404, 'Not found');
          return;
        }
        response.writeHead(200, {
          ...SECURITY_HEADERS,
          ...headers,
          'Content-Type': contentTypeFor(file),
          'Content-Length': String(info.size),
          'Cache-Control': 'no-cache',
        });
        if (method === 'HEAD') {
          response.end();
          return;
        }
        createReadStream(file)
          .on('error', (error) => response.destroy(error))
          .pipe(response);
      },
      (error) => {
        const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
        if (code === 'ENOENT' || code === 'ENOTDIR') sendText(response, 404, 'Not found');
        else
          sendText(response, 500, `Could not read the file: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  });
}

/**
 * Serves `root` on `host:port` (port 0 picks a free one; a taken port falls back to a free one).
 * @param {{ root: string, port?: number, host?: string, headers?: Record<string, string> }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void>, server: import('node:http').Server }>}
 */
export async function serveStatic({ root, port = 0, host = '127.0.0.1', headers }) {
  const server = createStaticServer({ root, headers });
  /** @param {number} wanted */
  const listen = (wanted) =>
    new Promise((resolve, reject) => {
      /** @param {Error} error */
      const onError = (error) => reject(error);
      server.once('error', onError);
      server.listen(wanted, host, () => {
        server.off('error', onError);
        resolve(undefined);
      });
    });
  try {
    await listen(port);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
    if (code !== 'EADDRINUSE' || port === 0) throw error;
    await listen(0);
  }
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('serve-static: the server has no TCP address.');
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${address.port}/`,
    port: address.port,
    server,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

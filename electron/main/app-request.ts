/**
 * Serving the built renderer on `app://bundle/…`: URL → file inside the renderer folder, and the response.
 * A custom standard, secure scheme gives the page a real origin, so module workers, `fetch` of its own
 * files and WebAssembly streaming compile work, which `file://` does not allow.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SECURITY_HEADERS } from './content-security.ts';
import { contentTypeFor } from './mime-types.ts';
import { APP_HOST, APP_SCHEME } from './sender-check.ts';

/** The file an app URL names inside `root`, or null when the URL is not the app's or escapes `root`. */
export function resolveAppPath(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null; // Not a URL: answered with 404 like any unknown path.
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null; // Malformed percent-encoding: no file has that name.
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname}`);
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

function notFound(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}

/** The response for one request to the app scheme. */
export async function appResponse(method: string, requestUrl: string, root: string): Promise<Response> {
  if (method !== 'GET' && method !== 'HEAD')
    return notFound(405, `${method} is not allowed; the app serves files only.`);
  const file = resolveAppPath(requestUrl, root);
  if (file === null) return notFound(404, `Not found: ${requestUrl}`);
  try {
    const info = await stat(file);
    if (!info.isFile()) return notFound(404, `Not found: ${requestUrl}`);
    const body = method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, {
      status: 200,
      headers: { 'Content-Type': contentTypeFor(file), 'Content-Length': String(info.size), ...SECURITY_HEADERS },
    });
  } catch (error) {
    if (
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      (error.code === 'ENOENT' || error.code === 'ENOTDIR')
    ) {
      return notFound(404, `Not found: ${requestUrl}`);
    }
    throw error;
  }
}

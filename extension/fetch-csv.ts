/**
 * "Open CSV in Backprop Studio": the extension fetches the link (host access from `activeTab`, or the
 * server's CORS) and streams the body into a Blob, stopping at the studio's size limit; the studio then reads
 * it with the same streaming reader as an imported file.
 */
import { extensionMessages as m } from './messages.ts';

/** A fetched CSV, or the message saying why there is none. */
export type FetchedCsv = { ok: true; name: string; csv: Blob } | { ok: false; message: string };

/** The file name a link names: its last path segment (decoded), else the host. */
export function linkFileName(url: URL): string {
  const last =
    url.pathname
      .split('/')
      .filter((s) => s !== '')
      .at(-1) ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape stays as written: the name is only a label.
    name = last;
  }
  name = name.replace(/[\\/:*?"<>|]+/g, ' ').trim();
  return name || `${url.hostname}.csv`;
}

/** Read `body` into a Blob, or the number of bytes seen once it passes `maxBytes` (the stream is cancelled). */
async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Blob | number> {
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return new Blob(parts as BlobPart[], { type: 'text/csv' });
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return total;
    }
    parts.push(value);
  }
}

/** Fetch the CSV at `link` with at most `maxBytes`; `fetcher` is the global fetch (a parameter for tests). */
export async function fetchCsv(link: string, maxBytes: number, fetcher: typeof fetch = fetch): Promise<FetchedCsv> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, message: m.notHttp(link) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: m.notHttp(link) };
  const name = linkFileName(url);
  let response: Response;
  try {
    response = await fetcher(url.href, { credentials: 'omit', redirect: 'follow' });
  } catch (e) {
    return { ok: false, message: m.fetchFailed(url.href, e instanceof Error ? e.message : String(e)) };
  }
  if (!response.ok) return { ok: false, message: m.httpStatus(url.href, response.status, response.statusText) };
  if (/^\s*(text\/html|application\/xhtml\+xml)\b/i.test(response.headers.get('content-type') ?? '')) {
    await response.body?.cancel();
    return { ok: false, message: m.webPage(response.url || url.href) };
  }
  const declared = Number(response.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return { ok: false, message: m.tooLarge(name, declared, maxBytes) };
  }
  if (!response.body) return { ok: true, name, csv: new Blob([], { type: 'text/csv' }) };
  let read: Blob | number;
  try {
    read = await readCapped(response.body, maxBytes);
  } catch (e) {
    return { ok: false, message: m.fetchFailed(url.href, e instanceof Error ? e.message : String(e)) };
  }
  if (typeof read === 'number') return { ok: false, message: m.tooLarge(name, read, maxBytes) };
  return { ok: true, name, csv: read };
}

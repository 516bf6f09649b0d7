import { describe, expect, it } from 'vitest';
import { fetchCsv, linkFileName } from './fetch-csv.ts';

/** A fetch that answers every request with `body` (in chunks of `chunk` bytes) and the given status and headers. */
function fakeFetch(
  body: string,
  init: { status?: number; statusText?: string; headers?: Record<string, string>; chunk?: number } = {},
) {
  const seen: string[] = [];
  let cancelled = false;
  const fetcher = (async (url: string) => {
    seen.push(url);
    const bytes = new TextEncoder().encode(body);
    const chunk = init.chunk ?? 4;
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) controller.close();
        else controller.enqueue(bytes.slice(at, (at += chunk)));
      },
      cancel() {
        cancelled = true;
      },
    });
    return new Response(stream, {
      status: init.status ?? 200,
      statusText: init.statusText ?? 'OK',
      headers: init.headers ?? {},
    });
  }) as unknown as typeof fetch;
  return { fetcher, seen, wasCancelled: () => cancelled };
}

describe('fetchCsv', () => {
  it('reads the whole body, named after the link', async () => {
    const { fetcher, seen } = fakeFetch('a,b\n1,2\n');
    const got = await fetchCsv('https://data.example.org/files/sea%20levels.csv?x=1', 100, fetcher);
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.name).toBe('sea levels.csv');
    expect(await got.csv.text()).toBe('a,b\n1,2\n');
    expect(seen).toEqual(['https://data.example.org/files/sea%20levels.csv?x=1']);
  });

  it('refuses a body over the limit with the import message, and stops reading it', async () => {
    const { fetcher, wasCancelled } = fakeFetch('x'.repeat(50));
    expect(await fetchCsv('https://example.org/big.csv', 11, fetcher)).toEqual({
      ok: false,
      message:
        "'big.csv' is 1 MiB; the studio reads at most 1 MiB. Split the file or sample its rows, then open the part you need.",
    });
    expect(wasCancelled()).toBe(true);
  });

  it('refuses a declared length over the limit before reading', async () => {
    const { fetcher } = fakeFetch('a\n1\n', { headers: { 'content-length': String(3 * 1024 ** 2) } });
    expect(await fetchCsv('https://example.org/x.csv', 2 * 1024 ** 2, fetcher)).toEqual({
      ok: false,
      message:
        "'x.csv' is 3 MiB; the studio reads at most 2 MiB. Split the file or sample its rows, then open the part you need.",
    });
  });

  it('says what the server answered, and which addresses it cannot fetch', async () => {
    const { fetcher } = fakeFetch('gone', { status: 404, statusText: 'Not Found' });
    expect(await fetchCsv('https://example.org/x.csv', 100, fetcher)).toEqual({
      ok: false,
      message:
        'The server answered 404 Not Found for https://example.org/x.csv, so there is no CSV to open. Check the link on the page, ' +
        'or download the file and import it with Import CSV.',
    });
    for (const link of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url']) {
      expect(await fetchCsv(link, 100, fetcher)).toEqual({
        ok: false,
        message: `The link '${link}' is not an http or https address, so the extension cannot fetch it. Download the file and import it with Import CSV.`,
      });
    }
    const { fetcher: html } = fakeFetch('<!doctype html><title>Sign in</title>', {
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect(await fetchCsv('https://example.org/x.csv', 100, html)).toEqual({
      ok: false,
      message:
        'The link https://example.org/x.csv leads to a web page (text/html), not a CSV file; the site may want you to sign in ' +
        'or click through first. Download the file from the page and import it with Import CSV.',
    });
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchCsv('https://example.org/x.csv', 100, failing)).toEqual({
      ok: false,
      message:
        'The CSV at https://example.org/x.csv could not be fetched (Failed to fetch). The server may not let other sites read ' +
        'it, or the network is down: download the file and import it with Import CSV.',
    });
  });

  it('names a link without a file name after its host', () => {
    expect(linkFileName(new URL('https://stats.example.org/'))).toBe('stats.example.org.csv');
    expect(linkFileName(new URL('https://stats.example.org/a/%E0%A4%A'))).toBe('%E0%A4%A');
  });
});

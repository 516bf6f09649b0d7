import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resolveRequestPath, serveStatic } from './serve-static.mjs';

let root = '';
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'serve-static-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(root, 'assets', 'kernels.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  server = await serveStatic({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('serveStatic', () => {
  test('serves index.html at / with isolation and CSP headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(await response.text()).toBe('<!doctype html><title>app</title>');
  });

  test('serves WebAssembly as application/wasm and scripts as JavaScript', async () => {
    const wasm = await fetch(new URL('assets/kernels.wasm', server.url));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    const script = await fetch(new URL('assets/main.js?v=2', server.url));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  test('404 for missing files and folders, 405 for other methods', async () => {
    expect((await fetch(new URL('nope.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('assets', server.url))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  test('never serves files outside the root', () => {
    expect(resolveRequestPath('/../../etc/passwd', '/srv/app')).toBe('/srv/app/etc/passwd');
    expect(resolveRequestPath('/%2e%2e%2f%2e%2e%2fetc/passwd', '/srv/app')).toBeNull();
    expect(resolveRequestPath('/a%00b', '/srv/app')).toBeNull();
    expect(resolveRequestPath('/%E0%A4%A', '/srv/app')).toBeNull();
  });

  test('a taken port falls back to a free one', async () => {
    const second = await serveStatic({ root, port: server.port });
    try {
      expect(second.port).not.toBe(server.port);
      expect((await fetch(second.url)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import http from 'node:http';
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

  test('404 for missing files and folders, 405 with Allow for other methods', async () => {
    expect((await fetch(new URL('nope.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('assets', server.url))).status).toBe(404);
    const post = await fetch(server.url, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await post.text()).toBe('POST is not allowed; this server only serves files (GET, HEAD).');
  });

  test('sends no referrer and switches off unused browser features', async () => {
    const response = await fetch(server.url);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toContain('camera=(), microphone=(), geolocation=()');
  });

  test('answers only to loopback host names with its port (DNS rebinding)', async () => {
    const status = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.get(
          { host: '127.0.0.1', port: server.port, path: '/', headers: { Host: host } },
          (response) => {
            let body = '';
            response.on('data', (chunk: Buffer) => {
              body += chunk.toString();
            });
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
          },
        );
        request.on('error', reject);
      });
    for (const host of [
      `localhost:${server.port}`,
      `127.0.0.1:${server.port}`,
      `[::1]:${server.port}`,
      `LOCALHOST:${server.port}`,
    ]) {
      expect((await status(host)).status, host).toBe(200);
    }
    const rebound = await status(`evil.example:${server.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.body).toBe(
      `This server answers only to localhost:${server.port}, 127.0.0.1:${server.port}, [::1]:${server.port}. Open the app at one of those addresses.`,
    );
    expect((await status('localhost:1')).status).toBe(421);
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

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { appResponse, resolveAppPath } from './app-request.ts';
import { CONTENT_SECURITY_POLICY } from './content-security.ts';
import { useTempDirs } from './fixtures/temp-dir.ts';

const tempDir = useTempDirs();
const root = '/srv/dist/renderer';

describe('resolveAppPath', () => {
  test.each([
    ['app://bundle/index.html', '/srv/dist/renderer/index.html'],
    ['app://bundle/', '/srv/dist/renderer/index.html'],
    ['app://bundle/assets/engine%20worker.js?v=3#x', '/srv/dist/renderer/assets/engine worker.js'],
    ['app://bundle/assets/', '/srv/dist/renderer/assets/index.html'],
  ])('%s → %s', (url, file) => {
    expect(resolveAppPath(url, root)).toBe(file);
  });

  test.each(['app://bundle/../../etc/passwd', 'app://bundle/%2e%2e/%2e%2e/etc/passwd'])(
    'URL parsing clamps dot segments of %s inside the root',
    (url) => {
      expect(resolveAppPath(url, root)).toBe('/srv/dist/renderer/etc/passwd');
    },
  );

  test.each([
    'app://bundle/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://bundle/a%00.js',
    'app://bundle/%E0%A4%A',
    'app://other/index.html',
    'https://bundle/index.html',
    'file:///srv/dist/renderer/index.html',
    'nonsense',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('appResponse', () => {
  test('serves files with their type and the security headers', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    await writeFile(path.join(dir, 'assets', 'kernels.wasm'), new Uint8Array([0, 97, 115, 109]));

    const page = await appResponse('GET', 'app://bundle/index.html', dir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(await page.text()).toBe('<!doctype html>');

    const wasm = await appResponse('GET', 'app://bundle/assets/kernels.wasm', dir);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  test('404 for missing files, folders and escapes; 405 for writes', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'assets'));
    expect((await appResponse('GET', 'app://bundle/missing.js', dir)).status).toBe(404);
    expect((await appResponse('GET', 'app://bundle/assets', dir)).status).toBe(404);
    expect((await appResponse('GET', 'app://bundle/../secret', dir)).status).toBe(404);
    const post = await appResponse('POST', 'app://bundle/index.html', dir);
    expect(post.status).toBe(405);
    expect(await post.text()).toBe('POST is not allowed; the app serves files only.');
  });

  test('HEAD answers without a body', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'index.html'), 'hello');
    const head = await appResponse('HEAD', 'app://bundle/index.html', dir);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('5');
    expect(await head.text()).toBe('');
  });
});

/** The benchmark page: built with Vite, and served on localhost with the app's isolation headers. */
import { copyFileSync, createReadStream, mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from '../../scripts/web-policy.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
/**
 * The app's content security policy, plus `blob:` scripts: TF.js's threaded wasm backend starts its
 * pthread workers from a blob and importScripts() another blob. The engine needs nothing beyond the app's policy.
 */
const BENCH_CSP = CONTENT_SECURITY_POLICY.replace(
  "script-src 'self' 'wasm-unsafe-eval'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
);

/** Serve `root` on localhost (a secure context, so WebGPU is exposed) with the app's isolation headers. */
export async function serve(root: string): Promise<{ url: string; server: Server }> {
  const base = resolve(root);
  const server = createServer((req, res) => {
    let path = '';
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // a malformed URL names no file
    }
    const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!path || !file.startsWith(base + sep)) {
      res.writeHead(404).end('not found');
      return;
    }
    stat(file).then(
      (s) => {
        if (!s.isFile()) throw new Error('not a file');
        res.writeHead(200, {
          'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'Content-Length': String(s.size),
          'Content-Security-Policy': BENCH_CSP,
          'Cross-Origin-Opener-Policy': 'same-origin',
          'Cross-Origin-Embedder-Policy': 'require-corp',
          'Cross-Origin-Resource-Policy': 'same-origin',
          'Cache-Control': 'no-store',
        });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server };
}

/** Build the page with Vite into `outDir`, and put TF.js's wasm binaries next to it. */
export async function buildPage(outDir: string): Promise<void> {
  await build({ configFile: join(HERE, 'vite.config.ts'), build: { outDir }, logLevel: 'error' });
  const wasmDir = join(ROOT, 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist');
  mkdirSync(join(outDir, 'tfjs-wasm'));
  for (const f of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    copyFileSync(join(wasmDir, f), join(outDir, 'tfjs-wasm', f));
  }
}

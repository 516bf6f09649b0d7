/** Builds the gpu.js harness (a page and its module worker) for e2e/gpujs-backend.spec.ts. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { target: 'es2022', emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
});

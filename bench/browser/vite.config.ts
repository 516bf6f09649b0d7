/** Builds the browser benchmark page (page/) and its module workers; run.ts builds it into a temporary folder. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./page', import.meta.url)),
  base: './',
  logLevel: 'warn',
  // Not minified: TF.js's threaded wasm backend starts its pthreads from the source text of a factory function
  // (Function.prototype.toString), which a minifier breaks by renaming what that text refers to.
  build: {
    target: 'es2022',
    emptyOutDir: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 8192,
    minify: false,
  },
  worker: { format: 'es' },
});

/**
 * Bundles the Electron main process and the preload, one file each, into `out/electron/`.
 * `--mode main` → `main.cjs` (Node target, everything but `electron` and Node built-ins inlined);
 * `--mode preload` → `preload.cjs` (one CommonJS file: a sandboxed preload can `require('electron')` and
 * nothing else). `scripts/electron-build.mjs` runs both.
 */
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = 'out/electron';
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

function mainConfig(): UserConfig {
  return {
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      ssr: 'electron/main/main.ts',
      outDir,
      emptyOutDir: false,
      target: 'node22',
      sourcemap: true,
      minify: false,
      copyPublicDir: false,
      rolldownOptions: {
        external: ['electron', ...nodeBuiltins],
        output: { format: 'cjs', entryFileNames: 'main.cjs', codeSplitting: false },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  };
}

function preloadConfig(): UserConfig {
  return {
    root,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome130',
      sourcemap: 'inline',
      minify: false,
      copyPublicDir: false,
      lib: { entry: 'electron/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
      rolldownOptions: {
        external: ['electron'],
        output: { codeSplitting: false },
      },
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'main') return mainConfig();
  if (mode === 'preload') return preloadConfig();
  throw new Error(`electron/vite.config.ts: run with --mode main or --mode preload, got --mode ${mode}.`);
});

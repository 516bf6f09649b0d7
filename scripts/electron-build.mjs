#!/usr/bin/env node
/**
 * Builds the Electron bundles: `out/electron/main.cjs` and `out/electron/preload.cjs` (see electron/vite.config.ts).
 * Usage: node scripts/electron-build.mjs
 * Also importable: `buildElectron()` resolves when both bundles are written.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ELECTRON_OUT = path.join(ROOT, 'out', 'electron');

/**
 * Bundles main and preload with Vite.
 * @returns {Promise<{ main: string, preload: string }>} absolute paths of the two bundles
 */
export async function buildElectron() {
  const { build } = await import('vite');
  await rm(ELECTRON_OUT, { recursive: true, force: true });
  const configFile = path.join(ROOT, 'electron', 'vite.config.ts');
  await build({ configFile, mode: 'main' });
  await build({ configFile, mode: 'preload' });
  return { main: path.join(ELECTRON_OUT, 'main.cjs'), preload: path.join(ELECTRON_OUT, 'preload.cjs') };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  buildElectron().then(
    ({ main, preload }) => {
      console.log(`electron-build: wrote ${path.relative(ROOT, main)} and ${path.relative(ROOT, preload)} in ${Date.now() - started} ms`);
    },
    (error) => {
      console.error(`electron-build: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

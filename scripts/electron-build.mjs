#!/usr/bin/env node
/**
 * Builds the Electron bundles: `out/electron/main.cjs` and `out/electron/preload.cjs` (see electron/vite.config.ts).
 * Usage: node scripts/electron-build.mjs
 * Also importable: `buildElectron()` for the bundles, `buildRenderer()` for the web renderer (dist/renderer).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ELECTRON_OUT = path.join(ROOT, 'out', 'electron');
export const RENDERER_CONFIG = path.join(ROOT, 'renderer', 'vite.config.ts');
export const RENDERER_OUT = path.join(ROOT, 'dist', 'renderer');

/**
 * Builds the renderer with its own Vite config into dist/renderer. Throws with what to do when it can't.
 * Without renderer/vite.config.ts an earlier build is reused (with a notice) if there is one.
 */
export function buildRenderer() {
  if (!existsSync(RENDERER_CONFIG)) {
    if (existsSync(path.join(RENDERER_OUT, 'index.html'))) {
      console.log(
        `${path.relative(ROOT, RENDERER_CONFIG)} is missing, so the renderer was not rebuilt; using the earlier build in dist/renderer.`,
      );
      return;
    }
    throw new Error(
      `${path.relative(ROOT, RENDERER_CONFIG)} does not exist, so there is no web renderer to build or serve yet.\n` +
        '  The renderer (Svelte app) is built from renderer/; add it, then run this command again.',
    );
  }
  console.log('building the renderer (vite build --config renderer/vite.config.ts)…');
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', RENDERER_CONFIG], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the renderer build failed (its errors are above). Fix them and try again.');
  if (!existsSync(path.join(RENDERER_OUT, 'index.html'))) {
    throw new Error(
      `the renderer build wrote no ${path.relative(ROOT, RENDERER_OUT)}/index.html. Set build.outDir to "dist/renderer" in renderer/vite.config.ts.`,
    );
  }
}

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
      console.log(
        `electron-build: wrote ${path.relative(ROOT, main)} and ${path.relative(ROOT, preload)} in ${Date.now() - started} ms`,
      );
    },
    (error) => {
      console.error(`electron-build: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}

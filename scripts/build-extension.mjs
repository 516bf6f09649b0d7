#!/usr/bin/env node
/**
 * `npm run build:extension`: the browser extension (Manifest V3). The web build (renderer/, the same engine
 * worker) goes to dist/extension/ with manifest.json, the background service worker (background.js), the
 * table reader injected on a menu click (table-reader.js) and the icons; then the folder is zipped to
 * dist/backprop-studio-extension-<version>.zip for the Chrome Web Store and Edge Add-ons (fflate, no `zip` binary).
 * Usage: node scripts/build-extension.mjs [--out <folder>]
 */
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionManifest } from './extension-manifest.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ICON_SIZES = [16, 32, 48, 128];

/** Every file under `dir`, as paths relative to it with '/' separators, sorted (so the zip is the same each time). */
function filesUnder(dir, prefix = '') {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
    });
}

/** Build the unpacked extension into `out` and its store zip beside it; returns both paths. */
export async function buildExtension(out = path.join(ROOT, 'dist', 'extension')) {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vite = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const web = spawnSync(
    process.execPath,
    [
      vite,
      'build',
      '--config',
      path.join(ROOT, 'renderer', 'vite.config.ts'),
      '--outDir',
      out,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (web.status !== 0)
    throw new Error('the web build failed (its errors are above). Fix them and run `npm run build:extension` again.');

  const common = { bundle: true, target: 'chrome116', logLevel: 'warning', legalComments: 'none' };
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'extension', 'background.ts')],
    format: 'esm',
    outfile: path.join(out, 'background.js'),
  });
  // The injected script's value is its last expression: the bundle defines the reader, the line after calls it.
  await build({
    ...common,
    entryPoints: [path.join(ROOT, 'extension', 'table-reader.ts')],
    format: 'iife',
    globalName: 'backpropStudioTableReader',
    outfile: path.join(out, 'table-reader.js'),
    footer: { js: 'backpropStudioTableReader.readTableOfThisPage();' },
  });

  mkdirSync(path.join(out, 'icons'), { recursive: true });
  for (const size of ICON_SIZES) {
    copyFileSync(
      path.join(ROOT, 'resources', 'icons', 'png', `${size}x${size}.png`),
      path.join(out, 'icons', `${size}.png`),
    );
  }
  writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(extensionManifest(version), null, 2)}\n`);

  // Source maps stay out of the store package (reviewers read the bundles; the maps only add size).
  const entries = Object.fromEntries(
    filesUnder(out)
      .filter((f) => !f.endsWith('.map'))
      .map((f) => [f, [readFileSync(path.join(out, f)), { mtime: new Date('2026-01-01T00:00:00Z') }]]),
  );
  const zip = path.join(path.dirname(out), `backprop-studio-extension-${version}.zip`);
  writeFileSync(zip, zipSync(entries, { level: 9 }));
  return { out, zip };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : undefined;
  try {
    const built = await buildExtension(out);
    console.log(
      `extension: ${path.relative(process.cwd(), built.out)}/ (load unpacked)\nstore zip: ${path.relative(process.cwd(), built.zip)}`,
    );
  } catch (e) {
    console.error(`build:extension: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

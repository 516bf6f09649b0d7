#!/usr/bin/env node
/**
 * `npm run dist`: builds the renderer and the Electron bundles, stages exactly what the packaged app needs in
 * out/app (with a package.json that has no dependencies, since everything is bundled), then runs
 * electron-builder with electron-builder.yml for the current platform. Extra arguments go to electron-builder:
 *   npm run dist -- --linux AppImage     npm run dist -- --dir (unpacked, for a quick check)
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron, buildRenderer, ELECTRON_OUT, RENDERER_OUT, ROOT } from './electron-build.mjs';

export const STAGE = path.join(ROOT, 'out', 'app');

/** Copies the built app into out/app, mirroring the paths main expects (out/electron, dist/renderer, resources/icons). */
export async function stageApp() {
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8'));
  await rm(STAGE, { recursive: true, force: true });
  await mkdir(STAGE, { recursive: true });
  await cp(ELECTRON_OUT, path.join(STAGE, 'out', 'electron'), { recursive: true });
  await cp(RENDERER_OUT, path.join(STAGE, 'dist', 'renderer'), { recursive: true });
  await cp(path.join(ROOT, 'resources', 'icons', 'icon.png'), path.join(STAGE, 'resources', 'icons', 'icon.png'));
  const staged = {
    name: manifest.name,
    productName: 'Backprop Studio',
    version: manifest.version,
    description: manifest.description,
    license: manifest.license,
    author: { name: 'Backprop Studio contributors', email: 'maintainers@backprop.studio' },
    main: manifest.main,
  };
  await writeFile(path.join(STAGE, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  return STAGE;
}

function electronBuilderCli() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    return require.resolve('electron-builder/cli.js');
  } catch {
    throw new Error(
      'electron-builder is not installed. Run `npm install` (it is a devDependency), then `npm run dist` again.',
    );
  }
}

async function main() {
  const cli = electronBuilderCli();
  buildRenderer();
  await buildElectron();
  await stageApp();
  console.log(`dist: staged the app in ${path.relative(ROOT, STAGE)}; running electron-builder…`);
  // electron-builder runs in out/app so it sees the staged, dependency-free package.json only.
  const config = path.join(ROOT, 'electron-builder.yml');
  const result = spawnSync(
    process.execPath,
    [cli, '--projectDir', STAGE, '--config', config, ...process.argv.slice(2)],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    throw new Error(
      'electron-builder failed (its messages are above). It downloads Electron for the target platform, so it needs network access.',
    );
  }
  console.log(`dist: installers are in ${path.relative(ROOT, path.join(ROOT, 'release'))}/`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`dist: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}

/**
 * Finds the Electron binary without running `electron/index.js` (which downloads it when missing), and says
 * why it cannot be used when it can't. Shared by `npm start` and the Electron end-to-end test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where the Electron binary is, or why it cannot be used (not installed, not downloaded, no display).
 * @returns {{ ok: true, binary: string } | { ok: false, reason: string, fix: string }}
 */
export function findElectron() {
  const require = createRequire(path.join(ROOT, 'package.json'));
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return {
      ok: false,
      reason: 'the "electron" package is not installed.',
      fix: 'Run `npm install` (electron is a devDependency) with access to the npm registry.',
    };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? path.join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative === null
      ? null
      : path.join(packageDir, 'dist', relative);
  if (binary === null || !existsSync(binary)) {
    return {
      ok: false,
      reason:
        "Electron's binary could not be found: it is downloaded from GitHub on first use, which needs network access (offline here?).",
      fix:
        'With network access run `npx install-electron` (or `npx electron --version`, which downloads it), ' +
        'or point ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron build.',
    };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return {
      ok: false,
      reason: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset).',
      fix: 'Run npm start in a desktop session, or under `xvfb-run npm start`.',
    };
  }
  return { ok: true, binary };
}

#!/usr/bin/env node
/**
 * `npm start`: builds the renderer and the Electron bundles, then launches the desktop app. When Electron
 * cannot run here (not installed, binary not downloaded, no display), it says why and how to fix it, and
 * serves the web build on a local URL instead, so the app still runs in a browser.
 *
 *   npm start                  desktop app, or the web app when Electron is unavailable
 *   npm start -- --web         the web app only
 *   npm start -- --port 4180   port for the web app (default 4180, or $PORT)
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { findElectron } from './electron-binary.mjs';
import { buildElectron, buildRenderer, RENDERER_OUT, ROOT } from './electron-build.mjs';
import { serveStatic } from './serve-static.mjs';

/** An Electron that exits this soon after launch failed to start, rather than being closed by the user. */
const STARTUP_FAILURE_MS = 15_000;

/** @param {string} text */
const say = (text) => console.log(`start: ${text}`);

/**
 * @param {string[]} argv
 * @returns {{ web: boolean, port: number }}
 */
function parseArgs(argv) {
  let web = false;
  let port = Number(process.env.PORT ?? 4180);
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i];
    if (argument === '--web') web = true;
    else if (argument === '--port') port = Number(argv[(i += 1)]);
    else throw new Error(`unknown option "${argument}". Options: --web, --port <number>.`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a whole number from 0 to 65535, got "${port}".`);
  return { web, port };
}

/**
 * Runs Electron on the app folder. Resolves with its exit code and how long it ran.
 * @param {string} binary
 * @returns {Promise<{ code: number, ms: number }>}
 */
function launchElectron(binary) {
  const args = ['.'];
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    // Chromium refuses to run as root with its OS sandbox; pages stay sandboxed from Node either way.
    say('running as root: passing --no-sandbox to Electron (run as a normal user to keep the OS sandbox).');
    args.push('--no-sandbox');
  }
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(binary, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '' },
    });
    child.on('error', (error) => {
      say(`could not start Electron: ${error.message}`);
      resolve({ code: 1, ms: Date.now() - started });
    });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), ms: Date.now() - started }));
  });
}

/** @param {number} port */
async function serveWeb(port) {
  const { url, close } = await serveStatic({ root: RENDERER_OUT, port });
  say(`the web app is running at ${url}`);
  say('open it in Chrome, Edge or Firefox. Press Ctrl+C to stop.');
  const stop = () => {
    close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  buildRenderer();
  say('building the Electron main process and preload…');
  await buildElectron();
  if (options.web) {
    await serveWeb(options.port);
    return;
  }
  const electron = findElectron();
  if (electron.ok) {
    say(`launching Electron (${path.relative(ROOT, electron.binary) || electron.binary})…`);
    const { code, ms } = await launchElectron(electron.binary);
    if (code === 0 || ms > STARTUP_FAILURE_MS) {
      process.exitCode = code;
      return;
    }
    say(`Electron exited with code ${code} right after starting (its messages are above).`);
  } else {
    say(`the desktop app can't start: ${electron.reason}`);
    say(`to fix it: ${electron.fix}`);
  }
  say('serving the web version of the app instead.');
  await serveWeb(options.port);
}

main().catch((error) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

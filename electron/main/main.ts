/**
 * Entry of the Electron main process (bundled to `out/electron/main.cjs`). Things that must happen before
 * `ready` are here: the single-instance lock, the privileged `app://` scheme, the app-data override for
 * tests, hardening of every web contents, and collecting files the OS asks us to open.
 */
import path from 'node:path';
import { app, dialog, protocol, shell } from 'electron';
import { APP_ID, APP_NAME, DEV_SERVER_ENV, USER_DATA_ENV, devServerUrl } from './app-info.ts';
import { DesktopApp } from './desktop-app.ts';
import { filesFromArgv } from './project-files.ts';
import { APP_SCHEME } from './sender-check.ts';
import { hardenWebContents } from './web-security.ts';
import { errorMessage } from './error-message.ts';

app.setName(APP_NAME);
// Windows groups the taskbar button and the Open recent jump list by this id; it matches electron-builder's appId.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
const userDataOverride = process.env[USER_DATA_ENV];
if (!app.isPackaged && userDataOverride !== undefined && userDataOverride !== '') {
  app.setPath('userData', path.resolve(userDataOverride));
}

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives our argv through 'second-instance' and opens the files.
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => {
      shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}: ${String(error)}`));
    });
  });

  const report = (error: unknown): void => {
    dialog.showErrorBox(APP_NAME, errorMessage(error));
  };
  let desktop: DesktopApp | null = null;
  // macOS delivers double-clicked files through 'open-file', possibly before 'ready'.
  const early: string[] = [];
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    if (desktop === null) early.push(filePath);
    else desktop.openFiles([filePath]).catch(report);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    desktop?.openFiles(filesFromArgv(argv, workingDirectory)).catch(report);
  });

  const devUrl = devServerUrl(process.env[DEV_SERVER_ENV], app.isPackaged);
  if (devUrl === null && process.env[DEV_SERVER_ENV]) {
    console.warn(
      `Ignoring ${DEV_SERVER_ENV}=${process.env[DEV_SERVER_ENV]}: only a local http(s) URL is used, and never in packaged builds.`,
    );
  }

  app
    .whenReady()
    .then(async () => {
      desktop = new DesktopApp({ bundleDir: __dirname, appDir: app.getAppPath(), devServerUrl: devUrl });
      await desktop.start([...filesFromArgv(process.argv, process.cwd()), ...early.splice(0)]);
      // macOS keeps the app running with no window; clicking the dock icon opens one again.
      app.on('activate', () => {
        desktop?.ensureWindow().catch(report);
      });
    })
    .catch((error: unknown) => {
      report(error);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

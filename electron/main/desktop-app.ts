/**
 * The running desktop app: its stores, its window and the Electron events that connect them.
 * Logic lives in the modules it wires (handlers, document actions, stores); this file only connects them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  screen,
  session as electronSession,
  shell as electronShell,
  type Event,
  type WebContents,
} from 'electron';
import { EVENT, SEND } from '../ipc-channels.ts';
import { APP_NAME, DOCUMENTATION_URL } from './app-info.ts';
import { toMenuTemplate } from './app-menu.ts';
import { appResponse } from './app-request.ts';
import { ChosenPaths } from './chosen-paths.ts';
import { CONTENT_SECURITY_POLICY } from './content-security.ts';
import { DocumentActions } from './document-actions.ts';
import { DocumentSession } from './document-session.ts';
import { createElectronShell } from './electron-shell.ts';
import { externalHttpsUrl } from './external-links.ts';
import { createInvokeHandlers, createSendHandlers, type RequestContext } from './ipc-handlers.ts';
import { registerIpc } from './ipc-register.ts';
import { createMainWindow, currentWindowState } from './main-window.ts';
import { buildMenuModel, type MenuAction } from './menu-model.ts';
import { RecentFiles } from './recent-files.ts';
import { RecoveryStore } from './recovery-store.ts';
import { watchRendererHealth } from './renderer-health.ts';
import { APP_ORIGIN, APP_SCHEME, originOf } from './sender-check.ts';
import { restrictPermissions } from './web-security.ts';
import { fitToDisplays, loadWindowState, saveWindowState } from './window-state.ts';
import { errorMessage } from './error-message.ts';

/** Where things are, decided by `main.ts`. */
export interface DesktopPaths {
  /** Folder of the bundled main and preload (`out/electron`). */
  bundleDir: string;
  /** The app folder (`app.getAppPath()`): holds `dist/renderer` and `resources/icons`. */
  appDir: string;
  /** The Vite dev server URL in development, or null to serve `dist/renderer` on `app://`. */
  devServerUrl: string | null;
}

/** One app instance. Call `start()` once Electron is ready. */
export class DesktopApp {
  readonly #paths: DesktopPaths;
  readonly #sessions = new Map<BrowserWindow, DocumentSession>();
  readonly #chosen = new ChosenPaths();
  readonly #recent = new RecentFiles(path.join(app.getPath('userData'), 'recent-files.json'));
  readonly #recovery = new RecoveryStore(path.join(app.getPath('userData'), 'recovery'));
  readonly #windowStateFile = path.join(app.getPath('userData'), 'window-state.json');
  readonly #shell = createElectronShell({
    appName: APP_NAME,
    platform: process.platform,
    sessionOf: (window) => this.#sessions.get(window) ?? null,
  });
  readonly #recentStore = {
    add: async (filePath: string) => this.#updateRecent(await this.#recent.add(filePath), filePath),
    remove: async (filePath: string) => this.#updateRecent(await this.#recent.remove(filePath)),
  };
  readonly #documents = new DocumentActions(this.#shell, {
    platform: process.platform,
    chosen: this.#chosen,
    recent: this.#recentStore,
  });
  readonly #pendingWrites = new Set<Promise<unknown>>();
  #quitting = false;

  constructor(paths: DesktopPaths) {
    this.#paths = paths;
  }

  get #rendererRoot(): string {
    return path.join(this.#paths.appDir, 'dist', 'renderer');
  }

  /** Registers protocol, IPC and menu, then opens the window and any files passed at launch. */
  async start(initialFiles: readonly string[]): Promise<void> {
    if (this.#paths.devServerUrl === null && !existsSync(path.join(this.#rendererRoot, 'index.html'))) {
      dialog.showErrorBox(
        APP_NAME,
        `The app's interface is not built: ${this.#rendererRoot} has no index.html.\n\nRun "npm start" (it builds everything) or "npx vite build --config renderer/vite.config.ts".`,
      );
      app.exit(1);
      return;
    }
    this.#serveRenderer();
    await Promise.all([this.#recent.load(), this.#recovery.claimLeftover()]);
    this.#registerIpc();
    this.#installMenu();
    app.setAboutPanelOptions({
      applicationName: APP_NAME,
      applicationVersion: app.getVersion(),
      website: DOCUMENTATION_URL,
    });
    app.on('before-quit', () => {
      this.#quitting = true;
    });
    app.on('will-quit', (event) => this.#finishWrites(event));
    const window = await this.openWindow();
    await this.openFiles(initialFiles, window);
  }

  /** Brings the main window forward (opening one if needed) and opens files handed over by the OS (argv, `open-file`, a second launch). */
  async openFiles(files: readonly string[], target?: BrowserWindow): Promise<void> {
    const window = target ?? (await this.#focusOrOpen());
    if (files.length === 0) return;
    const session = this.#sessions.get(window);
    if (session === undefined) return;
    for (const filePath of files) await this.#documents.openFromOs(window, session, filePath);
  }

  /** Opens a window when there is none (macOS dock click). */
  async ensureWindow(): Promise<void> {
    if (this.#sessions.size === 0) await this.openWindow();
  }

  /** Creates the main window at its remembered place. */
  async openWindow(): Promise<BrowserWindow> {
    const stored = await loadWindowState(this.#windowStateFile);
    const state = fitToDisplays(
      stored,
      screen.getAllDisplays().map((display) => display.workArea),
    );
    const icon = path.join(this.#paths.appDir, 'resources', 'icons', 'icon.png');
    const window = createMainWindow({
      state,
      preloadPath: path.join(this.#paths.bundleDir, 'preload.cjs'),
      iconPath: process.platform !== 'darwin' && existsSync(icon) ? icon : null,
      title: APP_NAME,
    });
    const session = new DocumentSession();
    this.#sessions.set(window, session);
    this.#watchWindow(window, session);
    this.#shell.documentChanged(window);
    await window.loadURL(this.#paths.devServerUrl ?? `${APP_ORIGIN}/index.html`);
    return window;
  }

  async #focusOrOpen(): Promise<BrowserWindow> {
    const [window] = this.#sessions.keys();
    if (window === undefined) return this.openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
    return window;
  }

  #serveRenderer(): void {
    const root = this.#rendererRoot;
    electronSession.defaultSession.protocol.handle(APP_SCHEME, (request) =>
      appResponse(request.method, request.url, root),
    );
    restrictPermissions(electronSession.defaultSession);
    const devUrl = this.#paths.devServerUrl;
    if (devUrl === null) return;
    // The dev server does not send our policy; add it so development runs under the same rules.
    electronSession.defaultSession.webRequest.onHeadersReceived(
      { urls: [`${originOf(devUrl) ?? devUrl}/*`] },
      (details, callback) => {
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
        });
      },
    );
  }

  #contextFor(sender: WebContents): RequestContext<BrowserWindow> | null {
    const window = BrowserWindow.fromWebContents(sender);
    const session = window === null ? undefined : this.#sessions.get(window);
    return window === null || session === undefined ? null : { window, session };
  }

  #registerIpc(): void {
    const deps = {
      shell: this.#shell,
      documents: this.#documents,
      chosen: this.#chosen,
      recent: this.#recentStore,
      recovery: this.#recovery,
      defaultFolder: () => app.getPath('documents'),
    };
    const devOrigin = this.#paths.devServerUrl === null ? null : originOf(this.#paths.devServerUrl);
    registerIpc<WebContents, BrowserWindow>(ipcMain, createInvokeHandlers(deps), createSendHandlers(deps), {
      trustedOrigins: devOrigin === null ? [APP_ORIGIN] : [APP_ORIGIN, devOrigin],
      contextFor: (sender) => this.#contextFor(sender),
      onError: (channel, error, context) => {
        if (context !== null && channel === SEND.openDroppedFile) {
          void this.#shell.showError(context.window, errorMessage(error));
          return;
        }
        // A one-way message has no reply; a bad one is a renderer bug or a foreign page, so it goes to the log.
        console.error(`IPC ${channel}: ${errorMessage(error)}`);
      },
    });
  }

  #installMenu(): void {
    const model = buildMenuModel({
      platform: process.platform,
      isPackaged: app.isPackaged,
      appName: APP_NAME,
      recent: this.#recent.list,
    });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        toMenuTemplate(model, (action) => {
          this.#onMenuAction(action).catch((error: unknown) => dialog.showErrorBox(APP_NAME, errorMessage(error)));
        }),
      ),
    );
  }

  #updateRecent(list: readonly string[], added?: string): readonly string[] {
    if (added !== undefined) app.addRecentDocument(added);
    this.#installMenu();
    return list;
  }

  async #onMenuAction(action: MenuAction): Promise<void> {
    const target = BrowserWindow.getFocusedWindow() ?? [...this.#sessions.keys()][0] ?? (await this.openWindow());
    switch (action.kind) {
      case 'command':
        this.#shell.send(target, EVENT.menuCommand, action.command);
        return;
      case 'open-recent':
        await this.openFiles([action.path], target);
        return;
      case 'clear-recent':
        await this.#recent.clear();
        app.clearRecentDocuments();
        this.#installMenu();
        return;
      case 'open-documentation': {
        const url = externalHttpsUrl(DOCUMENTATION_URL);
        if (url !== null) await electronShell.openExternal(url);
        return;
      }
    }
  }

  #track(write: Promise<unknown>, what: string): void {
    const tracked = write.catch((error: unknown) => console.error(`Could not ${what}: ${errorMessage(error)}`));
    this.#pendingWrites.add(tracked);
    void tracked.finally(() => this.#pendingWrites.delete(tracked));
  }

  #watchWindow(window: BrowserWindow, session: DocumentSession): void {
    const contents = window.webContents;
    let quitAfterClose = false;
    // The renderer's own <title> would hide the document name and the unsaved marker.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.on('close', (event) => {
      if (!this.#documents.allowClose(window, session)) {
        event.preventDefault();
        quitAfterClose = this.#quitting;
        this.#quitting = false;
        return;
      }
      this.#track(saveWindowState(this.#windowStateFile, currentWindowState(window)), 'remember the window position');
    });
    window.on('closed', () => {
      this.#sessions.delete(window);
      // The user saved or chose not to: the recovery copy is no longer needed.
      this.#track(this.#recovery.clear(), 'remove the recovery copy');
      if (quitAfterClose) app.quit();
    });
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) session.markRendererGone();
    });
    watchRendererHealth(window, session, this.#recovery);
  }

  #finishWrites(event: Event): void {
    if (this.#pendingWrites.size === 0) return;
    event.preventDefault();
    void Promise.all([...this.#pendingWrites]).then(() => app.quit());
  }
}

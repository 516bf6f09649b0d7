/**
 * STAND-IN for Electron's own types, used only while the `electron` devDependency is not installed.
 * `electron/tsconfig.json` maps `electron` to `node_modules/electron/electron.d.ts` first and falls back to
 * this file, so once `electron` is installed the real types win and this file can be deleted.
 * It declares only what `electron/` uses, with the signatures of Electron 45.
 */

export interface Event<Params extends object = {}> {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}
export type EventWith<Params extends object> = Event<Params> & Params;

export interface Rectangle { x: number; y: number; width: number; height: number }
export interface Display { workArea: Rectangle }
export interface FileFilter { name: string; extensions: string[] }

export interface WebFrameMain { readonly url: string; readonly parent: WebFrameMain | null }
export interface RenderProcessGoneDetails { reason: string; exitCode: number }

export interface WebContents {
  readonly id: number;
  isCrashed(): boolean;
  isLoading(): boolean;
  forcefullyCrashRenderer(): void;
  send(channel: string, ...args: unknown[]): void;
  reload(): void;
  getType(): string;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' } | { action: 'allow' }): void;
  on(event: 'will-navigate', listener: (event: Event, url: string) => void): this;
  on(event: 'will-attach-webview', listener: (event: Event) => void): this;
  on(event: 'did-start-navigation', listener: (details: EventWith<{ url: string; isMainFrame: boolean; isSameDocument: boolean }>) => void): this;
  on(event: 'render-process-gone', listener: (event: Event, details: RenderProcessGoneDetails) => void): this;
  on(event: 'unresponsive', listener: () => void): this;
}

export interface BrowserWindowConstructorOptions {
  x?: number; y?: number; width?: number; height?: number; minWidth?: number; minHeight?: number;
  show?: boolean; title?: string; backgroundColor?: string; icon?: string;
  webPreferences?: {
    preload?: string; contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean;
    nodeIntegrationInWorker?: boolean; nodeIntegrationInSubFrames?: boolean; webSecurity?: boolean;
    allowRunningInsecureContent?: boolean; webviewTag?: boolean; navigateOnDragDrop?: boolean; spellcheck?: boolean;
  };
}

export declare class BrowserWindow {
  constructor(options?: BrowserWindowConstructorOptions);
  static fromWebContents(webContents: WebContents): BrowserWindow | null;
  static getFocusedWindow(): BrowserWindow | null;
  static getAllWindows(): BrowserWindow[];
  getTitle(): string;
  readonly webContents: WebContents;
  loadURL(url: string): Promise<void>;
  show(): void; focus(): void; close(): void; restore(): void; maximize(): void;
  isDestroyed(): boolean; isMinimized(): boolean; isMaximized(): boolean; isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
  setTitle(title: string): void;
  setDocumentEdited(edited: boolean): void;
  setRepresentedFilename(filename: string): void;
  getNormalBounds(): Rectangle;
  on(event: 'close' | 'page-title-updated', listener: (event: Event) => void): this;
  on(event: 'closed', listener: () => void): this;
  once(event: 'ready-to-show', listener: () => void): this;
}

export interface MenuItemConstructorOptions {
  id?: string; label?: string; role?: string; accelerator?: string; enabled?: boolean;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  submenu?: MenuItemConstructorOptions[];
  click?: (menuItem: never, window: never, event: never) => void;
}
export interface MenuItem {
  click(event?: unknown, focusedWindow?: BrowserWindow, focusedWebContents?: WebContents): void;
}
export declare class Menu {
  static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
  static setApplicationMenu(menu: Menu | null): void;
  static getApplicationMenu(): Menu | null;
  getMenuItemById(id: string): MenuItem | null;
}

export interface MessageBoxOptions {
  type?: 'none' | 'info' | 'error' | 'question' | 'warning'; title?: string; message: string; detail?: string;
  buttons?: string[]; defaultId?: number; cancelId?: number; noLink?: boolean;
}
export interface Dialog {
  showOpenDialog(window: BrowserWindow, options: { title?: string; filters?: FileFilter[]; properties?: string[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(window: BrowserWindow, options: { title?: string; filters?: FileFilter[]; defaultPath?: string; properties?: string[] }): Promise<{ canceled: boolean; filePath: string }>;
  showMessageBox(window: BrowserWindow, options: MessageBoxOptions): Promise<{ response: number }>;
  showErrorBox(title: string, content: string): void;
}
export declare const dialog: Dialog;

export interface App {
  readonly isPackaged: boolean;
  getPath(name: 'userData' | 'documents'): string;
  setPath(name: 'userData', path: string): void;
  getAppPath(): string;
  getVersion(): string;
  setName(name: string): void;
  setAppUserModelId(id: string): void;
  setAboutPanelOptions(options: { applicationName?: string; applicationVersion?: string; website?: string }): void;
  addRecentDocument(path: string): void;
  clearRecentDocuments(): void;
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(exitCode?: number): void;
  on(event: 'before-quit' | 'will-quit', listener: (event: Event) => void): this;
  on(event: 'web-contents-created', listener: (event: Event, contents: WebContents) => void): this;
  on(event: 'open-file', listener: (event: Event, path: string) => void): this;
  on(event: 'second-instance', listener: (event: Event, argv: string[], workingDirectory: string) => void): this;
  on(event: 'activate' | 'window-all-closed', listener: () => void): this;
}
export declare const app: App;

export interface CustomScheme {
  scheme: string;
  privileges?: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean; stream?: boolean; codeCache?: boolean };
}
export interface Protocol {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}
export declare const protocol: Protocol;

export interface Session {
  readonly protocol: Protocol;
  readonly webRequest: {
    onHeadersReceived(
      filter: { urls: string[] },
      listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void) => void,
    ): void;
  };
  setPermissionRequestHandler(handler: (contents: WebContents, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: WebContents | null, permission: string) => boolean): void;
}
export declare const session: { readonly defaultSession: Session };

export declare const screen: { getAllDisplays(): Display[] };
export declare const shell: { openExternal(url: string): Promise<void> };
export declare const nativeTheme: { readonly shouldUseDarkColors: boolean };

export interface IpcMainInvokeEvent { readonly sender: WebContents; readonly senderFrame: WebFrameMain | null }
export declare const ipcMain: {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown> | unknown): void;
  on(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => void): void;
};

export interface IpcRendererEvent { readonly sender: unknown }
export declare const ipcRenderer: {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: never[]) => void): unknown;
};
export declare const contextBridge: { exposeInMainWorld(apiKey: string, api: unknown): void };
export declare const webUtils: { getPathForFile(file: File): string };

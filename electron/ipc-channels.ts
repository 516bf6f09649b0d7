/**
 * Every IPC channel name, in one place. The preload and main import these; nothing else names a channel.
 * Names follow `noun/verb`, like the engine protocol.
 */

/** Renderer → main requests that answer (`ipcRenderer.invoke` / `ipcMain.handle`). */
export const INVOKE = {
  openCsv: 'dialog/open-csv',
  openProject: 'dialog/open-project',
  openModel: 'dialog/open-model',
  openTrials: 'dialog/open-trials',
  saveProject: 'project/save',
  exportModel: 'model/export',
  exportModelFiles: 'model/export-files',
  exportPredictions: 'predictions/export',
  exportTrials: 'trials/export',
  exportReport: 'report/export',
  autosave: 'recovery/autosave',
  takeRecovery: 'recovery/take',
} as const;

/** Renderer → main one-way messages (`ipcRenderer.send` / `ipcMain.on`). */
export const SEND = {
  setDocumentState: 'document/state',
  resetProjectPath: 'document/reset-path',
  openDroppedFile: 'file/dropped',
  /** The renderer listens for opened files now; main flushes files that arrived before. */
  openFileReady: 'file/ready',
} as const;

/** Main → renderer events (`webContents.send` / `ipcRenderer.on`). */
export const EVENT = {
  menuCommand: 'menu/command',
  openFile: 'file/open',
} as const;

/** A renderer → main request channel. */
export type InvokeChannel = (typeof INVOKE)[keyof typeof INVOKE];
/** A renderer → main one-way channel. */
export type SendChannel = (typeof SEND)[keyof typeof SEND];
/** A main → renderer event channel. */
export type EventChannel = (typeof EVENT)[keyof typeof EVENT];

/** The `ShellPort` over Electron: native dialogs, message boxes and window updates for a BrowserWindow. */
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { EventChannel } from '../ipc-channels.ts';
import { type DocumentSession, type UnsavedChoice, type UnsavedPrompt, windowTitle } from './document-session.ts';
import type { OpenKind } from './project-files.ts';
import type { SaveKind, ShellPort } from './shell-port.ts';

const OPEN: Record<OpenKind, { title: string; filters: FileFilter[] }> = {
  csv: { title: 'Import CSV', filters: [{ name: 'CSV files', extensions: ['csv'] }] },
  project: { title: 'Open project', filters: [{ name: 'Backprop Studio projects', extensions: ['bpstudio'] }] },
  model: { title: 'Open model file', filters: [{ name: 'Model files (JSON)', extensions: ['json'] }] },
  trials: { title: 'Open sweep trials CSV', filters: [{ name: 'CSV files', extensions: ['csv'] }] },
};

const SAVE: Record<SaveKind, { title: string; filters: FileFilter[] }> = {
  project: { title: 'Save project', filters: [{ name: 'Backprop Studio projects', extensions: ['bpstudio'] }] },
  model: { title: 'Export model', filters: [{ name: 'Model files (JSON)', extensions: ['json'] }] },
  predictions: { title: 'Export predictions', filters: [{ name: 'CSV files', extensions: ['csv'] }] },
  trials: { title: 'Export sweep trials', filters: [{ name: 'CSV files', extensions: ['csv'] }] },
  onnx: { title: 'Export ONNX model', filters: [{ name: 'ONNX models', extensions: ['onnx'] }] },
  tfjs: {
    title: 'Export TF.js model (model.json; its weights file is saved next to it)',
    filters: [{ name: 'TF.js model.json', extensions: ['json'] }],
  },
  pytorch: { title: 'Export PyTorch package', filters: [{ name: 'Zip archives', extensions: ['zip'] }] },
  report: { title: 'Export report', filters: [{ name: 'HTML pages', extensions: ['html'] }] },
};

/** Builds the shell for the app's windows; `sessionOf` finds a window's document. */
export function createElectronShell(options: {
  appName: string;
  platform: string;
  sessionOf(window: BrowserWindow): DocumentSession | null;
}): ShellPort<BrowserWindow> {
  const { appName, platform, sessionOf } = options;
  return {
    async chooseFileToOpen(window, kind) {
      const { title, filters } = OPEN[kind];
      const result = await dialog.showOpenDialog(window, { title, filters, properties: ['openFile'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave(window: BrowserWindow, kind: SaveKind, defaultPath: string) {
      const { title, filters } = SAVE[kind];
      const result = await dialog.showSaveDialog(window, {
        title,
        filters,
        defaultPath,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
    async confirmReplace(window: BrowserWindow, question: { message: string; detail: string }): Promise<boolean> {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        message: question.message,
        detail: question.detail,
        buttons: ['Replace', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      return response === 0;
    },
    async askUnsaved(window: BrowserWindow, prompt: UnsavedPrompt): Promise<UnsavedChoice> {
      const { response } = await dialog.showMessageBox(window, {
        type: 'warning',
        message: prompt.message,
        detail: prompt.detail,
        buttons: prompt.buttons,
        defaultId: prompt.defaultId,
        cancelId: prompt.cancelId,
        noLink: true,
      });
      return prompt.choices[response] ?? 'cancel';
    },
    async showError(window: BrowserWindow, message: string) {
      if (window.isDestroyed()) {
        dialog.showErrorBox(appName, message);
        return;
      }
      await dialog.showMessageBox(window, { type: 'error', title: appName, message, buttons: ['OK'], noLink: true });
    },
    send(window: BrowserWindow, channel: EventChannel, payload: unknown) {
      if (!window.isDestroyed()) window.webContents.send(channel, payload);
    },
    close(window: BrowserWindow) {
      if (!window.isDestroyed()) window.close();
    },
    documentChanged(window: BrowserWindow) {
      const session = sessionOf(window);
      if (session === null || window.isDestroyed()) return;
      window.setTitle(windowTitle(session, appName, platform));
      if (platform === 'darwin') {
        window.setDocumentEdited(session.dirty);
        window.setRepresentedFilename(session.path ?? '');
      }
    },
  };
}

/**
 * Builds `window.backpropDesktop` from an `ipcRenderer`. Each function sends one validated-by-main payload on
 * its own channel; listeners get only the data, never the IPC event (which would hand the page `sender`).
 */
import { EVENT, INVOKE, SEND } from '../ipc-channels.ts';
import type { DesktopApi, MenuCommand, OpenedFile, SaveResult } from './api.ts';

/** The parts of Electron's `ipcRenderer` used here. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  send(channel: string, ...args: unknown[]): void;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const MENU_COMMANDS: readonly MenuCommand[] = [
  'new-project',
  'open-project',
  'save',
  'save-as',
  'import-csv',
  'export-model',
  'export-onnx-columns',
  'export-onnx-matrix',
  'export-tfjs',
  'export-pytorch',
  'export-predictions',
  'export-report',
  'undo',
  'redo',
];

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

type OpenFileEvent = OpenedFile & { kind: 'csv' | 'project' };

function isOpenFileEvent(value: unknown): value is OpenFileEvent {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Record<string, unknown>;
  return (
    typeof file.path === 'string' &&
    typeof file.name === 'string' &&
    file.bytes instanceof Uint8Array &&
    (file.kind === 'csv' || file.kind === 'project')
  );
}

/** The API object the preload exposes. Main is the trusted side, so its replies are typed by its handlers. */
export function createDesktopApi(ipc: IpcRendererLike, platform: string): DesktopApi {
  function subscribe<T>(
    channel: string,
    accept: (value: unknown) => value is T,
    listener: (value: T) => void,
  ): () => void {
    const handler = (_event: unknown, value: unknown): void => {
      if (accept(value)) listener(value);
    };
    ipc.on(channel, handler);
    return () => {
      ipc.removeListener(channel, handler);
    };
  }

  return {
    platform,
    openCsv: () => ipc.invoke(INVOKE.openCsv) as Promise<OpenedFile | null>,
    openProject: () => ipc.invoke(INVOKE.openProject) as Promise<OpenedFile | null>,
    openModel: () => ipc.invoke(INVOKE.openModel) as Promise<OpenedFile | null>,
    openTrials: () => ipc.invoke(INVOKE.openTrials) as Promise<OpenedFile | null>,
    saveProject: (json, saveAs) => ipc.invoke(INVOKE.saveProject, { json, saveAs }) as Promise<SaveResult>,
    exportModel: (json, suggestedName) =>
      ipc.invoke(INVOKE.exportModel, { json, suggestedName }) as Promise<SaveResult>,
    exportModelFiles: (files) =>
      ipc.invoke(INVOKE.exportModelFiles, {
        files: files.map((f) => ({ name: f.name, bytes: f.bytes })),
      }) as Promise<SaveResult>,
    exportPredictions: (csv, suggestedName) =>
      ipc.invoke(INVOKE.exportPredictions, { csv, suggestedName }) as Promise<SaveResult>,
    exportTrials: (csv, suggestedName) =>
      ipc.invoke(INVOKE.exportTrials, { csv, suggestedName }) as Promise<SaveResult>,
    exportReport: (html, suggestedName) =>
      ipc.invoke(INVOKE.exportReport, { html, suggestedName }) as Promise<SaveResult>,
    autosave: async (json) => {
      await ipc.invoke(INVOKE.autosave, { json });
    },
    takeRecovery: () => ipc.invoke(INVOKE.takeRecovery) as Promise<string | null>,
    setDocumentState: (state) => {
      ipc.send(SEND.setDocumentState, { dirty: state.dirty, title: state.title });
    },
    resetProjectPath: () => {
      ipc.send(SEND.resetProjectPath);
    },
    onMenuCommand: (listener) => subscribe(EVENT.menuCommand, isMenuCommand, listener),
    onOpenFile: (listener) => {
      const unsubscribe = subscribe(EVENT.openFile, isOpenFileEvent, listener);
      // Files opened before anyone listened (launch by file association) wait in main until now.
      ipc.send(SEND.openFileReady);
      return unsubscribe;
    },
  };
}

/** The Electron host, through the preload's `window.backpropDesktop` functions. */
import type { DesktopApi, OpenedFile } from '../../electron/preload/api.ts';
import type { PickedFile, Platform } from './types.ts';

declare global {
  interface Window {
    /** Present only inside the Electron shell. */
    backpropDesktop?: DesktopApi;
  }
}

function toPicked(f: OpenedFile | null): PickedFile | null {
  // The bytes as read from disk: the engine's decoder picks the encoding, as for a file picked in the browser.
  return f ? { name: f.name, blob: new Blob([f.bytes]) } : null;
}

/** The desktop platform over the preload API. */
export function desktopPlatform(api: DesktopApi): Platform {
  return {
    isDesktop: true,
    pickCsv: async () => toPicked(await api.openCsv()),
    pickProject: async () => toPicked(await api.openProject()),
    pickModel: async () => toPicked(await api.openModel()),
    pickTrials: async () => toPicked(await api.openTrials()),
    async saveProject(json, _fileName, saveAs) {
      const r = await api.saveProject(json, saveAs);
      return r ? r.path : null;
    },
    exportModel: async (json, fileName) => (await api.exportModel(json, fileName)) !== null,
    exportModelFiles: async (files) => (await api.exportModelFiles(files)) !== null,
    exportPredictions: async (csv, fileName) => (await api.exportPredictions(csv, fileName)) !== null,
    exportTrials: async (csv, fileName) => (await api.exportTrials(csv, fileName)) !== null,
    exportReport: async (html, fileName) => (await api.exportReport(html, fileName)) !== null,
    onMenuCommand: (listener) => api.onMenuCommand(listener),
    onOpenFile: (listener) =>
      api.onOpenFile((f) => {
        const picked = toPicked(f);
        if (picked) listener({ ...picked, kind: f.kind });
      }),
    setDocumentState: (state) => api.setDocumentState(state),
    writeRecoveryCopy: (json) => api.autosave(json),
    takeRecovery: () => api.takeRecovery(),
    resetProjectPath: () => api.resetProjectPath(),
  };
}

/** The browser host: file inputs for picking, <a download> for saving. */
import type { PickedFile, Platform } from './types.ts';

function pick(accept: string): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, blob: file } : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/** Offer `data` (text or bytes) as a download named `fileName`. */
export function download(data: string | Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The plain-browser platform. */
export const browserPlatform: Platform = {
  isDesktop: false,
  pickCsv: () => pick('.csv,.tsv,.txt,text/csv'),
  pickProject: () => pick('.bpstudio,.json,application/json'),
  pickModel: () => pick('.json,application/json'),
  pickTrials: () => pick('.csv,text/csv'),
  async saveProject(json, fileName) {
    download(json, fileName, 'application/json');
    return fileName;
  },
  async exportModel(json, fileName) {
    download(json, fileName, 'application/json');
    return true;
  },
  async exportModelFiles(files) {
    for (const f of files)
      download(f.bytes, f.name, f.name.endsWith('.json') ? 'application/json' : 'application/octet-stream');
    return true;
  },
  async exportPredictions(csv, fileName) {
    download(csv, fileName, 'text/csv');
    return true;
  },
  async exportTrials(csv, fileName) {
    download(csv, fileName, 'text/csv');
    return true;
  },
  async exportReport(html, fileName) {
    download(html, fileName, 'text/html');
    return true;
  },
  onMenuCommand: () => () => {},
  onOpenFile: () => () => {},
  setDocumentState(state) {
    document.title = `${state.dirty ? '• ' : ''}${state.title} — Backprop Studio`;
  },
  writeRecoveryCopy: async () => {},
  takeRecovery: async () => null,
  resetProjectPath: () => {},
};

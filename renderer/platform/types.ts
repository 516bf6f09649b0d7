/** What the app needs from its host: files, downloads, menus. Electron and the browser implement it. */
import type { MenuCommand } from '../../electron/preload/api.ts';

/** A file the user picked or dropped. */
export interface PickedFile {
  name: string;
  blob: Blob;
}

/** Host services. */
export interface Platform {
  /** True inside the Electron shell. */
  readonly isDesktop: boolean;
  /** Ask for a CSV (dialog or file picker); null when cancelled. */
  pickCsv(): Promise<PickedFile | null>;
  /** Ask for a `.bpstudio` project; null when cancelled. */
  pickProject(): Promise<PickedFile | null>;
  /** Ask for a model file (`.json`) to open as a run; null when cancelled. */
  pickModel(): Promise<PickedFile | null>;
  /** Ask for a sweep's trials CSV (on the desktop, not recorded as a recent dataset); null when cancelled. */
  pickTrials(): Promise<PickedFile | null>;
  /** Save the project; returns a description of where it went, or null when cancelled. */
  saveProject(json: string, fileName: string, saveAs: boolean): Promise<string | null>;
  /** Save a model file; false when cancelled. */
  exportModel(json: string, fileName: string): Promise<boolean>;
  /**
   * Save an exported model: one `.onnx` file, or TF.js `model.json` then `weights.bin` (the desktop writes the
   * weights next to the chosen model.json; the browser downloads each); false when cancelled.
   */
  exportModelFiles(files: { name: string; bytes: Uint8Array }[]): Promise<boolean>;
  /** Save a predictions CSV; false when cancelled. */
  exportPredictions(csv: string, fileName: string): Promise<boolean>;
  /** Save a sweep's trial table as CSV; false when cancelled. */
  exportTrials(csv: string, fileName: string): Promise<boolean>;
  /** Save a model's HTML report; false when cancelled. */
  exportReport(html: string, fileName: string): Promise<boolean>;
  /** Menu commands from the shell (none in the browser). */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Files opened from the OS (none in the browser; drops are handled by the page). */
  onOpenFile(listener: (file: PickedFile & { kind: 'csv' | 'project' }) => void): () => void;
  /** Tell the host about unsaved changes and the title. */
  setDocumentState(state: { dirty: boolean; title: string }): void;
  /** Desktop crash copy (a no-op in the browser, where IndexedDB autosave covers it). */
  writeRecoveryCopy(json: string): Promise<void>;
  /** The crash copy a previous session left behind, once; null when there is none (always in the browser). */
  takeRecovery(): Promise<string | null>;
  /** The editor no longer shows the file last opened or saved, so the next Save asks where (desktop). */
  resetProjectPath(): void;
}

export type { MenuCommand };

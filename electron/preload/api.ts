/**
 * The functions the preload exposes to the renderer as `window.backpropDesktop`.
 * The renderer imports this file for types only; in a plain browser `window.backpropDesktop` is undefined
 * and the renderer uses <input type=file>, downloads and IndexedDB instead.
 */

/** A file the user chose (dialog, recent list, OS drop or file association). */
export interface OpenedFile {
  path: string;
  /** File name without folders, for titles. */
  name: string;
  /**
   * The file's bytes as they are on disk: the renderer hands them to the engine's decoder (UTF-8, UTF-16
   * with a byte-order mark, or Windows-1252), the same one the CLI and the web app use.
   */
  bytes: Uint8Array<ArrayBuffer>;
}

/** Menu items the renderer handles (the shell owns the menu; the editor owns the action). */
export type MenuCommand =
  | 'new-project'
  | 'open-project'
  | 'open-model'
  | 'save'
  | 'save-as'
  | 'import-csv'
  | 'export-model'
  | 'export-onnx-columns'
  | 'export-onnx-matrix'
  | 'export-tfjs'
  | 'export-pytorch'
  | 'export-predictions'
  | 'export-report'
  | 'undo'
  | 'redo';

/** Result of a save: where it went, or null when the user cancelled. */
export type SaveResult = { path: string } | null;

/** What the desktop shell offers the renderer. */
export interface DesktopApi {
  /** `process.platform` of the shell. */
  readonly platform: string;
  /** Show an open dialog for a CSV file; null when cancelled. */
  openCsv(): Promise<OpenedFile | null>;
  /** Show an open dialog for a `.bpstudio` project; null when cancelled. */
  openProject(): Promise<OpenedFile | null>;
  /** Show an open dialog for a model file (`.json`) to open as a run; null when cancelled. */
  openModel(): Promise<OpenedFile | null>;
  /** Show an open dialog for a sweep's trials CSV (not recorded as a recent dataset); null when cancelled. */
  openTrials(): Promise<OpenedFile | null>;
  /** Save the project JSON: to its current path, or through a dialog when `saveAs` or never saved. Atomic. */
  saveProject(json: string, saveAs: boolean): Promise<SaveResult>;
  /** Save a model file through a dialog. */
  exportModel(json: string, suggestedName: string): Promise<SaveResult>;
  /**
   * Save an exported model through a dialog: one `.onnx` file, or a TF.js `model.json` followed by its
   * weights file, which is written next to it under its own name (model.json names it).
   */
  exportModelFiles(files: { name: string; bytes: Uint8Array }[]): Promise<SaveResult>;
  /** Save a predictions CSV through a dialog. */
  exportPredictions(csv: string, suggestedName: string): Promise<SaveResult>;
  /** Save a sweep's trial table (CSV) through a dialog. */
  exportTrials(csv: string, suggestedName: string): Promise<SaveResult>;
  /** Save a model's HTML report through a dialog. */
  exportReport(html: string, suggestedName: string): Promise<SaveResult>;
  /** Write the crash-recovery copy of the project to the app-data folder. */
  autosave(json: string): Promise<void>;
  /** The recovery copy left by a crash, if the user has not dealt with it yet; null otherwise. */
  takeRecovery(): Promise<string | null>;
  /** Tell the shell whether there are unsaved changes (for the close prompt and the title). */
  setDocumentState(state: { dirty: boolean; title: string }): void;
  /**
   * Tell the shell the editor no longer shows the project file last opened or saved (a new project,
   * a restored recovery copy, File ▸ New project), so the next Save asks where to save.
   */
  resetProjectPath(): void;
  /** Listen for menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Listen for files opened from the OS (drop on the window, file association, Open recent). */
  onOpenFile(listener: (file: OpenedFile & { kind: 'csv' | 'project' }) => void): () => void;
}

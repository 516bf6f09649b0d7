/**
 * A stand-in for the Electron preload's `window.backpropDesktop`, installed before the app loads, so the
 * desktop code paths of the renderer (File menu commands, save dialogs) run in plain Chromium. The save
 * dialogs answer "saved" and record what they were given; the menu is played by `runMenuCommand`.
 */
import type { Page } from '@playwright/test';
import type { DesktopApi, MenuCommand } from '../../electron/preload/api.ts';

/** One save the renderer asked the shell for. */
export interface DesktopSave {
  method: 'saveProject' | 'exportModel' | 'exportModelFiles' | 'exportPredictions' | 'exportTrials' | 'exportReport';
  /** For `exportModelFiles`: the files' names joined with ' + '. */
  fileName: string;
  /** For `exportModelFiles`: the first file's first bytes, as hex. */
  text: string;
}

declare global {
  interface Window {
    /** Filled by the fake desktop API. */
    __desktopSaves?: DesktopSave[];
    /** How many times the renderer told the shell to forget the project's file (New project, restored copy). */
    __desktopPathResets?: number;
    /** The renderer's menu listener, as the fake desktop API received it. */
    __desktopMenu?: (command: MenuCommand) => void;
  }
}

/** A file the fake Import CSV dialog answers with: its name and its bytes as on disk. */
export interface FakeOpenedCsv {
  name: string;
  bytes: number[];
}

/** Runs in the page before the app's scripts (passed to `page.addInitScript`). */
function installFakeDesktop(csv: FakeOpenedCsv | null): void {
  window.__desktopSaves = [];
  window.__desktopPathResets = 0;
  const saved = (method: DesktopSave['method'], text: string, fileName: string) => {
    window.__desktopSaves?.push({ method, fileName, text });
    return Promise.resolve({ path: `/home/ana/Documents/${fileName}` });
  };
  const chooseCsv = () =>
    Promise.resolve(
      csv ? { path: `/home/ana/Documents/${csv.name}`, name: csv.name, bytes: new Uint8Array(csv.bytes) } : null,
    );
  const api: DesktopApi = {
    platform: 'linux',
    openCsv: chooseCsv,
    openTrials: chooseCsv,
    openProject: () => Promise.resolve(null),
    openModel: () => Promise.resolve(null),
    saveProject: (json) => saved('saveProject', json, 'project.bpstudio'),
    exportModel: (json, suggestedName) => saved('exportModel', json, suggestedName),
    exportModelFiles: (files) =>
      saved(
        'exportModelFiles',
        Array.from(files[0]?.bytes.slice(0, 4) ?? [], (b) => b.toString(16).padStart(2, '0')).join(''),
        files.map((f) => f.name).join(' + '),
      ),
    exportPredictions: (csv, suggestedName) => saved('exportPredictions', csv, suggestedName),
    exportTrials: (csv, suggestedName) => saved('exportTrials', csv, suggestedName),
    exportReport: (html, suggestedName) => saved('exportReport', html, suggestedName),
    autosave: () => Promise.resolve(),
    takeRecovery: () => Promise.resolve(null),
    setDocumentState: () => {},
    resetProjectPath: () => {
      window.__desktopPathResets = (window.__desktopPathResets ?? 0) + 1;
    },
    onMenuCommand: (listener) => {
      window.__desktopMenu = listener;
      return () => {
        window.__desktopMenu = undefined;
      };
    },
    onOpenFile: () => () => {},
  };
  (window as Window & { backpropDesktop?: DesktopApi }).backpropDesktop = api;
}

/** Make the page look like the desktop shell; call before the app loads. `csv`: what File ▸ Import CSV opens. */
export async function useFakeDesktop(page: Page, csv: FakeOpenedCsv | null = null): Promise<void> {
  await page.addInitScript(installFakeDesktop, csv);
}

/** Choose a File menu command, as a click in the desktop menu would. */
export async function runMenuCommand(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate((c) => {
    if (!window.__desktopMenu) throw new Error('the app is not listening for menu commands');
    window.__desktopMenu(c);
  }, command);
}

/** How many times the renderer told the shell to forget the project's file. */
export async function desktopPathResets(page: Page): Promise<number> {
  return page.evaluate(() => window.__desktopPathResets ?? 0);
}

/** The saves the renderer asked for so far. */
export async function desktopSaves(page: Page): Promise<DesktopSave[]> {
  return page.evaluate(() => window.__desktopSaves ?? []);
}

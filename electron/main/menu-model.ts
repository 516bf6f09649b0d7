/**
 * The application menu as plain data, built by a pure function so it can be tested without Electron.
 * `app-menu.ts` turns it into an Electron menu. Items either use a built-in role, or carry an `action`
 * that main performs (most send a `MenuCommand` to the renderer, which owns the editor).
 */
import path from 'node:path';
import type { MenuCommand } from '../preload/api.ts';

/** Electron roles the menu uses (Electron implements these itself). */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'forceReload'
  | 'toggleDevTools'
  | 'windowMenu';

/** What main does when a non-role item is clicked. */
export type MenuAction =
  | { kind: 'command'; command: MenuCommand }
  | { kind: 'open-recent'; path: string }
  | { kind: 'clear-recent' }
  | { kind: 'open-documentation' };

/** One menu item, separator or submenu. */
export interface MenuItemModel {
  /** Stable id (used by `Menu.getMenuItemById` in end-to-end tests). */
  id?: string;
  label?: string;
  type?: 'separator';
  role?: MenuRole;
  accelerator?: string;
  action?: MenuAction;
  enabled?: boolean;
  submenu?: MenuItemModel[];
}

/** What the menu depends on. */
export interface MenuContext {
  /** `process.platform`. */
  platform: string;
  /** `app.isPackaged`: development items (reload, developer tools) appear only when false. */
  isPackaged: boolean;
  /** Shown in the macOS app menu. */
  appName: string;
  /** Open recent entries, most recent first. */
  recent: readonly string[];
}

const SEPARATOR: MenuItemModel = { type: 'separator' };

/** Per-OS accelerators for the app's own commands (none for the other export formats). `CmdOrCtrl` maps to ⌘ on macOS and Ctrl elsewhere. */
export function acceleratorFor(command: MenuCommand, platform: string): string | undefined {
  switch (command) {
    case 'new-project':
      return 'CmdOrCtrl+N';
    case 'open-project':
      return 'CmdOrCtrl+O';
    case 'save':
      return 'CmdOrCtrl+S';
    case 'save-as':
      return 'CmdOrCtrl+Shift+S';
    case 'import-csv':
      return 'CmdOrCtrl+I';
    case 'open-model':
      return undefined;
    case 'export-model':
      return 'CmdOrCtrl+E';
    case 'export-predictions':
      return 'CmdOrCtrl+Shift+E';
    case 'export-onnx-columns':
    case 'export-onnx-matrix':
    case 'export-tfjs':
    case 'export-pytorch':
    case 'export-report':
      return undefined;
    case 'undo':
      return 'CmdOrCtrl+Z';
    // macOS and most Linux apps redo with Shift+Z; Windows apps with Ctrl+Y.
    case 'redo':
      return platform === 'win32' ? 'Ctrl+Y' : 'CmdOrCtrl+Shift+Z';
  }
}

function command(id: MenuCommand, label: string, platform: string): MenuItemModel {
  const accelerator = acceleratorFor(id, platform);
  return { id, label, ...(accelerator === undefined ? {} : { accelerator }), action: { kind: 'command', command: id } };
}

/** Windows and Linux read `&` as a mnemonic marker; a literal one is written `&&`. macOS shows labels as they are. */
function literal(label: string, platform: string): string {
  return platform === 'darwin' ? label : label.replaceAll('&', '&&');
}

/** `&File` on Windows and Linux (Alt+F opens it), `File` on macOS. */
function topLabel(label: string, mnemonicIndex: number, platform: string): string {
  if (platform === 'darwin') return label;
  return `${label.slice(0, mnemonicIndex)}&${label.slice(mnemonicIndex)}`;
}

function recentMenu(recent: readonly string[], platform: string): MenuItemModel {
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  const items: MenuItemModel[] =
    recent.length === 0
      ? [{ id: 'recent-empty', label: 'No recent files', enabled: false }]
      : recent.map((filePath, index) => ({
          id: `recent-${index}`,
          label: literal(`${flavour.basename(filePath)}  —  ${flavour.dirname(filePath)}`, platform),
          action: { kind: 'open-recent', path: filePath },
        }));
  return {
    id: 'open-recent',
    label: 'Open recent',
    submenu: [
      ...items,
      SEPARATOR,
      { id: 'clear-recent', label: 'Clear recent', enabled: recent.length > 0, action: { kind: 'clear-recent' } },
    ],
  };
}

/** Builds the whole menu bar for one platform. */
export function buildMenuModel(context: MenuContext): MenuItemModel[] {
  const { platform, isPackaged, appName, recent } = context;
  const isMac = platform === 'darwin';
  const menus: MenuItemModel[] = [];

  if (isMac) {
    menus.push({
      label: appName,
      submenu: [
        { role: 'about' },
        SEPARATOR,
        { role: 'services' },
        SEPARATOR,
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        SEPARATOR,
        { role: 'quit' },
      ],
    });
  }

  menus.push({
    id: 'file',
    label: topLabel('File', 0, platform),
    submenu: [
      command('new-project', 'New project', platform),
      command('open-project', 'Open project…', platform),
      recentMenu(recent, platform),
      SEPARATOR,
      command('save', 'Save', platform),
      command('save-as', 'Save as…', platform),
      SEPARATOR,
      command('import-csv', 'Import CSV…', platform),
      command('open-model', 'Open model file…', platform),
      command('export-model', 'Export model…', platform),
      command('export-onnx-columns', 'Export ONNX (raw columns)…', platform),
      command('export-onnx-matrix', 'Export ONNX (input matrix)…', platform),
      command('export-tfjs', 'Export TF.js…', platform),
      command('export-pytorch', 'Export PyTorch package…', platform),
      command('export-predictions', 'Export predictions…', platform),
      command('export-report', 'Export report…', platform),
      SEPARATOR,
      { role: 'close' },
      ...(isMac
        ? []
        : [SEPARATOR, { role: 'quit', label: platform === 'win32' ? 'Exit' : 'Quit' } satisfies MenuItemModel]),
    ],
  });

  menus.push({
    id: 'edit',
    label: topLabel('Edit', 0, platform),
    submenu: [
      command('undo', 'Undo', platform),
      command('redo', 'Redo', platform),
      SEPARATOR,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });

  const developerItems: MenuItemModel[] = isPackaged
    ? []
    : [SEPARATOR, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  menus.push({
    id: 'view',
    label: topLabel('View', 0, platform),
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      SEPARATOR,
      { role: 'togglefullscreen' },
      ...developerItems,
    ],
  });

  if (isMac) menus.push({ role: 'windowMenu' });

  menus.push({
    id: 'help',
    label: topLabel('Help', 0, platform),
    submenu: [
      { id: 'documentation', label: 'Documentation', action: { kind: 'open-documentation' } },
      ...(isMac ? [] : [SEPARATOR, { role: 'about', label: `About ${appName}` } satisfies MenuItemModel]),
    ],
  });

  return menus;
}

import { describe, expect, test, vi } from 'vitest';
import type { MenuCommand } from '../preload/api.ts';
import { toMenuTemplate } from './app-menu.ts';
import { acceleratorFor, buildMenuModel, type MenuContext, type MenuItemModel } from './menu-model.ts';

const base: MenuContext = { platform: 'linux', isPackaged: true, appName: 'Backprop Studio', recent: [] };

function find(items: readonly MenuItemModel[], id: string): MenuItemModel | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu === undefined ? undefined : find(item.submenu, id);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

function labels(items: readonly MenuItemModel[] | undefined): string[] {
  return (items ?? []).map((item) => item.label ?? (item.type === 'separator' ? '—' : `(${item.role})`));
}

describe('buildMenuModel', () => {
  test('Windows and Linux: File, Edit, View, Help with Alt mnemonics', () => {
    expect(labels(buildMenuModel(base))).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  test('macOS: the app menu first, a Window menu, and no mnemonics', () => {
    const menu = buildMenuModel({ ...base, platform: 'darwin' });
    expect(labels(menu)).toEqual(['Backprop Studio', 'File', 'Edit', 'View', '(windowMenu)', 'Help']);
    expect(menu[0]?.submenu?.map((item) => item.role ?? 'separator')).toEqual([
      'about',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    // Quit and About live in the app menu on macOS, not under File and Help.
    expect(find(menu.slice(1), 'file')?.submenu?.some((item) => item.role === 'quit')).toBe(false);
    expect(find(menu, 'help')?.submenu?.map((item) => item.label)).toEqual(['Documentation']);
  });

  test('the File menu has every project and data command, in order', () => {
    expect(labels(find(buildMenuModel(base), 'file')?.submenu)).toEqual([
      'New project',
      'Open project…',
      'Open recent',
      '—',
      'Save',
      'Save as…',
      '—',
      'Import CSV…',
      'Open model file…',
      'Export model…',
      'Export ONNX (raw columns)…',
      'Export ONNX (input matrix)…',
      'Export TF.js…',
      'Export PyTorch package…',
      'Export predictions…',
      'Export report…',
      '—',
      '(close)',
      '—',
      'Quit',
    ]);
    expect(find(buildMenuModel({ ...base, platform: 'win32' }), 'file')?.submenu?.at(-1)).toEqual({
      role: 'quit',
      label: 'Exit',
    });
  });

  test('commands go to the renderer with OS-conventional accelerators', () => {
    const menu = buildMenuModel(base);
    expect(find(menu, 'save')).toEqual({
      id: 'save',
      label: 'Save',
      accelerator: 'CmdOrCtrl+S',
      action: { kind: 'command', command: 'save' },
    });
    expect(find(menu, 'save-as')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(find(menu, 'undo')?.action).toEqual({ kind: 'command', command: 'undo' });
    expect(acceleratorFor('redo', 'darwin')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorFor('redo', 'linux')).toBe('CmdOrCtrl+Shift+Z');
    expect(acceleratorFor('redo', 'win32')).toBe('Ctrl+Y');
  });

  test('every accelerator is unique within the menu', () => {
    const seen: string[] = [];
    const walk = (items: readonly MenuItemModel[]): void => {
      for (const item of items) {
        if (item.accelerator !== undefined) seen.push(item.accelerator);
        if (item.submenu !== undefined) walk(item.submenu);
      }
    };
    for (const platform of ['darwin', 'win32', 'linux']) {
      seen.length = 0;
      walk(buildMenuModel({ ...base, platform }));
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  test('every menu command of the API has a menu item', () => {
    const commands: MenuCommand[] = [
      'new-project',
      'open-project',
      'open-model',
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
    const menu = buildMenuModel(base);
    for (const command of commands) expect(find(menu, command)?.action).toEqual({ kind: 'command', command });
  });

  test('Edit keeps the system clipboard roles', () => {
    expect(
      find(buildMenuModel(base), 'edit')
        ?.submenu?.slice(3)
        .map((item) => item.role),
    ).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  test('developer tools and reload only in development builds', () => {
    const roles = (isPackaged: boolean) =>
      find(buildMenuModel({ ...base, isPackaged }), 'view')?.submenu?.map((item) => item.role);
    expect(roles(true)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', undefined, 'togglefullscreen']);
    expect(roles(false)).toEqual([
      'resetZoom',
      'zoomIn',
      'zoomOut',
      undefined,
      'togglefullscreen',
      undefined,
      'reload',
      'forceReload',
      'toggleDevTools',
    ]);
  });

  test('Open recent lists files with their folder, escaping & for Windows and Linux', () => {
    const menu = buildMenuModel({ ...base, recent: ['/home/ana/R&D/iris.bpstudio', '/data/wine.csv'] });
    expect(find(menu, 'open-recent')?.submenu).toEqual([
      {
        id: 'recent-0',
        label: 'iris.bpstudio  —  /home/ana/R&&D',
        action: { kind: 'open-recent', path: '/home/ana/R&D/iris.bpstudio' },
      },
      { id: 'recent-1', label: 'wine.csv  —  /data', action: { kind: 'open-recent', path: '/data/wine.csv' } },
      { type: 'separator' },
      { id: 'clear-recent', label: 'Clear recent', enabled: true, action: { kind: 'clear-recent' } },
    ]);
    expect(find(buildMenuModel({ ...base, platform: 'darwin', recent: ['/R&D/a.csv'] }), 'recent-0')?.label).toBe(
      'a.csv  —  /R&D',
    );
  });

  test('an empty Open recent says so', () => {
    expect(find(buildMenuModel(base), 'open-recent')?.submenu).toEqual([
      { id: 'recent-empty', label: 'No recent files', enabled: false },
      { type: 'separator' },
      { id: 'clear-recent', label: 'Clear recent', enabled: false, action: { kind: 'clear-recent' } },
    ]);
  });

  test('Help has Documentation and About', () => {
    expect(find(buildMenuModel(base), 'help')?.submenu).toEqual([
      { id: 'documentation', label: 'Documentation', action: { kind: 'open-documentation' } },
      { type: 'separator' },
      { role: 'about', label: 'About Backprop Studio' },
    ]);
  });
});

describe('toMenuTemplate', () => {
  test('maps items and routes clicks to the action handler', () => {
    const onAction = vi.fn();
    const template = toMenuTemplate(buildMenuModel(base), onAction);
    const file = template.find((item) => item.id === 'file');
    const submenu = Array.isArray(file?.submenu) ? file.submenu : [];
    const save = submenu.find((item) => item.id === 'save');
    expect(save).toMatchObject({ id: 'save', label: 'Save', accelerator: 'CmdOrCtrl+S' });
    expect(submenu.find((item) => item.role === 'close')).toEqual({ role: 'close' });
    save?.click?.(undefined as never, undefined as never, undefined as never);
    expect(onAction).toHaveBeenCalledWith({ kind: 'command', command: 'save' });
  });
});

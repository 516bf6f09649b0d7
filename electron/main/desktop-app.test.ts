/**
 * Wiring test: runs the real `main.ts` and `DesktopApp` against an in-memory Electron (fixtures/fake-electron.ts),
 * playing the renderer over IPC and the user through dialog answers. The Electron binary is not needed.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EVENT, INVOKE, SEND } from '../ipc-channels.ts';
import { createFakeElectron, fakeEvent, type FakeBrowserWindow } from './fixtures/fake-electron.ts';
import { useTempDirs } from './fixtures/temp-dir.ts';

const tempDir = useTempDirs();
const savedArgv = process.argv;

afterEach(() => {
  process.argv = savedArgv;
  vi.doUnmock('electron');
  vi.resetModules();
});

async function launch(options: { argv?: string[] } = {}) {
  const dir = await tempDir();
  const appPath = path.join(dir, 'app');
  await mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(
    path.join(appPath, 'dist', 'renderer', 'index.html'),
    '<!doctype html><title>Backprop Studio</title>',
  );
  const fake = createFakeElectron({
    userData: path.join(dir, 'user-data'),
    documents: path.join(dir, 'Documents'),
    appPath,
  });
  process.argv = ['/opt/electron', '.', ...(options.argv ?? [])];
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import('./main.ts');
  const { control } = fake;
  expect(control.privilegedSchemes).toEqual([
    {
      scheme: 'app',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
  expect(control.windows).toEqual([]);
  control.ready();
  await vi.waitFor(() => expect(control.windows).toHaveLength(1));
  const window = control.windows[0] as FakeBrowserWindow;
  const contents = window.webContents;
  await vi.waitFor(() => expect(contents.url).not.toBe(''));
  const invoke = (channel: string, payload?: unknown, frameUrl?: string) =>
    control.ipcHandlers.get(channel)?.(contents.ipcEvent(frameUrl), ...(payload === undefined ? [] : [payload]));
  const send = (channel: string, payload?: unknown) =>
    control.ipcListeners.get(channel)?.(contents.ipcEvent(), ...(payload === undefined ? [] : [payload]));
  return { dir, control, window, contents, invoke, send, userData: path.join(dir, 'user-data') };
}

describe('desktop app wiring', () => {
  test('opens one secure window on the app protocol, serving the built renderer', async () => {
    const { control, window, contents } = await launch();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    expect(contents.url).toBe('app://bundle/index.html');
    expect(window.shown).toBe(true);
    expect(window.title).toBe('Untitled — Backprop Studio');
    const response = await control.protocolHandlers.get('app')?.({ method: 'GET', url: 'app://bundle/index.html' });
    expect(response?.status).toBe(200);
    expect(response?.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect([...control.ipcHandlers.keys()].sort()).toEqual(Object.values(INVOKE).sort());
    expect([...control.ipcListeners.keys()].sort()).toEqual(Object.values(SEND).sort());
  });

  test('navigation and new windows are denied; https links go to the browser', async () => {
    const { control, contents } = await launch();
    const away = fakeEvent();
    contents.emit('will-navigate', away, 'https://example.org/guide');
    expect(away.defaultPrevented).toBe(true);
    const fileDrop = fakeEvent();
    contents.emit('will-navigate', fileDrop, 'file:///home/ana/iris.csv');
    expect(fileDrop.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/popup' })).toEqual({ action: 'deny' });
    await vi.waitFor(() =>
      expect(control.externalUrls).toEqual(['https://example.org/guide', 'https://example.org/popup']),
    );
  });

  test('IPC from a foreign page is refused; from the app it saves through the dialog', async () => {
    const { dir, control, invoke } = await launch();
    const json = JSON.stringify({ format: 'bpstudio' });
    await expect(invoke(INVOKE.saveProject, { json, saveAs: false }, 'https://evil.example/')).rejects.toThrow(
      'project/save: refused, it came from https://evil.example/, not from app://bundle.',
    );
    control.saveAnswers.push(path.join(dir, 'study'));
    await expect(invoke(INVOKE.saveProject, { json, saveAs: false })).resolves.toEqual({
      path: path.join(dir, 'study.bpstudio'),
    });
    expect(await readFile(path.join(dir, 'study.bpstudio'), 'utf8')).toBe(json);
  });

  test('each export has its own save dialog title: sweep trials are not "Export predictions"', async () => {
    const { dir, control, invoke } = await launch();
    control.saveAnswers.push(path.join(dir, 'out'), path.join(dir, 'sweep'));
    await expect(
      invoke(INVOKE.exportPredictions, { csv: 'x,prediction\n1,a\n', suggestedName: 'iris-predictions.csv' }),
    ).resolves.toEqual({ path: path.join(dir, 'out.csv') });
    await expect(
      invoke(INVOKE.exportTrials, { csv: 'trial,rank\n1,1\n', suggestedName: 'iris-trials.csv' }),
    ).resolves.toEqual({ path: path.join(dir, 'sweep.csv') });
    const csvFilter = [{ name: 'CSV files', extensions: ['csv'] }];
    expect(control.saveDialogs).toEqual([
      {
        title: 'Export predictions',
        defaultPath: path.join(dir, 'Documents', 'iris-predictions.csv'),
        filters: csvFilter,
      },
      { title: 'Export sweep trials', defaultPath: path.join(dir, 'Documents', 'iris-trials.csv'), filters: csvFilter },
    ]);
    expect(await readFile(path.join(dir, 'sweep.csv'), 'utf8')).toBe('trial,rank\n1,1\n');
  });

  test('menu clicks reach the focused window as commands', async () => {
    const { control, contents } = await launch();
    type Item = { id?: string; submenu?: Item[]; click?: () => void };
    const find = (items: Item[], id: string): Item | undefined =>
      items.map((item) => (item.id === id ? item : find(item.submenu ?? [], id))).find((item) => item !== undefined);
    find(control.menuTemplate as Item[], 'import-csv')?.click?.();
    await vi.waitFor(() => expect(contents.sent).toContainEqual({ channel: EVENT.menuCommand, payload: 'import-csv' }));
  });

  test('closing with unsaved changes asks; "Don’t Save" closes and clears the recovery copy', async () => {
    const { control, window, send, invoke, userData } = await launch();
    send(SEND.setDocumentState, { dirty: true, title: 'Iris' });
    await vi.waitFor(() => expect(window.title).toBe('• Iris — Backprop Studio'));
    await invoke(INVOKE.autosave, { json: '{"draft":true}' });
    expect(existsSync(path.join(userData, 'recovery', 'recovery.bpstudio'))).toBe(true);

    control.messageAnswers.push(1);
    window.close();
    expect(window.destroyed).toBe(false);
    await vi.waitFor(() => expect(window.destroyed).toBe(true));
    expect(control.messages[0]).toEqual({
      message: 'Save changes to "Iris" before closing?',
      buttons: ['Save', 'Don’t Save', 'Cancel'],
    });
    await vi.waitFor(() => expect(existsSync(path.join(userData, 'recovery', 'recovery.bpstudio'))).toBe(false));
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(path.join(userData, 'window-state.json'), 'utf8'))).toMatchObject({
        width: 1280,
        height: 820,
      }),
    );
  });

  test('a crashed renderer is offered a reload, and the reloaded page gets the autosave back', async () => {
    const { control, contents, invoke } = await launch();
    await invoke(INVOKE.autosave, { json: '{"before":"crash"}' });
    control.messageAnswers.push(0);
    contents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 133 });
    await vi.waitFor(() => expect(contents.reloads).toBe(1));
    expect(control.messages[0]?.message).toBe('The Backprop Studio window stopped (crashed, exit code 133).');
    await expect(invoke(INVOKE.takeRecovery)).resolves.toBe('{"before":"crash"}');
    await expect(invoke(INVOKE.takeRecovery)).resolves.toBeNull();
  });

  test('a file named on the command line opens once the renderer listens', async () => {
    const dir = await tempDir();
    const csv = path.join(dir, 'iris.csv');
    await writeFile(csv, 'sepal,species\n5.1,setosa\n');
    const { contents, send } = await launch({ argv: ['--no-sandbox', csv] });
    expect(contents.sent.filter((message) => message.channel === EVENT.openFile)).toEqual([]);
    send(SEND.openFileReady);
    await vi.waitFor(() =>
      expect(contents.sent).toContainEqual({
        channel: EVENT.openFile,
        payload: {
          path: csv,
          name: 'iris.csv',
          bytes: new Uint8Array(Buffer.from('sepal,species\n5.1,setosa\n')),
          kind: 'csv',
        },
      }),
    );
  });

  test('a second launch with a project focuses this window and opens it', async () => {
    const dir = await tempDir();
    const project = path.join(dir, 'p.bpstudio');
    await writeFile(project, '{"format":"bpstudio"}');
    const { control, contents, send } = await launch();
    send(SEND.openFileReady);
    const fakeApp = (await import('electron')).app as unknown as { emit(name: string, ...args: unknown[]): void };
    fakeApp.emit('second-instance', fakeEvent(), ['/opt/electron', 'p.bpstudio'], dir);
    await vi.waitFor(() => expect(contents.sent.map((message) => message.channel)).toContain(EVENT.openFile));
    expect(control.windows).toHaveLength(1);
  });
});

import { describe, expect, test } from 'vitest';
import { EVENT, INVOKE, SEND } from '../ipc-channels.ts';
import type { DesktopApi } from './api.ts';
import { createDesktopApi, type IpcRendererLike } from './desktop-api.ts';

type Handler = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly listeners = new Map<string, Set<Handler>>();
  reply: unknown = null;

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  on(channel: string, listener: Handler): void {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
  }
  removeListener(channel: string, listener: Handler): void {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, value: unknown): void {
    const event = { sender: 'the ipcRenderer itself, which must never reach the page' };
    for (const listener of this.listeners.get(channel) ?? []) listener(event, value);
  }
}

describe('createDesktopApi', () => {
  test('exposes exactly the DesktopApi functions', () => {
    const api = createDesktopApi(new FakeIpcRenderer(), 'linux');
    const expected: (keyof DesktopApi)[] = [
      'platform',
      'openCsv',
      'openProject',
      'openModel',
      'openTrials',
      'saveProject',
      'exportModel',
      'exportModelFiles',
      'exportPredictions',
      'exportTrials',
      'exportReport',
      'autosave',
      'takeRecovery',
      'setDocumentState',
      'resetProjectPath',
      'onMenuCommand',
      'onOpenFile',
    ];
    expect(Object.keys(api).sort()).toEqual([...expected].sort());
    expect(api.platform).toBe('linux');
    for (const key of expected.filter((name) => name !== 'platform')) expect(typeof api[key]).toBe('function');
  });

  test('each call sends one payload object on its own channel', async () => {
    const ipc = new FakeIpcRenderer();
    const api = createDesktopApi(ipc, 'linux');
    await api.openCsv();
    await api.openProject();
    await api.openModel();
    await api.openTrials();
    await api.saveProject('{"a":1}', true);
    await api.exportModel('{}', 'm.json');
    const onnx = new Uint8Array([8, 7]);
    await api.exportModelFiles([{ name: 'm.onnx', bytes: onnx, extra: 1 } as { name: string; bytes: Uint8Array }]);
    await api.exportPredictions('a\n', 'p.csv');
    await api.exportTrials('trial\n1\n', 't.csv');
    await api.autosave('{}');
    await api.takeRecovery();
    expect(ipc.invoked).toEqual([
      { channel: INVOKE.openCsv, args: [] },
      { channel: INVOKE.openProject, args: [] },
      { channel: INVOKE.openModel, args: [] },
      { channel: INVOKE.openTrials, args: [] },
      { channel: INVOKE.saveProject, args: [{ json: '{"a":1}', saveAs: true }] },
      { channel: INVOKE.exportModel, args: [{ json: '{}', suggestedName: 'm.json' }] },
      { channel: INVOKE.exportModelFiles, args: [{ files: [{ name: 'm.onnx', bytes: onnx }] }] },
      { channel: INVOKE.exportPredictions, args: [{ csv: 'a\n', suggestedName: 'p.csv' }] },
      { channel: INVOKE.exportTrials, args: [{ csv: 'trial\n1\n', suggestedName: 't.csv' }] },
      { channel: INVOKE.autosave, args: [{ json: '{}' }] },
      { channel: INVOKE.takeRecovery, args: [] },
    ]);
    api.setDocumentState({ dirty: true, title: 'Iris', extra: 'dropped' } as { dirty: boolean; title: string });
    api.resetProjectPath();
    expect(ipc.sent).toEqual([
      { channel: SEND.setDocumentState, args: [{ dirty: true, title: 'Iris' }] },
      { channel: SEND.resetProjectPath, args: [] },
    ]);
  });

  test('menu listeners get the command only, never the IPC event, and can unsubscribe', () => {
    const ipc = new FakeIpcRenderer();
    const api = createDesktopApi(ipc, 'linux');
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuCommand((...args: unknown[]) => received.push(args));
    ipc.emit(EVENT.menuCommand, 'undo');
    ipc.emit(EVENT.menuCommand, 'format-disk');
    unsubscribe();
    ipc.emit(EVENT.menuCommand, 'redo');
    expect(received).toEqual([['undo']]);
  });

  test('subscribing to opened files tells main it may send the ones that waited', () => {
    const ipc = new FakeIpcRenderer();
    const api = createDesktopApi(ipc, 'darwin');
    const received: unknown[][] = [];
    api.onOpenFile((...args: unknown[]) => received.push(args));
    expect(ipc.sent).toEqual([{ channel: SEND.openFileReady, args: [] }]);
    const file = { path: '/a/p.bpstudio', name: 'p.bpstudio', bytes: new Uint8Array([0x7b, 0x7d]), kind: 'project' };
    ipc.emit(EVENT.openFile, file);
    // The text of an older shell is not a file this renderer can read.
    ipc.emit(EVENT.openFile, { path: '/a/q.bpstudio', name: 'q.bpstudio', text: '{}', kind: 'project' });
    ipc.emit(EVENT.openFile, { path: '/a/x', kind: 'spreadsheet' });
    expect(received).toEqual([[file]]);
  });
});

import { describe, expect, test, vi } from 'vitest';
import { INVOKE, SEND, type InvokeChannel, type SendChannel } from '../ipc-channels.ts';
import { DocumentSession } from './document-session.ts';
import type { RequestContext } from './ipc-handlers.ts';
import { registerIpc, type IpcEventLike, type IpcMainLike } from './ipc-register.ts';
import { APP_ORIGIN } from './sender-check.ts';

type Sender = { id: number };
type Listener = (event: IpcEventLike<Sender>, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike<Sender> {
  readonly handlers = new Map<string, Listener>();
  readonly listeners = new Map<string, Listener>();
  handle(
    channel: string,
    listener: Listener & ((event: IpcEventLike<Sender>, ...args: unknown[]) => Promise<unknown>),
  ): void {
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: Listener): void {
    this.listeners.set(channel, listener);
  }
}

const appFrame = { url: 'app://bundle/index.html', parent: null };
const knownSender: Sender = { id: 1 };

function setup() {
  const ipcMain = new FakeIpcMain();
  const context: RequestContext<string> = { window: 'main', session: new DocumentSession() };
  const invoke = Object.fromEntries(
    Object.values(INVOKE).map((channel) => [channel, vi.fn(async (payload: unknown) => ({ channel, payload }))]),
  ) as unknown as Record<
    InvokeChannel,
    ReturnType<typeof vi.fn<(payload: unknown, context: RequestContext<string>) => Promise<unknown>>>
  >;
  const send = Object.fromEntries(
    Object.values(SEND).map((channel) => [channel, vi.fn(async () => undefined)]),
  ) as unknown as Record<
    SendChannel,
    ReturnType<typeof vi.fn<(payload: unknown, context: RequestContext<string>) => Promise<void>>>
  >;
  const errors: { channel: string; message: string }[] = [];
  registerIpc<Sender, string>(ipcMain, invoke, send, {
    trustedOrigins: [APP_ORIGIN],
    contextFor: (sender) => (sender === knownSender ? context : null),
    onError: (channel, error) =>
      errors.push({ channel, message: error instanceof Error ? error.message : String(error) }),
  });
  return { ipcMain, invoke, send, errors, context };
}

describe('registerIpc', () => {
  test('registers every channel exactly once', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE).sort());
    expect([...ipcMain.listeners.keys()].sort()).toEqual(Object.values(SEND).sort());
  });

  test('passes the single payload and the window context to the handler', async () => {
    const { ipcMain, invoke, context } = setup();
    const payload = { json: '{}', saveAs: false };
    await expect(
      ipcMain.handlers.get(INVOKE.saveProject)?.({ sender: knownSender, senderFrame: appFrame }, payload),
    ).resolves.toEqual({ channel: INVOKE.saveProject, payload });
    expect(invoke[INVOKE.saveProject]).toHaveBeenCalledWith(payload, context);
  });

  test('several arguments arrive as an array, which every payload check refuses', async () => {
    const { ipcMain, invoke } = setup();
    await ipcMain.handlers.get(INVOKE.saveProject)?.({ sender: knownSender, senderFrame: appFrame }, '{}', true);
    expect(invoke[INVOKE.saveProject].mock.calls[0]?.[0]).toEqual(['{}', true]);
  });

  test('a request from a foreign page is rejected before its handler runs', async () => {
    const { ipcMain, invoke } = setup();
    const event = { sender: knownSender, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(
      ipcMain.handlers.get(INVOKE.exportModel)?.(event, { json: '{}', suggestedName: 'm.json' }),
    ).rejects.toThrow('model/export: refused, it came from https://evil.example/, not from app://bundle.');
    expect(invoke[INVOKE.exportModel]).not.toHaveBeenCalled();
  });

  test.each(Object.values(INVOKE))('%s refuses a foreign page before its handler runs', async (channel) => {
    const { ipcMain, invoke } = setup();
    const event = { sender: knownSender, senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(ipcMain.handlers.get(channel)?.(event, { csv: 'a\n', suggestedName: 't.csv' })).rejects.toThrow(
      `${channel}: refused, it came from https://evil.example/, not from app://bundle.`,
    );
    expect(invoke[channel]).not.toHaveBeenCalled();
  });

  test('a request from a web contents main did not create is rejected', async () => {
    const { ipcMain, invoke } = setup();
    await expect(
      ipcMain.handlers.get(INVOKE.takeRecovery)?.({ sender: { id: 99 }, senderFrame: appFrame }),
    ).rejects.toThrow("recovery/take: refused, the sender is not one of the app's windows.");
    expect(invoke[INVOKE.takeRecovery]).not.toHaveBeenCalled();
  });

  test('a one-way message from a foreign page is reported and dropped', () => {
    const { ipcMain, send, errors } = setup();
    ipcMain.listeners.get(SEND.openDroppedFile)?.(
      { sender: knownSender, senderFrame: { url: 'file:///tmp/x.html', parent: null } },
      { path: '/etc/passwd.csv' },
    );
    expect(send[SEND.openDroppedFile]).not.toHaveBeenCalled();
    expect(errors).toEqual([
      {
        channel: SEND.openDroppedFile,
        message: 'file/dropped: refused, it came from file:///tmp/x.html, not from app://bundle.',
      },
    ]);
  });

  test('a failing one-way handler is reported', async () => {
    const { ipcMain, send, errors } = setup();
    send[SEND.setDocumentState].mockRejectedValueOnce(new Error('bad title'));
    ipcMain.listeners.get(SEND.setDocumentState)?.({ sender: knownSender, senderFrame: appFrame }, { dirty: 'x' });
    await vi.waitFor(() => expect(errors).toEqual([{ channel: SEND.setDocumentState, message: 'bad title' }]));
  });
});

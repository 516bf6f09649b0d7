/**
 * Binds the handlers to Electron's `ipcMain`. Every message is checked first: it must come from the app's own
 * top-level page, and its window must be one main created. Failures reject the request (invoke) or are
 * reported through `onError` (one-way messages, which have no reply).
 */
import type { InvokeChannel, SendChannel } from '../ipc-channels.ts';
import type { RequestContext } from './ipc-handlers.ts';
import { assertTrustedSender, type SenderFrame } from './sender-check.ts';

/** The parts of an IPC event the checks read. */
export interface IpcEventLike<S> {
  readonly sender: S;
  readonly senderFrame: SenderFrame | null;
}

/** The parts of `ipcMain` used here. */
export interface IpcMainLike<S> {
  handle(channel: string, listener: (event: IpcEventLike<S>, ...args: unknown[]) => Promise<unknown>): void;
  on(channel: string, listener: (event: IpcEventLike<S>, ...args: unknown[]) => void): void;
}

/** How requests are checked and routed. */
export interface RegisterOptions<S, W> {
  /** Origins allowed to call main (`app://bundle`, plus the dev server in development). */
  trustedOrigins: readonly string[];
  /** The window and document of a sender; null for web contents main did not create. */
  contextFor(sender: S): RequestContext<W> | null;
  /** A one-way message failed: tell the user or log it. */
  onError(channel: SendChannel, error: unknown, context: RequestContext<W> | null): void;
}

/** Thrown when a trusted-looking frame does not belong to one of the app's windows. */
export class UnknownWindowError extends Error {
  /** Stable code for tests and logs. */
  readonly code = 'ipc/unknown-window';
  override readonly name = 'UnknownWindowError';
}

function checkedContext<S, W>(
  channel: string,
  event: IpcEventLike<S>,
  options: RegisterOptions<S, W>,
): RequestContext<W> {
  assertTrustedSender(channel, event.senderFrame, options.trustedOrigins);
  const context = options.contextFor(event.sender);
  if (context === null)
    throw new UnknownWindowError(`${channel}: refused, the sender is not one of the app's windows.`);
  return context;
}

/** Registers every handler. Extra arguments beyond the single payload are refused by the payload check. */
export function registerIpc<S, W>(
  ipcMain: IpcMainLike<S>,
  invokeHandlers: Record<InvokeChannel, (payload: unknown, context: RequestContext<W>) => Promise<unknown>>,
  sendHandlers: Record<SendChannel, (payload: unknown, context: RequestContext<W>) => Promise<void>>,
  options: RegisterOptions<S, W>,
): void {
  for (const [channel, handler] of Object.entries(invokeHandlers) as [
    InvokeChannel,
    (typeof invokeHandlers)[InvokeChannel],
  ][]) {
    ipcMain.handle(channel, async (event, ...args) => {
      const context = checkedContext(channel, event, options);
      return handler(args.length > 1 ? args : args[0], context);
    });
  }
  for (const [channel, handler] of Object.entries(sendHandlers) as [
    SendChannel,
    (typeof sendHandlers)[SendChannel],
  ][]) {
    ipcMain.on(channel, (event, ...args) => {
      let context: RequestContext<W> | null = null;
      try {
        context = checkedContext(channel, event, options);
      } catch (error) {
        options.onError(channel, error, null);
        return;
      }
      const known = context;
      handler(args.length > 1 ? args : args[0], known).catch((error: unknown) =>
        options.onError(channel, error, known),
      );
    });
  }
}

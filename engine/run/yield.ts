/** Handing control back to the host between batches, so its queued messages (pause, stop) are handled. */

/** The part of a MessageChannel used here (typed structurally: the engine core has no DOM or Node types). */
interface Channel {
  port1: { onmessage: ((event: unknown) => void) | null; close(): void };
  port2: { postMessage(message: unknown): void };
}

const MessageChannelOf = (globalThis as unknown as { MessageChannel?: new () => Channel }).MessageChannel;

/**
 * Let queued messages (pause, stop) in between batches: one macrotask through a MessageChannel, since
 * nested setTimeout calls are clamped to 4 ms and training yields every 30 ms. Browsers, workers and Node
 * (15+) all have MessageChannel; without one it resolves as a microtask, which lets nothing in.
 */
export function yieldToEventLoop(): Promise<void> {
  if (!MessageChannelOf) return Promise.resolve();
  return new Promise((resolve) => {
    const channel = new MessageChannelOf();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

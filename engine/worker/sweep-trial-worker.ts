/**
 * A sweep's trial worker (a module Web Worker the engine worker starts, one per concurrent trial): wires
 * the engine's trial host to this worker's messages. It builds its own backend and trains one step at a
 * time; a `stop` is handled between batches because training yields to the event loop.
 */
import { createBackend } from '../backend/index.ts';
import { createTrialHost } from '../sweep/index.ts';
import { yieldToEventLoop } from '../run/index.ts';

declare const self: DedicatedWorkerGlobalScope;

const host = createTrialHost({
  post: (event) => self.postMessage(event),
  createBackend: async (choice) => (await createBackend(choice)).backend,
  yieldToHost: yieldToEventLoop,
});

self.addEventListener('message', (e: MessageEvent<unknown>) => host.handle(e.data));

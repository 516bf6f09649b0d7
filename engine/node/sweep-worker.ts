/** A sweep trial worker (worker_threads): wires the engine's trial host to this thread's message port. */
import { parentPort } from 'node:worker_threads';
import { createBackend } from '../backend/index.ts';
import { yieldToEventLoop } from '../run/index.ts';
import { createTrialHost } from '../sweep/index.ts';

const port = parentPort;
if (!port) throw new Error('Internal error (please report): sweep-worker.ts must run in a worker thread.');
const host = createTrialHost({
  post: (event) => port.postMessage(event),
  createBackend: async (choice) => (await createBackend(choice)).backend,
  yieldToHost: yieldToEventLoop,
});
port.on('message', (message: unknown) => host.handle(message));

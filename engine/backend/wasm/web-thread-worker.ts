/**
 * Entry of a wasm helper thread in a module Web Worker (see web-thread-host.ts): waits for its
 * KernelWorkerInit, then serves jobs until the backend stops it. runKernelWorker blocks this worker with
 * Atomics.wait between jobs, which dedicated workers may do.
 */
import { runKernelWorker } from './kernel-worker.ts';
import type { KernelWorkerInit } from './threads.ts';
import { WEB_THREAD_READY } from './web-thread-host.ts';
import { errorMessage } from '../../errors.ts';

/** The worker global scope, as far as used here (the engine compiles without DOM types). */
const scope = globalThis as unknown as {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  scope.onmessage = null;
  runKernelWorker(event.data as KernelWorkerInit, () => scope.postMessage(WEB_THREAD_READY)).catch((e: unknown) => {
    scope.postMessage(`failed: ${errorMessage(e)}`);
  });
};

/**
 * Node's ThreadHost for the wasm backend: helper threads on worker_threads, used by the CLI and the
 * benchmark (the browser's engine worker has a Web Worker version).
 */
import { Worker } from 'node:worker_threads';
import type { KernelWorkerInit, ThreadHandle, ThreadHost } from '../backend/wasm/index.ts';

const WORKER = new URL('./wasm-thread-worker.mjs', import.meta.url);

/** Starts each helper as a worker thread running engine/node/wasm-thread-worker.mjs. */
export const nodeThreadHost: ThreadHost = {
  start(init: KernelWorkerInit): Promise<ThreadHandle> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(WORKER, { workerData: init });
      worker.unref();
      worker.once('message', (m: unknown) => {
        if (m === 'ready') resolve({ terminate: () => void worker.terminate() });
        else reject(new Error(`wasm helper thread sent ${JSON.stringify(m)} instead of 'ready'`));
      });
      worker.once('error', reject);
    });
  },
};

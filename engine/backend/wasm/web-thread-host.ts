/**
 * The browser's ThreadHost for the wasm backend: each helper thread is a module Web Worker running
 * web-thread-worker.ts. Helpers share the kernels' WebAssembly memory, so the page (and with it every
 * worker it starts, nested ones included) must be cross-origin isolated (COOP `same-origin` + COEP
 * `require-corp`); createWasmBackend checks that and stays on one thread otherwise. Usable from a page or
 * from a worker (the engine worker, the browser benchmark's worker). Bundlers (Vite) pick up the worker
 * entry from the `new Worker(new URL(...), { type: 'module' })` expression below.
 *
 * The engine compiles without DOM types, so the DOM classes used here (Worker, URL) are declared locally;
 * at run time they are the globals.
 */
import type { KernelWorkerInit, ThreadHandle, ThreadHost } from './threads.ts';

/** The slice of the DOM Worker this host uses. */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
}
declare const Worker: new (url: WorkerUrl, options: { type: 'module'; name?: string }) => WebWorker;
/** The DOM/WHATWG URL, as far as used here. */
interface WorkerUrl {
  readonly href: string;
}
declare const URL: new (url: string, base: string) => WorkerUrl;
declare global {
  /** ES modules' own URL (DOM and Node types declare it too, identically). */
  interface ImportMeta {
    url: string;
  }
}

/** What a helper answers once its kernels are instantiated on the shared memory. */
export const WEB_THREAD_READY = 'wasm-helper-ready';

/** Starts each helper as a module Web Worker; resolves once the helper has instantiated the kernels. */
export const webThreadHost: ThreadHost = {
  start(init: KernelWorkerInit): Promise<ThreadHandle> {
    if (typeof Worker !== 'function')
      return Promise.reject(new Error('this runtime has no Web Workers to run wasm helper threads on'));
    const worker = new Worker(new URL('./web-thread-worker.ts', import.meta.url), {
      type: 'module',
      name: 'wasm-helper',
    });
    return new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        worker.onmessage = null;
        worker.onerror = null;
        if (e.data === WEB_THREAD_READY) resolve({ terminate: () => worker.terminate() });
        else {
          worker.terminate();
          reject(new Error(`wasm helper thread sent ${JSON.stringify(e.data)} instead of '${WEB_THREAD_READY}'`));
        }
      };
      worker.onerror = (e) => {
        worker.terminate();
        reject(new Error(`wasm helper thread failed to start: ${e.message ?? 'unknown error'}`));
      };
      // A compiled module and a shared memory are structured-cloneable: the helper joins the same memory.
      worker.postMessage(init);
    });
  },
};

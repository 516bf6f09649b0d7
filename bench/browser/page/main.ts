/**
 * The benchmark page: every request runs in a fresh module Web Worker (where the engine lives in the app),
 * so no contender inherits another's compiled kernels, GPU buffers or heap. Progress lines go to the
 * console, which run.ts prints.
 */
import { PROGRESS_PREFIX, type BrowserBenchPage, type WorkerAnswer, type WorkerRequest } from '../protocol.ts';

function ask(request: WorkerRequest): Promise<WorkerAnswer> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'bench' });
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<WorkerAnswer | { progress: string }>) => {
      if ('progress' in e.data) {
        console.log(`${PROGRESS_PREFIX}${e.data.progress}`);
        return;
      }
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      resolve({ ok: false, error: `worker error: ${e.message}` });
      worker.terminate();
    };
    worker.postMessage(request);
  });
}

const api: BrowserBenchPage = { ask };
Object.assign(globalThis, { browserBench: api });

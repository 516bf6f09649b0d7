/** The harness page: runs each request in a fresh module worker (the engine's real home) and returns its answer. */
import type { Harness, HarnessRequest, HarnessResponse } from './protocol.ts';

function run(request: HarnessRequest): Promise<HarnessResponse> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (e: MessageEvent<HarnessResponse>) => {
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

const harness: Harness = { run };
Object.assign(globalThis, { gpujsHarness: harness });

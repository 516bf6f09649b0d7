/**
 * The engine worker's entry: validates each request, hands it to the EngineService, and posts events
 * back with their large arrays transferred.
 */
import { registerBackend } from '../backend/index.ts';
import { wasmBackendProvider } from '../backend/wasm/index.ts';
import { webThreadHost } from '../backend/wasm/web-thread-host.ts';
import { parseRequest, toWireError, transferablesOf, type EngineEvent } from '../protocol/index.ts';
import { EngineService } from './service.ts';
import { appWasmThreads } from './wasm-threads.ts';

declare const self: DedicatedWorkerGlobalScope;

// The fast CPU path on the cores the page does not need (helpers are module workers on shared memory;
// the app is served cross-origin isolated). Sweep trial workers keep the default single thread.
registerBackend(
  wasmBackendProvider({ threads: { host: webThreadHost, ...appWasmThreads(self.navigator.hardwareConcurrency) } }),
);

function post(event: EngineEvent): void {
  self.postMessage(event, transferablesOf(event));
}

const service = new EngineService(post);

self.addEventListener('message', (e: MessageEvent<unknown>) => {
  let request;
  try {
    request = parseRequest(e.data);
  } catch (err) {
    post({ type: 'error', id: null, runId: null, error: toWireError(err) });
    return;
  }
  void service.handle(request);
});

void service.announce();

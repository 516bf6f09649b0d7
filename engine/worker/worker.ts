/**
 * The engine worker's entry: validates each request, hands it to the EngineService, and posts events
 * back with their large arrays transferred.
 */
import { parseRequest, toWireError, transferablesOf, type EngineEvent } from '../protocol.ts';
import { EngineService } from './service.ts';

declare const self: DedicatedWorkerGlobalScope;

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

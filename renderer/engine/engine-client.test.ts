import { describe, expect, it } from 'vitest';
import { EngineClient, EngineRequestError } from './engine-client.ts';

/** The least of a Worker the client uses: it listens and posts, and nothing ever answers. */
class SilentWorker extends EventTarget {
  posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {}
}

describe('EngineClient', () => {
  it('fails the requests still waiting when the engine stops, as an EngineStoppedError', async () => {
    const worker = new SilentWorker();
    const client = new EngineClient(() => worker as unknown as Worker);
    const waiting = client.request({ type: 'runs/keep', runIds: [], keepTable: true });
    expect(worker.posted).toHaveLength(1);
    client.dispose();
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineRequestError);
    expect((error as EngineRequestError).wire).toEqual({
      name: 'EngineStoppedError',
      code: 'engine/crashed',
      path: '',
      message: 'The engine was shut down.',
      problems: [],
    });
  });
});

/** `report/build` through the service: a trained iris run's report on its test split, and the errors a user can meet. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEvent, type EngineEvent, type EngineRequest } from '../protocol/index.ts';
import { sha256Hex } from '../report/index.ts';
import { EngineService } from './service.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8, activation: 'relu' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: {
    epochs: 10,
    batchSize: 16,
    seed: 7,
    optimizer: { type: 'adam' as const, learningRate: 0.05 },
    backend: 'cpu' as const,
  },
};

/** A service with iris loaded and run r1 trained; `watch` sees each event as it is posted. */
async function trainedService(
  test: number,
  watch: (e: EngineEvent, service: EngineService) => void = () => undefined,
): Promise<(req: EngineRequest) => Promise<EngineEvent[]>> {
  const events: EngineEvent[] = [];
  const service: EngineService = new EngineService((e) => {
    events.push(e);
    watch(e, service);
  });
  const send = async (req: EngineRequest): Promise<EngineEvent[]> => {
    const from = events.length;
    await service.handle(req);
    return events.slice(from);
  };
  const source = iris.buffer.slice(iris.byteOffset, iris.byteOffset + iris.byteLength) as ArrayBuffer;
  await send({ type: 'data/load', id: 1, name: 'iris.csv', source, options: null });
  const settings = { target: 'species', columns: {}, split: { validation: 0.1, test } };
  await send({ type: 'train/start', id: 2, runId: 'r1', spec, settings });
  return send;
}

describe('report/build', () => {
  it("reports a trained run on its test split of the loaded file, with the Export view's model file name", async () => {
    const send = await trainedService(0.2);
    const events = await send({ type: 'report/build', id: 3, runId: 'r1', modelFile: 'iris-run-1.model.json' });
    const reply = events.at(-1);
    if (reply?.type !== 'report/built') throw new Error(JSON.stringify(reply));
    expect(parseEvent(reply)).toBe(reply);
    const html = reply.html;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<dt>File</dt><dd>iris.csv</dd><dt>Rows</dt><dd>150</dd>');
    expect(html).toContain('<dt>Scored</dt><dd>the test split: 30 of 150 rows</dd>');
    expect(html).toContain('<dt>Rows scored</dt><dd>30</dd>');
    expect(html).toContain(
      '<pre><code>backprop-studio report iris-run-1.model.json --data TEST.csv --out report.html</code></pre>',
    );
    const [exported] = await send({ type: 'model/export', id: 4, runId: 'r1' });
    if (exported?.type !== 'model/exported') throw new Error(JSON.stringify(exported));
    expect(html).toContain(`<dt>Model file SHA-256</dt><dd>${sha256Hex(exported.json)}</dd>`);
  });

  it('reports its progress as explain/progress events, rising to the whole, and stops on explain/cancel', async () => {
    const send = await trainedService(0.2);
    const events = await send({ type: 'report/build', id: 3, runId: 'r1', modelFile: 'm.json' });
    const progress = events.filter((e) => e.type === 'explain/progress' && e.id === 3);
    expect(progress.length).toBeGreaterThan(3);
    const done = progress.map((e) => (e.type === 'explain/progress' ? e.done / e.total : NaN));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(1);
    expect(events.at(-1)?.type).toBe('report/built');

    // Cancelled at its first step: no report, an explain/cancelled error, and the worker still answers.
    let cancelling: Promise<void> | null = null;
    const sendCancelling = await trainedService(0.2, (e, service) => {
      if (e.type === 'explain/progress' && e.id === 5 && !cancelling)
        cancelling = service.handle({ type: 'explain/cancel', id: 6, target: 5 });
    });
    const all = await sendCancelling({ type: 'report/build', id: 5, runId: 'r1', modelFile: 'm.json' });
    await cancelling;
    expect(all.some((e) => e.type === 'report/built')).toBe(false);
    const error = all.find((e) => e.type === 'error' && e.id === 5);
    expect(error?.type === 'error' && error.error.code).toBe('explain/cancelled');
    const [again] = await sendCancelling({ type: 'report/build', id: 7, runId: 'r1', modelFile: 'm.json' });
    expect(again?.type).toBe('explain/progress');
  });

  it('says a run without test rows has nothing to evaluate', async () => {
    const send = await trainedService(0);
    const [reply] = await send({ type: 'report/build', id: 3, runId: 'r1', modelFile: 'm.json' });
    expect(reply?.type === 'error' && reply.error.message).toBe(
      'The test split has no rows, so there is nothing to evaluate. Set a test fraction above 0 and train again.',
    );
  });

  it('answers a run without a model with the usual error', async () => {
    const events: EngineEvent[] = [];
    await new EngineService((e) => events.push(e)).handle({
      type: 'report/build',
      id: 9,
      runId: 'none',
      modelFile: 'm.json',
    });
    const [error] = events;
    expect(error?.type === 'error' && error.error.message).toBe(
      'This run has no trained model. Train it first (a run that failed keeps no weights).',
    );
  });
});

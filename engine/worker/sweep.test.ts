/** The worker's sweep requests on iris, with trial workers simulated in-process (the same trial host the Web Workers run). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import type { EngineEvent } from '../protocol/index.ts';
import type { SweepRequest } from '../protocol/index.ts';
import { autoSweep, createTrialHost, type SweepEvent, type TrialPort } from '../sweep/index.ts';
import type { RunEntry } from './run-entry.ts';
import { SweepHost } from './sweep.ts';
import { readTable, TableStore } from './table-store.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));
const settings = { target: 'species', columns: {}, split: { validation: 0.2, test: 0.2 } };
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8, activation: 'relu' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: {
    epochs: 4,
    batchSize: 16,
    seed: 7,
    optimizer: { type: 'adam' as const, learningRate: 0.05 },
    backend: 'cpu' as const,
  },
};
const space = {
  strategy: 'random',
  trials: 4,
  seed: 3,
  objective: { metric: 'valAccuracy', direction: 'maximize' },
  parameters: {
    'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.001, max: 0.1 },
    'layers[h1].units': { distribution: 'int', min: 4, max: 16 },
  },
};

/** A trial worker in this thread: messages are cloned and delivered on later turns, like postMessage. */
function localPort(): TrialPort {
  let deliver: (m: unknown) => void = () => {};
  const host = createTrialHost({
    post: (e) => {
      const copy = structuredClone(e);
      setImmediate(() => deliver(copy));
    },
    createBackend: async () => new CpuBackend(),
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  return {
    post: (m) => {
      const copy = structuredClone(m);
      setImmediate(() => host.handle(copy));
    },
    listen: (onMessage) => {
      deliver = onMessage;
    },
    terminate: async () => {},
  };
}

async function harness() {
  const tables = new TableStore();
  const bytes = iris.buffer.slice(iris.byteOffset, iris.byteOffset + iris.byteLength) as ArrayBuffer;
  tables.set('iris.csv', await readTable(bytes, () => {}));
  const events: EngineEvent[] = [];
  const runs = new Map<string, RunEntry>();
  const host = new SweepHost({
    tables,
    post: (e) => events.push(e),
    spawn: localPort,
    addRun: (id, r) => runs.set(id, r),
  });
  let id = 0;
  const send = (body: Record<string, unknown>) => host.handle({ ...body, id: ++id } as SweepRequest);
  const sweepEvents = () => events.flatMap((e): SweepEvent[] => (e.type === 'sweep/events' ? e.events : []));
  return { host, events, runs, send, sweepEvents };
}

const base = { spec, settings, cores: 4, concurrency: 2 };

describe('sweep requests', () => {
  it('checks a space: every problem at its path, or what the sweep would do', async () => {
    const { send, events } = await harness();
    await send({
      type: 'sweep/check',
      ...base,
      space: {
        ...space,
        parameters: { ...space.parameters, 'layers[h9].units': { distribution: 'int', min: 4, max: 8 } },
      },
      concurrency: 0,
    });
    const bad = events.at(-1);
    if (bad?.type !== 'sweep/checked') throw new Error(`got ${bad?.type}`);
    expect(bad.check).toBeNull();
    expect(bad.problems.map((p) => p.path)).toEqual(['concurrency']);
    await send({
      type: 'sweep/check',
      ...base,
      space: {
        ...space,
        parameters: { ...space.parameters, 'layers[h9].units': { distribution: 'int', min: 4, max: 8 } },
      },
    });
    const unknownLayer = events.at(-1);
    expect(unknownLayer?.type === 'sweep/checked' && unknownLayer.problems.map((p) => [p.path, p.message])).toEqual([
      [
        'parameters["layers[h9].units"]',
        `parameters["layers[h9].units"]: the network has no layer 'h9'. Layer ids: 'h1', 'out'.`,
      ],
    ]);
    await send({ type: 'sweep/check', ...base, space });
    const ok = events.at(-1);
    expect(ok?.type === 'sweep/checked' && ok.check).toEqual({
      strategy: 'random',
      trials: 4,
      concurrency: 2,
      seed: 3,
      objective: { metric: 'valAccuracy', direction: 'maximize' },
      epochBudget: 16,
      rows: { train: 90, validation: 30 },
    });
  });

  it('runs a sweep in trial workers, streaming coalesced events that end with the result', async () => {
    const { send, events, sweepEvents } = await harness();
    await send({ type: 'sweep/start', ...base, sweepId: 's1', space, refitReserve: false });
    expect(events[0]).toMatchObject({
      type: 'sweep/started',
      sweepId: 's1',
      backend: 'CPU · TypeScript',
      rows: { train: 90, validation: 30 },
    });
    const all = sweepEvents();
    expect(all[0]?.type).toBe('sweep/start');
    expect(all.filter((e) => e.type === 'trial/epoch')).toHaveLength(16);
    const done = all.at(-1);
    if (done?.type !== 'sweep/done') throw new Error(`last event is ${done?.type}`);
    expect(done.result.trials.map((t) => [t.trial, t.status, t.epochs])).toEqual([
      [1, 'done', 4],
      [2, 'done', 4],
      [3, 'done', 4],
      [4, 'done', 4],
    ]);
    // Records cross without their histories: the epochs came one by one.
    expect(done.result.trials.every((t) => t.history.length === 0)).toBe(true);
    expect(done.result.best?.objective).toBeGreaterThan(0.5);
    expect(events.filter((e) => e.type === 'sweep/events').length).toBeLessThan(all.length);
  });

  it("runs the auto search's space: the labelled default and linear trials first, every trial cross-validated", async () => {
    const { send, sweepEvents, events } = await harness();
    const task = { kind: 'classification' as const, classes: ['setosa', 'versicolor', 'virginica'] };
    const auto = autoSweep({ task, inputs: 4, rows: 120, classCounts: [40, 40, 40], seed: 3, budgetSeconds: 60 });
    // a fixed number of trials instead of the budget, so the test does not depend on the machine's speed
    const { budgetSeconds: _budget, ...fixed } = { ...auto.space, trials: 3 };
    const autoSpec = { ...auto.spec, training: { ...auto.spec.training, epochs: 3, backend: 'cpu' as const } };
    await send({ type: 'sweep/check', ...base, spec: autoSpec, space: auto.space });
    const checked = events.at(-1);
    expect(checked?.type === 'sweep/checked' && checked.check).toMatchObject({ folds: 5, budgetSeconds: 60 });
    await send({ type: 'sweep/start', ...base, spec: autoSpec, sweepId: 'auto', space: fixed, refitReserve: true });
    const done = sweepEvents().at(-1);
    if (done?.type !== 'sweep/done') throw new Error(`last event is ${done?.type}`);
    expect(done.result.plan.folds).toBe(5);
    expect(done.result.trials.map((t) => [t.trial, t.status, t.label, t.folds, t.foldObjectives?.length])).toEqual([
      [1, 'done', 'default network', 5, 5],
      [2, 'done', 'linear baseline', 5, 5],
      [3, 'done', undefined, 5, 5],
    ]);
    // each trial's mean curve arrives as its epochs when the trial ends
    expect(sweepEvents().filter((e) => e.type === 'trial/epoch')).toHaveLength(9);
  });

  it('stops a sweep, and refuses to stop one that has ended', async () => {
    const { host, send, events, sweepEvents } = await harness();
    const running = send({
      type: 'sweep/start',
      ...base,
      sweepId: 's2',
      refitReserve: false,
      space: { ...space, trials: 8 },
      spec: { ...spec, training: { ...spec.training, epochs: 200 } },
    });
    while (!sweepEvents().some((e) => e.type === 'trial/epoch')) await new Promise((r) => setTimeout(r, 5));
    await host.handle({ type: 'sweep/stop', id: 99, sweepId: 's2' });
    expect(events.find((e) => e.type === 'sweep/state')).toEqual({
      type: 'sweep/state',
      id: 99,
      sweepId: 's2',
      state: 'stopping',
    });
    await running;
    const done = sweepEvents().at(-1);
    expect(done?.type === 'sweep/done' && done.result.status).toBe('cancelled');
    await expect(send({ type: 'sweep/stop', sweepId: 's2' })).rejects.toThrow('This sweep is not running any more.');
  });

  it('applies a trial to the spec, and retrains it on train+validation as a run', async () => {
    const { send, events, runs } = await harness();
    const params = { 'training.optimizer.learningRate': 0.02, 'layers[h1].units': 12 };
    await send({ type: 'sweep/apply', spec, params });
    const applied = events.at(-1);
    if (applied?.type !== 'sweep/applied') throw new Error(`got ${applied?.type}`);
    expect(applied.spec.layers[0]).toMatchObject({ id: 'h1', units: 12 });
    expect(applied.spec.training).toMatchObject({ seed: 7, optimizer: { type: 'adam', learningRate: 0.02 } });
    await send({ type: 'sweep/retrain', runId: 'best', spec, settings, params, epochs: 3 });
    const started = events.find((e) => e.type === 'train/started');
    expect(started?.type === 'train/started' && started.summary.rows).toEqual({ train: 120, validation: 0, test: 30 });
    expect(started?.type === 'train/started' && started.spec.training).toMatchObject({
      epochs: 3,
      earlyStopping: null,
      seed: 7,
    });
    const done = events.find((e) => e.type === 'train/done');
    expect(done?.type === 'train/done' && done.error).toBeNull();
    const run = runs.get('best');
    expect(run?.model?.training.epochsRun).toBe(3);
    expect(Object.keys(run?.model?.metrics ?? {})).toEqual(['train', 'test']);
    expect(run?.control).toBeNull();
  });
});

/** The worker's `train/continue`: numbering goes on, 5 + 5 epochs equal 10, a fresh optimizer is said, and refusals say what to do. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest, EpochRecord, WireTensor } from '../protocol/index.ts';
import { EngineService } from './service.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));
const source = (): ArrayBuffer => iris.buffer.slice(iris.byteOffset, iris.byteOffset + iris.byteLength) as ArrayBuffer;

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

const settings = { target: 'species', columns: {}, split: { validation: 0.1, test: 0.2 } };
/** Shuffling off and a constant learning rate, as the continuation test in the brief asks. */
const spec = (epochs: number, training: Record<string, unknown> = {}) => ({
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8, activation: 'relu' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: {
    epochs, batchSize: 16, seed: 7, shuffle: false, optimizer: { type: 'adam' as const, learningRate: 0.02 },
    schedule: { type: 'constant' as const }, backend: 'cpu' as const, ...training,
  },
});

async function harness(onEvent: (e: EngineEvent, service: EngineService) => void = () => {}) {
  const events: EngineEvent[] = [];
  const service: EngineService = new EngineService((e) => {
    events.push(e);
    onEvent(e, service);
  });
  let id = 0;
  /** Send one request; returns every event posted until it was handled (a run's whole life for train requests). */
  const send = async (body: Body): Promise<EngineEvent[]> => {
    const from = events.length;
    await service.handle({ ...body, id: ++id } as EngineRequest);
    return events.slice(from);
  };
  await send({ type: 'data/load', name: 'iris.csv', source: source(), options: null });
  return { service, events, send };
}

function epochsOf(events: EngineEvent[]): EpochRecord[] {
  return events.flatMap((e) => (e.type === 'train/epoch' ? e.summaries : []));
}

function doneOf(events: EngineEvent[]): Extract<EngineEvent, { type: 'train/done' }> {
  const done = events.find((e) => e.type === 'train/done');
  if (done?.type !== 'train/done') throw new Error(`no train/done: ${JSON.stringify(events.find((e) => e.type === 'error'))}`);
  if (done.error) throw new Error(done.error.message);
  return done;
}

function errorOf(events: EngineEvent[]): { name: string; code: string; message: string } {
  const e = events.find((x) => x.type === 'error');
  if (e?.type !== 'error') throw new Error(`no error, got ${events.map((x) => x.type).join(', ')}`);
  return { name: e.error.name, code: e.error.code, message: e.error.message };
}

/** The largest difference between two runs' weights (same tensors in the same order). */
function maxDiff(a: WireTensor[], b: WireTensor[]): number {
  expect(a.map((w) => `${w.layer}/${w.name}`)).toEqual(b.map((w) => `${w.layer}/${w.name}`));
  let most = 0;
  a.forEach((w, i) => w.data.forEach((v, j) => { most = Math.max(most, Math.abs(v - b[i]!.data[j]!)); }));
  return most;
}

describe('train/continue', () => {
  it('continues a run as a new run: epochs 6 to 10 after 5, the same weights as 10 epochs in one run, and it evaluates and exports', async () => {
    const { send } = await harness();
    const whole = doneOf(await send({ type: 'train/start', runId: 'whole', spec: spec(10), settings }));
    const first = await send({ type: 'train/start', runId: 'r1', spec: spec(5), settings });
    expect(epochsOf(first).map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5]);
    const events = await send({ type: 'train/continue', runId: 'r2', fromRunId: 'r1', epochs: 5 });
    const started = events[0];
    if (started?.type !== 'train/started') throw new Error(`got ${started?.type}`);
    expect(started.runId).toBe('r2');
    expect(started.backendLabel).toBe('CPU · TypeScript');
    expect(started.summary.rows).toEqual({ train: 105, validation: 15, test: 30 });
    expect(started.spec.training?.epochs).toBe(10);
    // The request's reply comes after the run event, so the UI has the run when the request resolves.
    expect(events[1]).toEqual({ type: 'train/state', id: 4, runId: 'r2', state: 'running' });
    // With its optimizer state kept, nothing says the optimizer started afresh.
    expect(events.filter((e) => e.type === 'train/diagnostic')).toEqual([]);
    const continued = epochsOf(events);
    expect(continued.map((h) => [h.epoch, h.epochs])).toEqual([[6, 10], [7, 10], [8, 10], [9, 10], [10, 10]]);
    const progress = events.filter((e) => e.type === 'train/progress');
    expect(progress.every((p) => p.type === 'train/progress' && p.epoch >= 6 && p.epochs === 10)).toBe(true);
    const done = doneOf(events);
    expect(done.runId).toBe('r2');
    expect(done.bestEpoch).toBe(10);
    expect(maxDiff(done.weights, whole.weights)).toBeLessThan(1e-6);

    const [evaluated] = await send({ type: 'evaluate/run', runId: 'r2' });
    if (evaluated?.type !== 'evaluate/done') throw new Error(JSON.stringify(evaluated));
    expect(evaluated.evaluation.kind).toBe('classification');
    const [exported] = await send({ type: 'model/export', runId: 'r2' });
    if (exported?.type !== 'model/exported') throw new Error(JSON.stringify(exported));
    const model = JSON.parse(exported.json) as { history: { epoch: number }[]; training: { epochsRun: number; bestEpoch: number }; spec: { training: { epochs: number } } };
    expect(model.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(model.training).toMatchObject({ epochsRun: 10, bestEpoch: 10 });
    expect(model.spec.training.epochs).toBe(10);
    // The continued run continues again: 10 + 2.
    const again = await send({ type: 'train/continue', runId: 'r3', fromRunId: 'r2', epochs: 2 });
    expect(epochsOf(again).map((h) => h.epoch)).toEqual([11, 12]);
  });

  it('continues a reopened run (weights but no optimizer state) with a fresh optimizer, and says so in one line', async () => {
    const { send } = await harness();
    await send({ type: 'train/start', runId: 'r1', spec: spec(5), settings });
    const kept = doneOf(await send({ type: 'train/continue', runId: 'kept', fromRunId: 'r1', epochs: 3 }));
    const [exported] = await send({ type: 'model/export', runId: 'r1' });
    if (exported?.type !== 'model/exported') throw new Error(JSON.stringify(exported));
    await send({ type: 'model/load', runId: 'reopened', model: exported.json, settings });
    const events = await send({ type: 'train/continue', runId: 'fresh', fromRunId: 'reopened', epochs: 3 });
    const notes = events.filter((e) => e.type === 'train/diagnostic');
    expect(notes).toEqual([{
      type: 'train/diagnostic', runId: 'fresh',
      diagnostic: {
        code: 'optimizerReset', level: 'info', epoch: 6, layer: null,
        message: "The earlier run's optimizer state is not kept (a run reopened from a file keeps only its weights), so this run continues from its weights with its optimizer (adam) started afresh; the loss may jump at epoch 6.",
      },
    }]);
    // It comes after train/started, so the UI has the run to show it on.
    expect(events.findIndex((e) => e.type === 'train/diagnostic')).toBeGreaterThan(events.findIndex((e) => e.type === 'train/started'));
    expect(epochsOf(events).map((h) => h.epoch)).toEqual([6, 7, 8]);
    // Adam's moments and bias correction restart, so the weights differ from continuing with the kept state.
    expect(maxDiff(doneOf(events).weights, kept.weights)).toBeGreaterThan(1e-4);
  });

  it('stops a continued run on request, and early stopping watches only the new epochs', async () => {
    let isStopping = false;
    const { send } = await harness((e, service) => {
      // The first progress (at the end of epoch 6's last batch) goes out at once, so the run stops before
      // epoch 7. Stopping flushes events, so the flag is set before asking.
      if (!isStopping && e.type === 'train/progress' && e.runId === 'r2') {
        isStopping = true;
        void service.handle({ type: 'train/stop', id: 900, runId: 'r2' });
      }
    });
    await send({ type: 'train/start', runId: 'r1', spec: spec(5), settings });
    const stopped = await send({ type: 'train/continue', runId: 'r2', fromRunId: 'r1', epochs: 200 });
    expect(stopped.find((e) => e.type === 'train/state' && e.state === 'stopping')).toMatchObject({ id: 900, runId: 'r2', state: 'stopping' });
    const done = doneOf(stopped);
    expect(done.stopReason).toBe('stopped');
    expect(epochsOf(stopped).map((h) => h.epoch)).toEqual([6]);
    // A stopped run can be continued too.
    const more = await send({ type: 'train/continue', runId: 'r3', fromRunId: 'r2', epochs: 2 });
    expect(epochsOf(more).map((h) => h.epoch)).toEqual([7, 8]);

    // With minDelta 10 only a run's first epoch counts as better: stop 3 epochs later (patience 2).
    const es = { earlyStopping: { monitor: 'valLoss', patience: 2, minDelta: 10 } };
    const early = doneOf(await send({ type: 'train/start', runId: 'e1', spec: spec(30, es), settings }));
    expect([early.stopReason, early.bestEpoch]).toEqual(['earlyStopping', 1]);
    const events = await send({ type: 'train/continue', runId: 'e2', fromRunId: 'e1', epochs: 30 });
    expect(epochsOf(events).map((h) => h.epoch)).toEqual([5, 6, 7, 8]);
    const continued = doneOf(events);
    expect([continued.stopReason, continued.bestEpoch]).toEqual(['earlyStopping', 5]);
  });

  it('steps through a paused continued run, at its epoch counted after the earlier run', async () => {
    let trace: Promise<EngineEvent | undefined> | null = null;
    let isAsked = false;
    const { send, events } = await harness((e, service) => {
      if (isAsked || e.type !== 'train/progress' || e.runId !== 'r2') return;
      // Pausing flushes events, so the flag is set before asking.
      isAsked = true;
      trace = (async () => {
        await service.handle({ type: 'train/pause', id: 801, runId: 'r2' });
        await service.handle({ type: 'step/trace', id: 802, source: { kind: 'run', runId: 'r2' }, positions: Int32Array.from([0]), learningRate: null });
        await service.handle({ type: 'train/resume', id: 803, runId: 'r2' });
        return events.find((x) => 'id' in x && x.id === 802);
      })();
    });
    await send({ type: 'train/start', runId: 'r1', spec: spec(5), settings });
    doneOf(await send({ type: 'train/continue', runId: 'r2', fromRunId: 'r1', epochs: 3 }));
    const traced = await trace!;
    if (traced?.type !== 'step/traced') throw new Error(JSON.stringify(traced));
    expect(traced.trace.position?.epoch).toBeGreaterThanOrEqual(6);
    expect(traced.trace.position?.epoch).toBeLessThanOrEqual(8);
  });

  it('continues a sweep retrain on training and validation rows together, as it was trained', async () => {
    const { send } = await harness();
    const retrained = await send({ type: 'sweep/retrain', runId: 'best', spec: spec(3), settings, params: { 'layers[h1].units': 6 }, epochs: 3 });
    doneOf(retrained);
    const events = await send({ type: 'train/continue', runId: 'more', fromRunId: 'best', epochs: 2 });
    const started = events[0];
    expect(started?.type === 'train/started' && started.summary.rows).toEqual({ train: 120, validation: 0, test: 30 });
    expect(started?.type === 'train/started' && started.spec.layers[0]).toMatchObject({ id: 'h1', units: 6 });
    expect(events.filter((e) => e.type === 'train/diagnostic')).toEqual([]);
    expect(epochsOf(events).map((h) => [h.epoch, h.valLoss])).toEqual([[4, null], [5, null]]);
  });

  it('refuses an unknown run, a run still training, and another dataset, saying what to do', async () => {
    let busy: Promise<EngineEvent[]> | null = null;
    const { send, events } = await harness((e, service) => {
      if (!busy && e.type === 'train/started' && e.runId === 'long') {
        busy = service.handle({ type: 'train/continue', id: 901, runId: 'x', fromRunId: 'long', epochs: 1 })
          .then(() => events.filter((x) => 'id' in x && x.id === 901))
          .finally(() => void service.handle({ type: 'train/stop', id: 902, runId: 'long' }));
      }
    });
    expect(errorOf(await send({ type: 'train/continue', runId: 'r2', fromRunId: 'nope', epochs: 5 }))).toEqual({
      name: 'RunError', code: 'continue/unknown-run',
      message: "The engine holds no run 'nope' to continue (it may have restarted since). Select the run in the run list so its model is loaded again, then continue it.",
    });
    await send({ type: 'train/start', runId: 'long', spec: spec(500), settings });
    expect(errorOf(await busy!)).toEqual({
      name: 'RunError', code: 'continue/still-training',
      message: 'This run is still training. Wait for it to finish, or stop it, before continuing it.',
    });

    await send({ type: 'train/start', runId: 'r1', spec: spec(2), settings });
    const other = new TextEncoder().encode('a,b,species\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,1,x\n2,3,y\n4,5,x\n6,7,y\n8,9,x\n1,3,y\n').buffer as ArrayBuffer;
    await send({ type: 'data/load', name: 'other.csv', source: other, options: null });
    expect(errorOf(await send({ type: 'train/continue', runId: 'r2', fromRunId: 'r1', epochs: 5 }))).toEqual({
      name: 'DatasetError', code: 'continue/other-table',
      message: "The loaded dataset is not the one this run was trained on: the run reads 4 features (sepal_length_cm, sepal_width_cm, petal_length_cm, petal_width_cm), the loaded table gives 2 (a, b). Load the run's dataset on the Data view to continue it.",
    });
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest, LoadOptions } from '../protocol/index.ts';
import { EngineService } from './service.ts';

const iris = readFileSync(new URL('../../resources/samples/iris.csv', import.meta.url));

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

/** A service with a log of what it posted, and a helper that sends one request and returns its events. */
function harness() {
  const events: EngineEvent[] = [];
  const service = new EngineService((e) => events.push(e));
  let id = 0;
  async function send(body: Body): Promise<EngineEvent[]> {
    const from = events.length;
    await service.handle({ ...body, id: ++id } as EngineRequest);
    return events.slice(from);
  }
  return { service, events, send };
}

function bytes(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

const settings = { target: 'species', columns: {}, split: { validation: 0.1, test: 0.2 } };
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8, activation: 'relu' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: {
    epochs: 30,
    batchSize: 16,
    seed: 7,
    optimizer: { type: 'adam' as const, learningRate: 0.05 },
    backend: 'cpu' as const,
  },
};

describe('EngineService', () => {
  it('loads a CSV, shows rows and prepares the split', async () => {
    const { send } = harness();
    const loaded = (await send({ type: 'data/load', name: 'iris.csv', source: bytes(iris), options: null })).at(-1);
    expect(loaded?.type).toBe('data/loaded');
    if (loaded?.type !== 'data/loaded') return;
    expect(loaded.table.rows).toBe(150);
    expect(loaded.table.columns.map((c) => c.name)).toContain('species');
    const [rows] = await send({ type: 'data/rows', start: 0, count: 2, indices: null });
    expect(rows?.type === 'data/rows' && rows.cells[0]).toEqual(['5.1', '3.5', '1.4', '0.2', 'setosa']);
    const [prepared] = await send({ type: 'data/prepare', settings, seed: 7 });
    expect(prepared?.type === 'data/prepared' && prepared.summary.rows).toEqual({
      train: 105,
      validation: 15,
      test: 30,
    });
  });

  it('says once, not twice, that target classes differ only in case (the profile and preparation both find it)', async () => {
    const { send } = harness();
    const csv = readFileSync(new URL('../data/fixtures/case-only-classes.csv', import.meta.url));
    await send({ type: 'data/load', name: 'case.csv', source: bytes(csv), options: null });
    const [prepared] = await send({ type: 'data/prepare', settings: { target: 'species', columns: {} }, seed: 1 });
    if (prepared?.type !== 'data/prepared') throw new Error(`got ${prepared?.type}`);
    expect(prepared.summary.warnings.filter((w) => w.code === 'data/case-only-classes')).toHaveLength(1);
  });

  it('reports every network problem with its path, and shapes', async () => {
    const { send } = harness();
    await send({ type: 'data/load', name: 'iris.csv', source: bytes(iris), options: null });
    const bad = {
      layers: [
        { id: 'h1', type: 'dense' as const, units: -3 },
        { id: 'out', type: 'dense' as const, units: 'auto' as const },
      ],
    };
    const [checked] = await send({ type: 'network/check', spec: bad, settings });
    if (checked?.type !== 'network/checked') throw new Error(`got ${checked?.type}`);
    expect(checked.problems.map((p) => p.path)).toContain('layers[0].units');
    const [ok] = await send({ type: 'network/check', spec, settings });
    if (ok?.type !== 'network/checked') throw new Error(`got ${ok?.type}`);
    expect(ok.problems).toEqual([]);
    expect(ok.layers.map((l) => l.outputShape)).toEqual([
      [null, 8],
      [null, 3],
    ]);
    expect(ok.totalParams).toBe(4 * 8 + 8 + 8 * 3 + 3);
  });

  it('trains, evaluates, exports and predicts', async () => {
    const { send, events } = harness();
    await send({ type: 'data/load', name: 'iris.csv', source: bytes(iris), options: null });
    await send({ type: 'train/start', runId: 'r1', spec, settings });
    const types = events.map((e) => e.type);
    expect(types).toContain('train/started');
    const epochs = events.flatMap((e) => (e.type === 'train/epoch' ? e.summaries : []));
    expect(epochs.map((s) => s.epoch)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const done = events.find((e) => e.type === 'train/done');
    if (done?.type !== 'train/done') throw new Error('no train/done');
    expect(done.error).toBeNull();
    expect(done.weights.find((w) => w.layer === 'h1' && w.name === 'kernel')?.shape).toEqual([4, 8]);
    const [evaluated] = await send({ type: 'evaluate/run', runId: 'r1' });
    if (evaluated?.type !== 'evaluate/done') throw new Error(JSON.stringify(evaluated));
    expect(evaluated.evaluation.kind).toBe('classification');
    if (evaluated.evaluation.kind === 'classification') {
      expect(evaluated.evaluation.accuracy).toBeGreaterThan(0.8);
      expect(evaluated.evaluation.rowIndices.length).toBe(30);
    }
    const [exported] = await send({ type: 'model/export', runId: 'r1' });
    if (exported?.type !== 'model/exported') throw new Error('no export');
    const model = JSON.parse(exported.json) as { format: string; weights: { shape: number[] }[] };
    expect(model.format).toBe('backprop-studio/model');
    const [predicted] = await send({ type: 'predict/run', runId: 'r1', name: 'iris.csv', source: bytes(iris) });
    if (predicted?.type !== 'predict/done') throw new Error(JSON.stringify(predicted));
    expect(predicted.rows).toBe(150);
    // The run's own dataset: a split column says where each row was (as in the evaluation: 30 test rows).
    const lines = predicted.csv.trim().split('\n');
    expect(lines[0]).toBe(
      'sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species,split,prediction,probability_setosa,probability_versicolor,probability_virginica',
    );
    const splits = lines.slice(1).map((l) => l.split(',')[5]);
    expect([
      splits.filter((s) => s === 'train').length,
      splits.filter((s) => s === 'validation').length,
      splits.filter((s) => s === 'test').length,
    ]).toEqual([105, 15, 30]);
    if (evaluated.evaluation.kind === 'classification')
      expect(splits[evaluated.evaluation.rowIndices[0]!]).toBe('test');
    // Another file has no split column.
    const other = new TextEncoder().encode(`${iris.toString().split('\n').slice(0, 3).join('\n')}\n`)
      .buffer as ArrayBuffer;
    const [fresh] = await send({ type: 'predict/run', runId: 'r1', name: 'iris.csv', source: other });
    if (fresh?.type !== 'predict/done') throw new Error(JSON.stringify(fresh));
    expect(fresh.csv.split('\n')[0]).toBe(
      'sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,species,prediction,probability_setosa,probability_versicolor,probability_virginica',
    );
    // A reloaded model (from a saved project) evaluates the same.
    await send({ type: 'model/load', runId: 'r2', model: exported.json, settings });
    const [again] = await send({ type: 'evaluate/run', runId: 'r2' });
    if (again?.type !== 'evaluate/done') throw new Error(JSON.stringify(again));
    expect(again.evaluation.loss).toBeCloseTo(evaluated.evaluation.loss, 6);
  });

  it("frees a deleted run's model and optimizer state, and reports the bytes it holds", async () => {
    const { send } = harness();
    await send({ type: 'data/load', name: 'iris.csv', source: bytes(iris), options: null });
    const memory = async (runIds: string[], keepTable = true) => {
      const [reply] = await send({ type: 'runs/keep', runIds, keepTable });
      if (reply?.type !== 'memory/report') throw new Error(`got ${reply?.type}`);
      return reply.memory;
    };
    const empty = await memory([]);
    expect(empty.runs).toBe(0);
    expect(empty.runBytes).toBe(0);
    // The table's numbers (150 rows × 5 columns, at least 4 bytes each) are held.
    expect(empty.tableBytes).toBeGreaterThanOrEqual(150 * 4 * 4);
    await send({ type: 'train/start', runId: 'r1', spec, settings });
    await send({ type: 'train/start', runId: 'r2', spec, settings });
    const both = await memory(['r1', 'r2']);
    const params = 4 * 8 + 8 + 8 * 3 + 3;
    expect(both.runs).toBe(2);
    // Each run keeps its weights (numbers in the model file, 8 bytes each) and Adam's two float32 moments.
    expect(both.runBytes).toBeGreaterThanOrEqual(2 * (params * 8 + 2 * params * 4));
    expect(both.bytes).toBe(both.tableBytes + both.runBytes);

    const one = await memory(['r1']);
    expect(one.runs).toBe(1);
    expect(one.runBytes).toBe(both.runBytes / 2);
    const [refused] = await send({ type: 'evaluate/run', runId: 'r2' });
    expect(refused?.type === 'error' && refused.error.code).toBe('run/no-model');
    const [kept] = await send({ type: 'evaluate/run', runId: 'r1' });
    expect(kept?.type).toBe('evaluate/done');

    // New project: no runs and no table are held, and a request for rows says no data is loaded.
    const none = await memory([], false);
    expect([none.bytes, none.tableBytes, none.runs]).toEqual([0, 0, 0]);
    const [rows] = await send({ type: 'data/rows', start: 0, count: 5, indices: null });
    expect(rows?.type).toBe('error');
  });

  it('answers a bad CSV with a clear error for that request', async () => {
    const { send } = harness();
    const error = (await send({ type: 'data/load', name: 'empty.csv', source: new ArrayBuffer(0), options: null })).at(
      -1,
    );
    expect(error?.type).toBe('error');
    if (error?.type === 'error') {
      expect(error.id).toBe(1);
      expect(error.error.name).toBe('DatasetError');
      expect(error.error.message.length).toBeGreaterThan(10);
    }
  });

  it('names each kind of failure: a run that cannot answer is a RunError, an unreadable model a ModelFileError', async () => {
    const { send } = harness();
    const failure = async (req: Parameters<typeof send>[0]) => {
      const reply = (await send(req)).at(-1);
      if (reply?.type !== 'error') throw new Error(`expected an error, got ${reply?.type}`);
      return {
        name: reply.error.name,
        code: reply.error.code,
        message: reply.error.message,
        problems: reply.error.problems.length,
      };
    };
    expect(await failure({ type: 'train/stop', runId: 'gone' })).toEqual({
      name: 'RunError',
      code: 'run/not-running',
      message: 'This run is not training any more.',
      problems: 1,
    });
    expect(await failure({ type: 'evaluate/run', runId: 'gone' })).toEqual({
      name: 'RunError',
      code: 'run/no-model',
      problems: 1,
      message: 'This run has no trained model. Train it first (a run that failed keeps no weights).',
    });
    expect(await failure({ type: 'model/load', runId: 'm', model: '{"format":', settings: null })).toEqual({
      name: 'ModelFileError',
      code: 'model/not-json',
      message: 'The saved model is not valid JSON. Train the run again.',
      problems: 1,
    });
  });

  it('reads the file again with the reading options sent, and says what was detected', async () => {
    const { send } = harness();
    const csv = new TextEncoder().encode('when;size;y\n03/04/2024;2,5;a\n01/11/2024;3,5;b\n10/02/2024;1,5;a\n')
      .buffer as ArrayBuffer;
    const load = async (options: LoadOptions | null) => {
      const loaded = (await send({ type: 'data/load', name: 'a.csv', source: csv.slice(0), options })).at(-1);
      if (loaded?.type !== 'data/loaded') throw new Error(JSON.stringify(loaded));
      return loaded.table;
    };
    const detected = await load(null);
    expect(detected.reading).toEqual({ decimal: ',', dateOrder: 'dayFirst' });
    expect(detected.dateOrderFound).toBe('assumed');
    expect(detected.columns.map((c) => c.type)).toEqual(['datetime', 'numeric', 'categorical']);
    const set = await load({ dateOrder: 'monthFirst', decimal: '.' });
    expect(set.reading).toEqual({ decimal: '.', dateOrder: 'monthFirst' });
    expect(set.dateOrderFound).toBe('detected');
    expect(set.columns.map((c) => c.type)).toEqual(['datetime', 'categorical', 'categorical']);
    const [rows] = await send({ type: 'data/rows', start: 0, count: 1, indices: null });
    expect(rows?.type === 'data/rows' && rows.cells[0]).toEqual(['2024-03-04', '2,5', 'a']);
    const other = async (text: string) => {
      const loaded = (
        await send({
          type: 'data/load',
          name: 'b.csv',
          source: new TextEncoder().encode(text).buffer as ArrayBuffer,
          options: null,
        })
      ).at(-1);
      if (loaded?.type !== 'data/loaded') throw new Error(JSON.stringify(loaded));
      return [loaded.table.reading, loaded.table.dateOrderFound];
    };
    expect(await other('a,b\n1,x\n2,y\n')).toEqual([{ decimal: '.', dateOrder: null }, 'none']);
    expect(await other('a,b\n31/12/2023,12/31/2023\n01/02/2023,01/02/2023\n')).toEqual([
      { decimal: '.', dateOrder: null },
      'differs',
    ]);
    expect(await other('a,b\n31/12/2023,01/02/2023\n01/02/2023,03/04/2023\n')).toEqual([
      { decimal: '.', dateOrder: 'dayFirst' },
      'detected',
    ]);
  });

  it('a model stores how its CSV was read, and predicts new files read the same way', async () => {
    const { send } = harness();
    const text = [
      'when;size;y',
      ...Array.from(
        { length: 12 },
        (_, i) => `${String(i + 1).padStart(2, '0')}/${13 + i}/2023;${i},5;${i % 2 ? 'a' : 'b'}`,
      ),
    ].join('\n');
    await send({
      type: 'data/load',
      name: 'train.csv',
      source: new TextEncoder().encode(text).buffer as ArrayBuffer,
      options: null,
    });
    const small = { ...spec, training: { ...spec.training, epochs: 2 } };
    await send({
      type: 'train/start',
      runId: 'r1',
      spec: small,
      settings: { target: 'y', columns: {}, split: { validation: 0, test: 0.25 } },
    });
    const [exported] = await send({ type: 'model/export', runId: 'r1' });
    if (exported?.type !== 'model/exported') throw new Error(JSON.stringify(exported));
    expect((JSON.parse(exported.json) as { reading: unknown }).reading).toEqual({
      decimal: ',',
      dateOrder: 'monthFirst',
    });
    const ambiguous = new TextEncoder().encode('when;size;y\n03/04/2024;2,5;a\n').buffer as ArrayBuffer;
    const [predicted] = await send({ type: 'predict/run', runId: 'r1', name: 'new.csv', source: ambiguous });
    if (predicted?.type !== 'predict/done') throw new Error(JSON.stringify(predicted));
    expect(predicted.csv.split('\n')[1]?.split(';').slice(0, 3)).toEqual(['2024-03-04', '2.5', 'a']);
    expect(predicted.warnings).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../protocol/index.ts';
import { EngineService } from './service.ts';

const sample = (name: string): ArrayBuffer => {
  const buf = readFileSync(new URL(`../../resources/samples/${name}`, import.meta.url));
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
};

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

function harness() {
  const events: EngineEvent[] = [];
  const posting = new EngineService((e) => events.push(e));
  let id = 0;
  async function send(body: Body): Promise<EngineEvent> {
    const from = events.length;
    await posting.handle({ ...body, id: ++id } as EngineRequest);
    const last = events.slice(from).at(-1);
    if (!last) throw new Error('no reply');
    return last;
  }
  return { send };
}

const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8, activation: 'relu' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: {
    epochs: 6,
    batchSize: 16,
    seed: 3,
    optimizer: { type: 'adam' as const, learningRate: 0.05 },
    backend: 'cpu' as const,
  },
};
// Min-max for the bill length, year ignored: the opened model's settings must carry each column's own treatment.
const settings = {
  target: 'species',
  columns: { bill_length_mm: { scaling: 'minMax' as const }, year: { role: 'ignore' as const } },
};

/** A penguins model trained by the engine, as model-file text. */
async function penguinsModel(): Promise<string> {
  const { send } = harness();
  await send({ type: 'data/load', name: 'penguins.csv', source: sample('penguins.csv'), options: null });
  await send({ type: 'train/start', runId: 'r1', spec, settings });
  const exported = await send({ type: 'model/export', runId: 'r1' });
  if (exported.type !== 'model/exported') throw new Error(`got ${exported.type}`);
  return exported.json;
}

const errorOf = (e: EngineEvent): string => (e.type === 'error' ? e.error.message : `no error: ${e.type}`);

describe('model/open', () => {
  it('opens a model file on its dataset: curves, stored metrics, and the same test score evaluated again', async () => {
    const json = await penguinsModel();
    const stored = JSON.parse(json) as { metrics: { test: { accuracy: number } } };
    const { send } = harness();
    await send({ type: 'data/load', name: 'penguins.csv', source: sample('penguins.csv'), options: null });
    const opened = await send({ type: 'model/open', runId: 'm1', model: json, fileName: 'penguins.model.json' });
    if (opened.type !== 'model/opened') throw new Error(errorOf(opened));
    expect(opened.opened.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(opened.opened.metrics.test).toMatchObject({
      kind: 'classification',
      accuracy: stored.metrics.test.accuracy,
    });
    expect(opened.opened.dataProblem).toBeNull();
    expect(opened.opened.settings?.columns?.year).toEqual({ role: 'ignore' });
    expect(opened.opened.settings?.columns?.bill_length_mm).toMatchObject({ role: 'feature', scaling: 'minMax' });
    expect(opened.weights.map((w) => w.shape)).toEqual([[9, 8], [8], [8, 3], [3]]);
    const evaluated = await send({ type: 'evaluate/run', runId: 'm1' });
    if (evaluated.type !== 'evaluate/done') throw new Error(errorOf(evaluated));
    expect(evaluated.evaluation.kind === 'classification' && evaluated.evaluation.accuracy).toBeCloseTo(
      stored.metrics.test.accuracy,
      6,
    );
    expect(opened.opened.summary?.rows.test).toBe(evaluated.evaluation.rowIndices.length);
  });

  it('without a dataset, or on one that lacks its columns, says why it shows only its stored metrics', async () => {
    const json = await penguinsModel();
    const { send } = harness();
    const bare = await send({ type: 'model/open', runId: 'm1', model: json, fileName: 'm.json' });
    if (bare.type !== 'model/opened') throw new Error(errorOf(bare));
    expect(bare.opened.settings).toBeNull();
    expect(bare.opened.summary).toBeNull();
    expect(bare.opened.dataProblem).toBe(
      'No dataset is loaded, so the model shows its stored metrics only. ' +
        "Load the model's dataset on the Data view, then open the model again to evaluate it.",
    );
    await send({ type: 'data/load', name: 'iris.csv', source: sample('iris.csv'), options: null });
    const other = await send({ type: 'model/open', runId: 'm2', model: json, fileName: 'm.json' });
    if (other.type !== 'model/opened') throw new Error(errorOf(other));
    expect(other.opened.dataProblem).toBe(
      "The loaded dataset lacks the columns 'island', 'bill_length_mm', " +
        "'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex' that the model was trained on, so it cannot be " +
        "evaluated on it. Load the model's dataset on the Data view, then open the model again.",
    );
    expect(errorOf(await send({ type: 'evaluate/run', runId: 'm2' }))).toBe(
      'This run does not say how its data was prepared. Train it again.',
    );
  });

  it('names a project, a CSV, junk and a damaged model for what they are', async () => {
    const { send } = harness();
    const open = async (text: string): Promise<string> =>
      errorOf(await send({ type: 'model/open', runId: 'x', model: text, fileName: 'f.json' }));
    expect(await open('{"format":"backprop-studio/project","version":1}')).toBe(
      'f.json is a Backprop Studio project, ' +
        "not a model file. Open it with Open project (File ▸ Open… or Ctrl+O); to open one of its runs, export the run's model first.",
    );
    expect(await open('species,island\nAdelie,Biscoe\n')).toBe(
      'f.json looks like a CSV table, not a model file. ' +
        'Load it on the Data view (Load CSV), or open a model file (.json) exported by Backprop Studio.',
    );
    expect(await open('\u0000\u0001junk')).toBe(
      'f.json is not a Backprop Studio model file: it is not valid JSON. ' +
        'Open a model file (.json) exported by Backprop Studio, its CLI or its PyTorch package.',
    );
    expect(await open('{"format":"backprop-studio/network"}')).toBe(
      'This is not a Backprop Studio model file: format is ' +
        `"backprop-studio/network", expected 'backprop-studio/model'. Export the model again from Backprop Studio.`,
    );
    const model = JSON.parse(await penguinsModel()) as { weights: { data: (number | null)[] }[] };
    model.weights[0]!.data[4] = null;
    const damaged = await send({ type: 'model/open', runId: 'x', model: JSON.stringify(model), fileName: 'f.json' });
    if (damaged.type !== 'error') throw new Error(damaged.type);
    expect(damaged.error.problems.map((p) => p.path)).toEqual(['weights[0].data[4]']);
  });
});

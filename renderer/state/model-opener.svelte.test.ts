import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../engine/protocol/index.ts';
import { EngineService } from '../../engine/worker/service.ts';
import penguinsCsv from '../../resources/samples/penguins.csv?raw';
import { EngineRequestError } from '../engine/engine-client.ts';
import {
  MAX_MODEL_FILE_BYTES,
  ModelOpener,
  runNameOf,
  useNetworkOf,
  type OpenerProject,
} from './model-opener.svelte.ts';
import { NetworkEditor } from './network-editor.svelte.ts';
import { TrainingRun } from './training-run.svelte.ts';

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

const penguins = (): ArrayBuffer => new TextEncoder().encode(penguinsCsv).buffer as ArrayBuffer;

/** The real engine service in this process, answering like the worker client (an error reply throws). */
function engine() {
  const events: EngineEvent[] = [];
  const service = new EngineService((e) => events.push(e));
  let id = 0;
  return {
    async request(body: Body): Promise<never> {
      const from = events.length;
      await service.handle({ ...body, id: ++id } as EngineRequest);
      const last = events.slice(from).at(-1);
      if (last?.type === 'error') throw new EngineRequestError(last.error);
      return last as never;
    },
  };
}

const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 6 },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: { epochs: 4, batchSize: 32, seed: 5, backend: 'cpu' as const },
};

/** A penguins model file as the app or the CLI writes it. */
async function modelText(): Promise<string> {
  const e = engine();
  await e.request({ type: 'data/load', name: 'penguins.csv', source: penguins(), options: null });
  await e.request({ type: 'train/start', runId: 'r1', spec, settings: { target: 'species' } });
  return ((await e.request({ type: 'model/export', runId: 'r1' })) as { json: string }).json;
}

/** A project with the real engine; `withData` loads penguins first. */
async function setup(withData: boolean) {
  const e = engine();
  if (withData) await e.request({ type: 'data/load', name: 'penguins.csv', source: penguins(), options: null });
  const selected: TrainingRun[] = [];
  let touched = 0;
  const project: OpenerProject = {
    runs: [],
    dataset: { table: withData ? { name: 'penguins.csv' } : null },
    engine: e,
    touch: () => {
      touched++;
    },
    selectRun: (run) => {
      selected.push(run);
    },
  };
  return { project, opener: new ModelOpener(project), selected, touched: () => touched };
}

const file = (text: string): Blob => new Blob([text], { type: 'application/json' });

describe('ModelOpener', () => {
  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
  });
  afterAll(() => vi.unstubAllGlobals());

  test('names the run after the file', () => {
    expect(runNameOf('penguins.model.json')).toBe('penguins');
    expect(runNameOf('MODEL.JSON')).toBe('MODEL');
    expect(runNameOf('.json')).toBe('.json');
  });

  test('opens a model file as a run with its curves, stored metrics, weights and settings, saved with the project', async () => {
    const text = await modelText();
    const stored = JSON.parse(text) as { metrics: { test: { accuracy: number } } };
    const { project, opener, selected, touched } = await setup(true);
    const run = await opener.open('penguins.model.json', file(text));
    expect(opener.error).toBeNull();
    expect(run?.name).toBe('penguins');
    expect(project.runs).toEqual([run]);
    expect(selected).toEqual([run]);
    expect(touched()).toBe(1);
    expect(run?.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4]);
    expect(run?.opened).toEqual({ file: 'penguins.model.json', metrics: JSON.parse(text).metrics, dataProblem: null });
    const test = run?.opened?.metrics.test;
    expect(test && 'accuracy' in test && test.accuracy).toBe(stored.metrics.test.accuracy);
    expect(run?.settings.target).toBe('species');
    expect(run?.summary?.task.kind).toBe('classification');
    expect(run?.dataset).toBe('penguins.csv');
    expect(run?.hasModel && run.isInWorker).toBe(true);
    expect(run?.model).toBe(text);
    const again = TrainingRun.fromRecord(JSON.parse(JSON.stringify(run!.toRecord())));
    expect(again.opened).toEqual(run?.opened);
    expect(again.history).toEqual(run?.history);
  });

  test('without data the run opens with its stored metrics and says why it cannot be evaluated', async () => {
    const { project, opener } = await setup(false);
    const run = await opener.open('m.json', file(await modelText()));
    expect(project.runs).toHaveLength(1);
    expect(run?.opened?.dataProblem).toBe(
      'No dataset is loaded, so the model shows its stored metrics only. ' +
        "Load the model's dataset on the Data view, then open the model again to evaluate it.",
    );
    expect(run?.dataset).toBeNull();
  });

  test('Use this network puts the opened layers and training on the Model view as one undo step', async () => {
    const { opener } = await setup(false);
    const run = await opener.open('m.json', file(await modelText()));
    let training = {
      epochs: 100,
      seed: 42,
      backend: 'auto' as const,
      optimizer: { type: 'sgd' as const, learningRate: 0.1 },
    };
    const editor = new NetworkEditor(() => {}, {
      get: () => training,
      set: (t) => {
        training = t as typeof training;
      },
    });
    editor.setLayers([{ id: 'mine', type: 'dense', units: 99 }]);
    useNetworkOf(run!, editor, training);
    expect(editor.allLayers.map((l) => [l.id, l.type === 'dense' ? l.units : null])).toEqual([
      ['h1', 6],
      ['out', 3],
    ]);
    expect(training).toMatchObject({
      epochs: 4,
      batchSize: 32,
      seed: 42,
      backend: 'auto',
      optimizer: { type: 'adam' },
    });
    editor.undo();
    expect(editor.layers.map((l) => l.id)).toEqual(['mine']);
    expect(training).toMatchObject({ epochs: 100, optimizer: { type: 'sgd' } });
  });

  test('each bad file is refused with its message and adds no run', async () => {
    const { project, opener } = await setup(false);
    const refused = async (name: string, blob: Blob): Promise<string | undefined> => {
      expect(await opener.open(name, blob)).toBeNull();
      return opener.error?.message;
    };
    expect(await refused('empty.json', file(''))).toBe(
      'empty.json is empty. Open a model file (.json) exported by Backprop Studio.',
    );
    const huge = { size: MAX_MODEL_FILE_BYTES + 1, text: async () => '' } as Blob;
    expect(await refused('huge.json', huge)).toBe(
      'huge.json is 256 MB, larger than the 256 MB any model file this app ' +
        'opens. Open the model file a run exported.',
    );
    expect(await refused('study.bpstudio', file('{"format":"backprop-studio/project","version":1,"runs":[]}'))).toBe(
      'study.bpstudio is a Backprop Studio project, not a model file. Open it with Open project (File ▸ Open… or ' +
        "Ctrl+O); to open one of its runs, export the run's model first.",
    );
    expect(await refused('penguins.csv', file('species,island\nAdelie,Biscoe\n'))).toBe(
      'penguins.csv looks like a CSV ' +
        'table, not a model file. Load it on the Data view (Load CSV), or open a model file (.json) exported by Backprop Studio.',
    );
    const model = JSON.parse(await modelText()) as { outputs: unknown; weights: { shape: unknown }[] };
    model.outputs = 0;
    model.weights[1]!.shape = 'eight';
    expect(await refused('bad.json', file(JSON.stringify(model)))).toBeDefined();
    expect(opener.error?.problems.map((p) => [p.path, p.message])).toEqual([
      ['outputs', 'outputs must be a positive integer, got 0.'],
      ['weights[1]', 'weights[1] must be { layer: string, name: string, shape: number[], data: number[] }.'],
    ]);
    expect(project.runs).toEqual([]);
    expect(opener.isOpening).toBe(false);
  });
});

import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../engine/protocol/index.ts';
import { EngineService } from '../../engine/worker/service.ts';
import penguinsCsv from '../../resources/samples/penguins.csv?raw';
import { EngineRequestError } from '../engine/engine-client.ts';
import { convertModel, ensureModel, evaluateRun, modelJson, predictCsv } from './run-models.ts';
import { TrainingRun } from './training-run.svelte.ts';

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

const penguins = (): ArrayBuffer => new TextEncoder().encode(penguinsCsv).buffer as ArrayBuffer;
const settings = { target: 'species' };
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 6 },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: { epochs: 3, batchSize: 32, seed: 5, backend: 'cpu' as const },
};

/** The real engine service in this process, answering like the worker client (an error reply throws); counts requests. */
function engine() {
  const events: EngineEvent[] = [];
  const service = new EngineService((e) => events.push(e));
  let id = 0;
  const asked: string[] = [];
  return {
    asked,
    async request(body: Body): Promise<never> {
      asked.push(body.type);
      const from = events.length;
      await service.handle({ ...body, id: ++id } as EngineRequest);
      const last = events.slice(from).at(-1);
      if (last?.type === 'error') throw new EngineRequestError(last.error);
      return last as never;
    },
  };
}

/** An engine with penguins loaded, and a run restored from a project file: its model is not in this worker yet. */
async function restoredRun() {
  const trainer = engine();
  await trainer.request({ type: 'data/load', name: 'penguins.csv', source: penguins(), options: null });
  await trainer.request({ type: 'train/start', runId: 'r1', spec, settings });
  const text = ((await trainer.request({ type: 'model/export', runId: 'r1' })) as { json: string }).json;
  const e = engine();
  await e.request({ type: 'data/load', name: 'penguins.csv', source: penguins(), options: null });
  e.asked.length = 0;
  const run = new TrainingRun({ id: 'r1', name: 'Run 1', spec, settings });
  run.model = text;
  return { e, run, text };
}

describe('run-models', () => {
  beforeAll(() => {
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => {});
  });
  afterAll(() => vi.unstubAllGlobals());

  test('a restored run is loaded into the worker once, then evaluated on its test split', async () => {
    const { e, run } = await restoredRun();
    expect(run.isInWorker).toBe(false);
    expect(await ensureModel(e, run)).toBe(true);
    expect(run.isInWorker).toBe(true);
    expect(run.weights?.length).toBeGreaterThan(0);
    await evaluateRun(e, run);
    expect(run.evaluationError).toBeNull();
    expect(run.evaluation?.kind).toBe('classification');
    expect(run.evaluation?.rowIndices.length).toBeGreaterThan(0);
    expect(e.asked).toEqual(['model/load', 'evaluate/run']);
  });

  test('a run without a model is not loaded and not evaluated, and says nothing', async () => {
    const { e } = await restoredRun();
    const run = new TrainingRun({ id: 'r2', name: 'Run 2', spec, settings });
    expect(await ensureModel(e, run)).toBe(false);
    await evaluateRun(e, run);
    expect(run.evaluation).toBeNull();
    expect(run.evaluationError).toBeNull();
    expect(e.asked).toEqual([]);
  });

  test('an opened model the dataset cannot read shows why instead of asking the engine', async () => {
    const { e, text } = await restoredRun();
    const problem = 'No dataset is loaded, so the model shows its stored metrics only.';
    const run = new TrainingRun({
      id: 'r3',
      name: 'opened',
      spec,
      settings,
      opened: { file: 'm.json', metrics: {}, dataProblem: problem },
    });
    run.model = text;
    await evaluateRun(e, run);
    expect(run.evaluationError).toEqual({
      name: 'DatasetError',
      code: 'model/data',
      path: '',
      message: problem,
      problems: [],
    });
    expect(e.asked).toEqual([]);
  });

  test("the model file is the run's own text when it has one; exports and predictions load the model first", async () => {
    const { e, run, text } = await restoredRun();
    expect(await modelJson(e, run)).toBe(text);
    expect(e.asked).toEqual([]);
    const files = await convertModel(e, run, 'json');
    expect(files).toHaveLength(1);
    expect(JSON.parse(files[0]?.text ?? '').format).toBe(JSON.parse(text).format);
    const csv = new Blob([penguinsCsv], { type: 'text/csv' });
    const predicted = await predictCsv(e, run, 'penguins.csv', csv);
    expect(predicted.rows).toBe(penguinsCsv.trim().split('\n').length - 1);
    expect(predicted.csv.split('\n')[0]).toContain('species');
    // The run's summary arrives with 'train/started', which a restored run never saw: no class count.
    expect(predicted.classes).toBe(0);
    expect(e.asked).toEqual(['model/load', 'model/convert', 'predict/run']);
  });
});

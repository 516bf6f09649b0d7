import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { applyPreprocessing, cellLabel, parseCsv, prepareDataset, type PreparedDataset, type Preprocessing } from '../data/index.ts';
import { attributeRows, meanInputs, partialDependence, permutationImportance } from '../explain/index.ts';
import { parseModelFile, type ModelFile } from '../export/index.ts';
import type { EngineEvent, EngineRequest } from '../protocol/index.ts';
import { columnRows, tableRows } from './explain-table.ts';
import { EngineService } from './service.ts';

const penguinsBytes = readFileSync(new URL('../../resources/samples/penguins.csv', import.meta.url));
const table = parseCsv(new Uint8Array(penguinsBytes));
const settings = { target: 'species', columns: {}, split: { validation: 0.1, test: 0.2 } };
const spec = {
  layers: [
    { id: 'h1', type: 'dense' as const, units: 8, activation: 'tanh' as const },
    { id: 'out', type: 'dense' as const, units: 'auto' as const },
  ],
  training: { epochs: 8, batchSize: 32, seed: 3, optimizer: { type: 'adam' as const, learningRate: 0.05 }, backend: 'cpu' as const },
};

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

function bytes(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** A service with penguins loaded and run 'r1' trained on it; `send` returns the events one request posted. */
async function trained() {
  const events: EngineEvent[] = [];
  let onPost: (e: EngineEvent) => void = () => {};
  const service = new EngineService((e) => { events.push(e); onPost(e); });
  let id = 0;
  const send = async (body: Body): Promise<EngineEvent[]> => {
    const from = events.length;
    await service.handle({ ...body, id: ++id } as EngineRequest);
    return events.slice(from);
  };
  await send({ type: 'data/load', name: 'penguins.csv', source: bytes(penguinsBytes), options: null });
  await send({ type: 'train/start', runId: 'r1', spec, settings });
  const [exported] = await send({ type: 'model/export', runId: 'r1' });
  if (exported?.type !== 'model/exported') throw new Error(JSON.stringify(exported));
  const model = parseModelFile(JSON.parse(exported.json));
  return { service, events, send, model, nextId: () => ++id, setOnPost: (f: (e: EngineEvent) => void) => { onPost = f; } };
}

function errorOf(events: EngineEvent[]): string {
  const e = events.at(-1);
  if (e?.type !== 'error') throw new Error(`expected an error, got ${e?.type}`);
  return `${e.error.code}: ${e.error.message}`;
}

let h: Awaited<ReturnType<typeof trained>>;
let model: ModelFile;
let pre: Preprocessing;
let prepared: PreparedDataset;

beforeAll(async () => {
  h = await trained();
  model = h.model;
  pre = model.preprocessing!;
  prepared = prepareDataset(table, settings, model.seed);
});

describe('explain in the worker', () => {
  it('importance: the engine\'s result on the test rows, with progress after every shuffle', async () => {
    const events = await h.send({ type: 'explain/importance', runId: 'r1', repeats: 3, seed: 11 });
    const done = events.at(-1);
    if (done?.type !== 'explain/importance-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const expected = await permutationImportance(model, pre, backend, prepared.test.x, prepared.test.y, prepared.test.rows, { repeats: 3, seed: 11 });
    backend.destroy();
    expect(done.result).toEqual(expected);
    expect(done.result.rows).toBe(prepared.test.rows);
    expect(done.backend).toBe(new CpuBackend().label);
    const progress = events.flatMap((e) => (e.type === 'explain/progress' ? [[e.done, e.total]] : []));
    const total = expected.columns.length * 3;
    expect(progress).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it('rows: the engine\'s attributions of the clicked table rows against the test rows\' mean, with their values', async () => {
    const rows = Int32Array.from([0, 3, 200]);
    const events = await h.send({ type: 'explain/rows', runId: 'r1', rows, method: 'integrated-gradients', baseline: 'mean', steps: null });
    const done = events.at(-1);
    if (done?.type !== 'explain/rows-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const x = applyPreprocessing(pre, tableRows(table, rows)).x;
    const expected = await attributeRows(model, pre, backend, x, 3, meanInputs(prepared.test.x, prepared.test.rows, model.inputs));
    backend.destroy();
    const r = done.result;
    expect(r.columns).toEqual(pre.features.map((f) => f.column));
    expect(r.baselineRows).toBe(prepared.test.rows);
    expect(r.rows.map((row) => row.row)).toEqual([0, 3, 200]);
    r.rows.forEach((row, i) => {
      const e = expected.rows[i]!;
      expect([row.prediction, row.baseline, row.label, row.gap]).toEqual([e.prediction, e.baseline, e.label, e.gap]);
      expect(row.attributions).toEqual(r.columns.map((c) => e.attributions[c]));
      // Completeness: the waterfall ends at the prediction.
      expect(Math.abs(row.attributions.reduce((a, b) => a + b, 0) - (row.prediction - row.baseline))).toBeLessThan(1e-3);
      expect(row.values).toEqual(r.columns.map((c) => cellLabel(table.columns.find((t) => t.name === c)!, rows[i]!) ?? ''));
    });
    // Row 4 of penguins has no measurements: its missing cells show as ''.
    expect(r.rows[1]!.values).toContain('');
    expect(events.filter((e) => e.type === 'explain/progress').map((e) => e.type === 'explain/progress' && e.done)).toEqual([1, 2, 3]);
    const quick = (await h.send({ type: 'explain/rows', runId: 'r1', rows: Int32Array.from([5]), method: 'gradient-x-input', baseline: 'zeros', steps: null })).at(-1);
    if (quick?.type !== 'explain/rows-done') throw new Error(JSON.stringify(quick));
    expect([quick.result.method, quick.result.steps, quick.result.baseline, quick.result.baselineRows]).toEqual(['gradient-x-input', null, 'zeros', 0]);
  });

  it('pdp: the engine\'s partial dependence over the test rows, categories for a category column', async () => {
    const events = await h.send({ type: 'explain/pdp', runId: 'r1', column: 'island', ice: true, points: null });
    const done = events.at(-1);
    if (done?.type !== 'explain/pdp-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const sub = { columns: table.columns.map((c) => columnRows(c, prepared.test.rowIndices)) };
    const expected = await partialDependence(model, pre, backend, sub, prepared.test.x, prepared.test.rows, 'island', { ice: true });
    backend.destroy();
    expect(done.result).toEqual(expected);
    expect(done.result.kind).toBe('category');
    expect([...done.result.grid].sort()).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    expect(done.result.ice).toHaveLength(prepared.test.rows);
    const progress = events.flatMap((e) => (e.type === 'explain/progress' ? [e.done] : []));
    expect(progress).toEqual([1, 2, 3]);
  });

  it('cancel: stops a running request at its next step, answered by explain/cancelled and an explain/cancelled error', async () => {
    const target = h.nextId();
    const cancelId = h.nextId();
    let cancelling: Promise<void> | null = null;
    h.setOnPost((e) => {
      if (e.type === 'explain/progress' && e.id === target && !cancelling) cancelling = h.service.handle({ type: 'explain/cancel', id: cancelId, target });
    });
    const from = h.events.length;
    await h.service.handle({ type: 'explain/importance', id: target, runId: 'r1', repeats: 5, seed: null });
    await cancelling;
    h.setOnPost(() => {});
    const events = h.events.slice(from);
    expect(events.filter((e) => e.type === 'explain/progress')).toHaveLength(1);
    expect(events.find((e) => e.type === 'explain/cancelled')).toEqual({ type: 'explain/cancelled', id: cancelId, target, cancelled: true });
    expect(events.some((e) => e.type === 'explain/importance-done')).toBe(false);
    const error = events.find((e) => e.type === 'error');
    expect(error?.type === 'error' && [error.id, error.error.code, error.error.message])
      .toEqual([target, 'explain/cancelled', 'Cancelled. Nothing was computed; start it again when you are ready.']);
    // Nothing left to cancel: said so, and the next request runs.
    const [none] = await h.send({ type: 'explain/cancel', target });
    expect(none?.type === 'explain/cancelled' && none.cancelled).toBe(false);
    expect((await h.send({ type: 'explain/pdp', runId: 'r1', column: 'bill_length_mm', ice: false, points: 5 })).at(-1)?.type).toBe('explain/pdp-done');
  });

  it('says what is wrong with bad rows, columns and runs, and how to fix it', async () => {
    const rows = (list: number[]) => h.send({ type: 'explain/rows', runId: 'r1', rows: Int32Array.from(list), method: 'integrated-gradients', baseline: 'mean', steps: null });
    expect(errorOf(await rows([]))).toBe('explain/no-rows: Pick at least one row to explain: click a row in a list, a point in a plot, or a row of the data grid.');
    expect(errorOf(await rows([344]))).toBe('explain/row-out-of-range: Row 345 does not exist: the loaded table has 344 rows. Pick a row from 1 to 344.');
    expect(errorOf(await rows([-1]))).toBe('explain/row-out-of-range: Row 0 does not exist: the loaded table has 344 rows. Pick a row from 1 to 344.');
    expect(errorOf(await rows(Array.from({ length: 101 }, (_, i) => i)))).toBe('explain/too-many-rows: Explain at most 100 rows at once, not 101. Pick fewer rows.');
    expect(errorOf(await h.send({ type: 'explain/rows', runId: 'r1', rows: Int32Array.from([0]), method: 'integrated-gradients', baseline: 'mean', steps: 0 })))
      .toBe('explain/bad-steps: steps must be a whole number from 1 to 10000, got 0. 64 is usual; more makes Integrated Gradients sum more exactly to the change in prediction.');
    expect(errorOf(await h.send({ type: 'explain/pdp', runId: 'r1', column: 'species', ice: false, points: null })))
      .toBe("explain/not-a-feature: 'species' is not a column the model uses. Its columns: 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex', 'year'.");
    expect(errorOf(await h.send({ type: 'explain/importance', runId: 'nope', repeats: null, seed: null })))
      .toBe('run/no-model: This run has no trained model. Train it first (a run that failed keeps no weights).');
    expect(errorOf(await h.send({ type: 'explain/importance', runId: 'r1', repeats: 0, seed: null })))
      .toBe('explain/bad-repeats: repeats must be a whole number from 1 to 1000, got 0. 5 is usual; more narrows the ± interval.');
  });

  it('says a run without test rows has nothing to measure, and a fresh worker must load the run\'s data', async () => {
    const [exported] = await h.send({ type: 'model/export', runId: 'r1' });
    if (exported?.type !== 'model/exported') throw new Error('no export');
    await h.send({ type: 'model/load', runId: 'no-test', model: exported.json, settings: { ...settings, split: { validation: 0.1, test: 0 } } });
    expect(errorOf(await h.send({ type: 'explain/importance', runId: 'no-test', repeats: null, seed: null })))
      .toBe('explain/no-test-rows: The test split has no rows, so there is nothing to measure importance on. Set a test fraction above 0 on the Data view and train again.');
    const events: EngineEvent[] = [];
    const fresh = new EngineService((e) => events.push(e));
    await fresh.handle({ type: 'model/load', id: 1, runId: 'r1', model: exported.json, settings });
    await fresh.handle({ type: 'explain/pdp', id: 2, runId: 'r1', column: 'island', ice: false, points: null });
    expect(errorOf(events)).toBe("run/no-table: Load the run's dataset on the Data view to evaluate it.");
  });

  it('runs on the backend the run trained on: a WebAssembly run explains as the CPU reference does', async () => {
    const events: EngineEvent[] = [];
    const service = new EngineService((e) => events.push(e));
    await service.handle({ type: 'data/load', id: 1, name: 'penguins.csv', source: bytes(penguinsBytes), options: null });
    const wasmSpec = { ...spec, training: { ...spec.training, backend: 'wasm' as const } };
    await service.handle({ type: 'train/start', id: 2, runId: 'w', spec: wasmSpec, settings });
    expect(events.find((e) => e.type === 'train/started')).toMatchObject({ backend: 'wasm' });
    await service.handle({ type: 'model/export', id: 3, runId: 'w' });
    const exported = events.at(-1);
    if (exported?.type !== 'model/exported') throw new Error(JSON.stringify(exported));
    const wasmModel = parseModelFile(JSON.parse(exported.json));
    await service.handle({ type: 'explain/rows', id: 4, runId: 'w', rows: Int32Array.of(10), method: 'integrated-gradients', baseline: 'mean', steps: null });
    const done = events.at(-1);
    if (done?.type !== 'explain/rows-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const x = applyPreprocessing(wasmModel.preprocessing!, tableRows(table, Int32Array.of(10))).x;
    const cpu = await attributeRows(wasmModel, wasmModel.preprocessing!, backend, x, 1, meanInputs(prepared.test.x, prepared.test.rows, wasmModel.inputs));
    backend.destroy();
    const row = done.result.rows[0]!;
    expect(row.prediction).toBeCloseTo(cpu.rows[0]!.prediction, 4);
    row.attributions.forEach((a, i) => expect(a).toBeCloseTo(cpu.rows[0]!.attributions[done.result.columns[i]!]!, 3));
    expect(done.backend).toMatch(/WebAssembly/);
    await service.handle({ type: 'explain/pdp', id: 5, runId: 'w', column: 'island', ice: false, points: null });
    expect(events.at(-1)).toMatchObject({ type: 'explain/pdp-done', backend: done.backend });
  });
});

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import {
  applyPreprocessing,
  cellLabel,
  parseCsv,
  prepareDataset,
  type PreparedDataset,
  type Preprocessing,
} from '../data/index.ts';
import { attributeRows, meanInputs, partialDependence, permutationImportance } from '../explain/index.ts';
import { parseModelFile, type ModelFile } from '../export/index.ts';
import type { EngineEvent } from '../protocol/index.ts';
import { columnRows, tableRows } from './explain-table.ts';
import { settings, spec, trainedService } from './fixtures/explain-harness.ts';
import { EngineService } from './service.ts';

const file = readFileSync(new URL('../../resources/samples/penguins.csv', import.meta.url));
const penguins = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
const table = parseCsv(new Uint8Array(file));

let h: Awaited<ReturnType<typeof trainedService>>;
let model: ModelFile;
let pre: Preprocessing;
let prepared: PreparedDataset;

beforeAll(async () => {
  h = await trainedService(penguins);
  model = h.model;
  pre = model.preprocessing!;
  prepared = prepareDataset(table, settings, model.seed);
});

describe("explain in the worker: the engine's results, with progress, on the run's backend", () => {
  it("importance: the engine's result on the test rows, with progress after every shuffle", async () => {
    const events = await h.send({ type: 'explain/importance', runId: 'r1', repeats: 3, seed: 11 });
    const done = events.at(-1);
    if (done?.type !== 'explain/importance-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const expected = await permutationImportance(
      model,
      pre,
      backend,
      prepared.test.x,
      prepared.test.y,
      prepared.test.rows,
      { repeats: 3, seed: 11 },
    );
    backend.destroy();
    expect(done.result).toEqual(expected);
    expect(done.result.rows).toBe(prepared.test.rows);
    expect(done.backend).toBe(new CpuBackend().label);
    const progress = events.flatMap((e) => (e.type === 'explain/progress' ? [[e.done, e.total]] : []));
    const total = expected.columns.length * 3;
    expect(progress).toEqual(Array.from({ length: total }, (_, i) => [i + 1, total]));
  });

  it("rows: the engine's attributions of the clicked table rows against the test rows' mean, with their values", async () => {
    const rows = Int32Array.from([0, 3, 200]);
    const events = await h.send({
      type: 'explain/rows',
      runId: 'r1',
      rows,
      method: 'integrated-gradients',
      baseline: 'mean',
      steps: null,
    });
    const done = events.at(-1);
    if (done?.type !== 'explain/rows-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const x = applyPreprocessing(pre, tableRows(table, rows)).x;
    const expected = await attributeRows(
      model,
      pre,
      backend,
      x,
      3,
      meanInputs(prepared.test.x, prepared.test.rows, model.inputs),
    );
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
      expect(Math.abs(row.attributions.reduce((a, b) => a + b, 0) - (row.prediction - row.baseline))).toBeLessThan(
        1e-3,
      );
      expect(row.values).toEqual(
        r.columns.map(
          (c) =>
            cellLabel(
              table.columns.find((t) => t.name === c)!,
              rows[i]!,
            ) ?? '',
        ),
      );
    });
    // Row 4 of penguins has no measurements: its missing cells show as ''.
    expect(r.rows[1]!.values).toContain('');
    expect(
      events.filter((e) => e.type === 'explain/progress').map((e) => e.type === 'explain/progress' && e.done),
    ).toEqual([1, 2, 3]);
    const quick = (
      await h.send({
        type: 'explain/rows',
        runId: 'r1',
        rows: Int32Array.from([5]),
        method: 'gradient-x-input',
        baseline: 'zeros',
        steps: null,
      })
    ).at(-1);
    if (quick?.type !== 'explain/rows-done') throw new Error(JSON.stringify(quick));
    expect([quick.result.method, quick.result.steps, quick.result.baseline, quick.result.baselineRows]).toEqual([
      'gradient-x-input',
      null,
      'zeros',
      0,
    ]);
  });

  it("pdp: the engine's partial dependence over the test rows, categories for a category column", async () => {
    const events = await h.send({ type: 'explain/pdp', runId: 'r1', column: 'island', ice: true, points: null });
    const done = events.at(-1);
    if (done?.type !== 'explain/pdp-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const sub = { columns: table.columns.map((c) => columnRows(c, prepared.test.rowIndices)) };
    const expected = await partialDependence(model, pre, backend, sub, prepared.test.x, prepared.test.rows, 'island', {
      ice: true,
    });
    backend.destroy();
    expect(done.result).toEqual(expected);
    expect(done.result.kind).toBe('category');
    expect([...done.result.grid].sort()).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    expect(done.result.ice).toHaveLength(prepared.test.rows);
    const progress = events.flatMap((e) => (e.type === 'explain/progress' ? [e.done] : []));
    expect(progress).toEqual([1, 2, 3]);
  });

  it('runs on the backend the run trained on: a WebAssembly run explains as the CPU reference does', async () => {
    const events: EngineEvent[] = [];
    const service = new EngineService((e) => events.push(e));
    await service.handle({
      type: 'data/load',
      id: 1,
      name: 'penguins.csv',
      source: penguins.slice(0),
      options: null,
    });
    const wasmSpec = { ...spec, training: { ...spec.training, backend: 'wasm' as const } };
    await service.handle({ type: 'train/start', id: 2, runId: 'w', spec: wasmSpec, settings });
    expect(events.find((e) => e.type === 'train/started')).toMatchObject({ backend: 'wasm' });
    await service.handle({ type: 'model/export', id: 3, runId: 'w' });
    const exported = events.at(-1);
    if (exported?.type !== 'model/exported') throw new Error(JSON.stringify(exported));
    const wasmModel = parseModelFile(JSON.parse(exported.json));
    await service.handle({
      type: 'explain/rows',
      id: 4,
      runId: 'w',
      rows: Int32Array.of(10),
      method: 'integrated-gradients',
      baseline: 'mean',
      steps: null,
    });
    const done = events.at(-1);
    if (done?.type !== 'explain/rows-done') throw new Error(JSON.stringify(done));
    const backend = new CpuBackend();
    const x = applyPreprocessing(wasmModel.preprocessing!, tableRows(table, Int32Array.of(10))).x;
    const cpu = await attributeRows(
      wasmModel,
      wasmModel.preprocessing!,
      backend,
      x,
      1,
      meanInputs(prepared.test.x, prepared.test.rows, wasmModel.inputs),
    );
    backend.destroy();
    const row = done.result.rows[0]!;
    expect(row.prediction).toBeCloseTo(cpu.rows[0]!.prediction, 4);
    row.attributions.forEach((a, i) => expect(a).toBeCloseTo(cpu.rows[0]!.attributions[done.result.columns[i]!]!, 3));
    expect(done.backend).toMatch(/WebAssembly/);
    await service.handle({ type: 'explain/pdp', id: 5, runId: 'w', column: 'island', ice: false, points: null });
    expect(events.at(-1)).toMatchObject({ type: 'explain/pdp-done', backend: done.backend });
  });
});

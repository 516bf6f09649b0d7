/**
 * Per-row attributions: Integrated Gradients satisfy completeness within 1e-3 with the CLI's step count on
 * every backend Node has (cpu, wasm, gpu.js's cpu and webasm modes); predictions and baselines are the model's own; bad settings are refused.
 */
import { describe, expect, it } from 'vitest';
import { CpuBackend, type Backend } from '../backend/index.ts';
import { createGpuJsBackend } from '../backend/gpujs/index.ts';
import { createWasmBackend } from '../backend/wasm/index.ts';
import { applyPreprocessing, parseCsv } from '../data/index.ts';
import { predictWithModel } from '../export/index.ts';
import { predictedClass } from '../train/index.ts';
import { attributeRows, DEFAULT_STEPS, meanInputs } from './attributions.ts';
import { completenessBound } from './integrated-gradients.ts';
import { ExplainError } from './explain-error.ts';
import { syntheticCsv, trainedModel } from './fixtures/synthetic.ts';

const reluClassifier = await trainedModel(syntheticCsv(300, 'classification'), {
  units: [32, 16],
  activation: 'relu',
  epochs: 40,
});
const tanhRegressor = await trainedModel(syntheticCsv(300, 'regression'));
/** The synthetic regression with its target in the hundreds of thousands, like a house price. */
const priceCsv = (rows: number, seed: number) =>
  syntheticCsv(rows, 'regression', seed).replace(
    /,([\d.-]+)\n/g,
    (_, v: string) => `,${(300_000 + 10_000 * Number(v)).toFixed(0)}\n`,
  );
const priceRegressor = await trainedModel(priceCsv(300, 7));
const linear = await trainedModel(syntheticCsv(100, 'regression'), { units: [], epochs: 5 });
const backends: [string, () => Promise<Backend>][] = [
  ['cpu', async () => new CpuBackend()],
  ['wasm', () => createWasmBackend()],
  ['gpujs-cpu', () => createGpuJsBackend('cpu', { allowEval: true })],
  ['gpujs-webasm', () => createGpuJsBackend('webasm')],
];

function rowsOf(m: typeof reluClassifier, csv: string) {
  const a = applyPreprocessing(m.pre, parseCsv(csv));
  return { x: a.x, rows: a.rows, f: m.model.inputs };
}

describe.each(backends)('Integrated Gradients on %s', (_, create) => {
  it.each([
    ['a ReLU classifier (kinks on the path)', reluClassifier, 'classification'],
    ["a tanh regressor (values in the target's units)", tanhRegressor, 'regression'],
  ] as const)(
    '%s: attributions sum to prediction − baseline within 1e-3, mean and zero baselines',
    async (_name, m, task) => {
      const backend = await create();
      const { x, f } = rowsOf(m, syntheticCsv(8, task, 31));
      for (const baseline of [meanInputs(x, 8, f), new Float32Array(f)]) {
        const r = await attributeRows(m.model, m.pre, backend, x, 8, baseline, { steps: DEFAULT_STEPS });
        expect(r.rows).toHaveLength(8);
        for (const row of r.rows) {
          const sum = Object.values(row.attributions).reduce((s, v) => s + v, 0);
          expect(Math.abs(sum - (row.prediction - row.baseline))).toBeLessThan(1e-3);
          expect(Math.abs(row.gap)).toBeLessThan(1e-3);
        }
      }
      backend.destroy();
    },
  );
});

describe.each(backends)('Integrated Gradients of a value in the hundreds of thousands on %s', (_, create) => {
  it('miss the change by no more than float32 allows (about 1e-5 of the value), without spending the whole budget', async () => {
    const backend = await create();
    const { x, f } = rowsOf(priceRegressor, priceCsv(6, 36));
    const r = await attributeRows(priceRegressor.model, priceRegressor.pre, backend, x, 6, meanInputs(x, 6, f));
    for (const row of r.rows) {
      expect(Math.abs(row.prediction)).toBeGreaterThan(1e5);
      expect(Math.abs(row.gap)).toBeLessThan(completenessBound(row.prediction, row.baseline));
      expect(row.points).toBeLessThan(65 + 1024);
    }
    expect(completenessBound(0.9, 0.1)).toBe(1e-3);
    backend.destroy();
  });
});

describe('attributeRows', () => {
  it("explains the predicted class's probability: the prediction is the model's, the baseline the model at the baseline", async () => {
    const m = reluClassifier;
    const { x, rows, f } = rowsOf(m, syntheticCsv(6, 'classification', 32));
    const base = meanInputs(x, rows, f);
    const backend = new CpuBackend();
    const out = await predictWithModel(m.model, backend, x, rows);
    const atBase = await predictWithModel(m.model, backend, base, 1);
    const k = m.model.outputs;
    const r = await attributeRows(m.model, m.pre, backend, x, rows, base);
    expect([r.method, r.output, r.steps]).toEqual(['integrated-gradients', 'probability', 64]);
    r.rows.forEach((row, i) => {
      const c = predictedClass(out, i, k);
      expect(row.label).toBe(['no', 'yes'][c]);
      const p = (o: Float32Array, j: number) => (k === 1 ? (c === 1 ? o[j]! : 1 - o[j]!) : o[j * k + c]!);
      expect(row.prediction).toBeCloseTo(p(out, i), 6);
      expect(row.baseline).toBeCloseTo(p(atBase, 0), 6);
      expect(Object.keys(row.attributions)).toEqual(['a', 'b', 'cat', 'noise', 'tag', 'day']);
    });
  });

  it('on a network without hidden layers, gradient × input equals Integrated Gradients, and both are complete', async () => {
    const m = linear;
    const { x, rows, f } = rowsOf(m, syntheticCsv(5, 'regression', 33));
    const base = meanInputs(x, rows, f);
    const ig = await attributeRows(m.model, m.pre, new CpuBackend(), x, rows, base, { method: 'integrated-gradients' });
    const gx = await attributeRows(m.model, m.pre, new CpuBackend(), x, rows, base, { method: 'gradient-x-input' });
    expect([gx.method, gx.steps, gx.output]).toEqual(['gradient-x-input', null, 'value']);
    ig.rows.forEach((row, i) => {
      for (const [column, v] of Object.entries(row.attributions))
        expect(gx.rows[i]!.attributions[column]).toBeCloseTo(v, 4);
      expect(Math.abs(gx.rows[i]!.gap)).toBeLessThan(1e-3);
    });
  });

  it('the columns the target depends on carry the attribution; the unrelated ones little', async () => {
    const m = tanhRegressor;
    const { x, rows, f } = rowsOf(m, syntheticCsv(20, 'regression', 34));
    const r = await attributeRows(m.model, m.pre, new CpuBackend(), x, rows, meanInputs(x, rows, f));
    const total = (c: string) => r.rows.reduce((s, row) => s + Math.abs(row.attributions[c]!), 0);
    for (const c of ['b', 'noise', 'tag', 'day'])
      expect(total(c)).toBeLessThan(0.2 * Math.min(total('a'), total('cat')));
  });

  it('refuses steps outside 1–10000 and a baseline of the wrong width, saying what works', async () => {
    const m = linear;
    const { x, f } = rowsOf(m, syntheticCsv(2, 'regression', 35));
    const fail = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => e as ExplainError,
      );
    for (const steps of [0, 2.5, 10_001]) {
      const e = await fail(attributeRows(m.model, m.pre, new CpuBackend(), x, 2, new Float32Array(f), { steps }));
      expect(e?.message).toBe(
        `steps must be a whole number from 1 to 10000, got ${steps}. 64 is usual; more makes Integrated Gradients sum more exactly to the change in prediction.`,
      );
    }
    const e = await fail(attributeRows(m.model, m.pre, new CpuBackend(), x, 2, new Float32Array(f + 1)));
    expect(e).toBeInstanceOf(ExplainError);
    expect(e?.message).toBe(
      `The baseline has ${f + 1} inputs but the model takes ${f}. Make the baseline from the model's preprocessing of a CSV with the same columns.`,
    );
  });
});

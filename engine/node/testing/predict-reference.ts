/** Test helpers: the model's predictions as `predict` makes them, and a comparison with an exported runtime's outputs. */
import { expect } from 'vitest';
import { CpuBackend } from '../../backend/index.ts';
import {
  applyPreprocessing,
  decodeOutputs,
  parseCsv,
  type DecodedOutputs,
  type Preprocessing,
} from '../../data/index.ts';
import { predictWithModel, type ModelFile } from '../../export/index.ts';

/** What `predict` feeds the network (x, rows) and what it reports (decoded). */
export interface Reference {
  x: Float32Array;
  rows: number;
  decoded: DecodedOutputs;
}

/** The model's predictions on `csv` through the engine (CPU backend), as `predict` makes them. */
export async function predictReference(model: ModelFile, csv: string): Promise<Reference> {
  const pre = model.preprocessing as Preprocessing;
  const applied = applyPreprocessing(pre, parseCsv(csv, model.reading ? { decimal: model.reading.decimal } : {}));
  const backend = new CpuBackend();
  try {
    const out = await predictWithModel(model, backend, applied.x, applied.rows);
    return { x: applied.x, rows: applied.rows, decoded: decodeOutputs(pre, out, applied.rows, model.outputs) };
  } finally {
    backend.destroy();
  }
}

/** Outputs of an exported model by name: flat data and dims. */
export type Outputs = Record<string, { data: (number | string)[]; dims: readonly number[] }>;

/** Asserts the outputs equal predict's: probabilities within 1e-5 and the same labels, or values within 1e-5 relative. */
export function expectSameAsPredict(out: Outputs, ref: Reference): void {
  const d = ref.decoded;
  if (d.kind === 'regression') {
    expect(out.value!.dims).toEqual([ref.rows, 1]);
    out.value!.data.forEach((v, i) =>
      expect(Math.abs((v as number) - d.values[i]!), `row ${i}: ${String(v)} vs ${d.values[i]}`).toBeLessThanOrEqual(
        1e-5 * Math.max(1, Math.abs(d.values[i]!)),
      ),
    );
    return;
  }
  expect(out.probabilities!.dims).toEqual([ref.rows, d.classes.length]);
  out.probabilities!.data.forEach((p, i) =>
    expect(
      Math.abs((p as number) - d.probabilities[i]!),
      `cell ${i}: ${String(p)} vs ${d.probabilities[i]}`,
    ).toBeLessThanOrEqual(1e-5),
  );
  if (out.label) expect(out.label.data).toEqual(d.labels);
}

/**
 * Training on a real dataset on two backends: the same seed must end within tolerance. The CSV is
 * parsed simply (numeric features, the last column the target) so these checks do not depend on the
 * data pipeline; features are standardized with statistics of all rows.
 */
import type { Backend } from '../../backend.ts';
import type { NetworkSpec } from '../../../spec/types.ts';
import { trainNetwork, type TrainingData } from '../../../train/index.ts';
import type { CaseOutputs, ConformanceCase, Tolerance } from './conformance-types.ts';

/**
 * Parse a header-first CSV of numbers; the last column is the target (text values become class indices,
 * numbers a standardized regression target with `targetScale` set). Missing values are not handled.
 */
export function parseSimpleCsv(text: string): TrainingData {
  const lines = text.trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const features = header.length - 1;
  const rows = lines.slice(1).map((l) => l.split(','));
  const targets = rows.map((r) => r[features]);
  const numericTarget = targets.every((t) => t.trim() !== '' && Number.isFinite(Number(t)));
  const classes = numericTarget ? [] : [...new Set(targets)].sort();
  const x = new Float32Array(rows.length * features);
  rows.forEach((r, i) => {
    for (let f = 0; f < features; f++) x[i * features + f] = Number(r[f]);
  });
  for (let f = 0; f < features; f++) standardize(x, rows.length, features, f);
  const y = Float32Array.from(targets, (t) => (numericTarget ? Number(t) : classes.indexOf(t)));
  const targetScale = numericTarget ? standardize(y, rows.length, 1, 0) : null;
  return {
    task: numericTarget ? { kind: 'regression' } : { kind: 'classification', classes },
    featureNames: header.slice(0, features),
    train: { x, y, rows: rows.length, features },
    validation: null,
    targetScale,
  };
}

/** Standardize column f of a [rows, cols] array in place; returns its mean and standard deviation. */
function standardize(a: Float32Array, rows: number, cols: number, f: number): { mean: number; std: number } {
  let s = 0;
  for (let r = 0; r < rows; r++) s += a[r * cols + f];
  const mean = s / rows;
  let ss = 0;
  for (let r = 0; r < rows; r++) ss += (a[r * cols + f] - mean) ** 2;
  const std = Math.sqrt(ss / rows) || 1;
  for (let r = 0; r < rows; r++) a[r * cols + f] = (a[r * cols + f] - mean) / std;
  return { mean, std };
}

/** Iris-sized runs: 20 epochs × 10 steps; float32 differences compound but stay far below these bounds. */
export const DATASET_TRAINING: Tolerance = { abs: 2e-3, rel: 1e-2 };

/** A 32-16 ReLU network with Adam, 20 epochs, batch 16, seed 11. */
export const DATASET_SPEC: NetworkSpec = {
  layers: [
    { id: 'h1', type: 'dense', units: 32, activation: 'relu' },
    { id: 'h2', type: 'dense', units: 16, activation: 'relu' },
    { id: 'out', type: 'dense', units: 'auto' },
  ],
  training: { epochs: 20, batchSize: 16, seed: 11, optimizer: { type: 'adam', learningRate: 0.01 }, shuffle: true },
};

/** A case training DATASET_SPEC on `data`: outputs the final weights and the loss/metric history. */
export function datasetCase(name: string, data: TrainingData): ConformanceCase {
  return {
    name: `dataset: ${name}, same seed on both backends`,
    tolerance: DATASET_TRAINING,
    async run(be: Backend): Promise<CaseOutputs> {
      const result = await trainNetwork({ spec: DATASET_SPEC, data, backend: be });
      const out: CaseOutputs = {};
      for (const w of result.weights) out[`${w.layer}.${w.name}`] = Float32Array.from(w.data);
      out.loss = Float32Array.from(result.history.map((h) => h.loss));
      for (const key of Object.keys(result.history[0]?.metrics ?? {}))
        out[key] = Float32Array.from(result.history.map((h) => h.metrics[key]));
      return out;
    },
  };
}

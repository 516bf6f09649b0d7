/**
 * Whole seeded training runs (engine/train) on the wasm backend and on the CPU reference, on the
 * project's sample datasets. Float32 rounding differs in the matrix multiplies (order of the sums), so
 * the trajectories drift apart slowly (measured: ~1e-7 to 5e-6 relative after 6 epochs): the final loss
 * must agree within 1e-4 relative, train accuracy within 1 % of the rows, and every weight within
 * 1e-4 · max(1, max |w|).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../cpu/index.ts';
import { trainNetwork, type TrainingData } from '../../train/index.ts';
import type { LayerSpec, NetworkSpec } from '../../spec/types.ts';
import { createWasmBackend } from './index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DIRS = [join(ROOT, 'resources', 'samples'), join(ROOT, '..', 'shared', 'datasets')];

/** A numeric CSV whose last column is the target: text targets become classes, numbers a regression. Standardized. */
function load(file: string): TrainingData | null {
  const path = DIRS.map((d) => join(d, file)).find((p) => existsSync(p));
  if (!path) return null;
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  const f = header.length - 1;
  const labels = rows.map((r) => r[f]);
  const numeric = labels.every((v) => v !== '' && Number.isFinite(Number(v))) && new Set(labels).size > 20;
  const classes = numeric ? [] : [...new Set(labels)].sort();
  const x = new Float32Array(rows.length * f);
  const y = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    for (let j = 0; j < f; j++) x[i * f + j] = Number(r[j]);
    y[i] = numeric ? Number(r[f]) : classes.indexOf(r[f]);
  });
  const standardize = (a: Float32Array, stride: number, col: number): void => {
    let s = 0;
    let ss = 0;
    for (let i = col; i < a.length; i += stride) s += a[i];
    const mean = s / (a.length / stride);
    for (let i = col; i < a.length; i += stride) ss += (a[i] - mean) ** 2;
    const std = Math.sqrt(ss / (a.length / stride)) || 1;
    for (let i = col; i < a.length; i += stride) a[i] = (a[i] - mean) / std;
  };
  for (let j = 0; j < f; j++) standardize(x, f, j);
  if (numeric) standardize(y, 1, 0);
  return {
    task: numeric ? { kind: 'regression' } : { kind: 'classification', classes },
    featureNames: header.slice(0, f),
    train: { x, y, rows: rows.length, features: f },
    validation: null,
  };
}

const PLAIN: LayerSpec[] = [
  { id: 'h1', type: 'dense', units: 37 },
  { id: 'h2', type: 'dense', units: 19, activation: 'tanh' },
  { id: 'out', type: 'dense', units: 'auto' },
];
const REGULARIZED: LayerSpec[] = [
  { id: 'h1', type: 'dense', units: 24, activation: 'gelu', l2: 1e-3 },
  { id: 'bn', type: 'batchNorm' },
  { id: 'drop', type: 'dropout', rate: 0.2 },
  { id: 'out', type: 'dense', units: 'auto' },
];

const CASES: { file: string; layers: LayerSpec[]; optimizer: NonNullable<NetworkSpec['training']>['optimizer'] }[] = [
  { file: 'iris.csv', layers: PLAIN, optimizer: { type: 'adam', learningRate: 0.01 } },
  { file: 'wine.csv', layers: REGULARIZED, optimizer: { type: 'rmsprop', learningRate: 0.005, momentum: 0.5 } },
  {
    file: 'iris.csv',
    layers: REGULARIZED,
    optimizer: { type: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
  },
  { file: 'digits.csv', layers: PLAIN, optimizer: { type: 'adamw', learningRate: 0.003, clipNorm: 1 } },
  { file: 'diabetes.csv', layers: REGULARIZED, optimizer: { type: 'adagrad', learningRate: 0.05 } },
];

describe('a seeded training run ends the same on the wasm backend and the CPU reference', () => {
  for (const c of CASES) {
    const data = load(c.file);
    it.skipIf(!data)(`${c.file}: ${c.layers.map((l) => l.type).join('-')}, ${c.optimizer?.type}`, async () => {
      const spec: NetworkSpec = {
        layers: c.layers,
        training: { epochs: 6, batchSize: 32, seed: 11, optimizer: c.optimizer },
      };
      const [a, b] = [
        await trainNetwork({ spec, data: data!, backend: await createWasmBackend() }),
        await trainNetwork({ spec, data: data!, backend: new CpuBackend() }),
      ];
      const [la, lb] = [a.history.at(-1)!, b.history.at(-1)!];
      expect(Math.abs(la.loss - lb.loss)).toBeLessThanOrEqual(1e-4 * Math.abs(lb.loss));
      if (lb.metrics.accuracy !== undefined)
        expect(Math.abs(la.metrics.accuracy - lb.metrics.accuracy)).toBeLessThanOrEqual(0.01);
      a.weights.forEach((w, i) => {
        const ref = b.weights[i].data;
        const scale = Math.max(1, ...ref.map(Math.abs));
        const worst = Math.max(...w.data.map((v, j) => Math.abs(v - ref[j])));
        expect(worst, `${w.layer}/${w.name}`).toBeLessThanOrEqual(1e-4 * scale);
      });
    });
  }
});

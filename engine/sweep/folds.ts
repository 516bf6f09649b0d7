/**
 * k-fold cross-validation of a trial: the training and validation rows together are split into k folds,
 * stratified (by class for classification, by sorted target for regression) and seeded by the sweep's seed,
 * so every trial of a sweep is scored on the same folds. Fold i trains on the other folds and validates on fold i.
 */
import type { Problem } from '../errors.ts';
import { Random } from '../random.ts';
import type { Task } from '../spec/index.ts';
import type { Split, TrainingData } from '../train/index.ts';
import { settingMessages as m } from './settings-messages.ts';
import type { Objective } from './types.ts';

/** How a trial is cross-validated: the number of folds, the seed that deals rows to them, and the objective that picks the common epoch. */
export interface FoldSetting {
  count: number;
  seed: number;
  objective: Objective;
}

/** Targets of the training rows followed by the validation rows: the rows folds are dealt from. */
export function foldTargets(data: TrainingData): Float32Array {
  const v = data.validation;
  const y = new Float32Array(data.train.rows + (v?.rows ?? 0));
  y.set(data.train.y.subarray(0, data.train.rows));
  if (v) y.set(v.y.subarray(0, v.rows), data.train.rows);
  return y;
}

/**
 * The fold (0 … k − 1) of each row. Classification: each class's rows are shuffled and dealt round the folds
 * in turn (one deal continuing across classes), so every fold gets each class within one row of its share.
 * Regression: rows sorted by target, and each run of k consecutive rows dealt to the k folds in a random order.
 */
export function assignFolds(y: Float32Array, task: Task, k: number, seed: number): Int32Array {
  const rng = new Random(seed);
  const fold = new Int32Array(y.length);
  const order: number[] = [];
  if (task.kind === 'classification') {
    for (let c = 0; c < task.classes.length; c++) {
      const rows: number[] = [];
      for (let i = 0; i < y.length; i++) if (y[i] === c) rows.push(i);
      order.push(...rng.shuffle(rows));
    }
    order.forEach((row, i) => (fold[row] = i % k));
    return fold;
  }
  const sorted = Array.from(y.keys()).sort((a, b) => y[a] - y[b] || a - b);
  for (let start = 0; start < sorted.length; start += k) {
    const deal = rng.shuffle(Array.from({ length: k }, (_, i) => i));
    sorted.slice(start, start + k).forEach((row, i) => (fold[row] = deal[i]));
  }
  return fold;
}

/** Why `k` folds cannot be dealt from these rows (each fold needs 2 rows, of every class), or null. */
export function checkFoldRows(y: Float32Array, task: Task, k: number): Problem | null {
  if (task.kind === 'regression') return y.length < 2 * k ? m.tooFewFoldRows(k, y.length, null, y.length) : null;
  const counts = task.classes.map(() => 0);
  for (const c of y) counts[c]++;
  const fewest = counts.reduce((lo, n, c) => (n < counts[lo] ? c : lo), 0);
  return counts[fewest] < 2 * k ? m.tooFewFoldRows(k, counts[fewest], task.classes[fewest], y.length) : null;
}

function gather(data: TrainingData, rows: number[]): Split {
  const f = data.train.features;
  const x = new Float32Array(rows.length * f);
  const y = new Float32Array(rows.length);
  const t = data.train.rows;
  rows.forEach((row, i) => {
    const from = row < t ? data.train : (data.validation as Split);
    const at = row < t ? row : row - t;
    x.set(from.x.subarray(at * f, (at + 1) * f), i * f);
    y[i] = from.y[at];
  });
  return { x, y, rows: rows.length, features: f };
}

/** The data of fold `index`: trains on the other folds, validates on this one. */
export function foldData(data: TrainingData, folds: FoldSetting, index: number): TrainingData {
  const fold = assignFolds(foldTargets(data), data.task, folds.count, folds.seed);
  const train: number[] = [];
  const validation: number[] = [];
  fold.forEach((f, row) => (f === index ? validation : train).push(row));
  return { ...data, train: gather(data, train), validation: gather(data, validation) };
}

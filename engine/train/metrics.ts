/** Metrics computed on the host from predictions: accuracy, per-class P/R/F1, confusion matrix; MAE, RMSE, R². */
import { LOSSES } from '../losses/index.ts';
import type { LossName, Task } from '../spec/types.ts';

/** Per-class scores. */
export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Classification results. */
export interface ClassificationMetrics {
  kind: 'classification';
  loss: number;
  accuracy: number;
  classes: ClassScores[];
  macroF1: number;
  /** Mean recall over the classes that have rows (scikit-learn's balanced_accuracy_score). */
  balancedAccuracy: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
}

/** Regression results, in the target's original units. */
export interface RegressionMetrics {
  kind: 'regression';
  loss: number;
  mae: number;
  rmse: number;
  r2: number;
}

/** Either kind. */
export type Metrics = ClassificationMetrics | RegressionMetrics;

/** Class predicted for row r from outputs of width k (one sigmoid output: p ≥ 0.5 is class 1). */
export function predictedClass(out: Float32Array, r: number, k: number): number {
  if (k === 1) return out[r] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < k; j++) if (out[r * k + j] > out[r * k + best]) best = j;
  return best;
}

/** Mean loss over rows, with the same definition the backends use. */
export function meanLoss(
  loss: LossName,
  out: Float32Array | Float64Array,
  y: Float32Array | Float64Array,
  rows: number,
  k: number,
  delta: number,
): number {
  const m = LOSSES[loss];
  let total = 0;
  for (let r = 0; r < rows; r++) {
    if (m.kind === 'sparse') {
      total += m.value(out[r * k + y[r]], 1, delta);
    } else {
      let s = 0;
      for (let j = 0; j < k; j++) s += m.value(out[r * k + j], k === 1 ? y[r] : y[r * k + j], delta);
      total += s / k;
    }
  }
  return rows ? total / rows : NaN;
}

/** Compute every metric for the task; `targetScale` maps standardized regression values back. */
export function computeMetrics(
  task: Task,
  loss: LossName,
  delta: number,
  out: Float32Array,
  y: Float32Array,
  rows: number,
  k: number,
  targetScale?: { mean: number; std: number } | null,
): Metrics {
  const l = meanLoss(loss, out, y, rows, k, delta);
  if (task.kind === 'classification') {
    const c = task.classes.length;
    const confusion = Array.from({ length: c }, () => new Array<number>(c).fill(0));
    let correct = 0;
    for (let r = 0; r < rows; r++) {
      const p = predictedClass(out, r, k);
      const t = y[r];
      confusion[t][p]++;
      if (p === t) correct++;
    }
    const classes = task.classes.map((label, i) => {
      const tp = confusion[i][i];
      let predicted = 0;
      let support = 0;
      for (let j = 0; j < c; j++) {
        predicted += confusion[j][i];
        support += confusion[i][j];
      }
      const precision = predicted ? tp / predicted : 0;
      const recall = support ? tp / support : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      return { label, precision, recall, f1, support };
    });
    const macroF1 = classes.reduce((s, x) => s + x.f1, 0) / Math.max(1, c);
    const balancedAccuracy = balancedAccuracyOf(classes);
    return {
      kind: 'classification',
      loss: l,
      accuracy: rows ? correct / rows : NaN,
      classes,
      macroF1,
      balancedAccuracy,
      confusion,
    };
  }
  const mean = targetScale?.mean ?? 0;
  const std = targetScale?.std ?? 1;
  let sumY = 0;
  for (let r = 0; r < rows; r++) sumY += y[r] * std + mean;
  const meanY = sumY / rows;
  let abs = 0;
  let sq = 0;
  let tot = 0;
  for (let r = 0; r < rows; r++) {
    const t = y[r] * std + mean;
    const e = out[r] * std + mean - t;
    abs += Math.abs(e);
    sq += e * e;
    tot += (t - meanY) * (t - meanY);
  }
  return { kind: 'regression', loss: l, mae: abs / rows, rmse: Math.sqrt(sq / rows), r2: tot > 0 ? 1 - sq / tot : NaN };
}

/** Mean recall over the classes with support (NaN when none has rows): each class counts the same, whatever its size. */
export function balancedAccuracyOf(classes: readonly ClassScores[]): number {
  const present = classes.filter((c) => c.support > 0);
  return present.length ? present.reduce((s, c) => s + c.recall, 0) / present.length : NaN;
}

/** The flat numbers an epoch summary shows for a metrics object. */
export function headlineMetrics(m: Metrics): Record<string, number> {
  return m.kind === 'classification' ? { accuracy: m.accuracy } : { mae: m.mae, rmse: m.rmse, r2: m.r2 };
}

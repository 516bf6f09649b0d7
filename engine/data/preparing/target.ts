/** The target: class labels or scaled values in, predicted labels or original-unit values out. */
import { DatasetError } from '../../errors.ts';
import type { Task } from '../../spec/types.ts';
import { categoryView, sortLabels } from '../reading/column-values.ts';
import { messages } from '../messages.ts';
import type { Preprocessing, TargetTransform } from './preprocessing.ts';
import { mean, observed, std } from './statistics.ts';
import type { TableColumn } from '../reading/table.ts';

/** Per table row: the class index (classification) or raw value (regression); NaN where unusable. */
export interface TargetValues {
  values: Float64Array;
  classes: string[] | null;
}

/**
 * Reads the target column. Without `classes`, the classes are the sorted distinct labels of the rows in
 * `usable` (all rows when omitted); labels not in the class list read as NaN.
 */
export function readTarget(
  col: TableColumn,
  rows: number,
  task: 'classification' | 'regression',
  classes?: readonly string[],
  usable?: Int32Array,
): TargetValues {
  if (task === 'regression') return { values: col.numbers, classes: null };
  const view = categoryView(col, rows);
  let list = classes ? [...classes] : null;
  if (!list) {
    const seen = new Uint8Array(view.labels.length);
    if (usable) for (const r of usable) seen[view.codes[r]!] = 1;
    list = sortLabels(view.labels.filter((_, i) => !usable || seen[i] === 1));
  }
  const position = new Map(list.map((c, i) => [c, i]));
  const byCode = view.labels.map((l) => position.get(l) ?? NaN);
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) values[i] = view.codes[i]! < 0 ? NaN : byCode[view.codes[i]!]!;
  return { values, classes: list };
}

/** Fits the target transform; regression mean and std come from the training rows only. */
export function fitTarget(
  column: string,
  target: TargetValues,
  train: Int32Array,
  preprocess: boolean,
): TargetTransform {
  if (target.classes) return { kind: 'classification', column, classes: target.classes };
  if (!preprocess) return { kind: 'regression', column, mean: 0, std: 1 };
  const v = observed(target.values, train);
  const m = mean(v);
  const s = std(v, m);
  return { kind: 'regression', column, mean: Number.isFinite(m) ? m : 0, std: s > 0 ? s : 1 };
}

/** y for `rowList`: class indices, or (value − mean) / std. */
export function encodeTarget(t: TargetTransform, target: TargetValues, rowList: ArrayLike<number>): Float32Array {
  const y = new Float32Array(rowList.length);
  for (let i = 0; i < rowList.length; i++) {
    const v = target.values[rowList[i]!]!;
    y[i] = t.kind === 'classification' ? v : (v - t.mean) / t.std;
  }
  return y;
}

/** The engine's `Task` for a target transform. */
export function taskOf(t: TargetTransform): Task {
  return t.kind === 'classification' ? { kind: 'classification', classes: t.classes } : { kind: 'regression' };
}

/** Mean and std that map scaled regression outputs back to the target's units; null for classification. */
export function targetScale(pre: Preprocessing): { mean: number; std: number } | null {
  return pre.target.kind === 'regression' ? { mean: pre.target.mean, std: pre.target.std } : null;
}

/** Network outputs turned into predictions. */
export type DecodedOutputs =
  | {
      kind: 'classification';
      classes: string[];
      /** Predicted label per row. */
      labels: string[];
      classIndices: Int32Array;
      /** rows × classes, row-major. */
      probabilities: Float32Array;
    }
  | { kind: 'regression'; values: Float64Array };

/**
 * Predicted labels with per-class probabilities (one sigmoid output is P(second class)), or values in the
 * target's units. `outputs` is rows × width, row-major, after the last activation.
 */
export function decodeOutputs(pre: Preprocessing, outputs: Float32Array, rows: number, width: number): DecodedOutputs {
  const t = pre.target;
  if (t.kind === 'regression') {
    if (width !== 1) throw new DatasetError(messages.badOutputs(width, '1 (the predicted value)'));
    const values = new Float64Array(rows);
    for (let i = 0; i < rows; i++) values[i] = outputs[i]! * t.std + t.mean;
    return { kind: 'regression', values };
  }
  const k = t.classes.length;
  const isSigmoid = width === 1 && k === 2;
  if (width !== k && !isSigmoid) {
    throw new DatasetError(messages.badOutputs(width, k === 2 ? '1 (sigmoid) or 2 (softmax)' : `${k} (one per class)`));
  }
  const probabilities = new Float32Array(rows * k);
  const classIndices = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    if (isSigmoid) {
      probabilities[2 * i] = 1 - outputs[i]!;
      probabilities[2 * i + 1] = outputs[i]!;
    } else {
      probabilities.set(outputs.subarray(i * k, i * k + k), i * k);
    }
    let best = 0;
    for (let c = 1; c < k; c++) if (probabilities[i * k + c]! > probabilities[i * k + best]!) best = c;
    classIndices[i] = best;
  }
  return {
    kind: 'classification',
    classes: [...t.classes],
    labels: Array.from(classIndices, (c) => t.classes[c]!),
    classIndices,
    probabilities,
  };
}

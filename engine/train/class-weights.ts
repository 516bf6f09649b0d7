/**
 * Class weights in the loss: row r of class c counts w_c times, so the loss is L = (1/n)·Σ_r w_{y_r}·ℓ_r and
 * its gradient ∂L/∂out_r = w_{y_r}·∂ℓ_r/∂out_r / n — the unweighted gradient of each row scaled by its weight.
 * Balanced weights are w_c = n / (K·n_c) over the training rows (K classes with rows), scikit-learn's
 * class_weight='balanced': every class then adds the same total weight, and the mean weight per row is 1.
 */
import type { Backend, Tensor } from '../backend/backend.ts';
import { SpecError } from '../errors.ts';
import { specMessages } from '../spec/messages.ts';
import type { ClassWeightSpec, Task } from '../spec/types.ts';

/** `auto` turns balanced weights on when the most common class has this many times the rows of the rarest. */
export const STRONG_IMBALANCE_RATIO = 10;

/** What the weights resolved to: the per-class weights (class-index order), and the setting that ran. */
export interface ResolvedClassWeights {
  weights: number[];
  /** The explicit setting: `balanced` (also when `auto` chose it) or the per-class object. */
  setting: 'balanced' | Record<string, number>;
  /** A plain-words note when `auto` turned balanced weights on; else null. */
  note: string | null;
}

/** Rows of each class among the first `rows` targets. */
function classCounts(y: Float32Array, rows: number, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let r = 0; r < rows; r++) counts[y[r]]++;
  return counts;
}

/** w_c = n / (K·n_c) for the K classes with rows; 1 for a class without rows (it never weighs anything). */
export function balancedWeights(counts: readonly number[]): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? n / (present * c) : 1));
}

/**
 * The per-class weights of a run from its setting and training targets; null when every class weighs 1
 * (`none`, regression with `auto`, or `auto` on rows that are not strongly imbalanced). A per-class object
 * naming a class the target lacks, or any weighting of a regression target, is a SpecError.
 */
export function resolveClassWeights(
  setting: ClassWeightSpec,
  task: Task,
  y: Float32Array,
  rows: number,
): ResolvedClassWeights | null {
  const path = 'training.classWeight';
  if (setting === 'none') return null;
  if (task.kind === 'regression') {
    if (setting === 'auto') return null;
    throw new SpecError(specMessages.classWeightRegression(path));
  }
  const counts = classCounts(y, rows, task.classes.length);
  if (typeof setting === 'object') {
    const unknown = Object.keys(setting).filter((label) => !task.classes.includes(label));
    if (unknown.length)
      throw new SpecError(unknown.map((l) => specMessages.unknownClassWeight(`${path}.${l}`, l, task.classes)));
    return { weights: task.classes.map((c) => (Object.hasOwn(setting, c) ? setting[c]! : 1)), setting, note: null };
  }
  const present = counts.filter((c) => c > 0);
  if (setting === 'auto') {
    const rare = Math.min(...present);
    const common = Math.max(...present);
    if (present.length < 2 || rare * STRONG_IMBALANCE_RATIO > common) return null;
    const weights = balancedWeights(counts);
    const rareClass = task.classes[counts.indexOf(rare)]!;
    const note =
      `The classes are strongly imbalanced ('${rareClass}' has ${rare} training rows, the most common class ` +
      `${common}), so each class is weighted in the loss to count the same (training.classWeight 'balanced': ` +
      `'${rareClass}' weighs ${weights[counts.indexOf(rare)]!.toPrecision(3)}). Set training.classWeight to 'none' to turn it off.`;
    return { weights, setting: 'balanced', note };
  }
  return { weights: balancedWeights(counts), setting: 'balanced', note: null };
}

/** Each row's class weight repeated over the k outputs ([rows, k] row-major), to multiply dLoss/dOutput by. */
export function rowWeightMatrix(weights: readonly number[], y: Float32Array, rows: number, k: number): Float32Array {
  const out = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++) out.fill(weights[y[r]]!, r * k, (r + 1) * k);
  return out;
}

/**
 * Scales a batch's dLoss/dOutput `d` [rows, k] row by row by the weights of its rows' classes, into `weighted`.
 * The rows are gathered from the host matrix like the batch's x and y, and multiplied elementwise with the
 * backend's dropout-backward op (dx = dy ⊙ mask), which every backend has: weighted = d ⊙ w.
 */
export function weighGradient(
  backend: Backend,
  rowWeights: Float32Array,
  k: number,
  order: Int32Array,
  start: number,
  rows: number,
  buffers: { w: Tensor; d: Tensor; weighted: Tensor },
): Tensor {
  backend.gatherRows(buffers.w, rowWeights, k, order, start, rows);
  backend.dropoutBackward(buffers.d, buffers.w, buffers.weighted);
  return buffers.weighted;
}

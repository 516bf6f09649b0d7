/** Shape checks for values that cross a worker boundary (they are `unknown` until one of these passes). */
import { MONITOR_NAMES, type Task } from '../spec/types.ts';
import type { EpochSummary, OptimizerCheckpoint, Split, TrainingData, WeightTensor } from '../train/types.ts';
import type { FoldOutcome, TrialProgress } from './executor.ts';
import type { FoldSetting } from './folds.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number';
const isInt = (v: unknown): v is number => Number.isInteger(v);
const isNumRecord = (v: unknown): v is Record<string, number> => isObj(v) && Object.values(v).every(isNum);

/** A record with these keys. */
export function hasKeys(v: unknown, ...keys: string[]): v is Obj {
  return isObj(v) && keys.every((k) => k in v);
}

/** A non-negative whole number. */
export function isCount(v: unknown): v is number {
  return isInt(v) && (v as number) >= 0;
}

function isTask(v: unknown): v is Task {
  if (!isObj(v)) return false;
  return (
    v.kind === 'regression' ||
    (v.kind === 'classification' && Array.isArray(v.classes) && v.classes.every((c) => typeof c === 'string'))
  );
}

function isSplit(v: unknown): v is Split {
  return (
    hasKeys(v, 'x', 'y', 'rows', 'features') &&
    v.x instanceof Float32Array &&
    v.y instanceof Float32Array &&
    isCount(v.rows) &&
    isCount(v.features) &&
    v.x.length === v.rows * v.features &&
    v.y.length === v.rows
  );
}

/** Training data as sent to a trial worker. */
export function isTrainingData(v: unknown): v is TrainingData {
  if (!hasKeys(v, 'task', 'featureNames', 'train', 'validation')) return false;
  const scale = v.targetScale;
  return (
    isTask(v.task) &&
    Array.isArray(v.featureNames) &&
    v.featureNames.every((f) => typeof f === 'string') &&
    isSplit(v.train) &&
    (v.validation === null || isSplit(v.validation)) &&
    (scale === undefined || scale === null || (hasKeys(scale, 'mean', 'std') && isNum(scale.mean) && isNum(scale.std)))
  );
}

/** Named weight tensors. */
export function isWeights(v: unknown): v is WeightTensor[] {
  return (
    Array.isArray(v) &&
    v.every(
      (w) =>
        hasKeys(w, 'layer', 'name', 'shape', 'data') &&
        typeof w.layer === 'string' &&
        typeof w.name === 'string' &&
        Array.isArray(w.shape) &&
        w.shape.every(isCount) &&
        Array.isArray(w.data) &&
        w.data.every(isNum),
    )
  );
}

/** An optimizer checkpoint: a step count and per-tensor float32 state buffers. */
export function isOptimizerCheckpoint(v: unknown): v is OptimizerCheckpoint {
  return (
    hasKeys(v, 'steps', 'slots') &&
    Number.isInteger(v.steps) &&
    (v.steps as number) >= 0 &&
    Array.isArray(v.slots) &&
    v.slots.every((s: unknown) => hasKeys(s, 'a', 'b') && s.a instanceof Float32Array && s.b instanceof Float32Array)
  );
}

/** Progress inside an epoch. */
export function isProgress(v: unknown): v is TrialProgress {
  return (
    hasKeys(v, 'epoch', 'epochs', 'batch', 'batches', 'loss') &&
    isCount(v.epoch) &&
    isCount(v.epochs) &&
    isCount(v.batch) &&
    isCount(v.batches) &&
    isNum(v.loss)
  );
}

/** One epoch's summary. */
export function isEpochSummary(v: unknown): v is EpochSummary {
  return (
    hasKeys(v, 'epoch', 'epochs', 'loss', 'metrics', 'valLoss', 'valMetrics', 'learningRate', 'elapsedMs', 'layers') &&
    isCount(v.epoch) &&
    isCount(v.epochs) &&
    isNum(v.loss) &&
    isNumRecord(v.metrics) &&
    (v.valLoss === null || isNum(v.valLoss)) &&
    (v.valMetrics === null || isNumRecord(v.valMetrics)) &&
    isNum(v.learningRate) &&
    isNum(v.elapsedMs) &&
    Array.isArray(v.layers) &&
    v.layers.every(
      (l) =>
        hasKeys(l, 'id', 'gradNorm', 'weightNorm') &&
        typeof l.id === 'string' &&
        isNum(l.gradNorm) &&
        isNum(l.weightNorm),
    )
  );
}

/** How a job is cross-validated: 2 or more folds, a seed and an objective. */
export function isFoldSetting(v: unknown): v is FoldSetting {
  return (
    hasKeys(v, 'count', 'seed', 'objective') &&
    isCount(v.count) &&
    v.count >= 2 &&
    isCount(v.seed) &&
    hasKeys(v.objective, 'metric', 'direction') &&
    (MONITOR_NAMES as readonly unknown[]).includes(v.objective.metric) &&
    (v.objective.direction === 'maximize' || v.objective.direction === 'minimize')
  );
}

/** The folds of a cross-validated result. */
export function isFoldOutcomes(v: unknown): v is FoldOutcome[] {
  return (
    Array.isArray(v) &&
    v.every(
      (f) =>
        hasKeys(f, 'metrics', 'keptEpoch', 'epochs') &&
        isNumRecord(f.metrics) &&
        isCount(f.keptEpoch) &&
        isCount(f.epochs),
    )
  );
}

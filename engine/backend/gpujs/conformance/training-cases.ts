/** Conformance cases: whole training runs (forward, loss, backward, regularization, clipping, update) per optimizer. */
import type { Backend } from '../../backend.ts';
import { trainNetwork } from '../../../train/index.ts';
import type { TrainingData } from '../../../train/index.ts';
import type { NetworkSpec, OptimizerSpec } from '../../../spec/types.ts';
import { Random } from '../../../random.ts';
import { TRAINING, type CaseOutputs, type ConformanceCase } from './conformance-types.ts';

/** 60 rows × 5 features, 3 classes from a fixed linear teacher. */
function classificationData(): TrainingData {
  const r = new Random(90);
  const rows = 60;
  const features = 5;
  const x = Float32Array.from({ length: rows * features }, () => r.normal());
  const teacher = Float32Array.from({ length: features * 3 }, () => r.normal());
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let f = 0; f < features; f++) s += x[i * features + f] * teacher[f * 3 + c];
      if (s > bestScore) [best, bestScore] = [c, s];
    }
    y[i] = best;
  }
  return {
    task: { kind: 'classification', classes: ['a', 'b', 'c'] },
    featureNames: ['f1', 'f2', 'f3', 'f4', 'f5'],
    train: { x, y, rows, features },
    validation: null,
  };
}

function spec(optimizer: OptimizerSpec): NetworkSpec {
  return {
    layers: [
      { id: 'h1', type: 'dense', units: 8, activation: 'relu', l2: 0.001 },
      { id: 'bn', type: 'batchNorm' },
      { id: 'drop', type: 'dropout', rate: 0.2 },
      { id: 'h2', type: 'dense', units: 6, activation: 'tanh', l1: 0.001 },
      { id: 'out', type: 'dense', units: 'auto' },
    ],
    training: { epochs: 2, batchSize: 16, seed: 7, optimizer, shuffle: true },
  };
}

async function train(be: Backend, optimizer: OptimizerSpec): Promise<CaseOutputs> {
  const result = await trainNetwork({ spec: spec(optimizer), data: classificationData(), backend: be });
  const out: CaseOutputs = {};
  for (const w of result.weights) out[`${w.layer}.${w.name}`] = Float32Array.from(w.data);
  out.loss = Float32Array.from(result.history.map((h) => h.loss));
  out.accuracy = Float32Array.from(result.history.map((h) => h.metrics.accuracy ?? NaN));
  return out;
}

const OPTIMIZERS: readonly OptimizerSpec[] = [
  { type: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true, clipNorm: 1 },
  { type: 'rmsprop', learningRate: 0.01, momentum: 0.5 },
  { type: 'adagrad', learningRate: 0.1 },
  { type: 'adam', learningRate: 0.01 },
  { type: 'adamw', learningRate: 0.01, weightDecay: 0.01, clipNorm: 2 },
];

/** One two-epoch run (8 steps, the last batch partial) per optimizer. */
export const TRAINING_CASES: readonly ConformanceCase[] = OPTIMIZERS.map((o): ConformanceCase => ({
  name: `training: 2 epochs of dense-batchNorm-dropout-dense-softmax with ${o.type}`,
  tolerance: TRAINING,
  run: (be) => train(be, o),
}));

/**
 * The PyTorch package's train.py follows the engine's conventions: from the same weights, full-batch epochs
 * with shuffling off end within 1e-5 of the engine's weights for every optimizer (SGD with momentum and
 * Nesterov, RMSprop, Adagrad, Adam, AdamW), with L1/L2 penalties, batch norm and gradient clipping, and with class
 * weights (balanced, per class) scaling each row's dLoss/dOutput; the model file's spec records the weights that ran.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset, targetScale } from '../data/index.ts';
import { runPython, TORCH_MISSING, writePackage } from '../node/testing/pytorch.ts';
import { parseSpec, type OptimizerSpec } from '../spec/index.ts';
import { trainNetwork, type WeightTensor } from '../train/index.ts';
import type { ModelFile } from './index.ts';
import { trainTestModel } from './test-models.ts';

const root = join(import.meta.dirname, '..', '..');
const csvPath = join(root, 'resources', 'samples', 'penguins.csv');
const csv = readFileSync(csvPath, 'utf8');
const settings = { target: 'species' };
const layers = [
  { id: 'h1', type: 'dense', units: 8, l1: 0.001, l2: 0.01 },
  { id: 'bn', type: 'batchNorm' },
  { id: 'h2', type: 'dense', units: 6, activation: 'tanh', l2: 0.005 },
  { id: 'output', type: 'dense', units: 'auto' },
];
const optimizers: [string, OptimizerSpec][] = [
  ['SGD with momentum', { type: 'sgd', learningRate: 0.05, momentum: 0.9 }],
  ['SGD with Nesterov momentum', { type: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true }],
  ['RMSprop', { type: 'rmsprop', learningRate: 0.01, rho: 0.9, epsilon: 1e-7 }],
  ['RMSprop with momentum and clipping', { type: 'rmsprop', learningRate: 0.01, momentum: 0.5, clipNorm: 0.1 }],
  ['Adagrad', { type: 'adagrad', learningRate: 0.05 }],
  ['Adam', { type: 'adam', learningRate: 0.01 }],
  ['AdamW', { type: 'adamw', learningRate: 0.01, weightDecay: 0.05 }],
];
/** Full-batch epochs each side trains: the second uses the optimizer's state from the first. */
const EPOCHS = 2;

/** The engine's weights after EPOCHS full-batch epochs of `model` with `optimizer`, from the model's weights. */
async function engineWeights(model: ModelFile, training: Record<string, unknown>): Promise<WeightTensor[]> {
  const prepared = prepareDataset(parseCsv(csv), { split: { validation: 0, test: 0 }, ...settings }, 7);
  const data = {
    task: prepared.task,
    featureNames: prepared.featureNames,
    train: prepared.train,
    validation: null,
    targetScale: targetScale(prepared.preprocessing),
  };
  const backend = new CpuBackend();
  try {
    const spec = parseSpec({ ...model.spec, training });
    return (await trainNetwork({ spec, data, backend, initialWeights: model.weights })).weights;
  } finally {
    backend.destroy();
  }
}

/** train.py's weights: train_model on the same CSV, continuing from the model file's weights. */
function pythonRun(model: ModelFile, training: Record<string, unknown>): Pick<ModelFile, 'weights' | 'spec'> {
  const dir = writePackage({ ...model, spec: { ...model.spec, training } }, 'train');
  const code = [
    'import json, sys',
    'import train',
    "model = json.load(open('model.json'))",
    `result = train.train_model(model, ${JSON.stringify(csvPath)}, epochs=${EPOCHS}, log=lambda s: None)`,
    "json.dump({'weights': result['weights'], 'spec': result['spec']}, sys.stdout)",
  ].join('\n');
  const r = runPython(dir, ['-c', code]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Pick<ModelFile, 'weights' | 'spec'>;
}

/** Every weight of `got` within 1e-5 of `expected`. */
function expectClose(got: WeightTensor[], expected: WeightTensor[]): void {
  expect(got.map((w) => `${w.layer}.${w.name}`)).toEqual(expected.map((w) => `${w.layer}.${w.name}`));
  expected.forEach((w, i) =>
    w.data.forEach((v, j) => {
      const where = `${w.layer}.${w.name}[${j}]: ${got[i]!.data[j]} vs ${v}`;
      expect(Math.abs(got[i]!.data[j]! - v), where).toBeLessThanOrEqual(1e-5);
    }),
  );
}

describe('train.py trains like the engine', () => {
  it.skipIf(TORCH_MISSING !== '').each(optimizers)(
    `%s: full-batch epochs end within 1e-5 of the engine's weights${TORCH_MISSING}`,
    async (_name, optimizer) => {
      const model = await trainTestModel(csv, settings, layers);
      const training = { epochs: EPOCHS, batchSize: 100_000, shuffle: false, validationSplit: 0, seed: 7, optimizer };
      const expected = await engineWeights(model, training);
      const got = pythonRun(model, training).weights;
      // the step moved the weights, so agreeing is not just both leaving them alone
      const moved = expected.some((w, i) => w.data.some((v, j) => Math.abs(v - model.weights[i]!.data[j]!) > 1e-4));
      expect(moved).toBe(true);
      expectClose(got, expected);
    },
  );
  it.skipIf(TORCH_MISSING !== '').each([
    ['balanced', 'balanced'],
    ['per class', { Chinstrap: 3, Adelie: 0.5 }],
  ])(
    `class weights %s: full-batch epochs end within 1e-5 of the engine's weights${TORCH_MISSING}`,
    async (_name, weight) => {
      const model = await trainTestModel(csv, settings, layers);
      const training = {
        epochs: EPOCHS,
        batchSize: 100_000,
        shuffle: false,
        validationSplit: 0,
        seed: 7,
        optimizer: { type: 'adam', learningRate: 0.01 },
      };
      const expected = await engineWeights(model, { ...training, classWeight: weight });
      // the weights change the step, so agreeing is not both ignoring them
      const unweighted = await engineWeights(model, { ...training, classWeight: 'none' });
      expect(expected.some((w, i) => w.data.some((v, j) => Math.abs(v - unweighted[i]!.data[j]!) > 1e-4))).toBe(true);
      const got = pythonRun(model, { ...training, classWeight: weight });
      expectClose(got.weights, expected);
      expect(got.spec.training?.classWeight).toEqual(weight);
    },
  );
});

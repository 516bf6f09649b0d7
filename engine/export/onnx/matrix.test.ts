/** ONNX `--inputs matrix`: run in onnxruntime, outputs equal `predict` (probabilities 1e-5, values 1e-5 relative). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { DatasetSettings } from '../../data/index.ts';
import { expectSameAsPredict, predictReference } from '../../node/testing/predict-reference.ts';
import { runOnnx } from '../../node/testing/run-onnx.ts';
import { MIXED_CLASSIFICATION, MIXED_REGRESSION } from '../fixtures/settings.ts';
import { everyActivationLayers, trainTestModel } from '../test-models.ts';
import { exportOnnx } from './export.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (...p: string[]): string => readFileSync(join(root, ...p), 'utf8');

type Case = [string, string[], DatasetSettings, unknown[]];
const dense = [
  { id: 'h1', type: 'dense', units: 12 },
  { id: 'output', type: 'dense', units: 'auto' },
];
const cases: Case[] = [
  ['iris (softmax)', ['resources', 'samples', 'iris.csv'], { target: 'species' }, dense],
  ['penguins (categories, missing cells)', ['resources', 'samples', 'penguins.csv'], { target: 'species' }, dense],
  ['diabetes (regression)', ['resources', 'samples', 'diabetes.csv'], { target: 'progression' }, dense],
  ['penguins sex (sigmoid, 2 classes)', ['resources', 'samples', 'penguins.csv'], { target: 'sex' }, dense],
  [
    'every activation + batch norm, classification',
    ['engine', 'export', 'fixtures', 'mixed-train.csv'],
    MIXED_CLASSIFICATION,
    everyActivationLayers(),
  ],
  [
    'every activation + batch norm, regression',
    ['engine', 'export', 'fixtures', 'mixed-train.csv'],
    MIXED_REGRESSION,
    everyActivationLayers(),
  ],
  [
    'batch norm before the output, ε 0.01',
    ['resources', 'samples', 'iris.csv'],
    { target: 'species' },
    [
      { id: 'h', type: 'dense', units: 5, activation: 'tanh' },
      { id: 'bn', type: 'batchNorm', epsilon: 0.01 },
      { id: 'output', type: 'dense', units: 'auto' },
    ],
  ],
  [
    '2-class softmax',
    ['resources', 'samples', 'penguins.csv'],
    { target: 'sex' },
    [
      { id: 'h', type: 'dense', units: 4 },
      { id: 'output', type: 'dense', units: 2, activation: 'softmax' },
    ],
  ],
];

describe('ONNX input-matrix form in onnxruntime equals predict', () => {
  it.each(cases)('%s', async (_name, csvPath, settings, layers) => {
    const csv = read(...csvPath);
    const model = await trainTestModel(csv, settings, layers);
    const ref = await predictReference(model, csv);
    const bytes = exportOnnx(model, 'matrix');
    const onnx = await runOnnx(bytes, { input: { type: 'float32', data: ref.x, dims: [ref.rows, model.inputs] } });
    expectSameAsPredict(onnx, ref);
  });
});

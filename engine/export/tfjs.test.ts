/** TF.js export: loads with tf.loadLayersModel (from memory and from the written files) and predicts like `predict`. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadLayersModel, type LayersModel } from '@tensorflow/tfjs-layers';
import type { DatasetSettings } from '../data/index.ts';
import { expectSameAsPredict, predictReference, type Reference } from '../node/testing/predict-reference.ts';
import { MIXED_CLASSIFICATION, MIXED_REGRESSION } from './fixtures/settings.ts';
import { everyActivationLayers, trainTestModel } from './test-models.ts';
import { exportTfjs, TFJS_WEIGHTS_FILE } from './tfjs.ts';

await tf.setBackend('cpu');
const root = join(import.meta.dirname, '..', '..');
const read = (...p: string[]): string => readFileSync(join(root, ...p), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'bps-tfjs-'));

interface ModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** Loads a layers model from a folder the way a file loader does: model.json, then each manifest path. */
function fromFolder(folder: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8')) as ModelJson;
      const buffers = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(join(folder, p))));
      const bytes = new Uint8Array(buffers.reduce((n, b) => n + b.length, 0));
      let at = 0;
      for (const b of buffers) {
        bytes.set(b, at);
        at += b.length;
      }
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
        weightData: bytes.buffer,
      };
    },
  };
}

function outputsOf(
  m: LayersModel,
  ref: Reference,
  regression: boolean,
): Record<string, { data: number[]; dims: number[] }> {
  const y = m.predict(tf.tensor2d(ref.x, [ref.rows, ref.x.length / ref.rows])) as tf.Tensor;
  const out = { data: Array.from(y.dataSync()), dims: y.shape };
  y.dispose();
  return regression ? { value: out } : { probabilities: out };
}

type Case = [string, string[], DatasetSettings, unknown[]];
const dense = [
  { id: 'h1', type: 'dense', units: 12 },
  { id: 'output', type: 'dense', units: 'auto' },
];
const cases: Case[] = [
  ['iris (softmax)', ['resources', 'samples', 'iris.csv'], { target: 'species' }, dense],
  [
    'penguins sex (sigmoid widened to 2 probabilities)',
    ['resources', 'samples', 'penguins.csv'],
    { target: 'sex' },
    dense,
  ],
  [
    'diabetes (regression, scaling folded into the last layer)',
    ['resources', 'samples', 'diabetes.csv'],
    { target: 'progression' },
    dense,
  ],
  [
    'regression with a softplus output (scaling as an extra layer)',
    ['resources', 'samples', 'diabetes.csv'],
    { target: 'progression' },
    [
      { id: 'h', type: 'dense', units: 6 },
      { id: 'output', type: 'dense', units: 1, activation: 'softplus' },
    ],
  ],
  [
    'every activation + batch norm + dropout, classification',
    ['engine', 'export', 'fixtures', 'mixed-train.csv'],
    MIXED_CLASSIFICATION,
    everyActivationLayers(),
  ],
  [
    'every activation + batch norm + dropout, regression',
    ['engine', 'export', 'fixtures', 'mixed-train.csv'],
    MIXED_REGRESSION,
    everyActivationLayers(),
  ],
  [
    'leakyRelu as the first layer after an activation layer',
    ['resources', 'samples', 'iris.csv'],
    { target: 'species' },
    [
      { id: 'a', type: 'activation', activation: 'tanh' },
      { id: 'h', type: 'dense', units: 5, activation: 'leakyRelu' },
      { id: 'output', type: 'dense', units: 'auto' },
    ],
  ],
];

describe('TF.js layers export equals predict on the transform matrix', () => {
  it.each(cases)('%s', async (name, csvPath, settings, layers) => {
    const csv = read(...csvPath);
    const model = await trainTestModel(csv, settings, layers);
    const ref = await predictReference(model, csv);
    const files = exportTfjs(model);
    const json = JSON.parse(files.modelJson) as ModelJson;
    expect(json.weightsManifest[0]!.paths).toEqual([TFJS_WEIGHTS_FILE]);
    const regression = model.task.kind === 'regression';
    const inMemory = await loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0]!.weights,
        weightData: files.weights.slice().buffer,
      }),
    );
    expectSameAsPredict(outputsOf(inMemory, ref, regression), ref);
    const folder = mkdtempSync(join(dir, name.replace(/\W+/g, '-')));
    writeFileSync(join(folder, 'model.json'), files.modelJson);
    writeFileSync(join(folder, TFJS_WEIGHTS_FILE), files.weights);
    expectSameAsPredict(outputsOf(await loadLayersModel(fromFolder(folder)), ref, regression), ref);
  });
});

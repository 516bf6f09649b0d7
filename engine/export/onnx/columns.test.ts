/**
 * ONNX raw-columns form (the default): preprocessing inside the graph. Run in onnxruntime on raw CSVs —
 * categories with unseen values, missing cells (empty and 'NA'), booleans, dates — and compared with predict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetSettings, Preprocessing } from '../../data/index.ts';
import { expectSameAsPredict, predictReference } from '../../node/testing/predict-reference.ts';
import { rawFeeds } from '../../node/testing/raw-feeds.ts';
import { runOnnx } from '../../node/testing/run-onnx.ts';
import { MIXED_CLASSIFICATION, MIXED_REGRESSION } from '../fixtures/settings.ts';
import { everyActivationLayers, trainTestModel } from '../test-models.ts';
import { exportOnnx } from './export.ts';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (...p: string[]): string => readFileSync(join(root, ...p), 'utf8');
const dense = [
  { id: 'h1', type: 'dense', units: 12 },
  { id: 'output', type: 'dense', units: 'auto' },
];
const penguins = ['resources', 'samples', 'penguins.csv'];
const mixedTrain = ['engine', 'export', 'fixtures', 'mixed-train.csv'];
const mixedNew = ['engine', 'export', 'fixtures', 'mixed-new.csv'];

type Case = [string, string[], string[], DatasetSettings, unknown[]];
const cases: Case[] = [
  ['iris', ['resources', 'samples', 'iris.csv'], ['resources', 'samples', 'iris.csv'], { target: 'species' }, dense],
  ['penguins (categories, NA cells)', penguins, penguins, { target: 'species' }, dense],
  [
    'penguins island, one-hot with other, ordinal sex',
    penguins,
    penguins,
    {
      target: 'island',
      maxCategories: 2,
      columns: { species: { encoding: 'ordinal' }, sex: { encoding: 'ordinal', missingIndicator: true } },
    },
    dense,
  ],
  [
    'wine (a column named od280/od315_of_diluted_wines)',
    ['resources', 'samples', 'wine.csv'],
    ['resources', 'samples', 'wine.csv'],
    { target: 'cultivar' },
    dense,
  ],
  [
    'diabetes (regression)',
    ['resources', 'samples', 'diabetes.csv'],
    ['resources', 'samples', 'diabetes.csv'],
    { target: 'progression' },
    dense,
  ],
  [
    'mixed regression with preprocessing off (no scaling, raw target)',
    mixedTrain,
    mixedNew,
    { ...MIXED_REGRESSION, preprocess: false },
    dense,
  ],
  [
    'mixed classification on new rows (unseen categories, missing cells, dates)',
    mixedTrain,
    mixedNew,
    MIXED_CLASSIFICATION,
    everyActivationLayers(),
  ],
  ['mixed regression on new rows', mixedTrain, mixedNew, MIXED_REGRESSION, everyActivationLayers()],
  ['mixed classification on its training rows', mixedTrain, mixedTrain, MIXED_CLASSIFICATION, dense],
];

describe('ONNX raw-columns form in onnxruntime equals predict', () => {
  it.each(cases)('%s', async (_name, trainPath, dataPath, settings, layers) => {
    const model = await trainTestModel(read(...trainPath), settings, layers);
    const csv = read(...dataPath);
    const ref = await predictReference(model, csv);
    const { feeds, rows } = rawFeeds(model.preprocessing as Preprocessing, csv);
    expect(rows).toBe(ref.rows);
    expectSameAsPredict(await runOnnx(exportOnnx(model, 'columns'), feeds), ref);
  });
});

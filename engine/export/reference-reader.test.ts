/**
 * The Python reference reader (resources/reference-reader/backprop_studio.py, NumPy + pandas) predicts like
 * `predict` from the model file alone, so docs/model-file.md cannot drift from the engine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetSettings } from '../data/index.ts';
import { predictReference } from '../node/testing/predict-reference.ts';
import { MIXED_CLASSIFICATION, MIXED_REGRESSION } from './fixtures/settings.ts';
import { stringifyModelFile } from './index.ts';
import { everyActivationLayers, trainTestModel } from './test-models.ts';

const PYTHON = '/usr/bin/python3';
const root = join(import.meta.dirname, '..', '..');
const reader = join(root, 'resources', 'reference-reader', 'backprop_studio.py');
const probe = spawnSync(PYTHON, ['-c', 'import numpy, pandas'], { encoding: 'utf8' });
const missing =
  probe.status === 0
    ? ''
    : ` — SKIPPED: ${PYTHON} cannot import numpy and pandas (${(probe.stderr || String(probe.error)).trim().split('\n').pop()}); install python3-numpy python3-pandas`;
const dir = mkdtempSync(join(tmpdir(), 'bps-reader-'));
const read = (...p: string[]): string => readFileSync(join(root, ...p), 'utf8');

type Case = [string, string[], string[], DatasetSettings, unknown[]];
const dense = [
  { id: 'h1', type: 'dense', units: 12 },
  { id: 'output', type: 'dense', units: 'auto' },
];
const penguins = ['resources', 'samples', 'penguins.csv'];
const cases: Case[] = [
  ['iris', ['resources', 'samples', 'iris.csv'], ['resources', 'samples', 'iris.csv'], { target: 'species' }, dense],
  ['wine', ['resources', 'samples', 'wine.csv'], ['resources', 'samples', 'wine.csv'], { target: 'cultivar' }, dense],
  ['penguins (categories, NA cells)', penguins, penguins, { target: 'species' }, dense],
  [
    'penguins sex (sigmoid), ordinal island with indicator',
    penguins,
    penguins,
    { target: 'sex', columns: { island: { encoding: 'ordinal', missingIndicator: true } } },
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
    'mixed classification, every activation, new rows',
    ['engine', 'export', 'fixtures', 'mixed-train.csv'],
    ['engine', 'export', 'fixtures', 'mixed-new.csv'],
    MIXED_CLASSIFICATION,
    everyActivationLayers(),
  ],
  [
    'mixed regression, every activation, new rows',
    ['engine', 'export', 'fixtures', 'mixed-train.csv'],
    ['engine', 'export', 'fixtures', 'mixed-new.csv'],
    MIXED_REGRESSION,
    everyActivationLayers(),
  ],
];

describe('Python reference reader equals predict', () => {
  it.skipIf(missing !== '').each(cases)(`%s${missing}`, async (name, trainPath, dataPath, settings, layers) => {
    const model = await trainTestModel(read(...trainPath), settings, layers);
    const modelPath = join(dir, `${name.replace(/\W+/g, '-')}.model.json`);
    writeFileSync(modelPath, stringifyModelFile(model));
    const matrixPath = `${modelPath}.x.csv`;
    const r = spawnSync(PYTHON, [reader, modelPath, join(root, ...dataPath), '--matrix', matrixPath], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ref = await predictReference(model, read(...dataPath));
    const matrix = readFileSync(matrixPath, 'utf8').trimEnd().split('\n');
    expect(matrix[0]!.split(',')).toEqual(model.featureNames);
    const x = matrix.slice(1).flatMap((l) => l.split(',').map(Number));
    x.forEach((v, i) =>
      expect(Math.abs(v - ref.x[i]!), `input ${i}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(ref.x[i]!))),
    );
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(lines).toHaveLength(ref.rows);
    const d = ref.decoded;
    if (d.kind === 'regression') {
      lines.forEach((l, i) =>
        expect(Math.abs(Number(l[0]) - d.values[i]!), `row ${i}`).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(d.values[i]!)),
        ),
      );
    } else {
      const k = d.classes.length;
      lines.forEach((l, i) => {
        expect(l[0], `row ${i}`).toBe(d.labels[i]);
        for (let c = 0; c < k; c++)
          expect(Math.abs(Number(l[c + 1]) - d.probabilities[i * k + c]!), `row ${i} class ${c}`).toBeLessThanOrEqual(
            1e-5,
          );
      });
    }
  });
});

/**
 * The PyTorch package's predict.py (preprocess.py + model.py in PyTorch) writes the same columns and numbers
 * as `predict` on raw CSVs of the shared datasets and the mixed fixtures (categories, missing cells, dates).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DatasetSettings } from '../data/index.ts';
import { predictReference } from '../node/testing/predict-reference.ts';
import { runPython, TORCH_MISSING, writePackage } from '../node/testing/pytorch.ts';
import { MIXED_CLASSIFICATION, MIXED_REGRESSION } from './fixtures/settings.ts';
import { everyActivationLayers, trainTestModel } from './test-models.ts';

const root = join(import.meta.dirname, '..', '..');
const read = (...p: string[]): string => readFileSync(join(root, ...p), 'utf8');
const sample = (name: string): string[] => ['resources', 'samples', name];
const fixture = (name: string): string[] => ['engine', 'export', 'fixtures', name];
const dense = [
  { id: 'h1', type: 'dense', units: 12 },
  { id: 'bn', type: 'batchNorm' },
  { id: 'output', type: 'dense', units: 'auto' },
];

type Case = [string, string[], string[], DatasetSettings, unknown[]];
const cases: Case[] = [
  ['iris', sample('iris.csv'), sample('iris.csv'), { target: 'species' }, dense],
  ['penguins (categories, NA cells)', sample('penguins.csv'), sample('penguins.csv'), { target: 'species' }, dense],
  [
    'penguins sex (sigmoid), ordinal island with indicator',
    sample('penguins.csv'),
    sample('penguins.csv'),
    { target: 'sex', columns: { island: { encoding: 'ordinal', missingIndicator: true } } },
    dense,
  ],
  ['diabetes (regression)', sample('diabetes.csv'), sample('diabetes.csv'), { target: 'progression' }, dense],
  [
    'mixed classification (dates, every activation), new rows',
    fixture('mixed-train.csv'),
    fixture('mixed-new.csv'),
    MIXED_CLASSIFICATION,
    everyActivationLayers(),
  ],
  [
    'mixed regression (dates, every activation), new rows',
    fixture('mixed-train.csv'),
    fixture('mixed-new.csv'),
    MIXED_REGRESSION,
    everyActivationLayers(),
  ],
];

describe('predict.py of the PyTorch package equals predict', () => {
  it.skipIf(TORCH_MISSING !== '').each(cases)(
    `%s${TORCH_MISSING}`,
    async (name, trainPath, dataPath, settings, layers) => {
      const model = await trainTestModel(read(...trainPath), settings, layers);
      const dir = writePackage(model, name.replace(/\W+/g, '-'));
      const r = runPython(dir, ['predict.py', join(root, ...dataPath)]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const ref = await predictReference(model, read(...dataPath));
      const [header, ...lines] = r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(','));
      expect(lines).toHaveLength(ref.rows);
      const d = ref.decoded;
      if (d.kind === 'regression') {
        expect(header).toEqual(['prediction']);
        lines.forEach((l, i) =>
          expect(Math.abs(Number(l[0]) - d.values[i]!), `row ${i}`).toBeLessThanOrEqual(
            1e-5 * Math.max(1, Math.abs(d.values[i]!)),
          ),
        );
        return;
      }
      expect(header).toEqual(['prediction', ...d.classes.map((c) => `probability_${c}`)]);
      const k = d.classes.length;
      lines.forEach((l, i) => {
        expect(l[0], `row ${i}`).toBe(d.labels[i]);
        for (let c = 0; c < k; c++)
          expect(Math.abs(Number(l[c + 1]) - d.probabilities[i * k + c]!), `row ${i} class ${c}`).toBeLessThanOrEqual(
            1e-5,
          );
      });
    },
  );
});

/** A model file's metrics per split: the full set loads typed, older headline-only files still load, damaged ones name the path. */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors.ts';
import { readMetrics } from './check-metrics.ts';

function read(raw: unknown): { metrics: unknown; problems: string[] } {
  const problems: Problem[] = [];
  const metrics = readMetrics(raw, problems);
  return { metrics, problems: problems.map((p) => `${p.path}: ${p.message}`) };
}

const classification = {
  kind: 'classification',
  loss: 0.5,
  accuracy: 0.75,
  macroF1: 0.7,
  balancedAccuracy: 0.75,
  classes: [
    { label: 'a', precision: 1, recall: 0.5, f1: 0.667, support: 2 },
    { label: 'b', precision: 0.667, recall: 1, f1: 0.8, support: 2 },
  ],
  confusion: [
    [1, 1],
    [0, 2],
  ],
};

describe('readMetrics', () => {
  it('reads the full set, and JSON null (an R² of constant targets) as NaN', () => {
    const r = read({ train: classification, test: { kind: 'regression', loss: 1, mae: 0.5, rmse: 0.7, r2: null } });
    expect(r.problems).toEqual([]);
    expect(r.metrics).toEqual({
      train: classification,
      test: { kind: 'regression', loss: 1, mae: 0.5, rmse: 0.7, r2: NaN },
    });
  });

  it('derives balanced accuracy (mean recall of the classes with rows) for files written before it was stored', () => {
    const { balancedAccuracy: _stored, ...older } = classification;
    const classes = [...older.classes, { label: 'c', precision: 0, recall: 0, f1: 0, support: 0 }];
    const r = read({
      test: {
        ...older,
        classes,
        confusion: [
          [1, 1, 0],
          [0, 2, 0],
          [0, 0, 0],
        ],
      },
    });
    expect(r.problems).toEqual([]);
    expect(r.metrics).toMatchObject({ test: { balancedAccuracy: 0.75 } });
  });

  it('still reads the headline numbers older app exports stored, and no metrics at all', () => {
    expect(read({ test: { accuracy: 0.9 }, validation: { mae: 1, rmse: 2, r2: 0.5 } })).toEqual({
      metrics: { test: { accuracy: 0.9 }, validation: { mae: 1, rmse: 2, r2: 0.5 } },
      problems: [],
    });
    expect(read(undefined)).toEqual({ metrics: {}, problems: [] });
  });

  it('names each damaged field with its path', () => {
    const broken = { ...classification, accuracy: 'high', confusion: [[1, -1]], classes: [{ label: 'a' }] };
    expect(read({ test: broken, train: { kind: 'ranking' }, validation: 3 }).problems).toEqual([
      'metrics.train.kind: metrics.train.kind must be \'classification\' or \'regression\', got "ranking". Export the model again, or remove "metrics".',
      'metrics.validation: metrics.validation must be an object of metrics, got 3. Export the model again, or remove "metrics".',
      'metrics.test.accuracy: metrics.test.accuracy must be a number, got "high". Export the model again, or remove "metrics".',
      'metrics.test.classes[0].precision: metrics.test.classes[0].precision must be a number, got missing. Export the model again, or remove "metrics".',
      'metrics.test.classes[0].recall: metrics.test.classes[0].recall must be a number, got missing. Export the model again, or remove "metrics".',
      'metrics.test.classes[0].f1: metrics.test.classes[0].f1 must be a number, got missing. Export the model again, or remove "metrics".',
      'metrics.test.classes[0].support: metrics.test.classes[0].support must be a number, got missing. Export the model again, or remove "metrics".',
      'metrics.test.confusion: metrics.test.confusion must be a table of counts (number[][]), got [[1,-1]]. Export the model again, or remove "metrics".',
    ]);
    expect(read([1]).problems).toEqual([
      'metrics: metrics must be an object with metrics per split (train, validation, test), got [1]. Export the model again, or remove "metrics".',
    ]);
  });
});

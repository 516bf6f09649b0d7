/**
 * train.py's refit, as the studio's (engine/run/refit.ts): when early stopping chose the epochs of a run from
 * scratch, the final model trains afresh on training + validation rows for those epochs and records
 * training.refit; a continued run (the package's default) and training.refit false keep the early-stopped model.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelFile } from '../export/index.ts';
import { trainTestModel } from '../export/test-models.ts';
import { runPython, TORCH_MISSING, writePackage } from './testing/pytorch.ts';

const root = join(import.meta.dirname, '..', '..');
const penguins = join(root, 'resources', 'samples', 'penguins.csv');
const base = await trainTestModel(
  readFileSync(penguins, 'utf8'),
  { target: 'species' },
  [
    { id: 'h', type: 'dense', units: 4 },
    { id: 'output', type: 'dense', units: 'auto' },
  ],
  1,
);
const skip = TORCH_MISSING !== '';

/** The base model with these training settings: early stopping picks epoch 1 (nothing improves by 10 after it). */
function stopping(more: Record<string, unknown>): ModelFile {
  const training = {
    ...base.spec.training,
    validationSplit: 0.2,
    earlyStopping: { patience: 1, minDelta: 10 },
    ...more,
  };
  return { ...base, spec: { ...base.spec, training } } as ModelFile;
}

/** train_model on penguins in a package of `model`; stdout lines and the result's fields named by `code`. */
function run(model: ModelFile, args: string): { stdout: string[]; result: Record<string, unknown> } {
  const r = runPython(writePackage(model, 'refit'), [
    '-c',
    [
      'import json, sys',
      'import train',
      "model = json.load(open('model.json'))",
      `m = train.train_model(model, ${JSON.stringify(penguins)}, ${args}, log=lambda s: None)`,
      "print(json.dumps({k: m[k] for k in ('training', 'metrics', 'weights', 'history')}))",
    ].join('\n'),
  ]);
  expect([r.stderr, r.status]).toEqual(['', 0]);
  const lines = r.stdout.trim().split('\n');
  return { stdout: lines.slice(0, -1), result: JSON.parse(lines.at(-1)!) as Record<string, unknown> };
}

describe(`train.py: refit after early stopping${TORCH_MISSING}`, () => {
  it.skipIf(skip)(
    'from scratch: retrains on train + validation rows for the chosen epochs, says so, records it',
    () => {
      const { stdout, result } = run(stopping({}), 'epochs=6, from_scratch=True');
      expect(stdout).toEqual([
        'Early stopping chose 1 epoch; training the final model afresh on the training and validation ' +
          'rows together (344 rows) for 1 epoch. Set training.refit to false to keep the early-stopped model.',
      ]);
      expect(result.training).toEqual({
        backend: 'pytorch-cpu',
        stopReason: 'earlyStopping',
        bestEpoch: 1,
        epochsRun: 3,
        refit: { epochs: 1, rows: 344 },
      });
      expect(Object.keys(result.metrics as object)).toEqual(['train']);
      expect((result.history as unknown[]).length).toBe(3);
      // the weights are those of one epoch from scratch on every row, without early stopping
      const whole = run(stopping({ validationSplit: 0, earlyStopping: null }), 'epochs=1, from_scratch=True');
      expect(result.weights).toEqual(whole.result.weights);
    },
  );
  it.skipIf(skip)('continuing from the weights, or with training.refit false, keeps the early-stopped model', () => {
    for (const [model, args] of [
      [stopping({}), 'epochs=6'],
      [stopping({ refit: false }), 'epochs=6, from_scratch=True'],
    ] as const) {
      const { stdout, result } = run(model, args);
      expect(stdout).toEqual([]);
      expect(result.training).not.toHaveProperty('refit');
      expect(Object.keys(result.metrics as object)).toEqual(['train', 'validation']);
    }
  });
});

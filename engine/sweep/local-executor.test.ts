/** Real training through the local executor on wine: determinism at concurrency 1 and 2, divergence, retraining the best. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset, targetScale } from '../data/index.ts';
import { parseSpec } from '../spec/index.ts';
import type { TrainingData } from '../train/index.ts';
import { createLocalExecutor } from './local-executor.ts';
import { prepareSweep } from './prepare.ts';
import { retrainBest } from './retrain.ts';
import { runSweep } from './runner.ts';
import { parseSearchSpace } from './space.ts';
import type { SweepResult } from './types.ts';

const csv = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'samples', 'wine.csv'));
const prepared = prepareDataset(
  parseCsv(new Uint8Array(csv)),
  { target: 'cultivar', split: { validation: 0.2, test: 0.2 } },
  42,
);
const data: TrainingData = {
  task: prepared.task,
  featureNames: prepared.featureNames,
  train: prepared.train,
  validation: prepared.validation,
  targetScale: targetScale(prepared.preprocessing),
};
const spec = parseSpec({
  layers: [
    { id: 'dense-1', type: 'dense', units: 16 },
    { id: 'dropout-1', type: 'dropout', rate: 0.1 },
    { id: 'output', type: 'dense', units: 'auto' },
  ],
  training: { epochs: 15, batchSize: 16 },
});
const space = parseSearchSpace({
  parameters: {
    'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-3, max: 3e-2 },
    'layers[dense-1].units': { distribution: 'int', min: 4, max: 32 },
    'layers[*dropout].rate': { distribution: 'uniform', min: 0, max: 0.5 },
  },
});
const setup = (concurrency: number, strategy: 'random' | 'halving' = 'random') =>
  prepareSweep({
    space,
    spec,
    data: { inputs: data.train.features, task: data.task },
    hasValidation: true,
    cores: 2,
    overrides: { strategy, trials: 6, seed: 11, concurrency },
  });
const run = (concurrency: number, strategy: 'random' | 'halving' = 'random') => {
  const executor = createLocalExecutor({
    data,
    createBackend: async () => (await createBackend('auto')).backend,
    yieldToHost: () => new Promise((r) => setImmediate(r)),
  });
  return runSweep({ setup: setup(concurrency, strategy), executor }).finally(() => executor.close());
};
const table = (r: SweepResult) =>
  r.trials.map((t) => [t.trial, t.status, t.params, t.objective, t.metrics, t.epochs, t.seed]);

describe('sweeps that really train', () => {
  it('give the same trial table at concurrency 1 and 2 (random and halving)', async () => {
    const [one, two] = [await run(1), await run(2)];
    expect(one.trials.every((t) => t.status === 'done')).toBe(true);
    expect(table(two)).toEqual(table(one));
    const [h1, h2] = [await run(1, 'halving'), await run(2, 'halving')];
    expect(table(h2)).toEqual(table(h1));
    expect(h1.trials.filter((t) => t.status === 'pruned').length).toBeGreaterThan(0);
  });

  it("record a diverging trial as failed with the trainer's message", async () => {
    const big = parseSearchSpace({
      parameters: {
        'training.optimizer.learningRate': { distribution: 'choice', values: [0.01, 1e9] },
        'training.optimizer.type': { distribution: 'choice', values: ['sgd'] },
      },
    });
    const s = prepareSweep({
      space: big,
      spec,
      data: { inputs: data.train.features, task: data.task },
      hasValidation: true,
      cores: 2,
      overrides: { strategy: 'grid' },
    });
    const executor = createLocalExecutor({ data, createBackend: async () => (await createBackend('auto')).backend });
    const r = await runSweep({ setup: s, executor }).finally(() => executor.close());
    expect(r.trials.map((t) => t.status)).toEqual(['done', 'failed']);
    expect(r.trials[1].error?.code).toBe('train/diverged');
    expect(r.trials[1].error?.message).toMatch(/^Training diverged: the loss became NaN or infinite/);
    expect(r.best?.trial).toBe(1);
  });

  it('retrain the best on train+validation into a model file', async () => {
    const r = await run(1);
    const best = r.best;
    if (!best) throw new Error('no best trial');
    const { backend } = await createBackend('auto');
    const out = await retrainBest({ setup: setup(1), trial: best, prepared, backend });
    backend.destroy();
    expect(out.result.history).toHaveLength(best.keptEpoch);
    expect(out.spec.training).toMatchObject({
      seed: best.seed,
      epochs: best.keptEpoch,
      earlyStopping: null,
      optimizer: { learningRate: best.params['training.optimizer.learningRate'] },
    });
    expect(out.model.format).toBe('backprop-studio/model');
    expect(out.model.spec.layers[0]).toMatchObject({ id: 'dense-1', units: best.params['layers[dense-1].units'] });
    expect(Object.keys(out.metrics)).toEqual(['train', 'test']);
    const train = out.metrics.train;
    expect(train?.kind === 'classification' && train.classes.reduce((s, c) => s + c.support, 0)).toBe(
      prepared.train.rows + prepared.validation.rows,
    );
  });
});

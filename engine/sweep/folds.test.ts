/** Folds: a stratified, seeded partition of the training + validation rows; and a cross-validated trial's objective is the folds' mean. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset } from '../data/index.ts';
import { trainingDataOf } from '../run/index.ts';
import { parseSpec, type Task } from '../spec/index.ts';
import { TrainControl } from '../train/index.ts';
import { assignFolds, checkFoldRows, foldData, foldTargets } from './folds.ts';
import { createLocalExecutor } from './local-executor.ts';
import { epochMetrics } from './objective.ts';
import { prepareSweep } from './prepare.ts';
import { runSweep } from './runner.ts';
import { parseSearchSpace } from './space.ts';
import { trainTrialJob } from './trial.ts';
import { parseTrialWorkerEvent, parseTrialWorkerRequest } from './wire.ts';

const csv = readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'samples', 'wine.csv'));
const prepared = prepareDataset(
  parseCsv(new Uint8Array(csv)),
  { target: 'cultivar', split: { validation: 0.2, test: 0.2 } },
  42,
);
const data = trainingDataOf(prepared);
const VAL_LOSS = { metric: 'valLoss', direction: 'minimize' } as const;
const THREE: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };

describe('assignFolds', () => {
  const y = Float32Array.from({ length: 47 }, (_, i) => (i < 25 ? 0 : i < 40 ? 1 : 2));
  it('puts every row in exactly one of k folds, each class spread within one row of its share', () => {
    const fold = assignFolds(y, THREE, 5, 3);
    expect(fold.length).toBe(47);
    for (let c = 0; c < 3; c++) {
      const per = [0, 1, 2, 3, 4].map((f) => fold.filter((g, i) => g === f && y[i] === c).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
      expect(per.reduce((a, b) => a + b)).toBe(y.filter((v) => v === c).length);
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => fold.filter((g) => g === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is the same for the same seed (every trial sees the same folds) and differs for another seed', () => {
    expect(assignFolds(y, THREE, 5, 3)).toEqual(assignFolds(y, THREE, 5, 3));
    expect(assignFolds(y, THREE, 5, 4)).not.toEqual(assignFolds(y, THREE, 5, 3));
  });

  it('regression: each fold gets one row of every run of k rows sorted by target', () => {
    const t = Float32Array.from({ length: 30 }, (_, i) => (i * 7) % 30);
    const fold = assignFolds(t, { kind: 'regression' }, 3, 1);
    const sorted = Array.from(t.keys()).sort((a, b) => t[a] - t[b]);
    for (let s = 0; s < 30; s += 3) expect(new Set(sorted.slice(s, s + 3).map((r) => fold[r])).size).toBe(3);
  });

  it('foldData trains on the other folds and validates on this one, covering the training + validation rows once', () => {
    const folds = { count: 4, seed: 9, objective: VAL_LOSS };
    const rows = data.train.rows + (data.validation?.rows ?? 0);
    const parts = [0, 1, 2, 3].map((i) => foldData(data, folds, i));
    expect(parts.reduce((s, p) => s + (p.validation?.rows ?? 0), 0)).toBe(rows);
    for (const p of parts) expect(p.train.rows + (p.validation?.rows ?? 0)).toBe(rows);
    const targets = foldTargets(data);
    const fold = assignFolds(targets, data.task, 4, 9);
    expect(Array.from(parts[2].validation?.y ?? [])).toEqual(Array.from(targets.filter((_, i) => fold[i] === 2)));
  });
});

describe('checkFoldRows', () => {
  it('needs 2 rows of every class per fold, and says how many folds would do', () => {
    const y = Float32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(checkFoldRows(y, THREE, 3)).toBeNull();
    expect(checkFoldRows(y, THREE, 4)).toEqual({
      code: 'sweep/folds-too-few-rows',
      path: 'folds',
      message:
        "folds is 4, but class 'b' has 7 of the 27 training + validation rows; each fold needs at least 2 rows of every class (8 for 4 folds). Set folds to 3 or less, or leave it out.",
    });
    expect(checkFoldRows(Float32Array.from([0, 0, 1, 1, 1, 1, 2, 2, 2, 2]), THREE, 2)?.message).toBe(
      "folds is 2, but class 'a' has 2 of the 10 training + validation rows; each fold needs at least 2 rows of every class (4 for 2 folds). Leave folds out.",
    );
    expect(checkFoldRows(new Float32Array(9), { kind: 'regression' }, 5)?.message).toBe(
      'folds is 5, but there are only 9 training + validation rows; each fold needs at least 2 rows (10 for 5 folds). Set folds to 4 or less, or leave it out.',
    );
  });
});

describe('a cross-validated sweep', () => {
  const spec = parseSpec({
    layers: [
      { id: 'dense-1', type: 'dense', units: 8 },
      { id: 'output', type: 'dense', units: 'auto' },
    ],
    training: {
      epochs: 12,
      batchSize: 32,
      earlyStopping: { monitor: 'valLoss', patience: 3, restoreBestWeights: true },
    },
  });
  const space = parseSearchSpace({
    parameters: { 'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-3, max: 3e-2 } },
    folds: 3,
    trials: 2,
    seed: 5,
    objective: { metric: 'valLoss' },
  });
  const setup = prepareSweep({
    space,
    spec,
    data: { inputs: data.train.features, task: data.task },
    hasValidation: true,
    cores: 2,
    trainingData: data,
  });

  it('scores each trial by the mean of its folds at the best epoch of their mean curve, and keeps that epoch', async () => {
    const backend = async () => (await createBackend('cpu')).backend;
    const executor = createLocalExecutor({ data, createBackend: backend });
    const result = await runSweep({ setup, executor }).finally(() => executor.close());
    expect(result.plan.folds).toBe(3);
    const b = await backend();
    for (const t of result.trials) {
      expect(t.status).toBe('done');
      expect(t.folds).toBe(3);
      // each fold trained on its own, as the runner's job would
      const job = {
        trial: t.trial,
        spec: {
          ...spec,
          training: {
            ...spec.training,
            seed: t.seed,
            optimizer: { type: 'adam' as const, learningRate: t.params['training.optimizer.learningRate'] as number },
          },
        },
        initialWeights: null,
        initialOptimizer: null,
        returnWeights: false,
      };
      const curves: number[][] = [];
      for (let f = 0; f < 3; f++) {
        const r = await trainTrialJob(parseJob(job), {
          data: foldData(data, { count: 3, seed: 5, objective: VAL_LOSS }, f),
          backend: b,
          control: new TrainControl(),
          onEpoch: () => {},
        });
        curves.push(r.history.map((h) => epochMetrics(h).valLoss));
      }
      // one epoch for every fold: the lowest mean validation loss, a fold that stopped early counting with its last epoch
      const longest = Math.max(...curves.map((c) => c.length));
      const at = (c: number[], e: number) => c[Math.min(e, c.length) - 1];
      const mean = Array.from({ length: longest }, (_, e) => curves.reduce((s, c) => s + at(c, e + 1), 0) / 3);
      const kept = mean.indexOf(Math.min(...mean)) + 1;
      expect(t.keptEpoch).toBe(kept);
      expect(t.foldObjectives).toEqual(curves.map((c) => at(c, kept)));
      expect(t.objective).toBeCloseTo(mean[kept - 1], 6);
    }
    b.destroy();
  });
});

/** The job with its spec validated, as the runner sends it. */
function parseJob<T extends { spec: unknown }>(job: T): T & { spec: ReturnType<typeof parseSpec> } {
  return { ...job, spec: parseSpec(job.spec) };
}

describe('the trial-worker wire', () => {
  const job = {
    trial: 3,
    spec: { layers: [{ id: 'output', type: 'dense', units: 'auto' }] },
    initialWeights: null,
    initialOptimizer: null,
    returnWeights: false,
  };
  it('carries a job’s folds and a result’s fold outcomes, and refuses malformed ones', () => {
    const parsed = parseTrialWorkerRequest({
      type: 'run',
      job: { ...job, folds: { count: 5, seed: 42, objective: VAL_LOSS } },
    });
    expect(parsed?.type === 'run' && parsed.job.folds).toEqual({ count: 5, seed: 42, objective: VAL_LOSS });
    expect(
      parseTrialWorkerRequest({ type: 'run', job: { ...job, folds: { count: 1, seed: 42, objective: VAL_LOSS } } }),
    ).toBeNull();
    const result = { history: [], weights: null, optimizer: null, stopReason: 'completed', bestEpoch: 4 };
    const folds = [{ metrics: { valLoss: 0.5 }, keptEpoch: 4, epochs: 9 }];
    expect(parseTrialWorkerEvent({ type: 'done', trial: 3, result: { ...result, folds } })).toEqual({
      type: 'done',
      trial: 3,
      result: { ...result, folds },
    });
    expect(
      parseTrialWorkerEvent({ type: 'done', trial: 3, result: { ...result, folds: [{ metrics: {} }] } }),
    ).toBeNull();
  });
});

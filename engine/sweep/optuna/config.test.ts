/** The search space as an Optuna study: distributions, samplers, pruners, objective, and what cannot be mapped. */
import { describe, expect, it } from 'vitest';
import { SweepError } from '../sweep-error.ts';
import { BASE, TASK } from '../fixtures/spaces.ts';
import { prepareSweep } from '../prepare.ts';
import { parseSearchSpace } from '../space.ts';
import type { Task } from '../../spec/index.ts';
import { optunaStudy } from './config.ts';

const PARAMS = {
  'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.001, max: 0.1 },
  'layers[dense-1].units': { distribution: 'int', min: 4, max: 64, log: true },
  'layers[*dropout].rate': { distribution: 'uniform', min: 0, max: 0.5, gridPoints: 2 },
  'training.optimizer.type': { distribution: 'choice', values: ['adam', 'sgd'] },
};

function study(extra: Record<string, unknown>, task: Task = TASK, params: Record<string, unknown> = PARAMS) {
  const space = parseSearchSpace({ parameters: params, seed: 7, ...extra });
  return optunaStudy(prepareSweep({ space, spec: BASE, data: { inputs: 4, task }, hasValidation: true, cores: 2 }));
}

describe('optunaStudy', () => {
  it('maps each distribution onto Optuna’s, random search onto RandomSampler, the objective onto train.py’s report', () => {
    const { config, problems, notes } = study({ strategy: 'random' });
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(config?.parameters).toEqual([
      { path: 'training.optimizer.learningRate', distribution: { type: 'float', low: 0.001, high: 0.1, log: true } },
      { path: 'layers[dense-1].units', distribution: { type: 'int', low: 4, high: 64, log: true } },
      { path: 'layers[*dropout].rate', distribution: { type: 'float', low: 0, high: 0.5, log: false } },
      { path: 'training.optimizer.type', distribution: { type: 'categorical', choices: ['adam', 'sgd'] } },
    ]);
    expect(config).toMatchObject({
      sampler: { type: 'random', seed: 7 },
      pruner: null,
      epochs: null,
      seed: 7,
      objective: { metric: 'valAccuracy', direction: 'maximize', report: 'accuracy' },
    });
  });

  it('grid: GridSampler over the grid the engine itself would try', () => {
    expect(study({ strategy: 'grid' }).config?.sampler).toEqual({
      type: 'grid',
      seed: 7,
      grid: {
        'training.optimizer.learningRate': [0.001, 0.01, 0.1],
        'layers[dense-1].units': [4, 16, 64],
        'layers[*dropout].rate': [0, 0.5],
        'training.optimizer.type': ['adam', 'sgd'],
      },
    });
  });

  it('tpe: TPESampler with the space’s startup trials, candidates and gamma; lag is noted as not carried over', () => {
    const { config, notes } = study({
      strategy: 'tpe',
      trials: 20,
      tpe: { initialTrials: 5, candidates: 30, gamma: 0.2, lag: 2 },
    });
    expect(config?.sampler).toEqual({ type: 'tpe', seed: 7, nStartupTrials: 5, nEiCandidates: 30, gamma: 0.2 });
    expect(notes).toEqual([
      "tpe.lag has no Optuna counterpart: Optuna's TPESampler reads every trial finished so far, whichever process ran it, " +
        'so the study does not wait for trials to finish and its trials depend on timing.',
    ]);
  });

  it('halving and hyperband: pruners over per-epoch reports, trials train up to maxEpochs', () => {
    expect(study({ strategy: 'halving', halving: { eta: 3, minEpochs: 1, maxEpochs: 9 } }).config).toMatchObject({
      sampler: { type: 'random' },
      pruner: { type: 'successiveHalving', minResource: 1, reductionFactor: 3 },
      epochs: 9,
    });
    expect(study({ strategy: 'hyperband', halving: { eta: 3, minEpochs: 1, maxEpochs: 9 } }).config).toMatchObject({
      pruner: { type: 'hyperband', minResource: 1, maxResource: 9, reductionFactor: 3 },
      epochs: 9,
    });
  });

  it('minimizing valLoss reports val_loss; regression’s valR2 reports r2', () => {
    expect(study({ objective: { metric: 'valLoss' } }).config?.objective).toEqual({
      metric: 'valLoss',
      direction: 'minimize',
      report: 'val_loss',
    });
    expect(study({}, { kind: 'regression' }).config?.objective).toEqual({
      metric: 'valR2',
      direction: 'maximize',
      report: 'r2',
    });
  });

  it('refuses what the study could not do, with the path', () => {
    expect(study({ objective: { metric: 'valMae' } }, { kind: 'regression' }).problems).toEqual([
      {
        code: 'sweep/optuna-objective',
        path: 'objective.metric',
        message:
          "objective.metric 'valMae' cannot be the objective of an Optuna study: the PyTorch package's train.py reports " +
          "'loss', 'valLoss', 'valAccuracy', 'valR2' each epoch (valAccuracy for classification, valR2 for regression). Use one of them.",
      },
    ]);
  });

  it('refuses a fractional eta, which Optuna’s pruners cannot take', () => {
    expect(study({ strategy: 'hyperband', halving: { eta: 2.5, minEpochs: 1, maxEpochs: 9 } }).problems).toEqual([
      {
        code: 'sweep/optuna-eta',
        path: 'halving.eta',
        message:
          "halving.eta is 2.5, but Optuna's HyperbandPruner takes a whole reduction factor. Set halving.eta to 2 or 3.",
      },
    ]);
  });

  it('a space the engine refuses never reaches the mapping', () => {
    expect(() => study({}, TASK, { 'layers[nope].units': { distribution: 'int', min: 1, max: 2 } })).toThrow(
      SweepError,
    );
  });

  it('refuses folds (train.py scores one validation split) and notes that a budget and enqueued trials are left out', () => {
    const { problems, notes } = study({ strategy: 'tpe', folds: 3, budgetSeconds: 30, enqueue: [{ params: {} }] });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'folds',
        "folds is 3, but an Optuna study's train.py scores each trial on one validation split. Remove folds to export the study, or run the sweep here.",
      ],
    ]);
    expect(study({ strategy: 'tpe', budgetSeconds: 30, enqueue: [{ params: {} }] }).notes).toEqual([
      "budgetSeconds and enqueue are not part of the exported study: it runs its number of trials whatever the time, all drawn by its sampler (Optuna's study.enqueue_trial adds fixed ones).",
    ]);
    expect(notes).toHaveLength(1);
  });
});

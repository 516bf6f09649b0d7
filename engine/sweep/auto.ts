/**
 * "Find a good network" (`train --auto`): the search space and base network of a budgeted search over depth,
 * width, activation, dropout, L2, learning rate, batch size and (for classification) class weights, by TPE on the
 * validation rows; and the linear baseline (no hidden layer) the winner is shown beside.
 */
import type { Parameter, SearchSpace } from './types.ts';
import { SPEC_FORMAT, SPEC_VERSION, type NetworkSpec, type Task } from '../spec/types.ts';

/** Upper bound of trials: the time budget, not this number, normally ends the search. */
export const AUTO_TRIALS = 500;

/** Epochs a trial may train (early stopping on the validation loss ends most trials sooner). */
function autoEpochs(rows: number): number {
  return Math.max(40, Math.min(300, Math.round(30000 / Math.max(1, Math.ceil(rows / 32)))));
}

/** The base network of the search: two hidden layers with dropout; trials change its depth and every setting below. */
export function autoBaseSpec(task: Task, rows: number, seed: number): NetworkSpec {
  return {
    format: SPEC_FORMAT,
    version: SPEC_VERSION,
    name: 'Auto network',
    layers: [
      { id: 'dense-1', type: 'dense', units: 64, activation: 'relu' },
      { id: 'dropout-1', type: 'dropout', rate: 0.1 },
      { id: 'dense-2', type: 'dense', units: 32, activation: 'relu' },
      { id: 'dropout-2', type: 'dropout', rate: 0.1 },
      { id: 'output', type: 'dense', units: 'auto' },
    ],
    training: {
      epochs: autoEpochs(rows),
      batchSize: 32,
      seed,
      optimizer: { type: 'adam', learningRate: 0.001 },
      earlyStopping: { monitor: 'valLoss', patience: 15, restoreBestWeights: true },
      ...(task.kind === 'classification' ? { classWeight: 'none' as const } : {}),
    },
  };
}

/** The search space of `train --auto`: TPE over the network's shape and training settings. */
export function autoSearchSpace(task: Task, seed: number): SearchSpace {
  const p = (path: string, distribution: Parameter['distribution']): Parameter => ({
    path,
    distribution,
    gridPoints: 3,
  });
  const parameters: Parameter[] = [
    p('hiddenLayers', { type: 'int', min: 1, max: 3, log: false }),
    p('layers[*dense].units', { type: 'int', min: 16, max: 256, log: true }),
    p('layers[*dense].activation', { type: 'choice', values: ['relu', 'elu', 'tanh'] }),
    p('layers[*dropout].rate', { type: 'uniform', min: 0, max: 0.4 }),
    p('layers[*dense].l2', { type: 'logUniform', min: 1e-6, max: 0.03 }),
    p('training.optimizer.learningRate', { type: 'logUniform', min: 0.0003, max: 0.01 }),
    p('training.batchSize', { type: 'choice', values: [16, 32, 64] }),
    ...(task.kind === 'classification'
      ? [p('training.classWeight', { type: 'choice', values: ['none', 'balanced'] })]
      : []),
  ];
  return {
    parameters,
    strategy: 'tpe',
    trials: AUTO_TRIALS,
    seed,
    tpe: { initialTrials: 8 },
    objective:
      task.kind === 'classification'
        ? { metric: 'valLoss', direction: 'minimize' }
        : { metric: 'valR2', direction: 'maximize' },
  };
}

/** The linear baseline: the output layer alone (logistic or linear regression), trained like the defaults. */
export function linearBaselineSpec(rows: number, seed: number): NetworkSpec {
  return {
    format: SPEC_FORMAT,
    version: SPEC_VERSION,
    name: 'Linear baseline',
    layers: [{ id: 'output', type: 'dense', units: 'auto' }],
    training: {
      epochs: autoEpochs(rows),
      batchSize: 32,
      seed,
      optimizer: { type: 'adam', learningRate: 0.01 },
      earlyStopping: { monitor: 'valLoss', patience: 20, restoreBestWeights: true },
    },
  };
}

/** Default values of every optional spec and training setting, in one place. */
import type { ActivationName, InitializerName, LossName, OptimizerSpec, Task } from './types.ts';
import { isReluFamily } from '../layers/activations.ts';

/** Training defaults (also shown in the UI). */
export const TRAINING_DEFAULTS = {
  epochs: 100,
  batchSize: 32,
  seed: 42,
  validationSplit: 0.1,
  shuffle: true,
} as const;

/** Optimizer hyperparameter defaults (PyTorch / Keras conventions). */
export const OPTIMIZER_DEFAULTS = {
  learningRate: 0.001,
  momentum: 0,
  nesterov: false,
  rho: 0.9,
  epsilon: 1e-7,
  initialAccumulator: 0.1,
  beta1: 0.9,
  beta2: 0.999,
  weightDecay: 0.01,
} as const;

/**
 * `o` with every hyperparameter its update uses written out (the defaults above where `o` omits them), so a
 * saved spec says exactly what ran: another runtime need not know our defaults. `clipNorm` stays optional.
 */
export function explicitOptimizer(o: OptimizerSpec): OptimizerSpec {
  const D = OPTIMIZER_DEFAULTS;
  const clip = o.clipNorm !== undefined ? { clipNorm: o.clipNorm } : {};
  switch (o.type) {
    case 'sgd':
      return {
        type: 'sgd',
        learningRate: o.learningRate,
        momentum: o.momentum ?? D.momentum,
        nesterov: o.nesterov ?? D.nesterov,
        ...clip,
      };
    case 'rmsprop':
      return {
        type: 'rmsprop',
        learningRate: o.learningRate,
        rho: o.rho ?? D.rho,
        epsilon: o.epsilon ?? D.epsilon,
        momentum: o.momentum ?? D.momentum,
        ...clip,
      };
    case 'adagrad':
      return {
        type: 'adagrad',
        learningRate: o.learningRate,
        epsilon: o.epsilon ?? D.epsilon,
        initialAccumulator: o.initialAccumulator ?? D.initialAccumulator,
        ...clip,
      };
    case 'adam':
      return {
        type: 'adam',
        learningRate: o.learningRate,
        beta1: o.beta1 ?? D.beta1,
        beta2: o.beta2 ?? D.beta2,
        epsilon: o.epsilon ?? D.epsilon,
        ...clip,
      };
    case 'adamw':
      return {
        type: 'adamw',
        learningRate: o.learningRate,
        beta1: o.beta1 ?? D.beta1,
        beta2: o.beta2 ?? D.beta2,
        epsilon: o.epsilon ?? D.epsilon,
        weightDecay: o.weightDecay ?? D.weightDecay,
        ...clip,
      };
  }
}

/** Early-stopping defaults when early stopping is switched on. */
export const EARLY_STOPPING_DEFAULTS = { patience: 10, minDelta: 0, restoreBestWeights: true } as const;

/** Batch normalization defaults (Keras). */
export const BATCH_NORM_DEFAULTS = { momentum: 0.99, epsilon: 1e-3 } as const;

/** Hidden dense layers without an activation use this. */
export const DEFAULT_HIDDEN_ACTIVATION: ActivationName = 'relu';

/** The output activation a task needs. */
export function outputActivationFor(task: Task): ActivationName {
  if (task.kind === 'regression') return 'linear';
  return task.classes.length === 2 ? 'sigmoid' : 'softmax';
}

/** How many outputs a task needs (1 sigmoid output for binary classification). */
export function outputUnitsFor(task: Task): number {
  if (task.kind === 'regression') return 1;
  return task.classes.length === 2 ? 1 : task.classes.length;
}

/** The default loss for a task. */
export function lossFor(task: Task): LossName {
  if (task.kind === 'regression') return 'meanSquaredError';
  return task.classes.length === 2 ? 'binaryCrossentropy' : 'categoricalCrossentropy';
}

/** He initialization for the ReLU family, Glorot otherwise. */
export function kernelInitializerFor(activation: ActivationName): InitializerName {
  return isReluFamily(activation) ? 'heNormal' : 'glorotUniform';
}

/** Integer codes the kernels use for activations and losses; they match the constants in assembly/activation.ts and assembly/loss.ts. */
import type { ActivationName, LossName } from '../../spec/types.ts';

/** Activation name → kernel code. */
export const ACTIVATION_CODES: Readonly<Record<ActivationName, number>> = {
  linear: 0,
  sigmoid: 1,
  tanh: 2,
  relu: 3,
  leakyRelu: 4,
  elu: 5,
  gelu: 6,
  softplus: 7,
  softmax: 8,
};

/** Loss name → kernel code. */
export const LOSS_CODES: Readonly<Record<LossName, number>> = {
  meanSquaredError: 0,
  meanAbsoluteError: 1,
  huber: 2,
  binaryCrossentropy: 3,
  categoricalCrossentropy: 4,
};

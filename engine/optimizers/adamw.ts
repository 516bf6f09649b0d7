/** AdamW: decoupled weight decay w ← w·(1 − lr·λ), then the Adam update (Loshchilov & Hutter; PyTorch's order). */
import { OPTIMIZER_DEFAULTS as D } from '../spec/defaults.ts';
import type { AdamwSpec } from '../spec/types.ts';
import type { Optimizer } from './optimizer.ts';

/** Configure AdamW. */
export function createAdamw(spec: AdamwSpec): Optimizer {
  const beta1 = spec.beta1 ?? D.beta1;
  const beta2 = spec.beta2 ?? D.beta2;
  const epsilon = spec.epsilon ?? D.epsilon;
  const weightDecay = spec.weightDecay ?? D.weightDecay;
  return {
    type: 'adamw',
    learningRate: spec.learningRate,
    clipNorm: spec.clipNorm ?? null,
    slotInit: { a: 0, b: 0 },
    usesSlotB: true,
    step: (lr, t) => ({ type: 'adam', learningRate: lr, beta1, beta2, epsilon, weightDecay, t }),
  };
}

/** Adam: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − lr·m̂/(√v̂ + ε), m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ). */
import { OPTIMIZER_DEFAULTS as D } from '../spec/defaults.ts';
import type { AdamSpec } from '../spec/types.ts';
import type { Optimizer } from './optimizer.ts';

/** Configure Adam. */
export function createAdam(spec: AdamSpec): Optimizer {
  const beta1 = spec.beta1 ?? D.beta1;
  const beta2 = spec.beta2 ?? D.beta2;
  const epsilon = spec.epsilon ?? D.epsilon;
  return {
    type: 'adam',
    learningRate: spec.learningRate,
    clipNorm: spec.clipNorm ?? null,
    slotInit: { a: 0, b: 0 },
    usesSlotB: true,
    step: (lr, t) => ({ type: 'adam', learningRate: lr, beta1, beta2, epsilon, weightDecay: 0, t }),
  };
}

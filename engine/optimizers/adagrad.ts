/** Adagrad: a ← a + g²; w ← w − lr·g/(√a + ε), with a starting at `initialAccumulator` (Keras: 0.1). */
import { OPTIMIZER_DEFAULTS as D } from '../spec/defaults.ts';
import type { AdagradSpec } from '../spec/types.ts';
import type { Optimizer } from './optimizer.ts';

/** Configure Adagrad. */
export function createAdagrad(spec: AdagradSpec): Optimizer {
  const epsilon = spec.epsilon ?? D.epsilon;
  return {
    type: 'adagrad',
    learningRate: spec.learningRate,
    clipNorm: spec.clipNorm ?? null,
    slotInit: { a: spec.initialAccumulator ?? D.initialAccumulator, b: 0 },
    usesSlotB: false,
    step: (lr) => ({ type: 'adagrad', learningRate: lr, epsilon }),
  };
}

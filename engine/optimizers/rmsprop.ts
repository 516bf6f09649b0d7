/** RMSprop: s ← ρs + (1−ρ)g²; w ← w − lr·g/(√s + ε) (with momentum μ: b ← μb + g/(√s + ε); w ← w − lr·b). */
import { OPTIMIZER_DEFAULTS as D } from '../spec/defaults.ts';
import type { RmspropSpec } from '../spec/types.ts';
import type { Optimizer } from './optimizer.ts';

/** Configure RMSprop. */
export function createRmsprop(spec: RmspropSpec): Optimizer {
  const rho = spec.rho ?? D.rho;
  const epsilon = spec.epsilon ?? D.epsilon;
  const momentum = spec.momentum ?? 0;
  return {
    type: 'rmsprop',
    learningRate: spec.learningRate,
    clipNorm: spec.clipNorm ?? null,
    slotInit: { a: 0, b: 0 },
    usesSlotB: momentum > 0,
    step: (lr) => ({ type: 'rmsprop', learningRate: lr, rho, epsilon, momentum }),
  };
}

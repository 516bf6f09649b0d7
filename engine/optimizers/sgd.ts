/** SGD with optional momentum / Nesterov: v ← μv + g; w ← w − lr·(nesterov ? g + μv : v). μ = 0 gives w ← w − lr·g. */
import { OPTIMIZER_DEFAULTS as D } from '../spec/defaults.ts';
import type { SgdSpec } from '../spec/types.ts';
import type { Optimizer } from './optimizer.ts';

/** Configure SGD. */
export function createSgd(spec: SgdSpec): Optimizer {
  const momentum = spec.momentum ?? D.momentum;
  const nesterov = spec.nesterov ?? D.nesterov;
  return {
    type: 'sgd',
    learningRate: spec.learningRate,
    clipNorm: spec.clipNorm ?? null,
    slotInit: { a: 0, b: 0 },
    usesSlotB: false,
    step: (lr) => ({ type: 'sgd', learningRate: lr, momentum, nesterov }),
  };
}

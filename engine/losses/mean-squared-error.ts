/** Mean squared error: L = mean (p − y)²; ∂L/∂p = 2(p − y). */
import type { LossMath } from './loss.ts';

/** MSE, the default regression loss. */
export const meanSquaredError: LossMath = {
  formula: 'L = (p − y)²',
  kind: 'elementwise',
  isClassification: false,
  fusesWith: null,
  value: (p, y) => (p - y) * (p - y),
  grad: (p, y) => 2 * (p - y),
};

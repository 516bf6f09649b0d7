/** Mean absolute error: L = mean |p − y|; ∂L/∂p = sign(p − y) (0 at p = y). */
import type { LossMath } from './loss.ts';

/** MAE, robust to outliers. */
export const meanAbsoluteError: LossMath = {
  formula: 'L = |p − y|',
  kind: 'elementwise',
  isClassification: false,
  fusesWith: null,
  value: (p, y) => Math.abs(p - y),
  grad: (p, y) => (p > y ? 1 : p < y ? -1 : 0),
};

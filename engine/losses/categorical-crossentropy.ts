/**
 * Categorical cross-entropy with sparse integer labels: L = −ln p_c (p clipped to [ε, 1 − ε]);
 * ∂L/∂p_j = −1/p_c for j = c, else 0. Fused with softmax, ∂L/∂z_j = p_j − [j = c].
 * `value`/`grad` take (p_j, 1 if j is the true class else 0).
 */
import { clipProbability, type LossMath } from './loss.ts';

/** Cross-entropy over classes, the default multiclass loss. */
export const categoricalCrossentropy: LossMath = {
  formula: 'L = −ln p[true class]',
  kind: 'sparse',
  isClassification: true,
  fusesWith: 'softmax',
  value: (p, isTrue) => (isTrue ? -Math.log(clipProbability(p)) : 0),
  grad: (p, isTrue) => (isTrue ? -1 / clipProbability(p) : 0),
};

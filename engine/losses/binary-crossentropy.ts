/**
 * Binary cross-entropy: L = −[y·ln p + (1 − y)·ln(1 − p)], p clipped to [ε, 1 − ε];
 * ∂L/∂p = (p − y)/(p(1 − p)). Fused with a sigmoid output, ∂L/∂z = p − y.
 */
import { clipProbability, type LossMath } from './loss.ts';

/** BCE, for a single sigmoid output (binary classification). */
export const binaryCrossentropy: LossMath = {
  formula: 'L = −[y·ln p + (1 − y)·ln(1 − p)]',
  kind: 'elementwise',
  isClassification: true,
  fusesWith: 'sigmoid',
  value: (p, y) => {
    const q = clipProbability(p);
    return -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
  },
  grad: (p, y) => {
    const q = clipProbability(p);
    return (q - y) / (q * (1 - q));
  },
};

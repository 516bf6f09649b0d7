/** Huber loss with threshold δ: ½e² for |e| ≤ δ, δ(|e| − ½δ) beyond; ∂L/∂p = e clipped to [−δ, δ]. */
import type { LossMath } from './loss.ts';

/** Huber: quadratic near zero, linear in the tails. */
export const huber: LossMath = {
  formula: 'L = ½(p − y)² if |p − y| ≤ δ, else δ·(|p − y| − ½δ)',
  kind: 'elementwise',
  isClassification: false,
  fusesWith: null,
  value: (p, y, d) => {
    const e = Math.abs(p - y);
    return e <= d ? 0.5 * e * e : d * (e - 0.5 * d);
  },
  grad: (p, y, d) => {
    const e = p - y;
    return e > d ? d : e < -d ? -d : e;
  },
};

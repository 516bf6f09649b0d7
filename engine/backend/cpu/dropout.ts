/** Inverted dropout on host arrays, with the counter-based mask shared by every backend. */
import { hashUniform } from '../../random.ts';
import type { Buf } from './buffer.ts';

/** maskᵢ = (u(seed, step, i) ≥ rate) / (1 − rate); y = x ⊙ mask. */
export function dropoutForward(x: Buf, mask: Buf, y: Buf, n: number, rate: number, seed: number, step: number): void {
  const keep = 1 / (1 - rate);
  for (let i = 0; i < n; i++) {
    const m = hashUniform(seed, step, i) >= rate ? keep : 0;
    mask[i] = m;
    y[i] = x[i] * m;
  }
}

/** dx = dy ⊙ mask. */
export function dropoutBackward(dy: Buf, mask: Buf, dx: Buf, n: number): void {
  for (let i = 0; i < n; i++) dx[i] = dy[i] * mask[i];
}

/** Activation kernels on host arrays, using the shared activation table. */
import { ACTIVATIONS } from '../../layers/activations.ts';
import type { ActivationName } from '../../spec/types.ts';
import type { Buf } from './buffer.ts';

/** y = f(z); softmax is row-wise over `cols`, shifted by the row max for stability. */
export function activationForward(name: ActivationName, z: Buf, y: Buf, rows: number, cols: number): void {
  const a = ACTIVATIONS[name];
  if (a.kind === 'softmax') {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (z[o + j] > max) max = z[o + j];
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const e = Math.exp(z[o + j] - max);
        y[o + j] = e;
        sum += e;
      }
      const inv = 1 / sum;
      for (let j = 0; j < cols; j++) y[o + j] *= inv;
    }
    return;
  }
  if (name === 'linear') {
    if (y !== z) y.set(z);
    return;
  }
  const f = a.f;
  const n = rows * cols;
  for (let i = 0; i < n; i++) y[i] = f(z[i]);
}

/** dz = dy ⊙ f'(z); softmax: dzᵢ = yᵢ·(dyᵢ − Σⱼ dyⱼyⱼ). dz may be dy. */
export function activationBackward(
  name: ActivationName,
  z: Buf,
  y: Buf,
  dy: Buf,
  dz: Buf,
  rows: number,
  cols: number,
): void {
  const a = ACTIVATIONS[name];
  if (a.kind === 'softmax') {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let dot = 0;
      for (let j = 0; j < cols; j++) dot += dy[o + j] * y[o + j];
      for (let j = 0; j < cols; j++) dz[o + j] = y[o + j] * (dy[o + j] - dot);
    }
    return;
  }
  if (name === 'linear') {
    if (dz !== dy) dz.set(dy);
    return;
  }
  const df = a.df;
  const n = rows * cols;
  for (let i = 0; i < n; i++) dz[i] = dy[i] * df(z[i], y[i]);
}

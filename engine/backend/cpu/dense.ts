/** Dense-layer kernels on host arrays (row-major), loop orders chosen for contiguous inner loops. */
import type { Buf } from './buffer.ts';

/** z[n,o] = x[n,i]·W[i,o] + b[o]. i-k-j order: the inner loop walks a row of W and of z. */
export function denseForward(x: Buf, w: Buf, b: Buf, z: Buf, n: number, inputs: number, units: number): void {
  for (let r = 0; r < n; r++) {
    const zo = r * units;
    for (let j = 0; j < units; j++) z[zo + j] = b[j];
    const xo = r * inputs;
    for (let k = 0; k < inputs; k++) {
      const xv = x[xo + k];
      if (xv === 0) continue;
      const wo = k * units;
      for (let j = 0; j < units; j++) z[zo + j] += xv * w[wo + j];
    }
  }
}

/** dW = xᵀ·dz, db = Σ_rows dz, dx = dz·Wᵀ (when dx is given). */
export function denseBackward(
  x: Buf,
  w: Buf,
  dz: Buf,
  dw: Buf,
  db: Buf,
  dx: Buf | null,
  n: number,
  inputs: number,
  units: number,
): void {
  dw.fill(0);
  db.fill(0);
  for (let r = 0; r < n; r++) {
    const zo = r * units;
    for (let j = 0; j < units; j++) db[j] += dz[zo + j];
    const xo = r * inputs;
    for (let k = 0; k < inputs; k++) {
      const xv = x[xo + k];
      if (xv === 0) continue;
      const wo = k * units;
      for (let j = 0; j < units; j++) dw[wo + j] += xv * dz[zo + j];
    }
  }
  if (!dx) return;
  for (let r = 0; r < n; r++) {
    const zo = r * units;
    const xo = r * inputs;
    for (let k = 0; k < inputs; k++) {
      const wo = k * units;
      let s = 0;
      for (let j = 0; j < units; j++) s += dz[zo + j] * w[wo + j];
      dx[xo + k] = s;
    }
  }
}

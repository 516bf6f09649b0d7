/**
 * Dense-layer kernels (plain bodies compiled by gpu.js; style rules in kernel-types.ts).
 *
 * Each output is one dot product. Its two operands are walked by running indices set up once (a row
 * base and a stride), not recomputed from (row, column) on every step, and the loop over the shared
 * dimension is unrolled four times (a remainder loop takes the last n mod 4 terms). The terms are added
 * one at a time in the original order, so the sums are the same as a plain loop's.
 */
import type { DeviceArray, KernelThis } from './kernel-types.ts';
import { fusedActivation } from './math.ts';

/**
 * Sizes of a dense layer (batch rows, inputs, units), and each as whole groups of 4 (`rows4` = ⌊rows/4⌋)
 * and what is left (`rowsR` = rows mod 4): loops count from 0 to a constant, which every gpu.js backend
 * compiles to a plain integer loop.
 */
export type DenseSizes = {
  rows: number;
  inputs: number;
  units: number;
  rows4: number;
  inputs4: number;
  units4: number;
  rowsR: number;
  inputsR: number;
  unitsR: number;
};

/**
 * y[r,c] = f(b[c] + Σ_k x[r,k]·W[k,c]); output [rows·units]. f is the fused activation `act` (a code of
 * math.ts fusedActivation, with its parameter p).
 */
export function denseForwardKernel(
  this: KernelThis<DenseSizes>,
  x: DeviceArray,
  xo: number,
  w: DeviceArray,
  wo: number,
  b: DeviceArray,
  bo: number,
  act: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  const r = Math.floor((i + 0.5) / this.constants.units);
  const c = i - r * this.constants.units;
  const n = this.constants.units;
  let xi = xo + r * this.constants.inputs;
  let wi = wo + c;
  let s = b[bo + c];
  for (var k = 0; k < this.constants.inputs4; k++) {
    s += x[xi] * w[wi];
    s += x[xi + 1] * w[wi + n];
    s += x[xi + 2] * w[wi + 2 * n];
    s += x[xi + 3] * w[wi + 3 * n];
    xi += 4;
    wi += 4 * n;
  }
  for (var kr = 0; kr < this.constants.inputsR; kr++) {
    s += x[xi] * w[wi];
    xi += 1;
    wi += n;
  }
  return fusedActivation(s, act, p);
}

/**
 * Parameter gradients packed as [dW | db]: dW[k,c] = Σ_r x[r,k]·dz[r,c] (first inputs·units elements),
 * db[c] = Σ_r dz[r,c] (last units elements). A db thread reads a column of ones in place of x's column.
 */
export function denseParamGradKernel(
  this: KernelThis<DenseSizes>,
  x: DeviceArray,
  xo: number,
  dz: DeviceArray,
  dzo: number,
): number {
  const i = Math.floor(this.thread.x);
  const split = this.constants.inputs * this.constants.units;
  const m = this.constants.inputs;
  const n = this.constants.units;
  let s = 0;
  let k = 0;
  let c = 0;
  let xi = 0;
  let di = 0;
  if (i < split) {
    k = Math.floor((i + 0.5) / this.constants.units);
    c = i - k * this.constants.units;
    xi = xo + k;
    di = dzo + c;
    for (var r = 0; r < this.constants.rows4; r++) {
      s += x[xi] * dz[di];
      s += x[xi + m] * dz[di + n];
      s += x[xi + 2 * m] * dz[di + 2 * n];
      s += x[xi + 3 * m] * dz[di + 3 * n];
      xi += 4 * m;
      di += 4 * n;
    }
    for (var rr = 0; rr < this.constants.rowsR; rr++) {
      s += x[xi] * dz[di];
      xi += m;
      di += n;
    }
  } else {
    di = dzo + i - split;
    for (var q = 0; q < this.constants.rows; q++) {
      s += dz[di];
      di += n;
    }
  }
  return s;
}

/** dx[r,k] = Σ_c dz[r,c]·W[k,c]; output [rows·inputs]. Both operands are read along contiguous rows. */
export function denseInputGradKernel(
  this: KernelThis<DenseSizes>,
  dz: DeviceArray,
  dzo: number,
  w: DeviceArray,
  wo: number,
): number {
  const i = Math.floor(this.thread.x);
  const r = Math.floor((i + 0.5) / this.constants.inputs);
  const k = i - r * this.constants.inputs;
  let di = dzo + r * this.constants.units;
  let wi = wo + k * this.constants.units;
  let s = 0;
  for (var c = 0; c < this.constants.units4; c++) {
    s += dz[di] * w[wi];
    s += dz[di + 1] * w[wi + 1];
    s += dz[di + 2] * w[wi + 2];
    s += dz[di + 3] * w[wi + 3];
    di += 4;
    wi += 4;
  }
  for (var cr = 0; cr < this.constants.unitsR; cr++) {
    s += dz[di] * w[wi];
    di += 1;
    wi += 1;
  }
  return s;
}

/** Dense-layer kernels (plain bodies compiled by gpu.js; style rules in kernel-types.ts). */
import type { DeviceArray, KernelThis } from './kernel-types.ts';
import { fusedActivation } from './math.ts';

/** Sizes of a dense layer: batch rows, inputs, units. */
export type DenseSizes = {
  rows: number;
  inputs: number;
  units: number;
};

/**
 * y[r,c] = f(b[c] + Σ_k x[r,k]·W[k,c]); output [rows·units]. f is the fused activation `act` (a code of
 * math.ts fusedActivation, with its parameter p).
 */
export function denseForwardKernel(
  this: KernelThis<DenseSizes>, x: DeviceArray, xo: number, w: DeviceArray, wo: number, b: DeviceArray, bo: number, act: number, p: number,
): number {
  const i = Math.floor(this.thread.x);
  const r = Math.floor((i + 0.5) / this.constants.units);
  const c = i - r * this.constants.units;
  let s = b[bo + c];
  for (var k = 0; k < this.constants.inputs; k++) {
    s += x[xo + r * this.constants.inputs + k] * w[wo + k * this.constants.units + c];
  }
  return fusedActivation(s, act, p);
}

/**
 * Parameter gradients packed as [dW | db]: dW[k,c] = Σ_r x[r,k]·dz[r,c] (first inputs·units elements),
 * db[c] = Σ_r dz[r,c] (last units elements).
 */
export function denseParamGradKernel(
  this: KernelThis<DenseSizes>, x: DeviceArray, xo: number, dz: DeviceArray, dzo: number,
): number {
  const i = Math.floor(this.thread.x);
  const split = this.constants.inputs * this.constants.units;
  let s = 0;
  let k = 0;
  let c = 0;
  if (i < split) {
    k = Math.floor((i + 0.5) / this.constants.units);
    c = i - k * this.constants.units;
    for (var r = 0; r < this.constants.rows; r++) {
      s += x[xo + r * this.constants.inputs + k] * dz[dzo + r * this.constants.units + c];
    }
  } else {
    c = i - split;
    for (var q = 0; q < this.constants.rows; q++) s += dz[dzo + q * this.constants.units + c];
  }
  return s;
}

/** dx[r,k] = Σ_c dz[r,c]·W[k,c]; output [rows·inputs]. */
export function denseInputGradKernel(
  this: KernelThis<DenseSizes>, dz: DeviceArray, dzo: number, w: DeviceArray, wo: number,
): number {
  const i = Math.floor(this.thread.x);
  const r = Math.floor((i + 0.5) / this.constants.inputs);
  const k = i - r * this.constants.inputs;
  let s = 0;
  for (var c = 0; c < this.constants.units; c++) {
    s += dz[dzo + r * this.constants.units + c] * w[wo + k * this.constants.units + c];
  }
  return s;
}

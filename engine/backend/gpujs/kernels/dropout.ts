/** Dropout kernels (plain bodies compiled by gpu.js; style rules in kernel-types.ts). */
import { keepElement } from './dropout-hash.ts';
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/**
 * Packed [y | mask] over `size` elements: maskᵢ = [hash(seed, step, i) ≥ rate]·keep, keep = 1/(1 − rate);
 * yᵢ = xᵢ·maskᵢ. (sh, sl, th, tl) are the step seed and threshold in 16-bit halves.
 */
export function dropoutForwardKernel(
  this: KernelThis<{ size: number }>,
  x: DeviceArray,
  xo: number,
  sh: number,
  sl: number,
  th: number,
  tl: number,
  keep: number,
): number {
  const i = Math.floor(this.thread.x);
  const j = i < this.constants.size ? i : i - this.constants.size;
  const m = keepElement(j, sh, sl, th, tl) * keep;
  return i < this.constants.size ? x[xo + j] * m : m;
}

/** dx = dy ⊙ mask. */
export function dropoutBackwardKernel(
  this: KernelThis<Record<string, number>>,
  dy: DeviceArray,
  dyo: number,
  mask: DeviceArray,
  mo: number,
): number {
  const i = Math.floor(this.thread.x);
  return dy[dyo + i] * mask[mo + i];
}

/**
 * Activation kernels (plain bodies compiled by gpu.js; style rules in kernel-types.ts), one
 * forward/backward pair per activation of layers/activations.ts. Forward: y = f(z) (argument p:
 * leakyRelu's slope, elu's α). Backward: dz = dy ⊙ f'(z), with f' from the same table. Softmax is
 * row-wise over `cols`.
 */
import { erfApprox, stableSigmoid, stableTanh } from './math.ts';
import type { DeviceArray, KernelThis } from './kernel-types.ts';

type K = KernelThis<Record<string, number>>;

/** y = σ(z). */
export function sigmoidForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const i = Math.floor(this.thread.x);
  return stableSigmoid(z[zo + i]);
}
/** dz = dy·y(1 − y). */
export function sigmoidBackward(
  this: K,
  z: DeviceArray,
  zo: number,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  const v = y[yo + i];
  return dy[dyo + i] * v * (1 - v);
}

/** y = tanh(z). */
export function tanhForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const i = Math.floor(this.thread.x);
  return stableTanh(z[zo + i]);
}
/** dz = dy·(1 − y²). */
export function tanhBackward(
  this: K,
  z: DeviceArray,
  zo: number,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  const v = y[yo + i];
  return dy[dyo + i] * (1 - v * v);
}

/** y = max(0, z). */
export function reluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const i = Math.floor(this.thread.x);
  const v = z[zo + i];
  return v > 0 ? v : 0;
}
/** dz = dy·[z > 0]. */
export function reluBackward(
  this: K,
  z: DeviceArray,
  zo: number,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  const g = dy[dyo + i];
  return z[zo + i] > 0 ? g : 0;
}

/** y = z if z > 0, else p·z. */
export function leakyReluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const i = Math.floor(this.thread.x);
  const v = z[zo + i];
  return v > 0 ? v : p * v;
}
/** dz = dy·(z > 0 ? 1 : p). */
export function leakyReluBackward(
  this: K,
  z: DeviceArray,
  zo: number,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  const g = dy[dyo + i];
  return z[zo + i] > 0 ? g : p * g;
}

/** y = z if z > 0, else p·(e^z − 1). */
export function eluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const i = Math.floor(this.thread.x);
  const v = z[zo + i];
  return v > 0 ? v : p * (Math.exp(v) - 1);
}
/** dz = dy·(z > 0 ? 1 : y + p). */
export function eluBackward(
  this: K,
  z: DeviceArray,
  zo: number,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  const g = dy[dyo + i];
  return z[zo + i] > 0 ? g : g * (y[yo + i] + p);
}

/** y = z·Φ(z) = z·(1 + erf(z/√2))/2 (0.7071067811865476 = 1/√2). */
export function geluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const i = Math.floor(this.thread.x);
  const v = z[zo + i];
  return 0.5 * v * (1 + erfApprox(v * 0.7071067811865476));
}
/** dz = dy·(Φ(z) + z·φ(z)), φ(z) = e^(−z²/2)/√(2π) (0.3989422804014327 = 1/√(2π)). */
export function geluBackward(
  this: K,
  z: DeviceArray,
  zo: number,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  const v = z[zo + i];
  const d = 0.5 * (1 + erfApprox(v * 0.7071067811865476)) + v * 0.3989422804014327 * Math.exp(-0.5 * v * v);
  return dy[dyo + i] * d;
}

/** y = ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|)). */
export function softplusForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const i = Math.floor(this.thread.x);
  const v = z[zo + i];
  return Math.max(v, 0) + Math.log(1 + Math.exp(-Math.abs(v)));
}
/** dz = dy·σ(z). */
export function softplusBackward(
  this: K,
  z: DeviceArray,
  zo: number,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
  p: number,
): number {
  const i = Math.floor(this.thread.x);
  return dy[dyo + i] * stableSigmoid(z[zo + i]);
}

/** yᵢ = e^(zᵢ − max) / Σⱼ e^(zⱼ − max) over the row of element i. */
export function softmaxForward(this: KernelThis<{ cols: number }>, z: DeviceArray, zo: number): number {
  const i = Math.floor(this.thread.x);
  const o = zo + Math.floor((i + 0.5) / this.constants.cols) * this.constants.cols;
  let m = z[o];
  let s = 0;
  for (var j = 1; j < this.constants.cols; j++) m = Math.max(m, z[o + j]);
  for (var q = 0; q < this.constants.cols; q++) s += Math.exp(z[o + q] - m);
  return Math.exp(z[zo + i] - m) / s;
}
/** dzᵢ = yᵢ·(dyᵢ − Σⱼ dyⱼ·yⱼ) over the row of element i. */
export function softmaxBackward(
  this: KernelThis<{ cols: number }>,
  y: DeviceArray,
  yo: number,
  dy: DeviceArray,
  dyo: number,
): number {
  const i = Math.floor(this.thread.x);
  const o = Math.floor((i + 0.5) / this.constants.cols) * this.constants.cols;
  let dot = 0;
  for (var j = 0; j < this.constants.cols; j++) dot += dy[dyo + o + j] * y[yo + o + j];
  return y[yo + i] * (dy[dyo + i] - dot);
}

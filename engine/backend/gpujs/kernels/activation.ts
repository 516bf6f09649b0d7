/**
 * Activation kernels (plain bodies compiled by gpu.js; see kernel-types.ts), one forward/backward pair
 * per activation of layers/activations.ts. Forward: y = f(z) (argument p: leakyRelu's slope, elu's α).
 * Backward: dz = dy ⊙ f'(z), with f' from the same table. Softmax is row-wise over `cols`.
 */
import { erfApprox, stableSigmoid, stableTanh } from './math.ts';
import type { DeviceArray, KernelThis } from './kernel-types.ts';

type K = KernelThis<Record<string, number>>;

/** y = σ(z). */
export function sigmoidForward(this: K, z: DeviceArray, zo: number, p: number): number {
  return stableSigmoid(z[zo + this.thread.x]);
}
/** dz = dy·y(1 − y). */
export function sigmoidBackward(this: K, z: DeviceArray, zo: number, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number, p: number): number {
  const v = y[yo + this.thread.x];
  return dy[dyo + this.thread.x] * v * (1 - v);
}

/** y = tanh(z). */
export function tanhForward(this: K, z: DeviceArray, zo: number, p: number): number {
  return stableTanh(z[zo + this.thread.x]);
}
/** dz = dy·(1 − y²). */
export function tanhBackward(this: K, z: DeviceArray, zo: number, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number, p: number): number {
  const v = y[yo + this.thread.x];
  return dy[dyo + this.thread.x] * (1 - v * v);
}

/** y = max(0, z). */
export function reluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const v = z[zo + this.thread.x];
  return v > 0 ? v : 0;
}
/** dz = dy·[z > 0]. */
export function reluBackward(this: K, z: DeviceArray, zo: number, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number, p: number): number {
  return z[zo + this.thread.x] > 0 ? dy[dyo + this.thread.x] : 0;
}

/** y = z if z > 0, else p·z. */
export function leakyReluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const v = z[zo + this.thread.x];
  return v > 0 ? v : p * v;
}
/** dz = dy·(z > 0 ? 1 : p). */
export function leakyReluBackward(this: K, z: DeviceArray, zo: number, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number, p: number): number {
  const g = dy[dyo + this.thread.x];
  return z[zo + this.thread.x] > 0 ? g : p * g;
}

/** y = z if z > 0, else p·(e^z − 1). */
export function eluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const v = z[zo + this.thread.x];
  return v > 0 ? v : p * (Math.exp(v) - 1);
}
/** dz = dy·(z > 0 ? 1 : y + p). */
export function eluBackward(this: K, z: DeviceArray, zo: number, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number, p: number): number {
  const g = dy[dyo + this.thread.x];
  return z[zo + this.thread.x] > 0 ? g : g * (y[yo + this.thread.x] + p);
}

/** y = z·Φ(z) = z·(1 + erf(z/√2))/2 (0.7071067811865476 = 1/√2). */
export function geluForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const v = z[zo + this.thread.x];
  return 0.5 * v * (1 + erfApprox(v * 0.7071067811865476));
}
/** dz = dy·(Φ(z) + z·φ(z)), φ(z) = e^(−z²/2)/√(2π) (0.3989422804014327 = 1/√(2π)). */
export function geluBackward(this: K, z: DeviceArray, zo: number, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number, p: number): number {
  const v = z[zo + this.thread.x];
  const d = 0.5 * (1 + erfApprox(v * 0.7071067811865476)) + v * 0.3989422804014327 * Math.exp(-0.5 * v * v);
  return dy[dyo + this.thread.x] * d;
}

/** y = ln(1 + e^z) = max(z, 0) + ln(1 + e^(−|z|)). */
export function softplusForward(this: K, z: DeviceArray, zo: number, p: number): number {
  const v = z[zo + this.thread.x];
  return Math.max(v, 0) + Math.log(1 + Math.exp(-Math.abs(v)));
}
/** dz = dy·σ(z). */
export function softplusBackward(this: K, z: DeviceArray, zo: number, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number, p: number): number {
  return dy[dyo + this.thread.x] * stableSigmoid(z[zo + this.thread.x]);
}

/** yᵢ = e^(zᵢ − max) / Σⱼ e^(zⱼ − max) over the row of element i. */
export function softmaxForward(this: KernelThis<{ cols: number }>, z: DeviceArray, zo: number): number {
  const i = this.thread.x;
  const r = Math.floor((i + 0.5) / this.constants.cols);
  const o = zo + r * this.constants.cols;
  let m = z[o];
  for (let j = 1; j < this.constants.cols; j++) m = Math.max(m, z[o + j]);
  let s = 0;
  for (let j = 0; j < this.constants.cols; j++) s += Math.exp(z[o + j] - m);
  return Math.exp(z[zo + i] - m) / s;
}
/** dzᵢ = yᵢ·(dyᵢ − Σⱼ dyⱼ·yⱼ) over the row of element i. */
export function softmaxBackward(this: KernelThis<{ cols: number }>, y: DeviceArray, yo: number, dy: DeviceArray, dyo: number): number {
  const i = this.thread.x;
  const r = Math.floor((i + 0.5) / this.constants.cols);
  let dot = 0;
  for (let j = 0; j < this.constants.cols; j++) dot += dy[dyo + r * this.constants.cols + j] * y[yo + r * this.constants.cols + j];
  return y[yo + i] * (dy[dyo + i] - dot);
}

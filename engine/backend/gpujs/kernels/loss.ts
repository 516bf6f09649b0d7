/**
 * Loss kernels (plain bodies compiled by gpu.js; see kernel-types.ts), one pair per loss of losses/.
 * Row kernels output [loss of each row | 1 if the row is predicted correctly] (2 × rows), summed by the
 * reduction kernels. Elementwise losses average over the `cols` outputs of a row. Gradient kernels
 * output dpred [rows·cols] = scale·(fused > ½ ? p − y : ∂L/∂p), scale = 1/(rows·cols) (1/rows for the
 * sparse categorical cross-entropy).
 */
import { clipProbability } from './math.ts';
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/** Batch rows and outputs per row. */
export type LossSizes = {
  rows: number;
  cols: number;
};

type K = KernelThis<LossSizes>;

/** Row of the row kernels' thread i. */
export function rowOf(i: number, rows: number): number {
  return i < rows ? i : i - rows;
}

/** MSE rows: mean (p − y)². */
export function mseRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const r = rowOf(this.thread.x, this.constants.rows);
  let s = 0;
  for (let j = 0; j < this.constants.cols; j++) {
    const e = p[po + r * this.constants.cols + j] - t[to + r * this.constants.cols + j];
    s += e * e;
  }
  return this.thread.x < this.constants.rows ? s / this.constants.cols : 0;
}
/** ∂/∂p (p − y)² = 2(p − y). */
export function mseGrad(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number, fused: number, scale: number): number {
  const e = p[po + this.thread.x] - t[to + this.thread.x];
  return scale * (fused > 0.5 ? e : 2 * e);
}

/** MAE rows: mean |p − y|. */
export function maeRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const r = rowOf(this.thread.x, this.constants.rows);
  let s = 0;
  for (let j = 0; j < this.constants.cols; j++) s += Math.abs(p[po + r * this.constants.cols + j] - t[to + r * this.constants.cols + j]);
  return this.thread.x < this.constants.rows ? s / this.constants.cols : 0;
}
/** ∂/∂p |p − y| = sign(p − y) (0 at p = y). */
export function maeGrad(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number, fused: number, scale: number): number {
  const e = p[po + this.thread.x] - t[to + this.thread.x];
  return scale * (fused > 0.5 ? e : e > 0 ? 1 : e < 0 ? -1 : 0);
}

/** Huber rows: mean of ½e² (|e| ≤ δ) or δ(|e| − ½δ). */
export function huberRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const r = rowOf(this.thread.x, this.constants.rows);
  let s = 0;
  for (let j = 0; j < this.constants.cols; j++) {
    const e = Math.abs(p[po + r * this.constants.cols + j] - t[to + r * this.constants.cols + j]);
    s += e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
  }
  return this.thread.x < this.constants.rows ? s / this.constants.cols : 0;
}
/** ∂L/∂p = p − y clipped to [−δ, δ]. */
export function huberGrad(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number, fused: number, scale: number): number {
  const e = p[po + this.thread.x] - t[to + this.thread.x];
  return scale * (fused > 0.5 ? e : e > delta ? delta : e < -delta ? -delta : e);
}

/**
 * BCE rows: mean −[y·ln q + (1 − y)·ln q̄] with q = clip(p), q̄ = clip(1 − p) (= 1 − q, but exact in float32
 * when p rounds to 1); correct when every output's (p ≥ ½) equals its target.
 */
export function bceRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const r = rowOf(this.thread.x, this.constants.rows);
  let s = 0;
  let wrong = 0;
  for (let j = 0; j < this.constants.cols; j++) {
    const v = p[po + r * this.constants.cols + j];
    const y = t[to + r * this.constants.cols + j];
    s -= y * Math.log(clipProbability(v)) + (1 - y) * Math.log(clipProbability(1 - v));
    const hit = v >= 0.5 ? 1 : 0;
    if (hit !== y) wrong = 1;
  }
  return this.thread.x < this.constants.rows ? s / this.constants.cols : 1 - wrong;
}
/** ∂L/∂p = (q − y)/(q(1 − q)) = (1 − y)/q̄ − y/q (the second form keeps float32 accuracy near 0 and 1). */
export function bceGrad(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number, fused: number, scale: number): number {
  const v = p[po + this.thread.x];
  const y = t[to + this.thread.x];
  return scale * (fused > 0.5 ? v - y : (1 - y) / clipProbability(1 - v) - y / clipProbability(v));
}

/** Sparse categorical cross-entropy rows (target [rows, 1] = class c): −ln clip(p_c); correct when argmax (first max) = c. */
export function cceRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const r = rowOf(this.thread.x, this.constants.rows);
  const o = po + r * this.constants.cols;
  const c = t[to + r];
  let best = 0;
  let bestValue = p[o];
  for (let j = 1; j < this.constants.cols; j++) {
    const v = p[o + j];
    if (v > bestValue) {
      bestValue = v;
      best = j;
    }
  }
  const loss = -Math.log(clipProbability(p[o + c]));
  return this.thread.x < this.constants.rows ? loss : best === c ? 1 : 0;
}
/** ∂L/∂p_j = −1/clip(p_c) for j = c, else 0; fused with softmax: p_j − [j = c]. */
export function cceGrad(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number, fused: number, scale: number): number {
  const i = this.thread.x;
  const r = Math.floor((i + 0.5) / this.constants.cols);
  const j = i - r * this.constants.cols;
  const isTrue = j === t[to + r] ? 1 : 0;
  const v = p[po + i];
  return scale * (fused > 0.5 ? v - isTrue : isTrue > 0.5 ? -1 / clipProbability(v) : 0);
}

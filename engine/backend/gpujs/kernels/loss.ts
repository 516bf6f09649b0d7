/**
 * Loss kernels (plain bodies compiled by gpu.js; style rules in kernel-types.ts), one pair per loss of
 * losses/. Row kernels output [loss of each row | 1 if the row is predicted correctly] (2 × rows),
 * summed by the reduction kernels. Elementwise losses average over the `cols` outputs of a row.
 * Gradient kernels output dpred [rows·cols] = scale·(fused > ½ ? p − y : ∂L/∂p), scale = 1/(rows·cols)
 * (1/rows for the sparse categorical cross-entropy).
 */
import { atLeastHalf, clipProbability, equalsInteger } from './math.ts';
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/** Batch rows and outputs per row. */
export type LossSizes = {
  rows: number;
  cols: number;
};

type K = KernelThis<LossSizes>;

/** MSE rows: mean (p − y)². */
export function mseRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const i = Math.floor(this.thread.x);
  const o = (i < this.constants.rows ? i : i - this.constants.rows) * this.constants.cols;
  let s = 0;
  let e = 0;
  for (var j = 0; j < this.constants.cols; j++) {
    e = p[po + o + j] - t[to + o + j];
    s += e * e;
  }
  return i < this.constants.rows ? s / this.constants.cols : 0;
}
/** ∂/∂p (p − y)² = 2(p − y). */
export function mseGrad(
  this: K,
  p: DeviceArray,
  po: number,
  t: DeviceArray,
  to: number,
  delta: number,
  fused: number,
  scale: number,
): number {
  const i = Math.floor(this.thread.x);
  const e = p[po + i] - t[to + i];
  return scale * (fused > 0.5 ? e : 2 * e);
}

/** MAE rows: mean |p − y|. */
export function maeRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const i = Math.floor(this.thread.x);
  const o = (i < this.constants.rows ? i : i - this.constants.rows) * this.constants.cols;
  let s = 0;
  for (var j = 0; j < this.constants.cols; j++) s += Math.abs(p[po + o + j] - t[to + o + j]);
  return i < this.constants.rows ? s / this.constants.cols : 0;
}
/** ∂/∂p |p − y| = sign(p − y) (0 at p = y). */
export function maeGrad(
  this: K,
  p: DeviceArray,
  po: number,
  t: DeviceArray,
  to: number,
  delta: number,
  fused: number,
  scale: number,
): number {
  const i = Math.floor(this.thread.x);
  const e = p[po + i] - t[to + i];
  return scale * (fused > 0.5 ? e : Math.sign(e));
}

/** Huber rows: mean of ½e² (|e| ≤ δ) or δ(|e| − ½δ). */
export function huberRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const i = Math.floor(this.thread.x);
  const o = (i < this.constants.rows ? i : i - this.constants.rows) * this.constants.cols;
  let s = 0;
  let e = 0;
  for (var j = 0; j < this.constants.cols; j++) {
    e = Math.abs(p[po + o + j] - t[to + o + j]);
    s += e <= delta ? 0.5 * e * e : delta * (e - 0.5 * delta);
  }
  return i < this.constants.rows ? s / this.constants.cols : 0;
}
/** ∂L/∂p = p − y clipped to [−δ, δ]. */
export function huberGrad(
  this: K,
  p: DeviceArray,
  po: number,
  t: DeviceArray,
  to: number,
  delta: number,
  fused: number,
  scale: number,
): number {
  const i = Math.floor(this.thread.x);
  const e = p[po + i] - t[to + i];
  return scale * (fused > 0.5 ? e : Math.min(Math.max(e, -delta), delta));
}

/**
 * BCE rows: mean −[y·ln q + (1 − y)·ln q̄] with q = clip(p), q̄ = clip(1 − p) (= 1 − q, but exact in float32
 * when p rounds to 1); correct when every output's (p ≥ ½) equals its target.
 */
export function bceRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const i = Math.floor(this.thread.x);
  const o = (i < this.constants.rows ? i : i - this.constants.rows) * this.constants.cols;
  let s = 0;
  let wrong = 0;
  let v = 0;
  let y = 0;
  for (var j = 0; j < this.constants.cols; j++) {
    v = p[po + o + j];
    y = t[to + o + j];
    s -= y * Math.log(clipProbability(v)) + (1 - y) * Math.log(clipProbability(1 - v));
    wrong = Math.max(wrong, Math.abs(atLeastHalf(v) - y));
  }
  return i < this.constants.rows ? s / this.constants.cols : 1 - Math.min(1, Math.ceil(wrong));
}
/** ∂L/∂p = (q − y)/(q(1 − q)) = (1 − y)/q̄ − y/q (the second form keeps float32 accuracy near 0 and 1). */
export function bceGrad(
  this: K,
  p: DeviceArray,
  po: number,
  t: DeviceArray,
  to: number,
  delta: number,
  fused: number,
  scale: number,
): number {
  const i = Math.floor(this.thread.x);
  const v = p[po + i];
  const y = t[to + i];
  return scale * (fused > 0.5 ? v - y : (1 - y) / clipProbability(1 - v) - y / clipProbability(v));
}

/** Sparse categorical cross-entropy rows (target [rows, 1] = class c): −ln clip(p_c); correct when argmax (first max) = c. */
export function cceRows(this: K, p: DeviceArray, po: number, t: DeviceArray, to: number, delta: number): number {
  const i = Math.floor(this.thread.x);
  const r = i < this.constants.rows ? i : i - this.constants.rows;
  const o = po + r * this.constants.cols;
  const c = t[to + r];
  let best = 0;
  let bestValue = p[o];
  for (var j = 1; j < this.constants.cols; j++) {
    best = p[o + j] > bestValue ? Math.floor(j) : best;
    bestValue = Math.max(bestValue, p[o + j]);
  }
  return i < this.constants.rows ? -Math.log(clipProbability(p[o + c])) : equalsInteger(best, c);
}
/** ∂L/∂p_j = −1/clip(p_c) for j = c, else 0; fused with softmax: p_j − [j = c]. */
export function cceGrad(
  this: K,
  p: DeviceArray,
  po: number,
  t: DeviceArray,
  to: number,
  delta: number,
  fused: number,
  scale: number,
): number {
  const i = Math.floor(this.thread.x);
  const r = Math.floor((i + 0.5) / this.constants.cols);
  const isTrue = equalsInteger(i - r * this.constants.cols, t[to + r]);
  const v = p[po + i];
  return scale * (fused > 0.5 ? v - isTrue : -isTrue / clipProbability(v));
}

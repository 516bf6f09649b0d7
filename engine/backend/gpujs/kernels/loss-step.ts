/**
 * A training step's loss in one launch per loss (plain bodies compiled by gpu.js; style rules in
 * kernel-types.ts): the gradient and each row's loss and hit together, so the step needs no separate
 * rows and gradient kernels (and, for softmax with categorical cross-entropy, no softmax kernel either).
 * Output [dpred (rows·cols) | loss of each row (rows) | 1 if the row is predicted correctly (rows)];
 * the formulas are those of kernels/loss.ts. Every thread first finds its row r — the row of its
 * gradient element, or the row it reports — and loops over that row's `cols` outputs.
 */
import { atLeastHalf, clipProbability, equalsInteger } from './math.ts';
import type { DeviceArray, KernelThis } from './kernel-types.ts';
import type { LossSizes } from './loss.ts';

type K = KernelThis<LossSizes>;

/** MSE: dpred = scale·(fused > ½ ? e : 2e), e = p − y; row loss mean e². */
export function mseStep(
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
  const n = this.constants.rows * this.constants.cols;
  const k = Math.min(i, n - 1);
  const j = Math.max(0, i - n);
  const r = i < n ? Math.floor((k + 0.5) / this.constants.cols) : j < this.constants.rows ? j : j - this.constants.rows;
  const o = r * this.constants.cols;
  let s = 0;
  let d = 0;
  for (var c = 0; c < this.constants.cols; c++) {
    d = p[po + o + c] - t[to + o + c];
    s += d * d;
  }
  const e = p[po + k] - t[to + k];
  return i < n ? scale * (fused > 0.5 ? e : 2 * e) : j < this.constants.rows ? s / this.constants.cols : 0;
}

/** MAE: dpred = scale·(fused > ½ ? e : sign(e)); row loss mean |e|. */
export function maeStep(
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
  const n = this.constants.rows * this.constants.cols;
  const k = Math.min(i, n - 1);
  const j = Math.max(0, i - n);
  const r = i < n ? Math.floor((k + 0.5) / this.constants.cols) : j < this.constants.rows ? j : j - this.constants.rows;
  const o = r * this.constants.cols;
  let s = 0;
  for (var c = 0; c < this.constants.cols; c++) s += Math.abs(p[po + o + c] - t[to + o + c]);
  const e = p[po + k] - t[to + k];
  return i < n ? scale * (fused > 0.5 ? e : Math.sign(e)) : j < this.constants.rows ? s / this.constants.cols : 0;
}

/** Huber: dpred = scale·(fused > ½ ? e : e clipped to [−δ, δ]); row loss mean of ½e² (|e| ≤ δ) or δ(|e| − ½δ). */
export function huberStep(
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
  const n = this.constants.rows * this.constants.cols;
  const k = Math.min(i, n - 1);
  const j = Math.max(0, i - n);
  const r = i < n ? Math.floor((k + 0.5) / this.constants.cols) : j < this.constants.rows ? j : j - this.constants.rows;
  const o = r * this.constants.cols;
  let s = 0;
  let d = 0;
  for (var c = 0; c < this.constants.cols; c++) {
    d = Math.abs(p[po + o + c] - t[to + o + c]);
    s += d <= delta ? 0.5 * d * d : delta * (d - 0.5 * delta);
  }
  const e = p[po + k] - t[to + k];
  const g = fused > 0.5 ? e : Math.min(Math.max(e, -delta), delta);
  return i < n ? scale * g : j < this.constants.rows ? s / this.constants.cols : 0;
}

/**
 * Binary cross-entropy from probabilities: dpred = scale·(fused > ½ ? p − y : (1 − y)/q̄ − y/q); row loss mean
 * −[y·ln q + (1 − y)·ln q̄], q = clip(p), q̄ = clip(1 − p); correct when every output's (p ≥ ½) equals its target.
 */
export function bceStep(
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
  const n = this.constants.rows * this.constants.cols;
  const k = Math.min(i, n - 1);
  const j = Math.max(0, i - n);
  const r = i < n ? Math.floor((k + 0.5) / this.constants.cols) : j < this.constants.rows ? j : j - this.constants.rows;
  const o = r * this.constants.cols;
  let s = 0;
  let wrong = 0;
  let v = 0;
  let y = 0;
  for (var c = 0; c < this.constants.cols; c++) {
    v = p[po + o + c];
    y = t[to + o + c];
    s -= y * Math.log(clipProbability(v)) + (1 - y) * Math.log(clipProbability(1 - v));
    wrong = Math.max(wrong, Math.abs(atLeastHalf(v) - y));
  }
  const pk = p[po + k];
  const yk = t[to + k];
  const g = fused > 0.5 ? pk - yk : (1 - yk) / clipProbability(1 - pk) - yk / clipProbability(pk);
  return i < n ? scale * g : j < this.constants.rows ? s / this.constants.cols : 1 - Math.min(1, Math.ceil(wrong));
}

/**
 * Sparse categorical cross-entropy from probabilities (target [rows, 1] = class c): dpred_j = scale·(fused > ½ ?
 * p_j − [j = c] : −[j = c]/clip(p_j)); row loss −ln clip(p_c); correct when argmax (first max) = c.
 */
export function cceStep(
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
  const n = this.constants.rows * this.constants.cols;
  const k = Math.min(i, n - 1);
  const j = Math.max(0, i - n);
  const r = i < n ? Math.floor((k + 0.5) / this.constants.cols) : j < this.constants.rows ? j : j - this.constants.rows;
  const o = po + r * this.constants.cols;
  const c = t[to + r];
  let best = 0;
  let bestValue = p[o];
  for (var q = 1; q < this.constants.cols; q++) {
    best = p[o + q] > bestValue ? Math.floor(q) : best;
    bestValue = Math.max(bestValue, p[o + q]);
  }
  const isTrue = equalsInteger(k - r * this.constants.cols, c);
  const v = p[po + k];
  const g = fused > 0.5 ? v - isTrue : -isTrue / clipProbability(v);
  return i < n ? scale * g : j < this.constants.rows ? -Math.log(clipProbability(p[o + c])) : equalsInteger(best, c);
}

/**
 * Softmax and sparse categorical cross-entropy from the logits z (the output layer skipped its softmax):
 * p_j = exp(z_j − max)·(1/Σ exp(z − max)) as activations' softmax computes it; dz_j = scale·(p_j − [j = c]);
 * row loss −ln clip(p_c); correct when argmax of p (first max) = c.
 */
export function cceLogitsStep(
  this: K,
  z: DeviceArray,
  zo: number,
  t: DeviceArray,
  to: number,
  delta: number,
  fused: number,
  scale: number,
): number {
  const i = Math.floor(this.thread.x);
  const n = this.constants.rows * this.constants.cols;
  const k = Math.min(i, n - 1);
  const j = Math.max(0, i - n);
  const r = i < n ? Math.floor((k + 0.5) / this.constants.cols) : j < this.constants.rows ? j : j - this.constants.rows;
  const o = zo + r * this.constants.cols;
  const c = t[to + r];
  let m = z[o];
  for (var q = 1; q < this.constants.cols; q++) m = Math.max(m, z[o + q]);
  let sum = 0;
  for (var u = 0; u < this.constants.cols; u++) sum += Math.exp(z[o + u] - m);
  const inv = 1 / sum;
  let best = 0;
  let bestValue = Math.exp(z[o] - m) * inv;
  let pv = 0;
  for (var w = 1; w < this.constants.cols; w++) {
    pv = Math.exp(z[o + w] - m) * inv;
    best = pv > bestValue ? Math.floor(w) : best;
    bestValue = Math.max(bestValue, pv);
  }
  const isTrue = equalsInteger(k - r * this.constants.cols, c);
  const pk = Math.exp(z[zo + k] - m) * inv;
  const pc = Math.exp(z[o + c] - m) * inv;
  return i < n
    ? scale * (pk - isTrue)
    : j < this.constants.rows
      ? -Math.log(clipProbability(pc))
      : equalsInteger(best, c);
}

/**
 * Batch-normalization kernels over the rows of x [rows, features] (plain bodies compiled by gpu.js;
 * style rules in kernel-types.ts). Statistics are packed per feature so one launch yields them all.
 */
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/** Batch rows and features. */
export type BatchNormSizes = {
  rows: number;
  features: number;
};

/**
 * Training statistics packed as [invStd | runningMean' | runningVar' | μ] (4 × features): μ = mean of the
 * column, σ² its biased variance, invStd = 1/√(σ² + ε), running ← m·running + (1 − m)·batch, where the
 * running variance takes the unbiased variance Σ(x − μ)²/(n − 1) (σ² when n = 1).
 */
export function batchNormTrainStatsKernel(
  this: KernelThis<BatchNormSizes>,
  x: DeviceArray,
  xo: number,
  rm: DeviceArray,
  rmo: number,
  rv: DeviceArray,
  rvo: number,
  momentum: number,
  epsilon: number,
): number {
  const i = Math.floor(this.thread.x);
  const part = Math.floor((i + 0.5) / this.constants.features);
  const j = i - part * this.constants.features;
  let s = 0;
  let ss = 0;
  let d = 0;
  for (var r = 0; r < this.constants.rows; r++) s += x[xo + r * this.constants.features + j];
  const mean = s / this.constants.rows;
  for (var q = 0; q < this.constants.rows; q++) {
    d = x[xo + q * this.constants.features + j] - mean;
    ss += d * d;
  }
  const variance = ss / this.constants.rows;
  const unbiased = ss / Math.max(1, this.constants.rows - 1);
  const unbiasedOrBiased = this.constants.rows > 1 ? unbiased : variance;
  let out = mean;
  if (part < 0.5) out = 1 / Math.sqrt(variance + epsilon);
  else if (part < 1.5) out = momentum * rm[rmo + j] + (1 - momentum) * mean;
  else if (part < 2.5) out = momentum * rv[rvo + j] + (1 - momentum) * unbiasedOrBiased;
  return out;
}

/** Inference statistics packed as [invStd | μ] (2 × features): invStd = 1/√(running σ² + ε), μ = running mean. */
export function batchNormInferStatsKernel(
  this: KernelThis<BatchNormSizes>,
  rm: DeviceArray,
  rmo: number,
  rv: DeviceArray,
  rvo: number,
  epsilon: number,
): number {
  const i = Math.floor(this.thread.x);
  const j = i < this.constants.features ? i : i - this.constants.features;
  return i < this.constants.features ? 1 / Math.sqrt(rv[rvo + j] + epsilon) : rm[rmo + j];
}

/** Packed [y | x̂] (2 × rows·features): x̂ = (x − μ)·invStd, y = γ·x̂ + β. */
export function batchNormApplyKernel(
  this: KernelThis<BatchNormSizes>,
  x: DeviceArray,
  xo: number,
  mean: DeviceArray,
  mo: number,
  invStd: DeviceArray,
  io: number,
  gamma: DeviceArray,
  go: number,
  beta: DeviceArray,
  bo: number,
): number {
  const i = Math.floor(this.thread.x);
  const n = this.constants.rows * this.constants.features;
  const e = i < n ? i : i - n;
  const j = e - Math.floor((e + 0.5) / this.constants.features) * this.constants.features;
  const h = (x[xo + e] - mean[mo + j]) * invStd[io + j];
  return i < n ? gamma[go + j] * h + beta[bo + j] : h;
}

/** Packed [dγ | dβ] (2 × features): dγ = Σ_rows dy⊙x̂, dβ = Σ_rows dy. */
export function batchNormParamGradKernel(
  this: KernelThis<BatchNormSizes>,
  dy: DeviceArray,
  dyo: number,
  xhat: DeviceArray,
  xho: number,
): number {
  const i = Math.floor(this.thread.x);
  const j = i < this.constants.features ? i : i - this.constants.features;
  let s = 0;
  if (i < this.constants.features) {
    for (var r = 0; r < this.constants.rows; r++)
      s += dy[dyo + r * this.constants.features + j] * xhat[xho + r * this.constants.features + j];
  } else {
    for (var q = 0; q < this.constants.rows; q++) s += dy[dyo + q * this.constants.features + j];
  }
  return s;
}

/**
 * dx: training (training = 1) dx = γ·invStd/n·(n·dy − dβ − x̂·dγ); inference dx = γ·invStd·dy, the running
 * statistics being constants.
 */
export function batchNormInputGradKernel(
  this: KernelThis<BatchNormSizes>,
  dy: DeviceArray,
  dyo: number,
  xhat: DeviceArray,
  xho: number,
  gamma: DeviceArray,
  go: number,
  invStd: DeviceArray,
  io: number,
  dgamma: DeviceArray,
  dgo: number,
  dbeta: DeviceArray,
  dbo: number,
  training: number,
): number {
  const i = Math.floor(this.thread.x);
  const j = i - Math.floor((i + 0.5) / this.constants.features) * this.constants.features;
  const k = gamma[go + j] * invStd[io + j];
  const g = dy[dyo + i];
  const n = this.constants.rows;
  const full = (k / n) * (n * g - dbeta[dbo + j] - xhat[xho + i] * dgamma[dgo + j]);
  return training > 0.5 ? full : k * g;
}

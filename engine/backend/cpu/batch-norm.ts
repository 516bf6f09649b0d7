/** Batch-normalization kernels on host arrays (per feature, over the rows). */
import type { Buf } from './buffer.ts';

/**
 * Training: μ, σ² (biased) from the batch, running ← m·running + (1−m)·batch (unbiased variance).
 * Inference: μ, σ² from the running statistics. x̂ = (x − μ)/√(σ² + ε); y = γx̂ + β.
 */
export function batchNormForward(
  x: Buf,
  gamma: Buf,
  beta: Buf,
  runMean: Buf,
  runVar: Buf,
  y: Buf,
  xhat: Buf,
  invStd: Buf,
  n: number,
  f: number,
  momentum: number,
  epsilon: number,
  training: boolean,
): void {
  for (let j = 0; j < f; j++) {
    let mean: number;
    let variance: number;
    if (training) {
      let s = 0;
      for (let r = 0; r < n; r++) s += x[r * f + j];
      mean = s / n;
      let ss = 0;
      for (let r = 0; r < n; r++) {
        const d = x[r * f + j] - mean;
        ss += d * d;
      }
      variance = ss / n;
      const unbiased = n > 1 ? ss / (n - 1) : variance;
      runMean[j] = momentum * runMean[j] + (1 - momentum) * mean;
      runVar[j] = momentum * runVar[j] + (1 - momentum) * unbiased;
    } else {
      mean = runMean[j];
      variance = runVar[j];
    }
    const inv = 1 / Math.sqrt(variance + epsilon);
    invStd[j] = inv;
    const g = gamma[j];
    const b = beta[j];
    for (let r = 0; r < n; r++) {
      const i = r * f + j;
      const h = (x[i] - mean) * inv;
      xhat[i] = h;
      y[i] = g * h + b;
    }
  }
}

/** dγ = Σ dy⊙x̂; dβ = Σ dy; training: dx = γ·invStd/n·(n·dy − dβ − x̂·dγ); inference: dx = γ·invStd·dy. */
export function batchNormBackward(
  dy: Buf,
  xhat: Buf,
  gamma: Buf,
  invStd: Buf,
  dx: Buf,
  dgamma: Buf,
  dbeta: Buf,
  n: number,
  f: number,
  training: boolean,
): void {
  for (let j = 0; j < f; j++) {
    let sdy = 0;
    let sdyx = 0;
    for (let r = 0; r < n; r++) {
      const i = r * f + j;
      sdy += dy[i];
      sdyx += dy[i] * xhat[i];
    }
    dgamma[j] = sdyx;
    dbeta[j] = sdy;
    const k = gamma[j] * invStd[j];
    if (training) {
      const c = k / n;
      for (let r = 0; r < n; r++) {
        const i = r * f + j;
        dx[i] = c * (n * dy[i] - sdy - xhat[i] * sdyx);
      }
    } else {
      for (let r = 0; r < n; r++) dx[r * f + j] = k * dy[r * f + j];
    }
  }
}

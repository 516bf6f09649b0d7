/**
 * Batch normalization over the rows of x [n, f]. Walks rows in order (contiguous), keeping per-feature
 * f64 sums in `scratch` (2·f doubles), so every sum sees the same order and precision as the reference.
 */
import { at, put } from './math';

// @ts-ignore: decorator
@inline function d(p: usize, j: i32): f64 {
  return load<f64>(p + (<usize>j << 3));
}

// @ts-ignore: decorator
@inline function setD(p: usize, j: i32, v: f64): void {
  store<f64>(p + (<usize>j << 3), v);
}

/**
 * Training: μ, σ² (biased) from the batch; running ← m·running + (1−m)·batch (unbiased variance).
 * Inference: μ, σ² from the running statistics. x̂ = (x − μ)/√(σ² + ε); y = γx̂ + β; invStd = 1/√(σ² + ε).
 */
export function batchNormForward(
  x: usize, gamma: usize, beta: usize, runMean: usize, runVar: usize, y: usize, xhat: usize, invStd: usize,
  n: i32, f: i32, momentum: f64, epsilon: f64, training: bool, scratch: usize,
): void {
  const mean = scratch;
  const inv = scratch + (<usize>f << 3);
  if (training) {
    for (let j = 0; j < f; j++) { setD(mean, j, 0); setD(inv, j, 0); }
    for (let r = 0; r < n; r++) for (let j = 0; j < f; j++) setD(mean, j, d(mean, j) + at(x, r * f + j));
    for (let j = 0; j < f; j++) setD(mean, j, d(mean, j) / n);
    for (let r = 0; r < n; r++) {
      for (let j = 0; j < f; j++) {
        const e = at(x, r * f + j) - d(mean, j);
        setD(inv, j, d(inv, j) + e * e);
      }
    }
    for (let j = 0; j < f; j++) {
      const ss = d(inv, j);
      const variance = ss / n;
      const unbiased = n > 1 ? ss / (n - 1) : variance;
      put(runMean, j, momentum * at(runMean, j) + (1 - momentum) * d(mean, j));
      put(runVar, j, momentum * at(runVar, j) + (1 - momentum) * unbiased);
      setD(inv, j, 1 / Math.sqrt(variance + epsilon));
    }
  } else {
    for (let j = 0; j < f; j++) {
      setD(mean, j, at(runMean, j));
      setD(inv, j, 1 / Math.sqrt(at(runVar, j) + epsilon));
    }
  }
  for (let j = 0; j < f; j++) put(invStd, j, d(inv, j));
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < f; j++) {
      const i = r * f + j;
      const h = (at(x, i) - d(mean, j)) * d(inv, j);
      put(xhat, i, h);
      put(y, i, at(gamma, j) * h + at(beta, j));
    }
  }
}

/** dγ = Σ dy⊙x̂; dβ = Σ dy; training: dx = γ·invStd/n·(n·dy − dβ − x̂·dγ); inference: dx = γ·invStd·dy. */
export function batchNormBackward(
  dy: usize, xhat: usize, gamma: usize, invStd: usize, dx: usize, dgamma: usize, dbeta: usize,
  n: i32, f: i32, training: bool, scratch: usize,
): void {
  const sdy = scratch;
  const sdyx = scratch + (<usize>f << 3);
  for (let j = 0; j < f; j++) { setD(sdy, j, 0); setD(sdyx, j, 0); }
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < f; j++) {
      const i = r * f + j;
      setD(sdy, j, d(sdy, j) + at(dy, i));
      setD(sdyx, j, d(sdyx, j) + at(dy, i) * at(xhat, i));
    }
  }
  for (let j = 0; j < f; j++) { put(dgamma, j, d(sdyx, j)); put(dbeta, j, d(sdy, j)); }
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < f; j++) {
      const i = r * f + j;
      const k = at(gamma, j) * at(invStd, j);
      if (training) put(dx, i, (k / n) * (n * at(dy, i) - d(sdy, j) - at(xhat, i) * d(sdyx, j)));
      else put(dx, i, k * at(dy, i));
    }
  }
}

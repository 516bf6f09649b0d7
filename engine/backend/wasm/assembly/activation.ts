/**
 * Activations, codes as in ../codes.ts. Elementwise math in f64 rounded once to float32, term for
 * term as layers/activations.ts (so results match the reference to the last bit, up to libm ulps).
 */
import { at, put, erf, sigmoid, ELU_ALPHA, INV_SQRT2, INV_SQRT_2PI, LEAKY_RELU_SLOPE } from './math';

/** Activation codes. */
export const LINEAR = 0, SIGMOID = 1, TANH = 2, RELU = 3, LEAKY_RELU = 4, ELU = 5, GELU = 6, SOFTPLUS = 7, SOFTMAX = 8;

function f(code: i32, z: f64): f64 {
  switch (code) {
    case SIGMOID: return sigmoid(z);
    case TANH: return Math.tanh(z);
    case LEAKY_RELU: return z > 0 ? z : LEAKY_RELU_SLOPE * z;
    case ELU: return z > 0 ? z : ELU_ALPHA * (Math.exp(z) - 1);
    case GELU: return 0.5 * z * (1 + erf(z * INV_SQRT2));
    case SOFTPLUS: return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    default: return z;
  }
}

/** df/dz at z, where y = f(z). */
function df(code: i32, z: f64, y: f64): f64 {
  switch (code) {
    case SIGMOID: return y * (1 - y);
    case TANH: return 1 - y * y;
    case LEAKY_RELU: return z > 0 ? 1 : LEAKY_RELU_SLOPE;
    case ELU: return z > 0 ? 1 : y + ELU_ALPHA;
    case GELU: return 0.5 * (1 + erf(z * INV_SQRT2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    case SOFTPLUS: return sigmoid(z);
    default: return 1;
  }
}

/** y = f(z) elementwise over `size` values; softmax row-wise: yⱼ = e^(zⱼ − max) / Σₖ e^(zₖ − max). y may be z. */
export function activationForward(code: i32, z: usize, y: usize, rows: i32, cols: i32): void {
  const size = rows * cols;
  if (code == SOFTMAX) {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let max = -Infinity;
      for (let j = 0; j < cols; j++) if (at(z, o + j) > max) max = at(z, o + j);
      let sum: f64 = 0;
      for (let j = 0; j < cols; j++) {
        const e = Math.exp(at(z, o + j) - max);
        put(y, o + j, e);
        sum += e;
      }
      const inv = 1 / sum;
      for (let j = 0; j < cols; j++) put(y, o + j, at(y, o + j) * inv);
    }
    return;
  }
  if (code == LINEAR) {
    if (y != z) memory.copy(y, z, <usize>size << 2);
    return;
  }
  if (code == RELU) {
    // max(0, z) as `0 < z ? z : 0` (pmax), so NaN maps to 0 like the reference.
    const zero = f32x4.splat(0);
    let i = 0;
    for (; i + 4 <= size; i += 4) {
      const o = <usize>i << 2;
      v128.store(y + o, f32x4.pmax(zero, v128.load(z + o)));
    }
    for (; i < size; i++) {
      const v = at(z, i);
      put(y, i, v > 0 ? v : 0);
    }
    return;
  }
  for (let i = 0; i < size; i++) put(y, i, f(code, at(z, i)));
}

/** dz = dy ⊙ f'(z); softmax: dzⱼ = yⱼ·(dyⱼ − Σₖ dyₖyₖ) per row. dz may be dy. */
export function activationBackward(code: i32, z: usize, y: usize, dy: usize, dz: usize, rows: i32, cols: i32): void {
  const size = rows * cols;
  if (code == SOFTMAX) {
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      let dot: f64 = 0;
      for (let j = 0; j < cols; j++) dot += at(dy, o + j) * at(y, o + j);
      for (let j = 0; j < cols; j++) put(dz, o + j, at(y, o + j) * (at(dy, o + j) - dot));
    }
    return;
  }
  if (code == LINEAR) {
    if (dz != dy) memory.copy(dz, dy, <usize>size << 2);
    return;
  }
  if (code == RELU) {
    // dy where z > 0, else 0.
    const zero = f32x4.splat(0);
    let i = 0;
    for (; i + 4 <= size; i += 4) {
      const o = <usize>i << 2;
      v128.store(dz + o, v128.and(v128.load(dy + o), f32x4.gt(v128.load(z + o), zero)));
    }
    for (; i < size; i++) put(dz, i, at(z, i) > 0 ? at(dy, i) : 0);
    return;
  }
  for (let i = 0; i < size; i++) put(dz, i, at(dy, i) * df(code, at(z, i), at(y, i)));
}

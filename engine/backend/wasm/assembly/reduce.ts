/** Gradient utilities: regularization, squared norms, scaling. f64 math rounded once to float32. */
import { at, put } from './math';

/** g ← g + l1·sign(w) + 2·l2·w. */
export function addRegularizationGradient(w: usize, g: usize, n: i32, l1: f64, l2: f64): void {
  const l2x2 = 2 * l2;
  for (let i = 0; i < n; i++) {
    const wi = at(w, i);
    put(g, i, at(g, i) + (l1 * (wi > 0 ? 1.0 : wi < 0 ? -1.0 : 0.0) + l2x2 * wi));
  }
}

/** Σ t² in f64 (two interleaved partial sums). */
export function sumSquares(t: usize, n: i32): f64 {
  let s = f64x2.splat(0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const v = f64x2.promote_low_f32x4(v128.load64_zero(t + (<usize>i << 2)));
    s = f64x2.add(s, f64x2.mul(v, v));
  }
  let r = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  if (i < n) r += at(t, i) * at(t, i);
  return r;
}

/** acc[index] += Σ t². */
export function accumulateSquaredNorm(t: usize, n: i32, acc: usize, index: i32): void {
  put(acc, index, at(acc, index) + sumSquares(t, n));
}

/** √(Σ acc[i] for i in [from, to)), summed in order in f64. */
export function globalNorm(acc: usize, from: i32, to: i32): f64 {
  let s: f64 = 0;
  for (let i = from; i < to; i++) s += at(acc, i);
  return Math.sqrt(s);
}

/** t ← t·s. */
export function scale(t: usize, n: i32, s: f64): void {
  const k = f64x2.splat(s);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const q = t + (<usize>i << 2);
    const v = f64x2.mul(f64x2.promote_low_f32x4(v128.load64_zero(q)), k);
    v128.store64_lane(q, f32x4.demote_f64x2_zero(v), 0);
  }
  if (i < n) put(t, i, at(t, i) * s);
}

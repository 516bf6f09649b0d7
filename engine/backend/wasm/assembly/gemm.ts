/**
 * Matrix multiply for the dense layers: C[m, n] = init + Σ_k A(i, k)·B[k, j], register-tiled.
 * A(i, k) lives at a + 4·(i·sai + k·sak), so one kernel serves A (sak = 1) and Aᵀ (sai = 1).
 * B is row-major with row stride ldb; C with row stride ldc. All pointers are byte addresses.
 * init: INIT_ZERO → 0, INIT_BIAS → bias[j], INIT_ACCUMULATE → the current C[i, j].
 *
 * The main tile is 4 rows × 8 columns: 8 f32x4 accumulators, 2 B vectors and 1 splat of A stay in
 * registers (16 xmm registers on x64); measured fastest of 1–8 × 4–16 tiles on this machine.
 * Built twice (scripts/build-wasm.mjs): with relaxed SIMD each multiply-add is one fused f32x4.relaxed_madd
 * (FMA where the CPU has it), otherwise a multiply and an add, each rounded.
 */

import { activationForward, LINEAR } from './activation';

/** Start from zeros. */
export const INIT_ZERO: i32 = 0;
/** Start from the bias row. */
export const INIT_BIAS: i32 = 1;
/** Add to what C holds. */
export const INIT_ACCUMULATE: i32 = 2;

// @ts-ignore: decorator
@inline function start(init: i32, bias: usize, c: usize, j: i32): v128 {
  if (init == INIT_ZERO) return f32x4.splat(0);
  if (init == INIT_BIAS) return v128.load(bias + (<usize>j << 2));
  return v128.load(c + (<usize>j << 2));
}

/** acc + a·b per lane: fused (rounded once) in the relaxed-SIMD build, else rounded after × and after +. */
// @ts-ignore: decorator
@inline function madd(acc: v128, a: v128, b: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}

// @ts-ignore: decorator
@inline function startScalar(init: i32, bias: usize, c: usize, j: i32): f32 {
  if (init == INIT_ZERO) return 0;
  if (init == INIT_BIAS) return load<f32>(bias + (<usize>j << 2));
  return load<f32>(c + (<usize>j << 2));
}

/** Rows i..i+3, columns j..j+7. Inlined: a call per tile cost ~10 % on W1's short (k = 32) tiles. */
// @ts-ignore: decorator
@inline function tile4x8(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, k: i32, init: i32, bias: usize, i: i32, j: i32): void {
  const c0 = c + (<usize>(i * ldc) << 2);
  const c1 = c0 + (<usize>ldc << 2);
  const c2 = c1 + (<usize>ldc << 2);
  const c3 = c2 + (<usize>ldc << 2);
  let x00 = start(init, bias, c0, j), x01 = start(init, bias, c0, j + 4);
  let x10 = start(init, bias, c1, j), x11 = start(init, bias, c1, j + 4);
  let x20 = start(init, bias, c2, j), x21 = start(init, bias, c2, j + 4);
  let x30 = start(init, bias, c3, j), x31 = start(init, bias, c3, j + 4);
  const sa = <usize>sak << 2;
  const sb = <usize>ldb << 2;
  let p0 = a + (<usize>(i * sai) << 2);
  let p1 = p0 + (<usize>sai << 2);
  let p2 = p1 + (<usize>sai << 2);
  let p3 = p2 + (<usize>sai << 2);
  let pb = b + (<usize>j << 2);
  for (let kk = 0; kk < k; kk++) {
    const b0 = v128.load(pb, 0);
    const b1 = v128.load(pb, 16);
    let s = v128.load32_splat(p0);
    x00 = madd(x00, s, b0); x01 = madd(x01, s, b1);
    s = v128.load32_splat(p1);
    x10 = madd(x10, s, b0); x11 = madd(x11, s, b1);
    s = v128.load32_splat(p2);
    x20 = madd(x20, s, b0); x21 = madd(x21, s, b1);
    s = v128.load32_splat(p3);
    x30 = madd(x30, s, b0); x31 = madd(x31, s, b1);
    p0 += sa; p1 += sa; p2 += sa; p3 += sa; pb += sb;
  }
  const o = <usize>j << 2;
  v128.store(c0 + o, x00, 0); v128.store(c0 + o, x01, 16);
  v128.store(c1 + o, x10, 0); v128.store(c1 + o, x11, 16);
  v128.store(c2 + o, x20, 0); v128.store(c2 + o, x21, 16);
  v128.store(c3 + o, x30, 0); v128.store(c3 + o, x31, 16);
}

/** Rows i..i+3, columns j..j+3. */
function tile4x4(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, k: i32, init: i32, bias: usize, i: i32, j: i32): void {
  const c0 = c + (<usize>(i * ldc) << 2);
  const c1 = c0 + (<usize>ldc << 2);
  const c2 = c1 + (<usize>ldc << 2);
  const c3 = c2 + (<usize>ldc << 2);
  let x0 = start(init, bias, c0, j), x1 = start(init, bias, c1, j);
  let x2 = start(init, bias, c2, j), x3 = start(init, bias, c3, j);
  const sa = <usize>sak << 2;
  const sb = <usize>ldb << 2;
  let p0 = a + (<usize>(i * sai) << 2);
  let p1 = p0 + (<usize>sai << 2);
  let p2 = p1 + (<usize>sai << 2);
  let p3 = p2 + (<usize>sai << 2);
  let pb = b + (<usize>j << 2);
  for (let kk = 0; kk < k; kk++) {
    const b0 = v128.load(pb, 0);
    x0 = madd(x0, v128.load32_splat(p0), b0);
    x1 = madd(x1, v128.load32_splat(p1), b0);
    x2 = madd(x2, v128.load32_splat(p2), b0);
    x3 = madd(x3, v128.load32_splat(p3), b0);
    p0 += sa; p1 += sa; p2 += sa; p3 += sa; pb += sb;
  }
  const o = <usize>j << 2;
  v128.store(c0 + o, x0); v128.store(c1 + o, x1); v128.store(c2 + o, x2); v128.store(c3 + o, x3);
}

/** Row i, columns j..j+7. */
function tile1x8(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, k: i32, init: i32, bias: usize, i: i32, j: i32): void {
  const c0 = c + (<usize>(i * ldc) << 2);
  let x0 = start(init, bias, c0, j), x1 = start(init, bias, c0, j + 4);
  const sa = <usize>sak << 2;
  const sb = <usize>ldb << 2;
  let p0 = a + (<usize>(i * sai) << 2);
  let pb = b + (<usize>j << 2);
  for (let kk = 0; kk < k; kk++) {
    const s = v128.load32_splat(p0);
    x0 = madd(x0, s, v128.load(pb, 0));
    x1 = madd(x1, s, v128.load(pb, 16));
    p0 += sa; pb += sb;
  }
  const o = <usize>j << 2;
  v128.store(c0 + o, x0, 0); v128.store(c0 + o, x1, 16);
}

/** Row i, columns j..j+3. */
function tile1x4(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, k: i32, init: i32, bias: usize, i: i32, j: i32): void {
  const c0 = c + (<usize>(i * ldc) << 2);
  let x0 = start(init, bias, c0, j);
  const sa = <usize>sak << 2;
  const sb = <usize>ldb << 2;
  let p0 = a + (<usize>(i * sai) << 2);
  let pb = b + (<usize>j << 2);
  for (let kk = 0; kk < k; kk++) {
    x0 = madd(x0, v128.load32_splat(p0), v128.load(pb, 0));
    p0 += sa; pb += sb;
  }
  v128.store(c0 + (<usize>j << 2), x0);
}

/** The r (1–3) floats at p in the low lanes, zeros above: B's and C's columns past the last 4-wide tile. */
// @ts-ignore: decorator
@inline function loadPartial(p: usize, r: i32): v128 {
  let v = v128.load32_zero(p);
  if (r > 1) v = f32x4.replace_lane(v, 1, load<f32>(p, 4));
  if (r > 2) v = f32x4.replace_lane(v, 2, load<f32>(p, 8));
  return v;
}

// @ts-ignore: decorator
@inline function storePartial(p: usize, v: v128, r: i32): void {
  store<f32>(p, f32x4.extract_lane(v, 0));
  if (r > 1) store<f32>(p, f32x4.extract_lane(v, 1), 4);
  if (r > 2) store<f32>(p, f32x4.extract_lane(v, 2), 8);
}

// @ts-ignore: decorator
@inline function startPartial(init: i32, bias: usize, c: usize, j: i32, r: i32): v128 {
  if (init == INIT_ZERO) return f32x4.splat(0);
  return loadPartial((init == INIT_BIAS ? bias : c) + (<usize>j << 2), r);
}

/** Rows i..i+3, the last r (1–3) columns j..j+r−1: four independent vector sums instead of 4·r scalar chains. */
function tile4xR(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, k: i32, init: i32, bias: usize, i: i32, j: i32, r: i32): void {
  const c0 = c + (<usize>(i * ldc) << 2);
  const c1 = c0 + (<usize>ldc << 2);
  const c2 = c1 + (<usize>ldc << 2);
  const c3 = c2 + (<usize>ldc << 2);
  let x0 = startPartial(init, bias, c0, j, r), x1 = startPartial(init, bias, c1, j, r);
  let x2 = startPartial(init, bias, c2, j, r), x3 = startPartial(init, bias, c3, j, r);
  const sa = <usize>sak << 2;
  const sb = <usize>ldb << 2;
  let p0 = a + (<usize>(i * sai) << 2);
  let p1 = p0 + (<usize>sai << 2);
  let p2 = p1 + (<usize>sai << 2);
  let p3 = p2 + (<usize>sai << 2);
  let pb = b + (<usize>j << 2);
  for (let kk = 0; kk < k; kk++) {
    const b0 = loadPartial(pb, r);
    x0 = madd(x0, v128.load32_splat(p0), b0);
    x1 = madd(x1, v128.load32_splat(p1), b0);
    x2 = madd(x2, v128.load32_splat(p2), b0);
    x3 = madd(x3, v128.load32_splat(p3), b0);
    p0 += sa; p1 += sa; p2 += sa; p3 += sa; pb += sb;
  }
  const o = <usize>j << 2;
  storePartial(c0 + o, x0, r); storePartial(c1 + o, x1, r); storePartial(c2 + o, x2, r); storePartial(c3 + o, x3, r);
}

/** One element C[i, j] (the columns left over after the 4-wide tiles, in the last m mod 4 rows). */
function tile1x1(a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32, k: i32, init: i32, bias: usize, i: i32, j: i32): void {
  const c0 = c + (<usize>(i * ldc) << 2);
  let x: f32 = startScalar(init, bias, c0, j);
  const sa = <usize>sak << 2;
  const sb = <usize>ldb << 2;
  let p0 = a + (<usize>(i * sai) << 2);
  let pb = b + (<usize>j << 2);
  for (let kk = 0; kk < k; kk++) {
    x += load<f32>(p0) * load<f32>(pb);
    p0 += sa; pb += sb;
  }
  store<f32>(c0 + (<usize>j << 2), x);
}

/**
 * C[i, j] = act(init + Σ_k A(i, k)·B[k, j]) for rows [i0, i1) of C (a thread computes a band of rows).
 * Tiles: 4×8, then 4×4 and a 4×(1–3) tile at the right edge, and 1-row tiles for the last m mod 4 rows.
 * `act` is an elementwise activation code (activation.ts; LINEAR for none), applied to the band while it
 * is still in cache; it needs ldc = n (C's rows contiguous).
 */
export function gemmRows(
  a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32,
  i0: i32, i1: i32, n: i32, k: i32, init: i32, bias: usize, act: i32,
): void {
  gemmBand(a, sai, sak, b, ldb, c, ldc, i0, i1, n, k, init, bias);
  if (act == LINEAR || i1 <= i0) return;
  const band = c + (<usize>(i0 * ldc) << 2);
  activationForward(act, band, band, i1 - i0, n);
}

function gemmBand(
  a: usize, sai: i32, sak: i32, b: usize, ldb: i32, c: usize, ldc: i32,
  i0: i32, i1: i32, n: i32, k: i32, init: i32, bias: usize,
): void {
  let i = i0;
  for (; i + 4 <= i1; i += 4) {
    let j = 0;
    for (; j + 8 <= n; j += 8) tile4x8(a, sai, sak, b, ldb, c, ldc, k, init, bias, i, j);
    if (j + 4 <= n) {
      tile4x4(a, sai, sak, b, ldb, c, ldc, k, init, bias, i, j);
      j += 4;
    }
    if (j < n) tile4xR(a, sai, sak, b, ldb, c, ldc, k, init, bias, i, j, n - j);
  }
  for (; i < i1; i++) {
    let j = 0;
    for (; j + 8 <= n; j += 8) tile1x8(a, sai, sak, b, ldb, c, ldc, k, init, bias, i, j);
    if (j + 4 <= n) {
      tile1x4(a, sai, sak, b, ldb, c, ldc, k, init, bias, i, j);
      j += 4;
    }
    for (; j < n; j++) tile1x1(a, sai, sak, b, ldb, c, ldc, k, init, bias, i, j);
  }
}

/** t[cols, rows] = sᵀ for s[rows, cols] (row-major both), in 16×16 blocks for cache locality. */
export function transpose(s: usize, t: usize, rows: i32, cols: i32): void {
  for (let r0 = 0; r0 < rows; r0 += 16) {
    const r1 = min(r0 + 16, rows);
    for (let c0 = 0; c0 < cols; c0 += 16) {
      const c1 = min(c0 + 16, cols);
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) {
          store<f32>(t + (<usize>(c * rows + r) << 2), load<f32>(s + (<usize>(r * cols + c) << 2)));
        }
      }
    }
  }
}

/** out[j] = Σ_r x[r, j], summed in row order in f32 (bit-identical to the reference's db). */
export function columnSums(x: usize, out: usize, rows: i32, cols: i32): void {
  memory.fill(out, 0, <usize>cols << 2);
  let p = x;
  for (let r = 0; r < rows; r++) {
    let j = 0;
    for (; j + 4 <= cols; j += 4) {
      const o = out + (<usize>j << 2);
      v128.store(o, f32x4.add(v128.load(o), v128.load(p)));
      p += 16;
    }
    for (; j < cols; j++) {
      const o = out + (<usize>j << 2);
      store<f32>(o, load<f32>(o) + load<f32>(p));
      p += 4;
    }
  }
}

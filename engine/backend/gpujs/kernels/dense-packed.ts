/**
 * Dense-layer kernels on packed memory (WebGL2): four floats per texel, four outputs per thread.
 *
 * gpu.js's one-float-per-texel outputs make a multiply cost two texture fetches per multiply-add, and a
 * fetch is what a software rasterizer (and, less so, a GPU) pays most for. Here the operands are first
 * packed four floats to a texel (`pack4Kernel`, gpu.js's `Array(4)` return type), so one fetch brings four
 * consecutive elements of a row; each thread computes four consecutive outputs of one row from one fetch
 * of the row operand and four of the matrix operand: 5 fetches per 16 multiply-adds instead of 32.
 * The result (packed) is unpacked to one float per element for every other op (`unpack4Kernel`).
 * Each output's terms are added one at a time in the order of kernels/dense.ts, so the sums are identical.
 * Packed operands are scratch tensors, so their offsets count texels. The weight gradient reads x packed
 * along its columns (`packTransposed4Kernel`), so it too fetches 5 texels per 16 multiply-adds. Packed sizes: every dimension a packed operand is walked along is a multiple of 4 (ops/dense.ts checks).
 */
import type { DeviceArray, KernelThis, PackedArray } from './kernel-types.ts';
import { fusedActivation } from './math.ts';
import type { DenseSizes } from './dense.ts';

/** p[t] = a[ao + 4t .. ao + 4t + 3]: four floats per texel. */
export function pack4Kernel(this: KernelThis<Record<string, number>>, a: DeviceArray, ao: number): number[] {
  const i = Math.floor(this.thread.x) * 4;
  return [a[ao + i], a[ao + i + 1], a[ao + i + 2], a[ao + i + 3]];
}

/** y[i] = p[⌊i/4⌋][i mod 4]: back to one float per element. */
export function unpack4Kernel(this: KernelThis<Record<string, number>>, p: PackedArray, po: number): number {
  const i = Math.floor(this.thread.x);
  const t = Math.floor((i + 0.5) / 4);
  const q = i - t * 4;
  const v = p[po + t];
  let s = v[0];
  s = q > 0.5 ? v[1] : s;
  s = q > 1.5 ? v[2] : s;
  s = q > 2.5 ? v[3] : s;
  return s;
}

/**
 * y[r, c..c+3] = f(b[c..c+3] + Σ_k x[r,k]·W[k, c..c+3]), x and W packed; thread t is row r = ⌊4t/units⌋.
 * Per four k: one fetch of x[r, k..k+3] and one of each W[k+j, c..c+3].
 */
export function denseForward4Kernel(
  this: KernelThis<DenseSizes>,
  x: PackedArray,
  xo: number,
  w: PackedArray,
  wo: number,
  b: DeviceArray,
  bo: number,
  act: number,
  p: number,
): number[] {
  const i = Math.floor(this.thread.x);
  const n4 = this.constants.units4;
  const r = Math.floor((i + 0.5) / n4);
  const c4 = i - r * n4;
  let xi = xo + r * this.constants.inputs4;
  let wi = wo + c4;
  let s0 = b[bo + 4 * c4];
  let s1 = b[bo + 4 * c4 + 1];
  let s2 = b[bo + 4 * c4 + 2];
  let s3 = b[bo + 4 * c4 + 3];
  let a = x[xi];
  let w0 = w[wi];
  let w1 = w[wi];
  let w2 = w[wi];
  let w3 = w[wi];
  for (var k = 0; k < this.constants.inputs4; k++) {
    a = x[xi];
    w0 = w[wi];
    w1 = w[wi + n4];
    w2 = w[wi + 2 * n4];
    w3 = w[wi + 3 * n4];
    s0 += a[0] * w0[0];
    s1 += a[0] * w0[1];
    s2 += a[0] * w0[2];
    s3 += a[0] * w0[3];
    s0 += a[1] * w1[0];
    s1 += a[1] * w1[1];
    s2 += a[1] * w1[2];
    s3 += a[1] * w1[3];
    s0 += a[2] * w2[0];
    s1 += a[2] * w2[1];
    s2 += a[2] * w2[2];
    s3 += a[2] * w2[3];
    s0 += a[3] * w3[0];
    s1 += a[3] * w3[1];
    s2 += a[3] * w3[2];
    s3 += a[3] * w3[3];
    xi += 1;
    wi += 4 * n4;
  }
  return [
    fusedActivation(s0, act, p),
    fusedActivation(s1, act, p),
    fusedActivation(s2, act, p),
    fusedActivation(s3, act, p),
  ];
}

/** xT[k·rows4 + r4] = x[4r4..4r4+3, k]: x packed along its columns (rows a multiple of 4), for the weight gradient. */
export function packTransposed4Kernel(this: KernelThis<DenseSizes>, a: DeviceArray, ao: number): number[] {
  const i = Math.floor(this.thread.x);
  const m = this.constants.inputs;
  const k = Math.floor((i + 0.5) / this.constants.rows4);
  const r = (i - k * this.constants.rows4) * 4;
  return [a[ao + r * m + k], a[ao + (r + 1) * m + k], a[ao + (r + 2) * m + k], a[ao + (r + 3) * m + k]];
}

/**
 * Packed [dW | db]: dW[k, c..c+3] = Σ_r x[r,k]·dz[r, c..c+3] from xT (packTransposed4Kernel) and packed dz,
 * per four r one fetch of xT and one of each dz row; then db[c..c+3] = Σ_r dz[r, c..c+3] (threads past
 * inputs·units/4, using ones in place of x).
 */
export function denseParamGrad4Kernel(
  this: KernelThis<DenseSizes>,
  xt: PackedArray,
  xto: number,
  dz: PackedArray,
  dzo: number,
): number[] {
  const i = Math.floor(this.thread.x);
  const n4 = this.constants.units4;
  const split = this.constants.inputs * n4;
  const isW = Math.max(0, Math.sign(split - 0.5 - i));
  const k = Math.floor((i + 0.5) / n4) * isW;
  const c4 = i - k * n4 - split * (1 - isW);
  let xi = xto + k * this.constants.rows4;
  let di = dzo + c4;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let a = xt[xi];
  let a0 = 1;
  let a1 = 1;
  let a2 = 1;
  let a3 = 1;
  let g0 = dz[di];
  let g1 = dz[di];
  let g2 = dz[di];
  let g3 = dz[di];
  for (var r = 0; r < this.constants.rows4; r++) {
    a = xt[xi];
    a0 = isW > 0.5 ? a[0] : 1;
    a1 = isW > 0.5 ? a[1] : 1;
    a2 = isW > 0.5 ? a[2] : 1;
    a3 = isW > 0.5 ? a[3] : 1;
    g0 = dz[di];
    g1 = dz[di + n4];
    g2 = dz[di + 2 * n4];
    g3 = dz[di + 3 * n4];
    s0 += a0 * g0[0];
    s1 += a0 * g0[1];
    s2 += a0 * g0[2];
    s3 += a0 * g0[3];
    s0 += a1 * g1[0];
    s1 += a1 * g1[1];
    s2 += a1 * g1[2];
    s3 += a1 * g1[3];
    s0 += a2 * g2[0];
    s1 += a2 * g2[1];
    s2 += a2 * g2[2];
    s3 += a2 * g2[3];
    s0 += a3 * g3[0];
    s1 += a3 * g3[1];
    s2 += a3 * g3[2];
    s3 += a3 * g3[3];
    xi += 1;
    di += 4 * n4;
  }
  return [s0, s1, s2, s3];
}

/** dx[r, k..k+3] = Σ_c dz[r,c]·W[k..k+3, c], dz and W packed; per four c one fetch of dz and one of each W row. */
export function denseInputGrad4Kernel(
  this: KernelThis<DenseSizes>,
  dz: PackedArray,
  dzo: number,
  w: PackedArray,
  wo: number,
): number[] {
  const i = Math.floor(this.thread.x);
  const n4 = this.constants.units4;
  const r = Math.floor((i + 0.5) / this.constants.inputs4);
  const k4 = i - r * this.constants.inputs4;
  let di = dzo + r * n4;
  let wi = wo + 4 * k4 * n4;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let g = dz[di];
  let w0 = w[wi];
  let w1 = w[wi];
  let w2 = w[wi];
  let w3 = w[wi];
  for (var c = 0; c < this.constants.units4; c++) {
    g = dz[di];
    w0 = w[wi];
    w1 = w[wi + n4];
    w2 = w[wi + 2 * n4];
    w3 = w[wi + 3 * n4];
    s0 += g[0] * w0[0];
    s1 += g[0] * w1[0];
    s2 += g[0] * w2[0];
    s3 += g[0] * w3[0];
    s0 += g[1] * w0[1];
    s1 += g[1] * w1[1];
    s2 += g[1] * w2[1];
    s3 += g[1] * w3[1];
    s0 += g[2] * w0[2];
    s1 += g[2] * w1[2];
    s2 += g[2] * w2[2];
    s3 += g[2] * w3[2];
    s0 += g[3] * w0[3];
    s1 += g[3] * w1[3];
    s2 += g[3] * w2[3];
    s3 += g[3] * w3[3];
    di += 1;
    wi += 1;
  }
  return [s0, s1, s2, s3];
}

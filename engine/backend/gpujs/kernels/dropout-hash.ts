/**
 * The dropout hash, lowbias32 (random.ts `hash32`), in float arithmetic on 16-bit halves.
 *
 * Why: gpu.js lowers JavaScript's integer operators differently on each target — its GLSL emulates
 * `^`/`>>>` with loops over non-negative ints, its WebAssembly treats `0x7feb352d` as a float, and
 * `Math.imul` goes through float32 — so the plain JS hash gives different bits per backend. Here a
 * 32-bit value is a pair (h, l) of 16-bit integers held in floats, and every intermediate stays below
 * 2²⁴, where float32 arithmetic is exact on every backend (WebGL, WebGPU, WebAssembly, JS); division
 * is only ever by powers of two. The result is bit-identical to `hash32` everywhere.
 *
 * Plain, self-contained helpers compiled by gpu.js (style rules in kernel-types.ts).
 */

/** a mod m for an integer 0 ≤ a < 2²⁴ and a power of two m. */
export function modPow2(a: number, m: number): number {
  return a - m * Math.floor(a / m);
}

/** a ⊕ b for 16-bit integers a, b, one bit per step. */
export function xor16(a: number, b: number): number {
  let r = 0;
  let bit = 1;
  let x = a;
  let y = b;
  let xb = 0;
  let yb = 0;
  for (var n = 0; n < 16; n++) {
    xb = x - 2 * Math.floor(x / 2);
    yb = y - 2 * Math.floor(y / 2);
    r += bit * Math.abs(xb - yb);
    x = Math.floor(x / 2);
    y = Math.floor(y / 2);
    bit *= 2;
  }
  return r;
}

/** Low half of (h·2¹⁶ + l)·C mod 2³² for C = ch·2¹⁶ + cl: (l·cl) mod 2¹⁶, with cl split in bytes so products stay < 2²⁴. */
export function mulLow(l: number, cl: number): number {
  const cl1 = Math.floor(cl / 256);
  const cl0 = cl - cl1 * 256;
  return modPow2(modPow2(l * cl0, 65536) + modPow2(l * cl1, 256) * 256, 65536);
}

/** High half of (h·2¹⁶ + l)·C mod 2³²: the carry out of l·cl plus (h·cl + l·ch) mod 2¹⁶. */
export function mulHigh(h: number, l: number, ch: number, cl: number): number {
  const cl1 = Math.floor(cl / 256);
  const cl0 = cl - cl1 * 256;
  const ch1 = Math.floor(ch / 256);
  const ch0 = ch - ch1 * 256;
  const p0 = l * cl0;
  const p0h = Math.floor(p0 / 65536);
  const p1 = l * cl1;
  const p1h = Math.floor(p1 / 256);
  const low = p0 - p0h * 65536 + (p1 - p1h * 256) * 256;
  const carry = Math.floor(low / 65536);
  const fromH = modPow2(h * cl0, 65536) + modPow2(h * cl1, 256) * 256;
  const fromL = modPow2(l * ch0, 65536) + modPow2(l * ch1, 256) * 256;
  return modPow2(p0h + p1h + carry + fromH + fromL, 65536);
}

/**
 * 1 when hash32(s ⊕ j) ≥ T, else 0, where s = sh·2¹⁶ + sl (the per-step seed, random.ts hashUniform's
 * inner hash) and T = th·2¹⁶ + tl = ⌈rate·2³²⌉, so the test equals hashUniform(seed, step, j) ≥ rate.
 * Steps: x ^= x >>> 16; x = imul(x, 0x7feb352d); x ^= x >>> 15; x = imul(x, 0x846ca68b); x ^= x >>> 16.
 */
export function keepElement(j: number, sh: number, sl: number, th: number, tl: number): number {
  const jh = Math.floor(j / 65536);
  let h = xor16(sh, jh);
  let l = xor16(sl, j - jh * 65536);
  l = xor16(l, h);
  let nh = mulHigh(h, l, 32747, 13613);
  l = mulLow(l, 13613);
  h = nh;
  const top = Math.floor(h / 32768);
  const shifted = (h - top * 32768) * 2 + Math.floor(l / 32768);
  h = xor16(h, top);
  l = xor16(l, shifted);
  nh = mulHigh(h, l, 33900, 42635);
  l = mulLow(l, 42635);
  h = nh;
  l = xor16(l, h);
  // (h, l) ≥ (th, tl) lexicographically: sign(h − th) decides unless 0, then l ≥ tl
  const high = Math.sign(h - th);
  const low = Math.min(1, Math.sign(l - tl) + 1);
  return Math.min(1, Math.max(0, high + (1 - Math.abs(high)) * low));
}

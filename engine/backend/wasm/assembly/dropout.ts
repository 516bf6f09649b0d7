/** Inverted dropout with the counter-based mask of random.ts (hashUniform), bit for bit. */
import { at, put } from './math';

/** lowbias32 (Chris Wellons), as random.ts hash32. */
// @ts-ignore: decorator
@inline function hash32(x: u32): u32 {
  x ^= x >>> 16;
  x *= 0x7feb352d;
  x ^= x >>> 15;
  x *= 0x846ca68b;
  x ^= x >>> 16;
  return x;
}

/** maskᵢ = (u(seed, step, i) ≥ rate) / (1 − rate) with u = hash32(hash32(seed ⊕ hash32(step)) ⊕ i) / 2³²; y = x ⊙ mask. */
export function dropoutForward(x: usize, mask: usize, y: usize, n: i32, rate: f64, seed: u32, step: u32): void {
  const keep: f64 = 1 / (1 - rate);
  const h = hash32(seed ^ hash32(step));
  for (let i = 0; i < n; i++) {
    const u = <f64>hash32(h ^ <u32>i) / 4294967296.0;
    const m: f64 = u >= rate ? keep : 0;
    put(mask, i, m);
    put(y, i, at(x, i) * m);
  }
}

/** dx = dy ⊙ mask (an f32 product, exact as the reference's). */
export function dropoutBackward(dy: usize, mask: usize, dx: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(dx + o, f32x4.mul(v128.load(dy + o), v128.load(mask + o)));
  }
  for (; i < n; i++) store<f32>(dx + (<usize>i << 2), load<f32>(dy + (<usize>i << 2)) * load<f32>(mask + (<usize>i << 2)));
}

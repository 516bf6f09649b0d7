/** Seeded randomness: a sequential generator for init/shuffle/splits, and a counter-based hash for dropout. */

/** 32-bit integer hash (lowbias32, Chris Wellons): well mixed, cheap, and portable to shaders. */
export function hash32(x: number): number {
  x = (x ^ (x >>> 16)) >>> 0;
  x = Math.imul(x, 0x7feb352d) >>> 0;
  x = (x ^ (x >>> 15)) >>> 0;
  x = Math.imul(x, 0x846ca68b) >>> 0;
  x = (x ^ (x >>> 16)) >>> 0;
  return x;
}

/**
 * Uniform in [0, 1) from (seed, step, index) with no state, so every backend (and every thread)
 * draws the same dropout mask: u = hash32(hash32(seed ⊕ hash32(step)) ⊕ index) / 2³².
 */
export function hashUniform(seed: number, step: number, index: number): number {
  const h = hash32((hash32((seed ^ hash32(step >>> 0)) >>> 0) ^ index) >>> 0);
  return h / 4294967296;
}

/** Deterministic generator (sfc32) seeded from one integer. Same seed, same sequence, on every platform. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.a = hash32((seed >>> 0) ^ 0x9e3779b9);
    this.b = hash32(this.a ^ 0x243f6a88);
    this.c = hash32(this.b ^ 0xb7e15162);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = (this.b ^ (this.b >>> 9)) >>> 0;
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller, caching the second value). */
  normal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A fresh generator derived from this one's seed stream (for independent sub-streams). */
  fork(): Random {
    return new Random(this.nextUint32());
  }
}

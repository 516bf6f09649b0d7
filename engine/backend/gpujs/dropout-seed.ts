/**
 * Host side of the dropout mask: the per-step seed and the keep threshold, split into 16-bit halves for
 * the float-exact hash in kernels/dropout-hash.ts. Together they reproduce random.ts `hashUniform`:
 * hashUniform(seed, step, i) ≥ rate ⟺ hash32(s ⊕ i) ≥ T, with s = hash32(seed ⊕ hash32(step)) and
 * T = ⌈rate·2³²⌉ (hash32 is an integer, and rate·2³² is exact in float64).
 */
import { hash32 } from '../../random.ts';

/** A 32-bit integer as 16-bit halves (each exact in float32). */
export interface Halves {
  high: number;
  low: number;
}

/** Split 0 ≤ v ≤ 2³² into halves (2³² gives high = 65536: above every hash, so nothing is kept). */
export function toHalves(v: number): Halves {
  const high = Math.floor(v / 65536);
  return { high, low: v - high * 65536 };
}

/** The step seed s = hash32(seed ⊕ hash32(step)) of hashUniform. */
export function dropoutStepSeed(seed: number, step: number): Halves {
  return toHalves(hash32((seed ^ hash32(step >>> 0)) >>> 0));
}

/** The keep threshold T = ⌈rate·2³²⌉: an element is kept when its hash is at least T. */
export function dropoutThreshold(rate: number): Halves {
  return toHalves(Math.ceil(rate * 4294967296));
}

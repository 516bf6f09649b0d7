/**
 * One-dimensional Parzen estimators for TPE (after Bergstra et al. 2011, hyperopt's adaptive Parzen).
 * Numeric: a mixture of Gaussians truncated to [lo, hi], one per observation plus a wide prior one;
 * each observation's σ is the larger gap to its sorted neighbours, clipped to [(hi−lo)/min(100, n+1), hi−lo].
 * Categorical: p(c) = (count(c) + 1) / (n + k).
 */
import { erf } from '../../layers/index.ts';
import type { Random } from '../../random.ts';

const SQRT2 = Math.SQRT2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const cdf = (z: number): number => 0.5 * (1 + erf(z / SQRT2));

/** Density over an interval built from observed points. */
export class Parzen {
  private readonly mu: number[];
  private readonly sigma: number[];
  /** Probability mass of each component inside [lo, hi]. */
  private readonly mass: number[];

  constructor(
    points: readonly number[],
    private readonly lo: number,
    private readonly hi: number,
  ) {
    const width = hi - lo;
    const prior = (lo + hi) / 2;
    const mus = [...points.map((p) => Math.min(hi, Math.max(lo, p))), prior].sort((a, b) => a - b);
    const minSigma = width / Math.min(100, points.length + 1);
    this.mu = mus;
    this.sigma = mus.map((m, i) => {
      const left = m - (i > 0 ? mus[i - 1] : lo);
      const right = (i < mus.length - 1 ? mus[i + 1] : hi) - m;
      return Math.min(width, Math.max(minSigma, left, right));
    });
    // The prior component is always the widest.
    this.sigma[mus.indexOf(prior)] = width;
    this.mass = mus.map((m, i) => Math.max(1e-12, cdf((hi - m) / this.sigma[i]) - cdf((lo - m) / this.sigma[i])));
  }

  /** Draw a point: pick a component uniformly, then a normal draw inside [lo, hi] (rejection, clamped after 32 tries). */
  sample(rng: Random): number {
    const i = rng.int(this.mu.length);
    for (let k = 0; k < 32; k++) {
      const x = this.mu[i] + this.sigma[i] * rng.normal();
      if (x >= this.lo && x <= this.hi) return x;
    }
    return Math.min(this.hi, Math.max(this.lo, this.mu[i]));
  }

  /** log density at x: log(Σᵢ φ((x−μᵢ)/σᵢ) / (σᵢ·massᵢ) / n). */
  logPdf(x: number): number {
    let sum = 0;
    for (let i = 0; i < this.mu.length; i++) {
      const z = (x - this.mu[i]) / this.sigma[i];
      sum += Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / (this.sigma[i] * this.mass[i]);
    }
    return Math.log(sum / this.mu.length + 1e-300);
  }
}

/** Smoothed frequencies over k categories. */
export class CategoricalParzen {
  private readonly p: number[];

  constructor(indices: readonly number[], k: number) {
    const counts = new Array<number>(k).fill(1);
    for (const i of indices) counts[i]++;
    const total = indices.length + k;
    this.p = counts.map((c) => c / total);
  }

  /** Draw a category index. */
  sample(rng: Random): number {
    let u = rng.next();
    for (let i = 0; i < this.p.length; i++) {
      u -= this.p[i];
      if (u < 0) return i;
    }
    return this.p.length - 1;
  }

  /** log p(i). */
  logPdf(i: number): number {
    return Math.log(this.p[i]);
  }
}

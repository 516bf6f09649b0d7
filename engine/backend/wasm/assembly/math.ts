/** Scalar math shared by the kernels, in f64 exactly as in layers/activations.ts and losses/*. */

/** 1/√2, for gelu. */
export const INV_SQRT2: f64 = 1 / Math.SQRT2;
/** 1/√(2π), for gelu's derivative. */
export const INV_SQRT_2PI: f64 = 1 / Math.sqrt(2 * Math.PI);
/** Negative slope of leakyRelu (LEAKY_RELU_SLOPE). */
export const LEAKY_RELU_SLOPE: f64 = 0.01;
/** α of elu (ELU_ALPHA). */
export const ELU_ALPHA: f64 = 1;
/** Probabilities are clipped to [ε, 1 − ε] before logs (PROBABILITY_EPSILON). */
export const PROBABILITY_EPSILON: f64 = 1e-7;

/** erf(x) to ~1.2e-7 relative (Numerical Recipes erfc, Chebyshev fit), term for term as activations.ts. */
export function erf(x: f64): f64 {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - r : r - 1;
}

/** Numerically stable logistic function 1/(1 + e^−z). */
export function sigmoid(z: f64): f64 {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Clip a probability to [ε, 1 − ε]. */
export function clipProbability(p: f64): f64 {
  return p < PROBABILITY_EPSILON ? PROBABILITY_EPSILON : p > 1 - PROBABILITY_EPSILON ? 1 - PROBABILITY_EPSILON : p;
}

/** Load float32 element i of the array at byte address p, widened to f64. */
// @ts-ignore: decorator
@inline export function at(p: usize, i: i32): f64 {
  return <f64>load<f32>(p + (<usize>i << 2));
}

/** Store v, rounded to float32, as element i of the array at p. */
// @ts-ignore: decorator
@inline export function put(p: usize, i: i32, v: f64): void {
  store<f32>(p + (<usize>i << 2), <f32>v);
}

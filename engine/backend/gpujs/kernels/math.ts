/**
 * Helper functions kernels call (registered through `KernelDef.helpers`). Plain, self-contained
 * functions of numbers compiled by gpu.js, following the style rules in kernel-types.ts. Each matches
 * the formula in layers/activations.ts or losses/, written to stay accurate in float32.
 */

/** σ(z) = 1/(1 + e^−z), evaluated on the side where e^(−|z|) cannot overflow. */
export function stableSigmoid(z: number): number {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** tanh(z) = sign(z)·(1 − e^(−2|z|))/(1 + e^(−2|z|)): no overflow for large |z| (GL tanh polyfills return NaN there). */
export function stableTanh(z: number): number {
  const t = Math.exp(-2 * Math.abs(z));
  const r = (1 - t) / (1 + t);
  return z < 0 ? -r : r;
}

/** erf(x), the same Numerical Recipes Chebyshev fit as layers/activations.ts (~1.2e-7). */
export function erfApprox(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r : r - 1;
}

/**
 * f(v) of an activation a dense layer fuses into its forward kernel, by code (ops/dense.ts FUSED_CODES:
 * 0 linear, 1 sigmoid, 2 tanh, 3 relu, 4 leakyRelu, 5 elu); p is leakyRelu's slope or elu's α. The code
 * is the same for every thread, so the branches cost nothing on a GPU.
 */
export function fusedActivation(v: number, code: number, p: number): number {
  let y = v;
  if (code == 1) y = stableSigmoid(v);
  if (code == 2) y = stableTanh(v);
  if (code == 3) y = v > 0 ? v : 0;
  if (code == 4) y = v > 0 ? v : p * v;
  if (code == 5) y = v > 0 ? v : p * (Math.exp(v) - 1);
  return y;
}

/** Probabilities clipped to [ε, 1 − ε], ε = 1e-7 (losses/loss.ts PROBABILITY_EPSILON). */
export function clipProbability(p: number): number {
  return Math.min(Math.max(p, 1e-7), 0.9999999);
}

/** 1 when v ≥ ½, else 0 (a classification hit), without a `?:` of literals. */
export function atLeastHalf(v: number): number {
  return Math.min(1, Math.sign(v - 0.5) + 1);
}

/** 1 when a = b, else 0, for integers a and b. */
export function equalsInteger(a: number, b: number): number {
  return 1 - Math.min(1, Math.abs(a - b));
}

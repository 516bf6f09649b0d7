/**
 * The one table of activations: forward f(z) and derivative f'(z) (given z and y = f(z)).
 * Backends implement the same formulas; the CPU reference calls these directly.
 */
import type { FusedActivation } from '../backend/backend.ts';
import type { ActivationName } from '../spec/types.ts';

/** Math of one activation. `kind: 'softmax'` is row-wise and has no elementwise derivative. */
export interface ActivationMath {
  kind: 'elementwise' | 'softmax';
  /** The formula, for docs and the step-through view. */
  formula: string;
  f(z: number): number;
  /** df/dz at z, where y = f(z). */
  df(z: number, y: number): number;
}

/** Negative slope of leakyRelu (PyTorch's default). */
export const LEAKY_RELU_SLOPE = 0.01;
/** α of elu. */
export const ELU_ALPHA = 1;

/** erf(x) to ~1.2e-7 relative (Numerical Recipes erfc, Chebyshev fit). */
export function erf(x: number): number {
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

/** Numerically stable logistic function. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

const INV_SQRT2 = 1 / Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** The table. */
export const ACTIVATIONS: Readonly<Record<ActivationName, ActivationMath>> = {
  linear: { kind: 'elementwise', formula: 'f(z) = z', f: (z) => z, df: () => 1 },
  sigmoid: { kind: 'elementwise', formula: 'f(z) = 1 / (1 + e^−z)', f: sigmoid, df: (_z, y) => y * (1 - y) },
  tanh: { kind: 'elementwise', formula: 'f(z) = tanh(z)', f: Math.tanh, df: (_z, y) => 1 - y * y },
  relu: { kind: 'elementwise', formula: 'f(z) = max(0, z)', f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  leakyRelu: {
    kind: 'elementwise',
    formula: `f(z) = z if z > 0, else ${LEAKY_RELU_SLOPE}·z`,
    f: (z) => (z > 0 ? z : LEAKY_RELU_SLOPE * z),
    df: (z) => (z > 0 ? 1 : LEAKY_RELU_SLOPE),
  },
  elu: {
    kind: 'elementwise',
    formula: 'f(z) = z if z > 0, else e^z − 1',
    f: (z) => (z > 0 ? z : ELU_ALPHA * (Math.exp(z) - 1)),
    df: (z, y) => (z > 0 ? 1 : y + ELU_ALPHA),
  },
  gelu: {
    kind: 'elementwise',
    formula: 'f(z) = z·Φ(z) = z·(1 + erf(z/√2))/2',
    f: (z) => 0.5 * z * (1 + erf(z * INV_SQRT2)),
    df: (z) => 0.5 * (1 + erf(z * INV_SQRT2)) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z),
  },
  softplus: {
    kind: 'elementwise',
    formula: 'f(z) = ln(1 + e^z)',
    f: (z) => Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))),
    df: (z) => sigmoid(z),
  },
  softmax: { kind: 'softmax', formula: 'f(z)ᵢ = e^zᵢ / Σⱼ e^zⱼ', f: (z) => z, df: () => 1 },
};

const FUSED: ReadonlySet<ActivationName> = new Set<FusedActivation>([
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
]);

/**
 * True when a dense layer can apply this activation inside its forward kernel (Backend.denseForward):
 * the derivative is a function of the output, so `df(y, y) = df(z, y)` and z need not be kept.
 */
export function fusesIntoDense(name: ActivationName): name is FusedActivation {
  return FUSED.has(name);
}

/** True for the ReLU family, which defaults to He initialization. */
export function isReluFamily(name: ActivationName): boolean {
  return name === 'relu' || name === 'leakyRelu' || name === 'elu' || name === 'gelu';
}

/**
 * Integrated Gradients along the straight path from a baseline b to a row x, by the trapezoid rule on a grid
 * refined where it needs to be.
 *
 * a_i = (x_i − b_i) · ∫₀¹ ∂F/∂x_i(b + α(x − b)) dα, and Σ a_i = F(x) − F(b) (completeness). The path starts
 * as `steps` equal intervals. On each interval [α₀, α₁] the exact change F(α₁) − F(α₀) is known from the
 * forward pass, so the trapezoid rule's error there is known too: (α₁ − α₀)/2 · (g₀ + g₁)·(x − b) minus that
 * change. A ReLU switching on or off inside an interval makes the integrand jump there, which the rule
 * misses by an amount proportional to the interval's width, so such an interval is halved, and the half
 * holding the jump halved again, until its error is under its share of TOLERANCE (TOLERANCE / steps, kept
 * by both halves; for an output in the hundreds and up, a share of F's size instead, as float32 cannot do
 * better) or the budget of extra points is spent. The attributions stay the quadrature of the
 * true gradient; the grid just gets finer where the gradient jumps.
 */

/** F and ∂F/∂x at points of the path (α in [0, 1]), one row of gradients per point. */
export type PathEvaluator = (alphas: readonly number[]) => Promise<{ values: Float64Array; gradients: Float64Array }>;

/** Completeness aimed at: Σ a_i within this of F(x) − F(b) (the bar tests hold it to is 1e-3). */
const TOLERANCE = 1e-4;
/** About float32's relative precision (2⁻²⁴) times 16: below this share of F, rounding decides the sum. */
const FLOAT32_SHARE = 2 ** -20;

/**
 * How far Σ a_i may miss F(x) − F(b): 1e-3, or for an output above about 100 (a regression value)
 * about 1e-5 of it (16 float32 rounding steps, 2⁻²⁰, ten times over), since float32 is good to no better.
 */
export function completenessBound(prediction: number, baseline: number): number {
  return Math.max(1e-3, 10 * FLOAT32_SHARE * Math.max(Math.abs(prediction), Math.abs(baseline)));
}
/** Halvings of one of the first intervals at most. */
const MAX_DEPTH = 24;

/** One evaluated point of the path. */
interface Node {
  alpha: number;
  value: number;
  gradient: Float64Array;
  /** ∂F/∂α = ∂F/∂x · (x − b). */
  slope: number;
}

/** Integrated Gradients of one row, with the points the path took. */
export interface PathIntegral {
  /** Per input. */
  attributions: Float64Array;
  prediction: number;
  baseline: number;
  /** Gradients evaluated (steps + 1 on the first grid, plus the refinements). */
  points: number;
}

/** Integrated Gradients from `baseline` to `x` (one row of inputs each). */
export async function integrateGradients(
  evaluate: PathEvaluator,
  x: Float32Array,
  baseline: Float32Array,
  steps: number,
): Promise<PathIntegral> {
  const f = x.length;
  const delta = Float64Array.from(x, (v, i) => v - baseline[i]!);
  const nodes = async (alphas: readonly number[]): Promise<Node[]> => {
    const r = await evaluate(alphas);
    return alphas.map((alpha, s) => {
      const gradient = r.gradients.subarray(s * f, (s + 1) * f);
      let slope = 0;
      for (let i = 0; i < f; i++) slope += gradient[i]! * delta[i]!;
      return { alpha, value: r.values[s]!, gradient, slope };
    });
  };
  const first = await nodes(Array.from({ length: steps + 1 }, (_, s) => s / steps));
  let pending = first.slice(1).map((b, s) => ({ a: first[s]!, b, depth: 0 }));
  let budget = Math.max(1024, 4 * steps);
  const size = Math.max(Math.abs(first[0]!.value), Math.abs(first[steps]!.value));
  const allowance = Math.max(TOLERANCE, FLOAT32_SHARE * size) / steps;
  let points = first.length;
  const integral = new Float64Array(f);
  const accept = (a: Node, b: Node) => {
    const half = (b.alpha - a.alpha) / 2;
    for (let i = 0; i < f; i++) integral[i] += half * (a.gradient[i]! + b.gradient[i]!);
  };
  while (pending.length > 0) {
    // The worst intervals first, so a spent budget went where the error was (float32 rounding of a large
    // regression value can leave every interval just over its share).
    const scored = pending.map((p) => ({
      p,
      error: Math.abs(((p.b.alpha - p.a.alpha) / 2) * (p.a.slope + p.b.slope) - (p.b.value - p.a.value)),
    }));
    scored.sort((u, v) => v.error - u.error);
    const split: typeof pending = [];
    for (const { p, error } of scored) {
      if (error > allowance && p.depth < MAX_DEPTH && split.length < budget) split.push(p);
      else accept(p.a, p.b);
    }
    if (split.length === 0) break;
    budget -= split.length;
    points += split.length;
    const mids = await nodes(split.map((p) => (p.a.alpha + p.b.alpha) / 2));
    pending = split.flatMap((p, k) => [
      { a: p.a, b: mids[k]!, depth: p.depth + 1 },
      { a: mids[k]!, b: p.b, depth: p.depth + 1 },
    ]);
  }
  return {
    attributions: integral.map((v, i) => v * delta[i]!),
    prediction: first[steps]!.value,
    baseline: first[0]!.value,
    points,
  };
}

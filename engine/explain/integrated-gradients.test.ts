/** The refined trapezoid rule: exact on smooth paths' change, and a kink (a ReLU switching) gets a finer grid. */
import { describe, expect, it } from 'vitest';
import { integrateGradients, type PathEvaluator } from './integrated-gradients.ts';

/** F(x) = w·relu(x₀ − k) + x₁² on two inputs, with its exact gradient. */
function evaluator(x: Float32Array, b: Float32Array, k: number, w: number): PathEvaluator {
  return async (alphas) => {
    const values = new Float64Array(alphas.length);
    const gradients = new Float64Array(alphas.length * 2);
    alphas.forEach((a, s) => {
      const p0 = b[0]! + a * (x[0]! - b[0]!);
      const p1 = b[1]! + a * (x[1]! - b[1]!);
      values[s] = w * Math.max(0, p0 - k) + p1 * p1;
      gradients[s * 2] = p0 > k ? w : 0;
      gradients[s * 2 + 1] = 2 * p1;
    });
    return { values, gradients };
  };
}

describe('integrateGradients', () => {
  it('splits F(x) − F(b) between the inputs exactly as the integrals do, refining the interval with the kink', async () => {
    const x = Float32Array.of(1, 1);
    const b = Float32Array.of(0, 0);
    // Exact: a₀ = ∫ w·[α > k] dα = w(1 − k) = 0.7·3, a₁ = ∫ 2α dα = 1.
    const r = await integrateGradients(evaluator(x, b, 0.3, 3), x, b, 4);
    expect(r.attributions[0]).toBeCloseTo(2.1, 4);
    expect(r.attributions[1]).toBeCloseTo(1, 4);
    expect([r.prediction, r.baseline]).toEqual([3 * 0.7 + 1, 0]);
    expect(Math.abs(r.attributions[0]! + r.attributions[1]! - (r.prediction - r.baseline))).toBeLessThan(1e-4);
    expect(r.points).toBeGreaterThan(5);
  });

  it('needs no refinement where the integrand has no kink and the rule is exact (F linear in α)', async () => {
    const x = Float32Array.of(2, 0);
    const b = Float32Array.of(1, 0);
    const r = await integrateGradients(evaluator(x, b, -5, 0.5), x, b, 8);
    expect(r.points).toBe(9);
    expect(r.attributions[0]).toBeCloseTo(0.5, 12);
    expect(r.attributions[1]).toBe(0);
  });

  it('stops at its budget of extra points when the error cannot be reached (a jump in F itself)', async () => {
    const x = Float32Array.of(1);
    const b = Float32Array.of(0);
    const jump: PathEvaluator = async (alphas) => ({
      values: Float64Array.from(alphas, (a) => (a > 0.5 ? 1 : 0)),
      gradients: new Float64Array(alphas.length),
    });
    const r = await integrateGradients(jump, x, b, 4);
    expect(r.points).toBeLessThanOrEqual(5 + 1024);
    expect(r.attributions[0]).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { smallTrace } from '../StepThrough/fixtures/trace.ts';
import { agrees, chainOf } from './chain.ts';

describe('chain rule of one connection', () => {
  const trace = smallTrace();

  it('sums x_i · ∂L/∂z_j over the rows to the engine\'s gradient', () => {
    const c = chainOf(trace, 0, 1, 2)!;
    expect(c.rows).toHaveLength(2);
    expect(c.rows.map((r) => r.tableRow)).toEqual([20, 21]);
    expect(c.rows[0]?.x).toBeCloseTo(-1, 7);
    expect(c.sum).toBeCloseTo(c.rows[0]!.term + c.rows[1]!.term, 12);
    expect(c.engine).toBe(trace.update.tensors[0]!.grad[1 * 3 + 2]);
    expect(c.isMatch).toBe(true);
    // ∂L/∂z = ∂L/∂a · f′(z), each factor from the engine.
    for (const r of c.rows) expect(r.dzProduct!).toBeCloseTo(r.dz, 6);
    expect(c.before).toBeCloseTo(-0.4, 6);
  });

  it('at a fused output shows p − t (the target as 1 for the true class) instead of f′', () => {
    const c = chainOf(trace, 1, 0, 1)!;
    expect(c.fused).toBe(true);
    expect(c.rows.map((r) => [r.t, r.derivative])).toEqual([[1, null], [0, null]]);
    for (const r of c.rows) expect(((r.p ?? 0) - (r.t ?? 0)) / 2).toBeCloseTo(r.dz, 6);
    expect(c.isMatch).toBe(true);
  });

  it('says when the sum and the engine differ, and refuses connections that do not exist', () => {
    const broken = smallTrace();
    broken.update.tensors[0]!.grad[0] = 5;
    expect(chainOf(broken, 0, 0, 0)?.isMatch).toBe(false);
    expect(chainOf(trace, 0, 2, 0)).toBeNull();
    expect(chainOf(trace, 0, 0, 3)).toBeNull();
    expect(agrees(1, 1 + 1e-7)).toBe(true);
    expect(agrees(1, 1.001)).toBe(false);
  });
});

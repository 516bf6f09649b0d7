import { describe, expect, it } from 'vitest';
import { smallTrace } from '../../../lib/fixtures/step-through-trace.ts';
import { agrees, chainOf, fusedArithmetic, productArithmetic, type ChainRow } from './chain.ts';

describe('chain rule of one connection', () => {
  const trace = smallTrace();

  it("sums x_i · ∂L/∂z_j over the rows to the engine's gradient", () => {
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
    expect(c.rows.map((r) => [r.t, r.derivative])).toEqual([
      [1, null],
      [0, null],
    ]);
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

  it('prints p with the digits that make (p − t) / rows give the result shown, not (1 − 1) / 1 = -4.268e-5', () => {
    const p = Math.fround(0.99995732);
    const row: ChainRow = {
      tableRow: 40,
      x: 1,
      dOutput: p - 1,
      derivative: null,
      dz: p - 1,
      dzProduct: null,
      p,
      t: 1,
      term: p - 1,
    };
    expect(fusedArithmetic(row, 1)).toEqual({ operands: ['0.99995732', '1', '1'], result: '-4.268e-5', isExact: true });
    // An ordinary probability keeps four digits.
    expect(fusedArithmetic({ ...row, p: 0.25, t: 0 }, 2)).toEqual({
      operands: ['0.25', '0', '2'],
      result: '0.125',
      isExact: true,
    });
  });

  it('prints ∂L/∂a × f′ with the digits its product needs', () => {
    const row: ChainRow = {
      tableRow: 0,
      x: 1,
      dOutput: 0.123456,
      derivative: 0.987654,
      dz: 0,
      dzProduct: 0.123456 * 0.987654,
      p: null,
      t: null,
      term: 0,
    };
    const s = productArithmetic(row)!;
    expect(s.isExact).toBe(true);
    expect(s.result).toBe('0.1219');
    expect(Number(s.operands[0]) * Number(s.operands[1])).toBeCloseTo(0.1219, 4);
    expect(productArithmetic({ ...row, derivative: null, dzProduct: null })).toBeNull();
  });
});

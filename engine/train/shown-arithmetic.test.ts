import { describe, expect, it } from 'vitest';
import { shownArithmetic } from './shown-arithmetic.ts';
import { lossExample, traceNumber } from './step-trace-text.ts';

const iris = { kind: 'classification', classes: ['setosa', 'versicolor', 'virginica'] } as const;

describe('arithmetic shown with its numbers adds up as printed', () => {
  it('gives the operands the digits the result needs', () => {
    // p = 0.99995732 (float32): four digits print "1.000", and (1 − 1) / 1 is not −4.268e-5.
    const p = Math.fround(0.99995732);
    const s = shownArithmetic([p, 1, 1], ([a, t, n]) => (a! - t!) / n!, (p - 1) / 1, traceNumber);
    expect(s).toEqual({ operands: ['0.99995732', '1.000', '1.000'], result: '-4.268e-5', isExact: true });
    expect((Number(s.operands[0]) - 1) / 1).toBeCloseTo(-4.268e-5, 8);
  });

  it('keeps the usual digits when they already add up', () => {
    expect(shownArithmetic([0.312], ([q]) => -Math.log(q!), -Math.log(0.312), traceNumber)).toEqual({
      operands: ['0.3120'],
      result: '1.165',
      isExact: true,
    });
  });

  it('says "not exact" when no float32 precision gives the shown result', () => {
    // A result computed elsewhere (a float32 kernel) that the operand cannot reproduce.
    const s = shownArithmetic([0.5], ([q]) => -Math.log(q!), 0.7, traceNumber);
    expect(s).toEqual({ operands: ['0.5000'], result: '0.7000', isExact: false });
  });
});

describe('the loss example of the step-through', () => {
  it('prints the probability with the digits its loss needs (−ln 0.999997735, not −ln 1.000, = 2.265e-6)', () => {
    const p = Math.fround(1 - 2.265e-6);
    const out = Float32Array.of(p, (1 - p) / 2, (1 - p) / 2);
    const text = lossExample('categoricalCrossentropy', out, 0, 3, iris, -Math.log(p));
    expect(text).toBe('L = −ln p[setosa] = −ln 0.999997735 = 2.265e-6');
  });

  it('is unchanged for an ordinary probability', () => {
    const out = Float32Array.of(0.312, 0.4, 0.288);
    expect(lossExample('categoricalCrossentropy', out, 0, 3, iris, -Math.log(Math.fround(0.312)))).toBe(
      'L = −ln p[setosa] = −ln 0.3120 = 1.165',
    );
  });

  it('says when the probability was clipped, and writes ≈ when the printed numbers do not give the loss', () => {
    const out = Float32Array.of(Math.fround(0.99999994), 0, 0);
    expect(lossExample('categoricalCrossentropy', out, 0, 3, iris, -Math.log(1 - 1e-7))).toBe(
      'L = −ln p[setosa] = −ln 0.9999999 = 1.000e-7 (p is clipped to [1e-7, 1 − 1e-7] so that ln never sees 0)',
    );
    // A float32 kernel's loss that float64 −ln of the shown probability cannot reproduce.
    expect(lossExample('categoricalCrossentropy', Float32Array.of(0.5, 0.25, 0.25), 0, 3, iris, 0.6932)).toBe(
      'L = −ln p[setosa] = −ln 0.5000 ≈ 0.6932',
    );
  });

  it('binary cross-entropy and squared error get the same digits', () => {
    const binary = { kind: 'classification', classes: ['no', 'yes'] } as const;
    const p = Math.fround(0.00001234);
    expect(lossExample('binaryCrossentropy', Float32Array.of(p), 0, 1, binary, -Math.log(1 - p))).toBe(
      'L = −ln(1 − p) = −ln(1 − 1.234e-5) = 1.234e-5',
    );
    const q = Math.fround(1.00004);
    expect(lossExample('meanSquaredError', Float32Array.of(q), 1, 1, { kind: 'regression' }, (q - 1) ** 2)).toBe(
      'L = (p − y)² = (1.00004005 − 1.000)² = 1.604e-9',
    );
  });
});

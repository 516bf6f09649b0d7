import { describe, expect, it } from 'vitest';
import { binOf, histogram, niceTicks } from './ticks.ts';

describe('axis helpers', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-130, 260, 4)).toEqual([-100, 0, 100, 200]);
  });

  it('bins values into equal widths, the maximum in the last bin', () => {
    const bins = histogram([0, 1, 2, 3, 4], 2);
    expect(bins.map((b) => b.count)).toEqual([2, 3]);
  });

  it('puts each value in the bin whose bar counts it, edges and the maximum included', () => {
    const values = [0.1, 0.2, 0.30000000000000004, 0.7, 1, -0.5];
    const bins = histogram(values, 3);
    const of = binOf(values, 3);
    expect(bins.map((_, k) => of.filter((b) => b === k).length)).toEqual(bins.map((b) => b.count));
    expect(of[4]).toBe(2);
    expect(of[5]).toBe(0);
  });
});

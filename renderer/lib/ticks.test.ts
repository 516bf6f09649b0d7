import { describe, expect, it } from 'vitest';
import { histogram, niceTicks } from './ticks.ts';

describe('axis helpers', () => {
  it('picks round ticks', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-130, 260, 4)).toEqual([-100, 0, 100, 200]);
  });

  it('bins values into equal widths, the maximum in the last bin', () => {
    const bins = histogram([0, 1, 2, 3, 4], 2);
    expect(bins.map((b) => b.count)).toEqual([2, 3]);
  });
});

import { describe, expect, it } from 'vitest';
import { batchTable } from './batch-table.ts';

describe('batchTable', () => {
  it('keeps the samples of one epoch joined', () => {
    expect(batchTable([0.25, 0.5, 1], [3, 2, 1])).toEqual({ x: [0.25, 0.5, 1], ys: [[3, 2, 1]] });
  });
  it('breaks the line between epochs', () => {
    expect(batchTable([0.5, 1, 1.5, 2], [2, 1.5, 0.9, 0.8])).toEqual({
      x: [0.5, 1, 1.25, 1.5, 2],
      ys: [[2, 1.5, null, 0.9, 0.8]],
    });
  });
  it('leaves out epochs with a single sample, which a fast run would join into a diagonal', () => {
    // One sample in epoch 1, none until epoch 6, then two.
    expect(batchTable([0.25, 5.5, 6], [2, 0.3, 0.2])).toEqual({ x: [5.5, 6], ys: [[0.3, 0.2]] });
    expect(batchTable([0.25, 3.5], [2, 0.3])).toEqual({ x: [], ys: [[]] });
  });
});

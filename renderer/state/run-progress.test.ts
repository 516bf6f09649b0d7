import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../engine/protocol/index.ts';
import { restingProgress } from './run-progress.ts';

const epoch = (n: number, epochs: number, elapsedMs: number): EpochRecord => ({
  epoch: n,
  epochs,
  loss: 1 / n,
  metrics: {},
  valLoss: null,
  valMetrics: null,
  learningRate: 0.01,
  elapsedMs,
  layers: [],
});

describe('restingProgress', () => {
  it('is null for a run without epochs', () => {
    expect(restingProgress([])).toBeNull();
    expect(restingProgress([], 10)).toBeNull();
  });

  it("shows the last epoch complete, after the history's training time", () => {
    const history = [epoch(1, 4, 12), epoch(2, 4, 7), epoch(3, 4, 5)];
    expect(restingProgress(history)).toEqual({
      epoch: 3,
      epochs: 4,
      batch: 1,
      batches: 1,
      loss: 1 / 3,
      rowsPerSecond: 0,
      runMs: 24,
    });
  });

  it('counts to the epochs given (a continued run trains past the last epoch count)', () => {
    expect(restingProgress([epoch(1, 2, 3), epoch(2, 2, 3)], 9)).toMatchObject({ epoch: 2, epochs: 9, runMs: 6 });
  });
});

import { describe, expect, it } from 'vitest';
import { EarlyStopping, monitorValues } from './early-stopping.ts';
import type { EpochSummary } from './types.ts';

function epoch(n: number, loss: number, valLoss: number | null, accuracy?: number): EpochSummary {
  return {
    epoch: n,
    epochs: 10,
    loss,
    metrics: accuracy === undefined ? {} : { accuracy },
    valLoss,
    valMetrics: valLoss === null ? null : {},
    learningRate: 0.1,
    elapsedMs: 1,
    layers: [],
  };
}

/** Feeds the epochs in order; returns the epoch (from 1) at which the run stops, or null. */
function stopAt(s: EarlyStopping, epochs: EpochSummary[]): number | null {
  for (const e of epochs) if (s.shouldStop(e, s.improves(e))) return e.epoch;
  return null;
}

describe('EarlyStopping', () => {
  const config = { monitor: null, patience: 2, minDelta: 0.01, restoreBestWeights: true };

  it('stops after patience epochs in a row that do not improve the monitor by more than minDelta, and remembers the best epoch', () => {
    const s = new EarlyStopping(config, 'valLoss', true);
    const stop = stopAt(s, [
      epoch(1, 1, 0.9),
      epoch(2, 1, 0.8),
      epoch(3, 1, 0.795),
      epoch(4, 1, 0.85),
      epoch(5, 1, 0.81),
      epoch(6, 1, 0.7),
    ]);
    expect(stop).toBe(5);
    expect(s.bestEpoch).toBe(2);
    expect(s.keepsBestWeights).toBe(true);
  });

  it('without validation rows, a val* monitor watches its training counterpart (maximized for accuracy)', () => {
    const s = new EarlyStopping({ ...config, monitor: 'valAccuracy' }, 'loss', false);
    expect(s.improves(epoch(1, 1, null, 0.5))).toBe(true);
    expect(s.shouldStop(epoch(1, 1, null, 0.5), true)).toBe(false);
    expect(s.improves(epoch(2, 1, null, 0.505))).toBe(false);
    expect(s.improves(epoch(2, 1, null, 0.6))).toBe(true);
  });

  it('without an early-stopping config nothing improves and nothing stops', () => {
    const s = new EarlyStopping(null, 'loss', false);
    expect(stopAt(s, [epoch(1, 1, null), epoch(2, 2, null), epoch(3, 3, null), epoch(4, 4, null)])).toBeNull();
    expect(s.bestEpoch).toBe(0);
    expect(s.keepsBestWeights).toBe(false);
  });

  it('offers loss, train metrics, valLoss and val<Metric> to monitor', () => {
    const e = { ...epoch(1, 0.5, 0.6, 0.8), valMetrics: { accuracy: 0.7 } };
    expect(monitorValues(e)).toEqual({ loss: 0.5, accuracy: 0.8, valLoss: 0.6, valAccuracy: 0.7 });
  });
});

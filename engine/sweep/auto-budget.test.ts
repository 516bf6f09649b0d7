/** The auto search's reserve for refitting: each refit from its trial's pace, kept epoch and rows, worked out by hand. */
import { describe, expect, it } from 'vitest';
import { autoRefitReserveMs } from './auto-budget.ts';
import type { TrialPace, TrialRecord } from './types.ts';

function pace(trial: number, msPerEpoch: number, keptEpoch: number, extra: Partial<TrialRecord> = {}): TrialPace {
  const record: TrialRecord = {
    trial,
    params: {},
    status: 'done',
    objective: 0.5,
    metrics: {},
    epochs: keptEpoch + 20,
    keptEpoch,
    durationMs: 1,
    seed: trial,
    rung: null,
    bracket: null,
    error: null,
    history: [],
    ...extra,
  };
  return { record, msPerEpoch };
}

describe('autoRefitReserveMs', () => {
  // 5 folds: each fold trained on 4/5 of the rows the refit trains on, so a refit epoch is 5/4 of a fold's; × 2 margin
  const best = pace(7, 10, 40, { folds: 5 }); // 10 × 40 × 5/4 × 2 = 1000 ms
  const defaults = pace(1, 4, 200, { folds: 5, label: 'default network' }); // 4 × 200 × 5/4 × 2 = 2000 ms
  const linear = pace(2, 2, 50, { folds: 5, label: 'linear baseline' }); // 2 × 50 × 5/4 × 2 = 250 ms
  const done = [defaults, linear, best];

  it('keeps the longer of the best trial’s and the default network’s refits (either may be kept), and the overhead', () => {
    expect(autoRefitReserveMs(done, best, { linear: false, overheadMs: 1000 })).toBeCloseTo(2000 + 1000, 6);
    const slowBest = pace(7, 40, 40, { folds: 5 }); // 40 × 40 × 5/4 × 2 = 4000 ms
    expect(autoRefitReserveMs([defaults, slowBest], slowBest, { linear: false, overheadMs: 0 })).toBeCloseTo(4000, 6);
  });

  it('adds the linear baseline’s refit when the host refits it too (the CLI)', () => {
    expect(autoRefitReserveMs(done, best, { linear: true, overheadMs: 1000 })).toBeCloseTo(2000 + 250 + 1000, 6);
  });

  it('without folds a trial trained on the training rows only: the refit adds the validation rows (× 1.15)', () => {
    const single = pace(3, 100, 10); // 100 × 10 × 1.15 × 2 = 2300 ms
    expect(autoRefitReserveMs([single], single, { linear: true, overheadMs: 0 })).toBeCloseTo(2300, 6);
  });

  it('a trial that kept no epoch is refitted for one; nothing finished yet leaves only the overhead', () => {
    const none = pace(4, 8, 0, { folds: 2 }); // 8 × 1 × 2/1 × 2 = 32 ms
    expect(autoRefitReserveMs([none], none, { linear: false, overheadMs: 0 })).toBeCloseTo(32, 6);
    expect(autoRefitReserveMs([], null, { linear: true, overheadMs: 300 })).toBe(300);
  });
});

import { describe, expect, it } from 'vitest';
import type { SweepEvent, SweepPlan, TrialRecord } from '../../engine/protocol/index.ts';
import {
  applyEvents,
  OBJECTIVE_AXIS,
  passesFilters,
  savedTrialView,
  sweepProgress,
  thinPoints,
  type TrialView,
} from './sweep-trials.ts';

const summary = (epoch: number, loss: number) => ({
  epoch,
  epochs: 3,
  loss,
  metrics: { accuracy: 0.5 },
  valLoss: loss + 0.1,
  valMetrics: { accuracy: 0.6 },
  learningRate: 0.01,
  elapsedMs: 1,
  layers: [],
});

function record(trial: number, status: TrialRecord['status'], objective: number | null, epochs = 3): TrialRecord {
  return {
    trial,
    params: { lr: 0.01 * trial, act: 'relu' },
    status,
    objective,
    metrics: {},
    epochs,
    keptEpoch: epochs,
    durationMs: 5,
    seed: trial,
    rung: null,
    bracket: null,
    error: null,
    history: [],
  };
}

describe('applyEvents', () => {
  it('builds each trial from its start, progress, epochs and end, and follows the best', () => {
    const events: SweepEvent[] = [
      { type: 'trial/start', trial: 1, params: { lr: 0.01 }, seed: 11, rung: null, bracket: null, epochs: 3 },
      { type: 'trial/progress', trial: 1, epoch: 1, epochs: 3, batch: 2, batches: 4, loss: 0.9 },
      { type: 'trial/epoch', trial: 1, summary: summary(1, 0.8), objective: 0.6 },
      { type: 'trial/epoch', trial: 1, summary: summary(2, 0.7), objective: 0.7 },
    ];
    const first = applyEvents(new Map(), null, events);
    const t = first.trials.get(1) as TrialView;
    expect(t.record).toMatchObject({ trial: 1, status: 'running', epochs: 2, seed: 11 });
    expect(t.points.map((p) => [p.epoch, p.objective])).toEqual([
      [1, 0.6],
      [2, 0.7],
    ]);
    expect(t.progress).toEqual({ epoch: 3, epochs: 3, batch: 0, batches: 1 });

    const end = record(1, 'done', 0.75);
    const second = applyEvents(first.trials, first.best, [
      { type: 'trial/epoch', trial: 1, summary: summary(3, 0.6), objective: 0.75 },
      { type: 'trial/done', record: { ...end, history: [summary(1, 0.8)] } },
      { type: 'sweep/best', record: end },
    ]);
    const done = second.trials.get(1) as TrialView;
    expect(done.record.status).toBe('done');
    expect(done.record.history).toEqual([]);
    expect(done.progress).toBeNull();
    expect(done.points).toHaveLength(3);
    expect(second.best).toBe(1);
    // The earlier map is left as it was (the UI swaps maps; nothing mutates a shown entry).
    expect((first.trials.get(1) as TrialView).points).toHaveLength(2);
  });

  it('shows the bracket and rung a Hyperband trial starts in, and the next rung when it continues', () => {
    const first = applyEvents(new Map(), null, [
      { type: 'trial/start', trial: 4, params: { lr: 0.1 }, seed: 4, rung: 0, bracket: 2, epochs: 1 },
    ]);
    expect(first.trials.get(4)?.record).toMatchObject({ status: 'running', bracket: 2, rung: 0 });
    const { trials } = applyEvents(first.trials, null, [
      { type: 'trial/rung', record: { ...record(4, 'waiting', 0.5, 1), bracket: 2, rung: 0 } },
      { type: 'trial/start', trial: 4, params: { lr: 0.1 }, seed: 4, rung: 1, bracket: 2, epochs: 3 },
    ]);
    expect(trials.get(4)?.record).toMatchObject({ status: 'running', bracket: 2, rung: 1 });
    expect(trials.get(4)?.target).toBe(3);
  });

  it("shows an enqueued trial's label from its start, before the trial finishes", () => {
    const { trials } = applyEvents(new Map(), null, [
      {
        type: 'trial/start',
        trial: 1,
        params: {},
        seed: 1,
        rung: null,
        bracket: null,
        epochs: 3,
        label: 'default network',
      },
      { type: 'trial/start', trial: 3, params: { lr: 0.1 }, seed: 3, rung: null, bracket: null, epochs: 3 },
    ]);
    expect(trials.get(1)?.record).toMatchObject({ status: 'running', label: 'default network' });
    expect(trials.get(3)?.record.label).toBeUndefined();
  });

  it('records a trial cancelled before it started, and drops an unfinished epoch a failed step reports', () => {
    const started = applyEvents(new Map(), null, [
      { type: 'trial/start', trial: 2, params: { lr: 0.1 }, seed: 2, rung: null, bracket: null, epochs: 3 },
      { type: 'trial/epoch', trial: 2, summary: summary(1, 0.8), objective: 0.6 },
      { type: 'trial/epoch', trial: 2, summary: summary(2, Number.NaN), objective: null },
    ]);
    const { trials } = applyEvents(started.trials, null, [
      {
        type: 'trial/failed',
        record: { ...record(2, 'failed', 0.6, 1), error: { code: 'train/diverged', message: 'Diverged.' } },
      },
      { type: 'trial/cancelled', record: record(5, 'cancelled', null, 0) },
    ]);
    expect(trials.get(2)?.points.map((p) => p.epoch)).toEqual([1]);
    expect(trials.get(2)?.record.error?.code).toBe('train/diverged');
    expect(trials.get(5)?.record.status).toBe('cancelled');
  });
});

describe('filters and thinning', () => {
  it('keeps trials inside every brushed range and choice; a filter on the objective drops unscored trials', () => {
    const r = record(3, 'done', 0.9);
    expect(passesFilters(r, {})).toBe(true);
    expect(passesFilters(r, { lr: { kind: 'range', min: 0.02, max: 0.04 } })).toBe(true);
    expect(passesFilters(r, { lr: { kind: 'range', min: 0.04, max: 0.05 } })).toBe(false);
    expect(passesFilters(r, { act: { kind: 'values', values: ['tanh'] } })).toBe(false);
    expect(passesFilters(r, { [OBJECTIVE_AXIS]: { kind: 'range', min: 0.8, max: 1 } })).toBe(true);
    expect(passesFilters(record(4, 'running', null), { [OBJECTIVE_AXIS]: { kind: 'range', min: 0, max: 1 } })).toBe(
      false,
    );
  });

  it('thins a long curve to evenly spaced points, always keeping the last', () => {
    const points = Array.from({ length: 1001 }, (_, i) => ({ epoch: i + 1, loss: 1, valLoss: null, objective: i }));
    const thin = thinPoints(points, 100);
    expect(thin).toHaveLength(101);
    expect(thin[0]?.epoch).toBe(1);
    expect(thin.at(-1)?.epoch).toBe(1001);
    expect(thinPoints(points.slice(0, 50), 100)).toHaveLength(50);
  });
});

describe('long trials', () => {
  it('keeps a live curve bounded by thinning it as it grows', () => {
    let trials = applyEvents(new Map(), null, [
      { type: 'trial/start', trial: 1, params: {}, seed: 1, rung: null, bracket: null, epochs: 10_000 },
    ]).trials;
    const events: SweepEvent[] = Array.from({ length: 5000 }, (_, i) => ({
      type: 'trial/epoch',
      trial: 1,
      summary: summary(i + 1, 1),
      objective: i,
    }));
    trials = applyEvents(trials, null, events).trials;
    const points = trials.get(1)?.points ?? [];
    expect(points.length).toBeLessThanOrEqual(4000);
    expect(points.at(-1)?.epoch).toBe(5000);
    expect(trials.get(1)?.record.epochs).toBe(5000);
  });
});

describe('progress and saved trials', () => {
  const plan = (epochBudget: number | null): SweepPlan => ({
    strategy: 'random',
    trials: 4,
    epochBudget,
    parameters: [],
    seed: 1,
    concurrency: 1,
    objective: { metric: 'valLoss', direction: 'minimize' },
  });

  it('counts epochs against the budget, else finished trials, and gives the time left from the pace', () => {
    expect(sweepProgress(null, 'running', 5, 1, 4000)).toEqual({ fraction: null, etaMs: null });
    // 10 of 40 epochs in 4 s: a quarter done, 12 s to go.
    expect(sweepProgress(plan(40), 'running', 10, 1, 4000)).toEqual({ fraction: 0.25, etaMs: 12000 });
    // No epoch budget (epochs searched): 1 of 4 trials in 2 s, 6 s to go.
    expect(sweepProgress(plan(null), 'running', 10, 1, 2000)).toEqual({ fraction: 0.25, etaMs: 6000 });
    // Under a second, or not running: no estimate; a completed sweep is all done.
    expect(sweepProgress(plan(40), 'running', 10, 1, 500).etaMs).toBeNull();
    expect(sweepProgress(plan(40), 'completed', 10, 1, 4000)).toEqual({ fraction: 1, etaMs: null });
    // A time budget of 20 s: 4 s in is a fifth of it unless the work is further on, and no more than 16 s are left.
    const budgeted = { ...plan(null), trials: 500, budgetSeconds: 20 };
    expect(sweepProgress(budgeted, 'running', 10, 0, 4000)).toEqual({ fraction: 0.2, etaMs: 16000 });
    expect(sweepProgress(budgeted, 'running', 10, 1, 4000)).toEqual({ fraction: 0.2, etaMs: 16000 });
    expect(sweepProgress({ ...budgeted, trials: 2 }, 'running', 10, 1, 4000)).toEqual({ fraction: 0.5, etaMs: 4000 });
    expect(sweepProgress(budgeted, 'running', 10, 3, 30_000)).toEqual({ fraction: 1, etaMs: 0 });
  });

  it('reads a saved trial without a Hyperband bracket as having none', () => {
    const saved = { record: { ...record(2, 'done', 0.4, 7), bracket: undefined as unknown as null }, points: [] };
    expect(savedTrialView(saved)).toEqual({
      record: { ...record(2, 'done', 0.4, 7), bracket: null },
      points: [],
      target: 7,
      progress: null,
    });
  });
});

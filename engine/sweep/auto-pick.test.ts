/** The auto search keeps its best trial only when it beats the default network by more than one paired standard error. */
import { describe, expect, it } from 'vitest';
import { autoPick, pairedGain } from './auto-pick.ts';
import type { Objective, SweepResult, TrialRecord } from './types.ts';

const MAX: Objective = { metric: 'valR2', direction: 'maximize' };

function record(trial: number, folds: (number | null)[] | undefined, label?: string): TrialRecord {
  const ok = folds?.filter((f): f is number => f !== null) ?? [];
  return {
    trial,
    params: {},
    status: 'done',
    objective: ok.length ? ok.reduce((a, b) => a + b) / ok.length : 0.5,
    metrics: {},
    epochs: 10,
    keptEpoch: 5,
    durationMs: 0,
    seed: trial,
    rung: null,
    bracket: null,
    error: null,
    history: [],
    ...(label ? { label } : {}),
    ...(folds ? { folds: folds.length, foldObjectives: folds } : {}),
  };
}

function result(trials: TrialRecord[], objective = MAX): SweepResult {
  const best = [...trials].sort((a, b) => (b.objective ?? 0) - (a.objective ?? 0))[
    objective.direction === 'maximize' ? 0 : trials.length - 1
  ];
  const plan = {
    strategy: 'tpe' as const,
    trials: trials.length,
    epochBudget: null,
    objective,
    parameters: [],
    seed: 1,
    concurrency: 1,
  };
  return { status: 'completed', plan, trials, best, durationMs: 0 };
}

describe('pairedGain', () => {
  it('is the mean and standard error of the per-fold differences, signed so that better is positive', () => {
    const a = record(3, [0.5, 0.6, 0.7]);
    const b = record(1, [0.4, 0.6, 0.5]);
    // differences 0.1, 0, 0.2: mean 0.1, sd 0.1, se 0.1/√3
    const g = pairedGain(a, b, MAX);
    expect(g?.mean).toBeCloseTo(0.1, 12);
    expect(g?.se).toBeCloseTo(0.1 / Math.sqrt(3), 12);
    expect(pairedGain(a, b, { metric: 'valLoss', direction: 'minimize' })?.mean).toBeCloseTo(-0.1, 12);
    expect(pairedGain(a, record(2, [0.4, null, 0.5]), MAX)).toBeNull();
    expect(pairedGain(record(4, undefined), b, MAX)).toBeNull();
  });
});

describe('autoPick', () => {
  it('keeps the best trial when it beats the default network by more than one standard error', () => {
    const r = result([record(1, [0.4, 0.5, 0.45], 'default network'), record(5, [0.5, 0.6, 0.56])]);
    expect(autoPick(r)?.trial.trial).toBe(5);
  });

  it('keeps the default network when the best is within one standard error of it', () => {
    const r = result([record(1, [0.4, 0.6, 0.5], 'default network'), record(5, [0.55, 0.56, 0.5])]);
    const pick = autoPick(r);
    expect([pick?.trial.trial, pick?.best.trial]).toEqual([1, 5]);
    expect(pick?.margin?.mean).toBeCloseTo(0.11 / 3, 12);
  });

  it('keeps the best without folds to compare, or when it is the default network', () => {
    expect(autoPick(result([record(1, undefined, 'default network'), record(2, undefined)]))?.trial.trial).toBe(1);
    const noFolds = result([record(1, undefined, 'default network'), { ...record(2, undefined), objective: 0.9 }]);
    expect(autoPick(noFolds)?.trial.trial).toBe(2);
    expect(autoPick({ ...noFolds, best: null })).toBeNull();
  });
});

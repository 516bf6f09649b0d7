import { describe, expect, it } from 'vitest';
import type { DatasetSettings, NetworkSpec, SweepPlan, TrialRecord } from '../../engine/protocol/index.ts';
import { engineCrashed, savedResult, sweepResult, type SweepState } from './sweep-result.ts';
import type { EpochPoint } from './sweep-trials.ts';

const LR = 'training.optimizer.learningRate';
const plan: SweepPlan = {
  strategy: 'random',
  trials: 2,
  epochBudget: 4,
  seed: 3,
  concurrency: 2,
  objective: { metric: 'valAccuracy', direction: 'maximize' },
  parameters: [{ path: LR, distribution: { type: 'logUniform', min: 0.001, max: 0.1 }, gridPoints: 3 }],
};
const record = (trial: number, objective: number): TrialRecord => ({
  trial,
  params: { [LR]: 0.01 * trial },
  status: 'done',
  objective,
  metrics: { valAccuracy: objective },
  epochs: 2,
  keptEpoch: 2,
  durationMs: 3,
  seed: trial,
  rung: null,
  bracket: null,
  error: null,
  history: [],
});
const points = (n: number): EpochPoint[] =>
  Array.from({ length: n }, (_, i) => ({ epoch: i + 1, loss: 1, valLoss: null, objective: i / n }));
const spec: NetworkSpec = { layers: [{ id: 'output', type: 'dense', units: 'auto' }] };
const settings = { target: 'y' } as DatasetSettings;

function state(patch: Partial<SweepState> = {}): SweepState {
  return {
    phase: 'completed',
    plan,
    trials: [1, 2].map((t) => ({ record: record(t, t / 4), points: points(3), target: 2, progress: null })),
    best: 2,
    elapsedMs: 1234,
    backend: 'CPU',
    rows: { train: 8, validation: 2 },
    error: null,
    ...patch,
  };
}

describe('sweepResult', () => {
  it('gives the engine result with the best trial, a stopped or failed sweep counting as cancelled', () => {
    const r = sweepResult(state());
    expect(r).toMatchObject({ status: 'completed', plan, durationMs: 1234, best: { trial: 2 } });
    expect(r?.trials.map((t) => t.trial)).toEqual([1, 2]);
    expect(sweepResult(state({ phase: 'failed' }))?.status).toBe('cancelled');
    expect(sweepResult(state({ best: null }))?.best).toBeNull();
    expect(sweepResult(state({ plan: null }))).toBeNull();
  });
});

describe('savedResult', () => {
  it('keeps a settled sweep with what it started from, its long curves thinned', () => {
    const long = state({ trials: [{ record: record(1, 0.5), points: points(2000), target: 2, progress: null }] });
    const saved = savedResult(long, spec, settings);
    expect(saved).toMatchObject({ status: 'completed', best: 2, backend: 'CPU', spec, settings, error: null });
    expect(saved?.trials[0]?.points.length).toBeLessThanOrEqual(501);
    expect(saved?.trials[0]?.points.at(-1)?.epoch).toBe(2000);
    expect(savedResult(state({ rows: null }), spec, settings)?.rows).toEqual({ train: 0, validation: 0 });
  });

  it('saves nothing while the sweep runs or without the network and data it started from', () => {
    expect(savedResult(state({ phase: 'running' }), spec, settings)).toBeNull();
    expect(savedResult(state({ phase: 'idle' }), spec, settings)).toBeNull();
    expect(savedResult(state(), null, settings)).toBeNull();
    expect(savedResult(state(), spec, null)).toBeNull();
  });
});

describe('engineCrashed', () => {
  it('says the sweep stopped and that finished trials are kept', () => {
    expect(engineCrashed('The engine stopped.')).toEqual({
      name: 'EngineStoppedError',
      code: 'engine/crashed',
      path: '',
      message: 'The engine stopped. The sweep stopped; the trials that finished are kept.',
      problems: [],
    });
  });
});

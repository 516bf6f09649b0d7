import { describe, expect, it } from 'vitest';
import type { SweepPlan, TrialRecord } from '../../../../engine/protocol/index.ts';
import { OBJECTIVE_AXIS } from '../../../state/sweep-trials.ts';
import { axesFor, brushFilter, filterSpan, position } from './axes.ts';

const plan: SweepPlan = {
  strategy: 'random',
  trials: 3,
  epochBudget: 30,
  seed: 1,
  concurrency: 1,
  objective: { metric: 'valLoss', direction: 'minimize' },
  parameters: [
    {
      path: 'training.optimizer.learningRate',
      distribution: { type: 'logUniform', min: 0.0001, max: 0.1 },
      gridPoints: 3,
    },
    { path: 'training.batchSize', distribution: { type: 'choice', values: [64, 16, 32] }, gridPoints: 3 },
  ],
};
const trial = (objective: number): TrialRecord => ({
  trial: 1,
  params: {},
  status: 'done',
  objective,
  metrics: {},
  epochs: 1,
  keptEpoch: 1,
  durationMs: 1,
  seed: 1,
  rung: null,
  bracket: null,
  error: null,
  history: [],
});

describe('parallel-coordinate axes', () => {
  const [lr, batch, objective] = axesFor(plan, 'Validation loss', [trial(0.2), trial(0.6)]);

  it('puts log ranges on a log scale with a tick per power of ten, and choices in order', () => {
    expect(lr?.kind).toBe('log');
    expect(lr?.ticks.map((t) => t.label)).toEqual(['1e-4', '0.001', '0.01', '0.1']);
    expect(position(lr!, 0.001)).toBeCloseTo(1 / 3, 9);
    expect(batch?.categories).toEqual(['16', '32', '64']);
    expect(position(batch!, 32)).toBeCloseTo(0.5, 9);
    expect(position(batch!, 128)).toBeNull();
  });

  it('draws a minimized objective with the better (lower) value at the top', () => {
    expect(objective?.key).toBe(OBJECTIVE_AXIS);
    expect(position(objective!, 0.2)).toBe(1);
    expect(position(objective!, 0.6)).toBe(0);
  });

  it('turns a brush into a value range or the choices it covers, and back into a span', () => {
    const f = brushFilter(lr!, 1 / 3, 2 / 3);
    expect(f.kind === 'range' && [f.min, f.max].map((v) => Number(v.toPrecision(6)))).toEqual([0.001, 0.01]);
    expect(filterSpan(lr!, f)?.map((p) => Number(p.toFixed(6)))).toEqual([0.333333, 0.666667]);
    expect(brushFilter(batch!, 0.4, 1)).toEqual({ kind: 'values', values: ['32', '64'] });
    expect(brushFilter(objective!, 0.9, 1)).toMatchObject({ kind: 'range' });
  });
});

/** Hyperparameter importance: a parameter the objective follows explains it; one it ignores does not. */
import { describe, expect, it } from 'vitest';
import { Random } from '../random.ts';
import { MIN_IMPORTANCE_TRIALS, parameterImportance } from './importance.ts';
import type { Parameter, TrialParams, TrialRecord } from './types.ts';

const lr: Parameter = {
  path: 'training.optimizer.learningRate',
  distribution: { type: 'logUniform', min: 1e-4, max: 1e-1 },
  gridPoints: 3,
};
const units: Parameter = {
  path: 'layers[*dense].units',
  distribution: { type: 'int', min: 4, max: 64, log: false },
  gridPoints: 3,
};
const act: Parameter = {
  path: 'layers[*dense].activation',
  distribution: { type: 'choice', values: ['relu', 'tanh', 'sigmoid'] },
  gridPoints: 3,
};

function trial(
  n: number,
  params: TrialParams,
  objective: number | null,
  status: TrialRecord['status'] = 'done',
): TrialRecord {
  return {
    trial: n,
    params,
    status,
    objective,
    metrics: {},
    epochs: 10,
    keptEpoch: 10,
    durationMs: 1,
    seed: n,
    rung: null,
    bracket: null,
    error: null,
    history: [],
  };
}

describe('parameterImportance', () => {
  it('ranks the parameter the objective follows first, with the direction that scores better', () => {
    const rng = new Random(3);
    const trials = Array.from({ length: 24 }, (_, i) => {
      const rate = 10 ** (-4 + 3 * rng.next());
      const u = 4 + Math.floor(rng.next() * 61);
      // Accuracy falls as the learning rate grows (on a log scale); units do not matter.
      return trial(i + 1, { [lr.path]: rate, [units.path]: u }, 0.99 - 0.1 * (Math.log10(rate) + 4));
    });
    const r = parameterImportance(trials, [units, lr], 'maximize');
    expect(r.trials).toBe(24);
    expect(r.parameters.map((p) => p.path)).toEqual([lr.path, units.path]);
    const [first, second] = r.parameters;
    expect(first.importance).toBeGreaterThan(0.8);
    expect(first.correlation).toBeCloseTo(-1, 6);
    expect(first.better).toBe('lower');
    expect(second.importance).toBeLessThan(0.2);
    expect(second.better).toBeNull();
    // Minimizing the same numbers flips which end is better.
    expect(parameterImportance(trials, [lr], 'minimize').parameters[0].better).toBe('higher');
  });

  it('groups choices by value and gives them no rank correlation', () => {
    const values = ['relu', 'tanh', 'sigmoid'];
    const score: Record<string, number> = { relu: 0.95, tanh: 0.9, sigmoid: 0.6 };
    const trials = Array.from({ length: 9 }, (_, i) => {
      const a = values[i % 3];
      return trial(i + 1, { [act.path]: a }, score[a] + (i % 2) * 0.01);
    });
    const [p] = parameterImportance(trials, [act], 'maximize').parameters;
    expect(p.groups).toBe(3);
    expect(p.importance).toBeGreaterThan(0.95);
    expect(p.correlation).toBeNull();
    expect(p.better).toBeNull();
  });

  it('needs enough finished trials, and ignores unfinished ones', () => {
    const few = [
      trial(1, { [lr.path]: 0.01 }, 0.9),
      trial(2, { [lr.path]: 0.02 }, 0.8),
      trial(3, { [lr.path]: 0.03 }, 0.7),
    ];
    const others = [
      trial(4, { [lr.path]: 0.04 }, 0.5, 'pruned'),
      trial(5, { [lr.path]: 0.05 }, null, 'failed'),
      trial(6, { [lr.path]: 0.06 }, 0.4, 'running'),
    ];
    const r = parameterImportance([...few, ...others], [lr], 'maximize');
    expect(MIN_IMPORTANCE_TRIALS).toBe(4);
    expect(r).toEqual({ trials: 3, parameters: [] });
  });

  it('says nothing explains a constant objective, and cannot tell with one trial per value', () => {
    const flat = Array.from({ length: 6 }, (_, i) => trial(i + 1, { [lr.path]: 0.001 * (i + 1) }, 14 / 15));
    expect(parameterImportance(flat, [lr], 'maximize').parameters[0]).toMatchObject({ importance: 0, better: null });
    const each = Array.from({ length: 4 }, (_, i) =>
      trial(i + 1, { [act.path]: ['relu', 'tanh', 'sigmoid', 'linear'][i] }, 0.5 + i / 10),
    );
    expect(parameterImportance(each, [act], 'maximize').parameters[0].importance).toBeNull();
  });
});

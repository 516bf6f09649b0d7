import { describe, expect, it } from 'vitest';
import { trialsCsv } from './csv.ts';
import type { SweepResult, TrialRecord } from './types.ts';

const trial = (n: number, optimizer: string, error: string | null): TrialRecord => ({
  trial: n,
  params: { 'training.optimizer.type': optimizer, 'training.optimizer.learningRate': -0.5 + n },
  status: error ? 'failed' : 'done',
  objective: error ? null : 0.5,
  metrics: error ? {} : { valAccuracy: 0.5 },
  epochs: 1,
  keptEpoch: 1,
  durationMs: 10,
  seed: n,
  rung: null,
  bracket: null,
  error: error ? { code: 'x', message: error } : null,
  history: [],
});

describe('trialsCsv', () => {
  it('neutralizes text a spreadsheet would run as a formula; negative numbers stay numbers', () => {
    const result: SweepResult = {
      status: 'completed',
      durationMs: 20,
      best: null,
      plan: {
        strategy: 'grid',
        trials: 2,
        epochBudget: null,
        objective: { metric: 'valAccuracy', direction: 'maximize' },
        seed: 1,
        concurrency: 1,
        parameters: [
          {
            path: 'training.optimizer.type',
            distribution: { type: 'choice', values: ['adam', '=1+1'] },
            gridPoints: 3,
          },
          {
            path: 'training.optimizer.learningRate',
            distribution: { type: 'uniform', min: -1, max: 1 },
            gridPoints: 3,
          },
        ],
      },
      trials: [trial(1, 'adam', null), trial(2, '=1+1', '@evil')],
    };
    expect(trialsCsv(result).split('\n').slice(1, 3)).toEqual([
      '1,1,done,0.5,adam,0.5,1,1,0.5,,,1,10,',
      "2,,failed,,'=1+1,1.5,1,1,,,,2,10,'@evil",
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultTraining } from './default-training.ts';

describe('defaultTraining', () => {
  it('is a fresh object each time, so editing one project never changes the next', () => {
    const a = defaultTraining();
    a.epochs = 5;
    if (a.optimizer) a.optimizer.learningRate = 1;
    expect(defaultTraining().epochs).toBe(100);
    expect(defaultTraining().optimizer).toEqual({ type: 'adam', learningRate: 0.01 });
  });
});

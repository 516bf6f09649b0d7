import { describe, expect, test } from 'vitest';
import type { Problem } from '../../engine/protocol/index.ts';
import { fieldProblem, unplacedProblems } from './training-fields.ts';

const at = (path: string): Problem => ({ code: 'spec/test', path, message: `bad ${path}` });

describe('training problems: beside their field or listed under the form', () => {
  test('a problem of a field the form has shows beside it and not again below', () => {
    const problems = [at('training.classWeight'), at('training.optimizer.learningRate')];
    expect(fieldProblem(problems, 'classWeight')?.message).toBe('bad training.classWeight');
    expect(unplacedProblems(problems)).toEqual([]);
  });

  test('a setting the form has no field for (epsilon, minDelta from a file) is listed, not lost', () => {
    const problems = [at('training.optimizer.epsilon'), at('training.earlyStopping.minDelta'), at('training.epochs')];
    expect(unplacedProblems(problems).map((p) => p.path)).toEqual([
      'training.optimizer.epsilon',
      'training.earlyStopping.minDelta',
    ]);
  });
});

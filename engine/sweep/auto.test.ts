/** `train --auto`'s search space: every parameter applies to its base network, for both tasks. */
import { describe, expect, it } from 'vitest';
import type { Task } from '../spec/types.ts';
import { applyParams } from './apply.ts';
import { autoBaseSpec, autoSearchSpace, linearBaselineSpec } from './auto.ts';
import { prepareSweep } from './prepare.ts';

describe('autoSearchSpace', () => {
  it.each<[string, Task]>([
    ['classification', { kind: 'classification', classes: ['a', 'b', 'c'] }],
    ['regression', { kind: 'regression' }],
  ])(
    '%s: TPE over a space the sweep accepts; a trial can reach three hidden layers and balanced class weights',
    (_, task) => {
      const setup = prepareSweep({
        space: autoSearchSpace(task, 7),
        spec: autoBaseSpec(task, 500, 7),
        data: { inputs: 4, task },
        hasValidation: true,
        cores: 2,
      });
      expect(setup.settings.strategy).toBe('tpe');
      expect(setup.settings.objective.metric).toBe(task.kind === 'classification' ? 'valLoss' : 'valR2');
      const params = {
        hiddenLayers: 3,
        'layers[*dense].units': 20,
        ...(task.kind === 'classification' ? { 'training.classWeight': 'balanced' } : {}),
      };
      const spec = applyParams(autoBaseSpec(task, 500, 7), params);
      expect(spec.layers.filter((l) => l.type === 'dense').map((l) => l.type === 'dense' && l.units)).toEqual([
        20,
        20,
        20,
        'auto',
      ]);
      expect(spec.training?.classWeight).toBe(task.kind === 'classification' ? 'balanced' : undefined);
    },
  );

  it('the linear baseline is the output layer alone', () => {
    expect(linearBaselineSpec(100, 1).layers).toEqual([{ id: 'output', type: 'dense', units: 'auto' }]);
  });
});

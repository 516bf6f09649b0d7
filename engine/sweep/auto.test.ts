/** The auto search ("Find a good network"): a search-space file the sweep accepts, with folds by data size, the default network and a linear baseline enqueued. */
import { describe, expect, it } from 'vitest';
import { defaultSpec, type Task } from '../spec/index.ts';
import { applyParams } from './apply.ts';
import { autoFolds, autoSweep } from './auto.ts';
import { prepareSweep } from './prepare.ts';
import { parseSearchSpace } from './space.ts';

const CLASSES: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };
const REGRESSION: Task = { kind: 'regression' };

describe('autoSweep', () => {
  it.each<[string, Task]>([
    ['classification', CLASSES],
    ['regression', REGRESSION],
  ])('%s: TPE with folds, a budget and two labelled enqueued trials, in a space the sweep accepts', (_, task) => {
    const { space, spec } = autoSweep({
      task,
      inputs: 4,
      rows: 150,
      classCounts: [50, 50, 50],
      seed: 7,
      budgetSeconds: 60,
    });
    const setup = prepareSweep({
      space: parseSearchSpace(JSON.parse(JSON.stringify(space))),
      spec,
      data: { inputs: 4, task },
      hasValidation: true,
      cores: 2,
    });
    const s = setup.settings;
    expect([s.strategy, s.folds, s.budgetSeconds, s.seed]).toEqual(['tpe', 5, 60, 7]);
    expect(s.objective.metric).toBe(task.kind === 'classification' ? 'valLoss' : 'valR2');
    expect(s.enqueue.map((e) => e.label)).toEqual(['default network', 'linear baseline']);
    // the default network trial is the default network (dropout 0 where it had none); the baseline has no hidden layer
    const hidden = (n: typeof spec) =>
      n.layers.filter((l) => l.type === 'dense').map((l) => l.type === 'dense' && [l.units, l.activation]);
    expect(hidden(applyParams(spec, s.enqueue[0].params))).toEqual(hidden(defaultSpec(task, 4, 'simple', 150)));
    expect(applyParams(spec, s.enqueue[1].params).layers.map((l) => l.id)).toEqual(['output']);
    // a trial can reach three hidden layers of the same width, each followed by batch norm
    const deep = applyParams(spec, { hiddenLayers: 3, 'layers[*dense].units': 20, batchNorm: true });
    expect(deep.layers.filter((l) => l.type === 'dense').map((l) => l.type === 'dense' && l.units)).toEqual([
      20,
      20,
      20,
      'auto',
    ]);
    expect(deep.layers.map((l) => l.type).join(' ')).toBe(
      'dense batchNorm dropout dense batchNorm dropout dense batchNorm dropout dense',
    );
    // the enqueued default network has no batch norm, as the default network
    expect(applyParams(spec, s.enqueue[0].params).layers.some((l) => l.type === 'batchNorm')).toBe(false);
    expect(space.parameters.batchNorm).toEqual({ distribution: 'choice', values: [false, true] });
  });

  it('searches class weights for classification only', () => {
    const paths = (task: Task) =>
      Object.keys(autoSweep({ task, inputs: 3, rows: 100, seed: 1, budgetSeconds: 30 }).space.parameters);
    expect(paths(CLASSES)).toContain('training.classWeight');
    expect(paths(REGRESSION)).not.toContain('training.classWeight');
  });
});

describe('autoFolds', () => {
  it('5 folds below 2,000 rows, 3 below 10,000, none above; no more than the rarest class allows', () => {
    expect([autoFolds(150), autoFolds(1999), autoFolds(2000), autoFolds(9999), autoFolds(10000)]).toEqual([
      5,
      5,
      3,
      3,
      null,
    ]);
    expect(autoFolds(150, [140, 7, 3])).toBeNull();
    expect(autoFolds(150, [140, 6, 4])).toBe(2);
    expect(autoFolds(150, [100, 30, 8])).toBe(4);
  });
});

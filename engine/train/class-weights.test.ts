/** Class weights: the balanced formula, when `auto` turns them on, bad settings, and the gradient they give. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.ts';
import { SpecError } from '../errors.ts';
import type { NetworkSpec, Task } from '../spec/types.ts';
import { balancedWeights, resolveClassWeights } from './class-weights.ts';
import { computeGradients } from './gradients.ts';
import { initialWeights } from './step-trace.ts';
import { trainNetwork } from './trainer.ts';

const task: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };
const targets = (counts: number[]): Float32Array =>
  Float32Array.from(counts.flatMap((n, c) => new Array<number>(n).fill(c)));

describe('resolveClassWeights', () => {
  it('balanced: w_c = n / (K·n_c) over the classes with rows, so each class adds the same total weight', () => {
    expect(balancedWeights([60, 30, 10])).toEqual([100 / 180, 100 / 90, 100 / 30]);
    expect(balancedWeights([6, 0, 2])).toEqual([8 / 12, 1, 8 / 4]);
  });

  it('auto turns balanced weights on for strongly imbalanced rows (10× or more) and says so; else leaves them off', () => {
    const imbalanced = resolveClassWeights('auto', task, targets([100, 40, 10]), 150);
    expect(imbalanced?.setting).toBe('balanced');
    expect(imbalanced?.weights).toEqual(balancedWeights([100, 40, 10]));
    expect(imbalanced?.note).toBe(
      "The classes are strongly imbalanced ('c' has 10 training rows, the most common class 100), so each class is weighted in the loss to count the same (training.classWeight 'balanced': 'c' weighs 5.00). Set training.classWeight to 'none' to turn it off.",
    );
    expect(resolveClassWeights('auto', task, targets([100, 40, 11]), 151)).toBeNull();
    expect(resolveClassWeights('none', task, targets([100, 1, 1]), 102)).toBeNull();
    expect(resolveClassWeights('auto', { kind: 'regression' }, new Float32Array(3), 3)).toBeNull();
  });

  it('per-class weights by label (unlisted classes weigh 1); unknown labels and regression targets are errors', () => {
    expect(resolveClassWeights({ c: 4, a: 0.5 }, task, targets([2, 2, 2]), 6)?.weights).toEqual([0.5, 1, 4]);
    expect(() => resolveClassWeights({ d: 2 }, task, targets([2, 2, 2]), 6)).toThrow(
      new SpecError({
        code: 'spec/unknown-class-weight',
        path: 'training.classWeight.d',
        message:
          "training.classWeight.d names the class 'd', which the target does not have. Its classes are 'a', 'b', 'c'.",
      }),
    );
    expect(() => resolveClassWeights('balanced', { kind: 'regression' }, new Float32Array(3), 3)).toThrow(
      "training.classWeight weighs classes, but the target is a number (regression). Remove training.classWeight or set it to 'none'.",
    );
  });
});

describe('class weights in training', () => {
  it('one SGD step moves the weights by −lr·(1/n)·Σ_r w_{y_r}·g_r, g_r the unweighted gradient of row r', async () => {
    const rows = 6;
    const x = Float32Array.from({ length: rows * 2 }, (_, i) => Math.sin(i * 1.7) * 2);
    const y = Float32Array.from([0, 0, 0, 1, 2, 2]);
    const classWeight = { a: 0.5, b: 3, c: 1.5 };
    const spec: NetworkSpec = {
      layers: [
        { id: 'h', type: 'dense', units: 4, activation: 'tanh' },
        { id: 'out', type: 'dense', units: 'auto' },
      ],
      training: {
        epochs: 1,
        batchSize: rows,
        shuffle: false,
        seed: 7,
        optimizer: { type: 'sgd', learningRate: 1 },
        classWeight,
      },
    };
    const backend = new CpuBackend();
    const start = await initialWeights(spec, 2, task, backend);
    const result = await trainNetwork({
      spec,
      backend,
      initialWeights: start,
      data: { task, featureNames: ['x1', 'x2'], train: { x, y, rows, features: 2 }, validation: null },
    });
    expect(result.spec.training?.classWeight).toEqual(classWeight);
    const w = [classWeight.a, classWeight.b, classWeight.c];
    const expected = start.map((t) => new Float64Array(t.data.length));
    for (let r = 0; r < rows; r++) {
      const g = await computeGradients(
        spec,
        task,
        start,
        x.subarray(r * 2, r * 2 + 2),
        y.subarray(r, r + 1),
        1,
        backend,
      );
      g.gradients.forEach((t) => {
        const i = start.findIndex((s) => s.layer === t.layer && s.name === t.name);
        t.data.forEach((v, j) => (expected[i]![j]! += (w[y[r]!]! * v) / rows));
      });
    }
    start.forEach((t, i) =>
      t.data.forEach((v, j) => expect(v - result.weights[i]!.data[j]!).toBeCloseTo(expected[i]![j]!, 5)),
    );
    backend.destroy();
  });
});

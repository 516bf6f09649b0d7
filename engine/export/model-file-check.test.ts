/** Loading a model file checks all of it: preprocessing, tensors against the spec, weights, task; every problem at once, with paths. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset, targetScale } from '../data/index.ts';
import { ModelFileError } from '../errors.ts';
import { parseSpec } from '../spec/index.ts';
import { trainNetwork } from '../train/index.ts';
import { createModelFile, parseModelFile, stringifyModelFile } from './index.ts';

async function trained(target: string): Promise<string> {
  const csv =
    'when,size,color,kind,price\n2023-12-31,1.5,red,a,3.5\n2023-01-02,2.25,blue,b,4.25\n2023-02-03,1.75,red,a,5.75\n2023-04-05,2.5,green,b,6.5\n2023-05-06,1.25,blue,a,7.25\n2023-06-07,2.75,red,b,8.5\n';
  const prepared = prepareDataset(
    parseCsv(csv),
    {
      target,
      split: { validation: 0, test: 0 },
      columns: { [target === 'kind' ? 'price' : 'kind']: { role: 'ignore' } },
    },
    1,
  );
  const spec = parseSpec({
    layers: [
      { id: 'h', type: 'dense', units: 3 },
      { id: 'bn', type: 'batchNorm' },
      { id: 'output', type: 'dense', units: 'auto' },
    ],
    training: { epochs: 1, batchSize: 6 },
  });
  const data = {
    task: prepared.task,
    featureNames: prepared.featureNames,
    train: prepared.train,
    validation: null,
    targetScale: targetScale(prepared.preprocessing),
  };
  const backend = new CpuBackend();
  const result = await trainNetwork({ spec, data, backend });
  backend.destroy();
  return stringifyModelFile(
    createModelFile({
      result,
      data: { ...data, features: data.train.features },
      preprocessing: prepared.preprocessing,
      reading: prepared.reading,
      metrics: {},
    }),
  );
}

const classifier = await trained('kind');
const regressor = await trained('price');

type Key = string | number;
type Edit = [path: Key[], value: unknown];

/** The value at `path` in parsed JSON. */
function get(root: unknown, path: Key[]): unknown {
  return path.reduce<unknown>(
    (o, k) => (o !== null && typeof o === 'object' ? (o as Record<Key, unknown>)[k] : undefined),
    root,
  );
}

/** Problems of the model file `text` after setting each path to its value (undefined deletes it). */
function problemsOf(text: string, ...edits: Edit[]): string[] {
  const m = JSON.parse(text) as unknown;
  for (const [path, value] of edits) {
    const parent = get(m, path.slice(0, -1)) as Record<Key, unknown>;
    const key = path[path.length - 1];
    if (value === undefined && Array.isArray(parent)) parent.splice(Number(key), 1);
    else if (value === undefined) delete parent[key];
    else parent[key] = value;
  }
  try {
    parseModelFile(m);
  } catch (e) {
    if (e instanceof ModelFileError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

const F = ['preprocessing', 'features'];

describe('model file validation', () => {
  it('accepts the files it writes', () => {
    expect(problemsOf(classifier)).toEqual([]);
    expect(problemsOf(regressor)).toEqual([]);
  });

  it('lists every preprocessing problem with its path', () => {
    // features: 0 'when' (date: the year is constant, so 3 parts), 1 'size' (number), 2 'color' (one-hot)
    expect(
      problemsOf(
        classifier,
        [[...F, 1, 'scale'], 0],
        [[...F, 1, 'center'], null],
        [[...F, 0, 'scale', 1], 'x'],
        [
          [...F, 2, 'categories'],
          ['red', 'red', 'blue'],
        ],
        [
          ['preprocessing', 'target', 'classes'],
          ['a', 'a'],
        ],
      ),
    ).toEqual([
      "preprocessing.target.classes: preprocessing.target.classes lists 'a' twice; each label must appear once.",
      'preprocessing.features[0].scale[1]: preprocessing.features[0].scale[1] must be a finite number > 0, got "x". A scale of 0 would make every value the same: train the model again.',
      'preprocessing.features[1].center: preprocessing.features[1].center must be a finite number, got null.',
      'preprocessing.features[1].scale: preprocessing.features[1].scale must be a finite number > 0, got 0. A scale of 0 would make every value the same: train the model again.',
      "preprocessing.features[2].categories: preprocessing.features[2].categories lists 'red' twice; each label must appear once.",
    ]);
  });

  it("checks that the features give the model's inputs", () => {
    expect(
      problemsOf(classifier, [
        [...F, 2, 'categories'],
        ['blue', 'green', 'red', 'purple'],
      ]),
    ).toEqual([
      'preprocessing.features: preprocessing.features give 8 inputs but the model takes 7. Train the model again.',
    ]);
  });

  it('names preprocessing itself when it is not an object', () => {
    expect(problemsOf(regressor, [['preprocessing'], 'x'])).toEqual([
      'preprocessing: preprocessing must be an object (or null when preprocessing was off), got "x".',
    ]);
  });

  it('checks date parts against their centers and scales', () => {
    expect(
      problemsOf(
        classifier,
        [
          [...F, 0, 'parts'],
          ['year', 'month', 'dayOfWeek', 'dayOfYear', 'month'],
        ],
        [
          [...F, 0, 'center'],
          [0, 0, 0, 0],
        ],
        [
          [...F, 0, 'scale'],
          [1, 1, 1, 1],
        ],
      ),
    ).toEqual([
      'preprocessing.features[0].center: preprocessing.features[0].center must be a list of 5 numbers (one per date part), got [0,0,0,0].',
      'preprocessing.features[0].scale: preprocessing.features[0].scale must be a list of 5 numbers (one per date part), got [1,1,1,1].',
      'preprocessing.features: preprocessing.features give 9 inputs but the model takes 7. Train the model again.',
    ]);
  });

  it('refuses a regression target of scale 0 and an unknown feature kind', () => {
    expect(problemsOf(regressor, [['preprocessing', 'target', 'std'], 0], [[...F, 1, 'kind'], 'fancy'])).toEqual([
      'preprocessing.target.std: preprocessing.target.std must be a finite number > 0, got 0. A scale of 0 would make every value the same: train the model again.',
      "preprocessing.features[1].kind: preprocessing.features[1].kind must be one of 'number', 'boolean', 'oneHot', 'ordinal', 'datetime', got \"fancy\".",
    ]);
  });

  it('lists duplicate, unknown, missing and misshapen tensors and non-finite weights', () => {
    const weights = get(JSON.parse(classifier), ['weights']) as unknown[];
    expect(get(weights, [3])).toMatchObject({ layer: 'bn', name: 'beta' });
    expect(
      problemsOf(
        classifier,
        [['weights', weights.length], weights[0]],
        [['weights', weights.length + 1], { layer: 'ghost', name: 'kernel', shape: [1], data: [0] }],
        [['weights', 1, 'data', 0], null],
        [
          ['weights', 6, 'shape'],
          [1, 3],
        ],
        [['weights', 3], undefined],
      ),
    ).toEqual([
      "weights[1].data[0]: weights[1].data[0] ('h/bias') is null, not a finite number. The model is damaged: export it again.",
      "weights[5].shape: weights[5].shape ('output/kernel') is [1, 3] but the spec gives it [3, 1]. Export the model again.",
      "weights[7]: weights[7] ('h/kernel') repeats weights[0]; each tensor must appear once. Remove one of them.",
      "weights[8]: weights[8] ('ghost/kernel') belongs to no layer of the spec. Its tensors are: 'h/kernel', 'h/bias', 'bn/gamma', 'bn/beta', 'bn/movingMean', 'bn/movingVariance', 'output/kernel', 'output/bias'.",
      "weights: weights lacks the tensor 'bn/beta' that the spec needs. Export the model again.",
    ]);
  });

  it('refuses a spec too large to hold before building anything', () => {
    // 7 inputs: 7·1e5 + 1e5 + 1e5·1e5 + 1e5 + 1e5·1 + 1 = 10,001,000,001 parameters.
    const wider = [['spec', 'layers', 0, 'units'], 100_000] as Edit;
    const wide = [['spec', 'layers', 1], { id: 'bn', type: 'dense', units: 100_000, activation: 'relu' }] as Edit;
    expect(problemsOf(classifier, wider, wide)).toEqual([
      "spec.layers: In the model's spec: Training this network (10,001,000,001 parameters) needs about 335 GB for weights, gradients, optimizer state and activations, over the limit of 1 GB. Use fewer or smaller layers.",
    ]);
  });

  it('checks the task kind and unique classes', () => {
    expect(problemsOf(classifier, [['task'], { kind: 'ranking' }])[0]).toBe(
      'task: task must be { kind: \'regression\' } or { kind: \'classification\', classes: [at least 2 labels] }, got {"kind":"ranking"}.',
    );
    expect(
      problemsOf(classifier, [
        ['task', 'classes'],
        ['a', 'a'],
      ]),
    ).toEqual(["task.classes: task.classes lists 'a' twice; each class must appear once. Export the model again."]);
  });
});

/** The model file: it stores how the training CSV was read, round-trips it, and still opens files saved without it. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/index.ts';
import { parseCsv, prepareDataset, targetScale } from '../data/index.ts';
import { ModelFileError } from '../errors.ts';
import { explicitOptimizer, parseSpec } from '../spec/index.ts';
import { trainNetwork } from '../train/index.ts';
import { createModelFile, parseModelFile, stringifyModelFile, type ModelFile } from './index.ts';

/** A tiny model trained on a semicolon file with decimal commas and month-first dates. */
async function trainedModel(): Promise<ModelFile> {
  const csv =
    'when;size;kind\n12/31/2023;1,5;a\n01/02/2023;2,25;b\n02/03/2023;1,75;a\n04/05/2023;2,5;b\n05/06/2023;1,25;a\n06/07/2023;2,75;b\n';
  const prepared = prepareDataset(parseCsv(csv), { target: 'kind', split: { validation: 0, test: 0 } }, 1);
  const spec = parseSpec({
    layers: [{ id: 'output', type: 'dense', units: 'auto' }],
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
  return createModelFile({
    result,
    data: { ...data, features: data.train.features },
    preprocessing: prepared.preprocessing,
    reading: prepared.reading,
    metrics: {},
  });
}

const model = await trainedModel();
const json = (): Record<string, unknown> => JSON.parse(stringifyModelFile(model)) as Record<string, unknown>;

function problemsOf(input: unknown): string[] {
  try {
    parseModelFile(input);
  } catch (e) {
    if (e instanceof ModelFileError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

describe('model file: CSV reading', () => {
  it('stores the decimal separator and date order the training file was read with', () => {
    expect(model.reading).toEqual({ decimal: ',', dateOrder: 'monthFirst' });
    expect(json().reading).toEqual({ decimal: ',', dateOrder: 'monthFirst' });
  });

  it('round-trips through JSON', () => {
    const back = parseModelFile(json());
    expect(back.reading).toEqual({ decimal: ',', dateOrder: 'monthFirst' });
    expect(back).toEqual(model);
  });

  it('opens a file saved before the field existed, as detection (null)', () => {
    const old = json();
    delete old.reading;
    expect(parseModelFile(old).reading).toBeNull();
    expect(parseModelFile({ ...json(), reading: null }).reading).toBeNull();
  });

  it('refuses a malformed reading, naming the field and the valid values', () => {
    expect(problemsOf({ ...json(), reading: { decimal: ';', dateOrder: 'monthFirst' } })).toEqual([
      `reading: reading must be { decimal: '.' or ',', dateOrder: 'dayFirst', 'monthFirst' or null }, got {"decimal":";","dateOrder":"monthFirst"}. Export the model again, or remove "reading" to have new files' separators and dates detected.`,
    ]);
    expect(problemsOf({ ...json(), reading: { decimal: '.', dateOrder: 'month-first' } })).toHaveLength(1);
    expect(problemsOf({ ...json(), reading: 'comma' })).toHaveLength(1);
  });
});

describe('the saved spec writes out what the optimizer used', () => {
  it('fills the defaults of the optimizer it trained with (Adam by default), so another runtime need not know them', () => {
    expect(model.spec.training?.optimizer).toEqual({
      type: 'adam',
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-7,
    });
    expect(parseModelFile(json()).spec.training?.optimizer).toEqual(model.spec.training?.optimizer);
  });

  it.each([
    [
      { type: 'sgd', learningRate: 0.1 },
      { type: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false },
    ],
    [
      { type: 'rmsprop', learningRate: 0.01, clipNorm: 5 },
      { type: 'rmsprop', learningRate: 0.01, rho: 0.9, epsilon: 1e-7, momentum: 0, clipNorm: 5 },
    ],
    [
      { type: 'adagrad', learningRate: 0.01, epsilon: 1e-8 },
      { type: 'adagrad', learningRate: 0.01, epsilon: 1e-8, initialAccumulator: 0.1 },
    ],
    [
      { type: 'adamw', learningRate: 0.002 },
      { type: 'adamw', learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.01 },
    ],
  ] as const)('%j', (given, written) => {
    expect(explicitOptimizer(given)).toEqual(written);
  });
});

/** Search-space validation: every problem listed at once, each with its path and the exact message the user sees. */
import { describe, expect, it } from 'vitest';
import { parseSpec, type NetworkSpec, type Task } from '../spec/index.ts';
import { checkSearchSpace, parseSearchSpace } from './space.ts';
import { prepareSweep, type SweepOverrides } from './prepare.ts';
import { SweepError } from './sweep-error.ts';

const task: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };
const spec: NetworkSpec = parseSpec({
  layers: [
    { id: 'dense-1', type: 'dense', units: 32 },
    { id: 'dropout-1', type: 'dropout', rate: 0.2 },
    { id: 'output', type: 'dense', units: 'auto' },
  ],
  training: { epochs: 20, optimizer: { type: 'adam', learningRate: 0.001 } },
});

const problemsOf = (input: unknown) => checkSearchSpace(input).problems.map((p) => [p.path, p.message]);

function prepareProblems(
  parameters: Record<string, unknown>,
  overrides: SweepOverrides = {},
  base = spec,
  hasValidation = true,
): [string, string][] {
  try {
    prepareSweep({
      space: parseSearchSpace({ parameters }),
      spec: base,
      data: { inputs: 4, task },
      hasValidation,
      cores: 2,
      overrides,
    });
  } catch (e) {
    if (e instanceof SweepError) return e.problems.map((p) => [p.path, p.message]);
    throw e;
  }
  return [];
}

describe('space file structure', () => {
  it('accepts the documented format and fills grid points', () => {
    const space = parseSearchSpace({
      format: 'backprop-studio/search-space',
      version: 1,
      strategy: 'tpe',
      trials: 12,
      seed: 3,
      objective: { metric: 'valLoss' },
      tpe: { lag: 2 },
      parameters: {
        'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-4, max: 1e-1 },
        'layers[dense-1].units': { distribution: 'int', min: 8, max: 128, log: true, gridPoints: 5 },
        'training.optimizer.type': { distribution: 'choice', values: ['adam', 'sgd'] },
      },
    });
    expect(space.parameters.map((p) => [p.path, p.distribution.type, p.gridPoints])).toEqual([
      ['training.optimizer.learningRate', 'logUniform', 3],
      ['layers[dense-1].units', 'int', 5],
      ['training.optimizer.type', 'choice', 3],
    ]);
    expect(space).toMatchObject({
      strategy: 'tpe',
      trials: 12,
      seed: 3,
      objective: { metric: 'valLoss' },
      tpe: { lag: 2 },
    });
  });

  it('lists every structural problem with its path', () => {
    expect(
      problemsOf({
        format: 'backprop-studio/network',
        strategy: 'bayes',
        trials: 0,
        colour: 'red',
        objective: { metric: 'valAcc' },
        parameters: {
          'training.optimizer.learningRate': { distribution: 'logUniform', min: 0, max: 0.1 },
          'layers[dense-1].units': { distribution: 'int', min: 8.5, max: 128 },
          'layers[*dropout].rate': { distribution: 'uniform', min: 0.5, max: 0.1 },
          'training.batchSize': { distribution: 'choice', values: [16, 32, 16] },
          'training.epochs': { distribution: 'normal', min: 1, max: 5 },
          'training.seed': { distribution: 'int', min: 1, max: 5 },
          'layers[dense-1]': { distribution: 'int', min: 1, max: 5 },
          hiddenLayers: { distribution: 'uniform', min: 1, max: 3 },
          'training.shuffle': { distribution: 'choice', values: [] },
          huberDelta: { distribution: 'uniform', min: 0.5, max: 2, step: 0.1 },
        },
      }),
    ).toEqual([
      [
        'colour',
        "colour is not a known setting. Valid settings here: 'format', 'version', 'parameters', 'objective', 'strategy', 'trials', 'seed', 'halving', 'tpe', 'spec', 'folds', 'budgetSeconds', 'enqueue'.",
      ],
      [
        'format',
        "format must be 'backprop-studio/search-space', got 'backprop-studio/network'. Is this a search-space file?",
      ],
      [
        'parameters["training.optimizer.learningRate"].min',
        'parameters["training.optimizer.learningRate"].min must be a number > 0 (log scale), got 0.',
      ],
      [
        'parameters["layers[dense-1].units"].min',
        'parameters["layers[dense-1].units"].min must be a whole number, got 8.5.',
      ],
      [
        'parameters["layers[*dropout].rate"].max',
        'parameters["layers[*dropout].rate"].max (0.1) must be greater than parameters["layers[*dropout].rate"].min (0.5). Swap or widen the bounds.',
      ],
      [
        'parameters["training.batchSize"].values[2]',
        'parameters["training.batchSize"].values[2] repeats 16. List each value once.',
      ],
      [
        'parameters["training.epochs"].distribution',
        "parameters[\"training.epochs\"].distribution must be one of 'uniform', 'logUniform', 'int', 'choice', got 'normal'.",
      ],
      [
        'parameters["training.seed"]',
        'parameters["training.seed"]: \'training.seed\' cannot be searched: each trial gets its own seed from the sweep seed. Remove it from parameters.',
      ],
      [
        'parameters["layers[dense-1]"]',
        "parameters[\"layers[dense-1]\"]: 'layers[dense-1]' is not a parameter path. Write a field path such as 'training.batchSize', 'layers[dense-1].units' (a layer by id), 'layers[*dropout].rate' (every layer of a type), 'hiddenLayers' or 'batchNorm'.",
      ],
      [
        'parameters["hiddenLayers"]',
        'parameters["hiddenLayers"] must be an \'int\' distribution (or a choice) of whole numbers ≥ 0, got {"distribution":"uniform","min":1,"max":3}.',
      ],
      [
        'parameters["training.shuffle"].values',
        'parameters["training.shuffle"].values must be a non-empty list of the values to try, e.g. [16, 32, 64].',
      ],
      [
        'parameters["huberDelta"].step',
        "parameters[\"huberDelta\"].step is not a known setting. Valid settings here: 'distribution', 'min', 'max', 'gridPoints'.",
      ],
      ['strategy', "strategy must be one of 'grid', 'random', 'halving', 'hyperband', 'tpe', got 'bayes'."],
      ['trials', 'trials must be a whole number ≥ 1, got 0.'],
      [
        'objective.metric',
        "objective.metric must be one of 'loss', 'valLoss', 'accuracy', 'valAccuracy', 'mae', 'valMae', 'rmse', 'valRmse', 'r2', 'valR2', got 'valAcc'.",
      ],
    ]);
  });

  it('refuses a newer version, a non-object and an empty parameter list', () => {
    expect(problemsOf({ version: 9, parameters: {} })).toEqual([
      [
        'version',
        'This search space is version 9, but this Backprop Studio reads versions up to 1. Update Backprop Studio to use it.',
      ],
    ]);
    expect(problemsOf([1, 2])).toEqual([['', 'The search space must be a JSON object, got [1,2].']]);
    expect(problemsOf({ parameters: {} })).toEqual([
      [
        'parameters',
        'parameters must name at least one field to search, e.g. { "training.optimizer.learningRate": { "distribution": "logUniform", "min": 0.0001, "max": 0.01 } }.',
      ],
    ]);
  });

  it("checks the space's own spec with the spec validator, under spec.", () => {
    expect(
      problemsOf({
        parameters: { 'training.batchSize': { distribution: 'choice', values: [8] } },
        spec: { layers: [{ id: 'd', type: 'dense', units: 0 }] },
      }),
    ).toEqual([
      ['spec.layers[0].units', "In the search space's spec: layers[0].units must be a positive integer, got 0."],
    ]);
  });

  it('a SweepError message lists every problem, one per line', () => {
    expect(() =>
      parseSearchSpace({
        trials: -1,
        strategy: 'best',
        parameters: { 'training.batchSize': { distribution: 'choice', values: [8] } },
      }),
    ).toThrowError(
      "- strategy must be one of 'grid', 'random', 'halving', 'hyperband', 'tpe', got 'best'.\n- trials must be a whole number ≥ 1, got -1.",
    );
  });
});

describe('space against the network and the data', () => {
  it('finds layers by id and by type, and lists the ids when one is missing', () => {
    expect(
      prepareProblems({
        'layers[dense-9].units': { distribution: 'int', min: 8, max: 64 },
        'layers[*batchNorm].momentum': { distribution: 'uniform', min: 0.9, max: 0.99 },
        'layers[*conv].filters': { distribution: 'int', min: 8, max: 64 },
      }),
    ).toEqual([
      [
        'parameters["layers[dense-9].units"]',
        "parameters[\"layers[dense-9].units\"]: the network has no layer 'dense-9'. Layer ids: 'dense-1', 'dropout-1', 'output'.",
      ],
      [
        'parameters["layers[*batchNorm].momentum"]',
        'parameters["layers[*batchNorm].momentum"]: the network has no batchNorm layer. Add one to the network or remove this parameter.',
      ],
      [
        'parameters["layers[*conv].filters"]',
        "parameters[\"layers[*conv].filters\"]: '*conv' names no layer type. Use one of '*dense', '*activation', '*dropout', '*batchNorm'.",
      ],
    ]);
  });

  it('probes the ends of each range (and a point inside) with the spec validator', () => {
    expect(
      prepareProblems({
        'layers[dropout-1].rate': { distribution: 'uniform', min: 0, max: 1.2 },
        'layers[*dense].units': { distribution: 'uniform', min: 8, max: 64 },
        'layers[dense-1].activation': { distribution: 'choice', values: ['relu', 'softmax', 'swish'] },
        'layers[dense-1].unitz': { distribution: 'int', min: 8, max: 64 },
        'training.optimizer.momentum': { distribution: 'uniform', min: 0, max: 0.9 },
      }),
    ).toEqual([
      [
        'parameters["layers[dropout-1].rate"].max',
        'parameters["layers[dropout-1].rate"].max is 1.2, which makes the network invalid: layers[1].rate must be a number ≥ 0 and < 1, got 1.2. Narrow the range.',
      ],
      [
        'parameters["layers[*dense].units"].distribution',
        "parameters[\"layers[*dense].units\"]: a 'uniform' distribution draws values such as 29.39, which make the network invalid: layers[0].units must be a positive integer, got 29.39. Use an 'int' distribution or a choice.",
      ],
      [
        'parameters["layers[dense-1].activation"].values[1]',
        "parameters[\"layers[dense-1].activation\"].values[1] is 'softmax', which makes the network invalid: layers[0].activation is 'softmax', which belongs on the output layer only. Use 'relu' (or another activation) in hidden layers. Remove it from the values.",
      ],
      [
        'parameters["layers[dense-1].activation"].values[2]',
        "parameters[\"layers[dense-1].activation\"].values[2] is 'swish', which makes the network invalid: layers[0].activation must be one of 'linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu', 'softplus', 'softmax', got 'swish'. Remove it from the values.",
      ],
      [
        'parameters["layers[dense-1].unitz"]',
        "parameters[\"layers[dense-1].unitz\"]: layers[0].unitz is not a known setting. Valid settings here: 'id', 'type', 'units', 'activation', 'kernelInitializer', 'biasInitializer', 'l1', 'l2'.",
      ],
      [
        'parameters["training.optimizer.momentum"]',
        "parameters[\"training.optimizer.momentum\"]: training.optimizer.momentum is not a known setting. Valid settings here: 'type', 'learningRate', 'clipNorm', 'beta1', 'beta2', 'epsilon'.",
      ],
    ]);
  });

  it('accepts an optimizer field that fits one of the searched optimizer types', () => {
    expect(
      prepareProblems({
        'training.optimizer.type': { distribution: 'choice', values: ['adam', 'sgd'] },
        'training.optimizer.momentum': { distribution: 'uniform', min: 0, max: 0.9 },
      }),
    ).toEqual([]);
  });

  it('checks the objective against the task and the validation rows, and halving against searched epochs', () => {
    const lr = { 'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-4, max: 1e-2 } };
    expect(prepareProblems(lr, { objective: { metric: 'valR2' } })).toEqual([
      [
        'objective.metric',
        "objective.metric 'valR2' is not reported for a classification target. Use one of 'valAccuracy', 'valLoss', 'accuracy', 'loss'.",
      ],
    ]);
    expect(prepareProblems(lr, {}, spec, false)).toEqual([
      [
        'objective.metric',
        "objective.metric 'valAccuracy' needs validation rows, but the validation split is empty. Set a validation split (e.g. 0.2) so trials can be compared on data they did not train on.",
      ],
    ]);
    expect(
      prepareProblems({ ...lr, 'training.epochs': { distribution: 'int', min: 5, max: 50 } }, { strategy: 'halving' }),
    ).toEqual([
      [
        'parameters["training.epochs"]',
        "parameters[\"training.epochs\"]: the 'halving' strategy decides each trial's epochs itself. Remove 'training.epochs' from parameters or choose another strategy.",
      ],
    ]);
  });

  it('checks hyperband like halving, and that every bracket gets a trial', () => {
    const lr = { 'training.optimizer.learningRate': { distribution: 'logUniform', min: 1e-4, max: 1e-2 } };
    // 20 epochs, minEpochs round(20/9) = 2, eta 3: brackets s = 2, 1, 0 of 9, 5 and 3 trials.
    expect(prepareProblems(lr, { strategy: 'hyperband', trials: 3 })).toEqual([]);
    expect(prepareProblems(lr, { strategy: 'hyperband', trials: 2 })).toEqual([
      [
        'trials',
        "trials (2) is too few for 'hyperband': from 2 to 20 epochs with eta 3 it runs 3 brackets, and each needs at least one trial (the standard plan tries 17: 9 + 5 + 3). Set trials to at least 3, leave it out, or raise halving.minEpochs for fewer brackets.",
      ],
    ]);
    expect(
      prepareProblems(
        { ...lr, 'training.epochs': { distribution: 'int', min: 5, max: 50 } },
        { strategy: 'hyperband' },
      ),
    ).toEqual([
      [
        'parameters["training.epochs"]',
        "parameters[\"training.epochs\"]: the 'hyperband' strategy decides each trial's epochs itself. Remove 'training.epochs' from parameters or choose another strategy.",
      ],
    ]);
    const space = (halving: Record<string, number>) => parseSearchSpace({ parameters: lr, halving });
    const problems = (halving: Record<string, number>) => {
      try {
        prepareSweep({
          space: space(halving),
          spec,
          data: { inputs: 4, task },
          hasValidation: true,
          cores: 2,
          overrides: { strategy: 'hyperband' },
        });
      } catch (e) {
        if (e instanceof SweepError) return e.problems.map((p) => [p.path, p.message]);
        throw e;
      }
      return [];
    };
    expect(problems({ minEpochs: 20 })).toEqual([
      [
        'halving.minEpochs',
        "halving.minEpochs (20) must be less than the trials' full epochs (20). Lower minEpochs or raise training.epochs.",
      ],
    ]);
    expect(problemsOf({ parameters: lr, halving: { eta: 1, minEpochs: 0 } })).toEqual([
      ['halving.eta', 'halving.eta must be a number ≥ 2, got 1.'],
      ['halving.minEpochs', 'halving.minEpochs must be a whole number ≥ 1, got 0.'],
    ]);
  });

  it('batchNorm takes a choice of true/false only, and needs a hidden dense layer', () => {
    expect(
      problemsOf({
        parameters: {
          batchNorm: { distribution: 'choice', values: [true, 'yes'] },
          'training.batchSize': { distribution: 'choice', values: [16] },
        },
      }),
    ).toEqual([
      [
        'parameters["batchNorm"]',
        'parameters["batchNorm"] must be a choice of true and/or false, e.g. { "distribution": "choice", "values": [false, true] }, got {"distribution":"choice","values":[true,"yes"]}.',
      ],
    ]);
    expect(problemsOf({ parameters: { batchNorm: { distribution: 'int', min: 0, max: 1 } } })).toEqual([
      [
        'parameters["batchNorm"]',
        'parameters["batchNorm"] must be a choice of true and/or false, e.g. { "distribution": "choice", "values": [false, true] }, got {"distribution":"int","min":0,"max":1}.',
      ],
    ]);
    const flat = parseSpec({ layers: [{ id: 'output', type: 'dense', units: 'auto' }] });
    expect(prepareProblems({ batchNorm: { distribution: 'choice', values: [false, true] } }, {}, flat)).toEqual([
      [
        'parameters["batchNorm"]',
        'parameters["batchNorm"]: the network has no hidden dense layer. Add one to the network or remove this parameter.',
      ],
    ]);
    expect(prepareProblems({ batchNorm: { distribution: 'choice', values: [false, true] } })).toEqual([]);
  });

  it('hiddenLayers needs a hidden dense layer to copy', () => {
    const flat = parseSpec({ layers: [{ id: 'output', type: 'dense', units: 'auto' }] });
    expect(prepareProblems({ hiddenLayers: { distribution: 'int', min: 0, max: 2 } }, {}, flat)).toEqual([
      [
        'parameters["hiddenLayers"]',
        'parameters["hiddenLayers"]: the network has no hidden dense layer to copy. Add one before the output layer, or search from 0 only.',
      ],
    ]);
  });
});

describe('size limits', () => {
  it('trials, hidden layers and grid points over the limits are refused with the number and the limit', () => {
    expect(
      problemsOf({
        trials: 1e9,
        parameters: {
          hiddenLayers: { distribution: 'int', min: 1, max: 1e6 },
          'layers[dense-1].units': { distribution: 'int', min: 8, max: 64, gridPoints: 1e9 },
        },
      }),
    ).toEqual([
      [
        'parameters["hiddenLayers"]',
        'parameters["hiddenLayers"] reaches 1,000,000 hidden layers, over the limit of 1,000 layers per network. Lower its maximum.',
      ],
      [
        'parameters["layers[dense-1].units"].gridPoints',
        'parameters["layers[dense-1].units"].gridPoints is 1,000,000,000, over the limit of 10,000 trials per sweep. Ask for fewer trials.',
      ],
      ['trials', 'trials is 1,000,000,000, over the limit of 10,000 trials per sweep. Ask for fewer trials.'],
    ]);
  });
  it('searched units over the per-layer limit, a --trials override and a grid over the limit are refused', () => {
    expect(prepareProblems({ 'layers[dense-1].units': { distribution: 'int', min: 8, max: 1e9 } })).toEqual([
      [
        'parameters["layers[dense-1].units"].max',
        'parameters["layers[dense-1].units"].max is 1000000000, which makes the network invalid: layers[0].units is 1,000,000,000, over the limit of 100,000 units per layer. Use fewer units. Narrow the range.',
      ],
    ]);
    expect(
      prepareProblems({ 'training.batchSize': { distribution: 'int', min: 8, max: 64 } }, { trials: 1e9 }),
    ).toEqual([
      ['trials', 'trials is 1,000,000,000, over the limit of 10,000 trials per sweep. Ask for fewer trials.'],
    ]);
    const grid = { distribution: 'int', min: 1, max: 1000, gridPoints: 1000 };
    expect(prepareProblems({ 'training.batchSize': grid, 'training.epochs': grid }, { strategy: 'grid' })).toEqual([
      [
        'parameters',
        "The grid has 1,000,000 points, over the limit of 10,000 trials per sweep. Use fewer gridPoints or choices, or the 'random' or 'tpe' strategy.",
      ],
    ]);
  });
});

/** Spec validation reports every problem at once, with the path and what would be valid. */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors.ts';
import { checkResolve, summarizeLayers } from './resolve.ts';
import { checkSpecStructure, parseSpec } from './validate.ts';

const messages = (input: unknown) => checkSpecStructure(input).problems.map((p) => p.message);

describe('spec validation', () => {
  it('reports every problem with its path', () => {
    expect(
      messages({
        layers: [
          { id: 'a', type: 'dense', units: -3 },
          { id: 'a', type: 'dropout', rate: 1.5 },
          { id: 'c', type: 'conv', units: 2 },
          { type: 'dense', units: 'auto', activation: 'swish' },
        ],
      }),
    ).toEqual([
      'layers[0].units must be a positive integer, got -3.',
      'layers[1].rate must be a number ≥ 0 and < 1, got 1.5.',
      "layers[1].id 'a' is already used by layers[0]. Give every layer its own id.",
      "layers[2].type must be one of 'dense', 'activation', 'dropout', 'batchNorm', got 'conv'.",
      "layers[3].id must be a non-empty string naming the layer, e.g. 'dense-1'.",
      "layers[3].activation must be one of 'linear', 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'gelu', 'softplus', 'softmax', got 'swish'.",
    ]);
  });
  it('checks training settings and optimizers', () => {
    expect(
      messages({
        layers: [{ id: 'o', type: 'dense', units: 1 }],
        training: {
          epochs: 0,
          optimizer: { type: 'adam', learningRate: -1, beta1: 2 },
          earlyStopping: { monitor: 'valF1' },
          backend: 'tpu',
        },
      }),
    ).toEqual([
      'training.epochs must be a positive integer, got 0.',
      'training.optimizer.learningRate must be a number > 0, got -1.',
      'training.optimizer.beta1 must be a number ≥ 0 and < 1, got 2.',
      "training.earlyStopping.monitor must be one of 'loss', 'valLoss', 'accuracy', 'valAccuracy', 'mae', 'valMae', 'rmse', 'valRmse', 'r2', 'valR2', got 'valF1'.",
      "training.backend must be one of 'auto', 'cpu', 'wasm', 'gpujs-webgpu', 'gpujs-webgl2', 'gpujs-webasm', 'gpujs-cpu', got 'tpu'.",
    ]);
  });
  it('checks class weights and refit', () => {
    const layers = [{ id: 'o', type: 'dense', units: 1 }];
    expect(messages({ layers, training: { classWeight: 'heavy', refit: 'yes' } })).toEqual([
      "training.classWeight must be one of 'auto', 'balanced', 'none', got 'heavy'.",
      "training.refit must be true or false, got 'yes'.",
    ]);
    expect(messages({ layers, training: { classWeight: [1, 2] } })).toEqual([
      "training.classWeight must be 'auto', 'balanced', 'none' or an object of class weights such as { \"yes\": 3, \"no\": 1 }, got [1,2].",
    ]);
    expect(messages({ layers, training: { classWeight: { yes: -1, no: 'x', maybe: 2 } } })).toEqual([
      'training.classWeight.yes must be a number ≥ 0, got -1.',
      "training.classWeight.no must be a number ≥ 0, got 'x'.",
    ]);
    const ok = parseSpec({ layers, training: { classWeight: JSON.parse('{"__proto__": 2, "yes": 3}'), refit: false } });
    expect(ok.training).toEqual({ classWeight: JSON.parse('{"__proto__": 2, "yes": 3}'), refit: false });
  });
  it('rejects auto units except on the last layer, and softmax in hidden layers', () => {
    expect(
      messages({
        layers: [
          { id: 'h', type: 'dense', units: 'auto', activation: 'softmax' },
          { id: 'o', type: 'dense', units: 1 },
        ],
      }),
    ).toEqual([
      'layers[0].units is \'auto\', which only the last dense layer may use (it means "as many outputs as the target needs"). Set a number of units.',
      "layers[0].activation is 'softmax', which belongs on the output layer only. Use 'relu' (or another activation) in hidden layers.",
    ]);
  });
  it('refuses newer versions and unknown fields', () => {
    expect(messages({ version: 9, layers: [] })).toEqual([
      'This spec is version 9, but this Backprop Studio reads versions up to 1. Update Backprop Studio to open it.',
    ]);
    expect(messages({ layers: [{ id: 'o', type: 'dense', units: 1, unit: 3 }] })).toEqual([
      "layers[0].unit is not a known setting. Valid settings here: 'id', 'type', 'units', 'activation', 'kernelInitializer', 'biasInitializer', 'l1', 'l2'.",
    ]);
    expect(() => parseSpec('nope')).toThrow(SpecError);
  });
  it('checks the output against the task and the loss', () => {
    const spec = parseSpec({
      layers: [
        { id: 'h', type: 'dense', units: 8 },
        { id: 'o', type: 'dense', units: 2, activation: 'softmax' },
      ],
      loss: 'meanSquaredError',
    });
    expect(
      checkResolve(spec, 4, { kind: 'classification', classes: ['a', 'b', 'c'] }).problems.map((p) => p.message),
    ).toEqual([
      "layers[1].units is 2, but a 3-class target needs 3 outputs. Set it to 3 or to 'auto'.",
      "loss 'meanSquaredError' does not fit a classification target. Use one of 'categoricalCrossentropy', 'binaryCrossentropy'.",
    ]);
  });
  it('infers shapes and parameter counts for every layer', () => {
    const spec = parseSpec({
      layers: [
        { id: 'h', type: 'dense', units: 8 },
        { id: 'bn', type: 'batchNorm' },
        { id: 'd', type: 'dropout', rate: 0.2 },
        { id: 'o', type: 'dense', units: 'auto' },
      ],
    });
    expect(
      summarizeLayers(spec, 4, { kind: 'classification', classes: ['a', 'b', 'c'] }).map((l) => [
        l.id,
        l.outputShape[1],
        l.params,
      ]),
    ).toEqual([
      ['h', 8, 40],
      ['bn', 8, 32],
      ['d', 8, 0],
      ['o', 3, 27],
    ]);
    const net = checkResolve(spec, 4, { kind: 'classification', classes: ['a', 'b', 'c'] }).network!;
    expect(net.loss).toBe('categoricalCrossentropy');
    expect(net.fused).toBe(true);
    expect(net.layers[0]).toMatchObject({ activation: 'relu', kernelInitializer: 'heNormal' });
  });
});

describe('shipped example specs', () => {
  it('are valid', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../resources/examples/', import.meta.url);
    const specs = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.includes('space'));
    expect(specs.length).toBeGreaterThanOrEqual(2);
    for (const f of specs)
      expect(checkSpecStructure(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))).problems, f).toEqual([]);
  });
});

describe('size limits', () => {
  const task = { kind: 'classification' as const, classes: ['a', 'b', 'c'] };
  it('refuses a million layers and 1e9 units with the number and the limit', () => {
    const layers = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `d${i}`, type: 'dense', units: 4 }));
    expect(messages({ layers })).toEqual([
      'The network has 1,000,000 layers, over the limit of 1,000. Use fewer layers.',
    ]);
    expect(
      messages({
        layers: [
          { id: 'h', type: 'dense', units: 1e9 },
          { id: 'o', type: 'dense', units: 'auto' },
        ],
      }),
    ).toEqual(['layers[0].units is 1,000,000,000, over the limit of 100,000 units per layer. Use fewer units.']);
  });
  it('refuses a network whose weights alone need more memory than the limit, before allocating', () => {
    const spec = parseSpec({
      layers: [
        { id: 'a', type: 'dense', units: 100_000 },
        { id: 'b', type: 'dense', units: 100_000 },
        { id: 'o', type: 'dense', units: 'auto' },
      ],
    });
    expect(checkResolve(spec, 10, task).problems.map((p) => [p.code, p.message])).toEqual([
      [
        'spec/too-much-memory',
        'Training this network (10,001,500,003 parameters) needs about 335 GB for weights, gradients, optimizer state and activations, over the limit of 1 GB. Use fewer or smaller layers.',
      ],
    ]);
    expect(
      checkResolve(
        parseSpec({
          layers: [
            { id: 'a', type: 'dense', units: 1000 },
            { id: 'o', type: 'dense', units: 'auto' },
          ],
        }),
        10,
        task,
      ).problems,
    ).toEqual([]);
  });
  it("accepts 'auto' units on the last dense layer followed by an activation layer, which gets its logits", () => {
    const spec = parseSpec({
      layers: [
        { id: 'h', type: 'dense', units: 8 },
        { id: 'o', type: 'dense', units: 'auto' },
        { id: 'p', type: 'activation', activation: 'softmax' },
      ],
    });
    const net = checkResolve(spec, 4, task).network!;
    expect([net.outputs, net.layers[1]]).toEqual([3, expect.objectContaining({ units: 3, activation: 'linear' })]);
    expect([net.outputActivation, net.fused]).toEqual(['softmax', true]);
    expect(summarizeLayers(spec, 4, task).map((l) => l.detail)).toEqual([
      '8 units, relu',
      '3 units, linear',
      'softmax',
    ]);
  });
});

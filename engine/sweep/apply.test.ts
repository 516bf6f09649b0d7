/** Applying a trial's values to the base network: fields, layers by id and type, hidden-layer count, optimizer type. */
import { describe, expect, it } from 'vitest';
import { parseSpec, type NetworkSpec } from '../spec/index.ts';
import { applyParams, trialSpec } from './apply.ts';

const base: NetworkSpec = parseSpec({
  layers: [
    { id: 'dense-1', type: 'dense', units: 32, activation: 'relu' },
    { id: 'dropout-1', type: 'dropout', rate: 0.2 },
    { id: 'dense-2', type: 'dense', units: 16 },
    { id: 'dropout-2', type: 'dropout', rate: 0.1 },
    { id: 'output', type: 'dense', units: 'auto' },
  ],
  training: { epochs: 20, optimizer: { type: 'adam', learningRate: 0.001, beta1: 0.8 } },
});

const shape = (s: NetworkSpec) =>
  s.layers.map((l) => `${l.id}:${l.type === 'dense' ? l.units : l.type === 'dropout' ? l.rate : ''}`);

describe('applyParams', () => {
  it('sets training fields and leaves the base untouched', () => {
    const s = applyParams(base, {
      'training.optimizer.learningRate': 0.03,
      'training.batchSize': 64,
      'training.earlyStopping.patience': 5,
    });
    expect(s.training).toEqual({
      epochs: 20,
      batchSize: 64,
      optimizer: { type: 'adam', learningRate: 0.03, beta1: 0.8 },
      earlyStopping: { patience: 5 },
    });
    expect(base.training?.optimizer?.learningRate).toBe(0.001);
  });

  it('sets a layer by id, and every layer of a type; *dense means the hidden dense layers, not the output', () => {
    expect(shape(applyParams(base, { 'layers[dense-2].units': 8, 'layers[*dropout].rate': 0.4 }))).toEqual([
      'dense-1:32',
      'dropout-1:0.4',
      'dense-2:8',
      'dropout-2:0.4',
      'output:auto',
    ]);
    expect(shape(applyParams(base, { 'layers[*dense].units': 50 }))).toEqual([
      'dense-1:50',
      'dropout-1:0.2',
      'dense-2:50',
      'dropout-2:0.1',
      'output:auto',
    ]);
  });

  it('hiddenLayers removes blocks from the end or copies the last block (with fresh ids); *type values reach the copies', () => {
    expect(shape(applyParams(base, { hiddenLayers: 1 }))).toEqual(['dense-1:32', 'dropout-1:0.2', 'output:auto']);
    expect(shape(applyParams(base, { hiddenLayers: 0 }))).toEqual(['output:auto']);
    expect(
      shape(applyParams(base, { hiddenLayers: 4, 'layers[dense-2].units': 12, 'layers[*dropout].rate': 0.3 })),
    ).toEqual([
      'dense-1:32',
      'dropout-1:0.3',
      'dense-2:12',
      'dropout-2:0.3',
      'dense-3:12',
      'dropout-3:0.3',
      'dense-4:12',
      'dropout-4:0.3',
      'output:auto',
    ]);
  });

  it('batchNorm true puts a batch-norm layer after every hidden dense layer (copies too); false removes them', () => {
    const kinds = (s: NetworkSpec) => s.layers.map((l) => `${l.id}:${l.type}`);
    const on = applyParams(base, { hiddenLayers: 3, batchNorm: true, 'layers[*batchNorm].momentum': 0.9 });
    expect(kinds(on)).toEqual([
      'dense-1:dense',
      'batchnorm-1:batchNorm',
      'dropout-1:dropout',
      'dense-2:dense',
      'batchnorm-2:batchNorm',
      'dropout-2:dropout',
      'dense-3:dense',
      'batchnorm-3:batchNorm',
      'dropout-3:dropout',
      'output:dense',
    ]);
    expect(on.layers.filter((l) => l.type === 'batchNorm').map((l) => l.momentum)).toEqual([0.9, 0.9, 0.9]);
    expect(kinds(applyParams(on, { batchNorm: true }))).toEqual(kinds(on));
    expect(kinds(applyParams(on, { batchNorm: false }))).toEqual(kinds(applyParams(base, { hiddenLayers: 3 })));
    expect(kinds(applyParams(base, { hiddenLayers: 0, batchNorm: true }))).toEqual(['output:dense']);
    expect(() => trialSpec(base, { batchNorm: true }, 1)).not.toThrow();
  });

  it('an added batch-norm layer takes a free id when batchnorm-N is taken', () => {
    const taken = parseSpec({
      layers: [
        { id: 'dense-1', type: 'dense', units: 4 },
        { id: 'batchnorm-1', type: 'dense', units: 4 },
        { id: 'output', type: 'dense', units: 'auto' },
      ],
    });
    expect(applyParams(taken, { batchNorm: true }).layers.map((l) => l.id)).toEqual([
      'dense-1',
      'batchnorm-2',
      'batchnorm-1',
      'batchnorm-3',
      'output',
    ]);
  });

  it('switching the optimizer keeps the learning rate and drops fields the new one lacks', () => {
    expect(
      applyParams(base, { 'training.optimizer.type': 'sgd', 'training.optimizer.momentum': 0.9 }).training?.optimizer,
    ).toEqual({ type: 'sgd', learningRate: 0.001, momentum: 0.9 });
    expect(
      applyParams(base, { 'training.optimizer.type': 'adam', 'training.optimizer.momentum': 0.9 }).training?.optimizer,
    ).toEqual({ type: 'adam', learningRate: 0.001, beta1: 0.8 });
  });

  it('trialSpec validates and sets the seed and (for halving steps) the epochs', () => {
    const s = trialSpec(base, { 'layers[dense-1].units': 7 }, 1234, 5);
    expect(s.training).toMatchObject({ seed: 1234, epochs: 5 });
    expect(() => trialSpec(base, { 'layers[dense-1].units': 7.5 }, 1)).toThrowError(
      'layers[0].units must be a positive integer, got 7.5.',
    );
  });
});

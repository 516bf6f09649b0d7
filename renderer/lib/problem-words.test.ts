import { describe, expect, it } from 'vitest';
import type { LayerSpec } from '../../engine/protocol/index.ts';
import { inAppWords, layerName } from './problem-words.ts';

const layers: LayerSpec[] = [
  { id: 'dense_1', type: 'dense', units: -3 },
  { id: 'dropout_2', type: 'dropout', rate: 1.5 },
  { id: 'my layer', type: 'batchNorm' },
  { id: 'output', type: 'dense', units: 'auto' },
];

describe('inAppWords', () => {
  it('names the layer and the field as the app labels them', () => {
    expect(
      inAppWords(
        {
          code: 'spec/not-positive-integer',
          path: 'layers[0].units',
          message: 'layers[0].units must be a positive integer, got -3.',
        },
        layers,
      ),
    ).toBe('Dense 1: Units must be a whole number of at least 1, got -3.');
    expect(
      inAppWords(
        {
          code: 'spec/out-of-range',
          path: 'layers[1].rate',
          message: 'layers[1].rate must be a number ≥ 0 and < 1, got 1.5.',
        },
        layers,
      ),
    ).toBe('Dropout 2: Rate must be a number ≥ 0 and < 1, got 1.5.');
  });
  it('says the box holds no number rather than "got null"', () => {
    expect(
      inAppWords(
        {
          code: 'spec/not-positive-integer',
          path: 'layers[0].units',
          message: 'layers[0].units must be a positive integer, got null.',
        },
        layers,
      ),
    ).toBe('Dense 1: Units must be a whole number of at least 1; the box holds no number.');
    expect(
      inAppWords(
        {
          code: 'spec/out-of-range',
          path: 'layers[1].rate',
          message: 'layers[1].rate must be a number ≥ 0 and < 1, got null.',
        },
        layers,
      ),
    ).toBe('Dropout 2: Rate must be a number ≥ 0 and < 1; the box holds no number.');
  });
  it('names training settings by their labels', () => {
    expect(
      inAppWords(
        {
          code: 'spec/not-positive-integer',
          path: 'training.epochs',
          message: 'training.epochs must be a positive integer, got 0.',
        },
        layers,
      ),
    ).toBe('Epochs must be a whole number of at least 1, got 0.');
    expect(
      inAppWords(
        {
          code: 'spec/out-of-range',
          path: 'training.optimizer.clipNorm',
          message: 'training.optimizer.clipNorm must be > 0, got -1.',
        },
        layers,
      ),
    ).toBe('Gradient clipping (max norm) must be > 0, got -1.');
  });
  it('names layers mentioned later in the sentence', () => {
    expect(
      inAppWords(
        {
          code: 'spec/duplicate-id',
          path: 'layers[2].id',
          message: "layers[2].id 'x' is already used by layers[0]. Give every layer its own id.",
        },
        layers,
      ),
    ).toBe("Batch normalization 'my layer': Id 'x' is already used by Dense 1. Give every layer its own id.");
  });
});

describe('layerName', () => {
  it('reads ids as the cards show them', () => {
    expect(layerName({ id: 'batchnorm_3', type: 'batchNorm' })).toBe('Batch normalization 3');
    expect(layerName({ id: 'output', type: 'dense', units: 'auto' })).toBe('Output layer');
  });
});

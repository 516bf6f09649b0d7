import { describe, expect, it } from 'vitest';
import { formatValue, paramLabel } from './sweep-labels.ts';

describe('labels', () => {
  it('names paths and values briefly', () => {
    expect(paramLabel('training.optimizer.learningRate')).toBe('Learning rate');
    expect(paramLabel('layers[*dense].units')).toBe('Units (all hidden)');
    expect(paramLabel('layers[dropout_1].rate')).toBe('Dropout rate · dropout_1');
    expect(paramLabel('hiddenLayers')).toBe('Hidden layers');
    expect(paramLabel('training.schedule.stepSize')).toBe('Step size');
    expect([formatValue(0.012345), formatValue(0.00001234), formatValue(64), formatValue('tanh')]).toEqual([
      '0.0123',
      '1.23e-5',
      '64',
      'tanh',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { sweepFields } from './sweep-fields.ts';

const layers = [
  { id: 'dense_1', type: 'dense' as const, units: 32, activation: 'relu' as const },
  { id: 'dropout_1', type: 'dropout' as const, rate: 0.2 },
  { id: 'dense_2', type: 'dense' as const, units: 16 },
  { id: 'output', type: 'dense' as const, units: 'auto' as const },
];
const training = { epochs: 50, batchSize: 32, optimizer: { type: 'adam' as const, learningRate: 0.01 } };

describe('sweepFields', () => {
  it('offers training fields, whole-network fields and every hidden layer field, never the output layer', () => {
    const fields = sweepFields(layers, training);
    const paths = fields.map((f) => f.path);
    expect(paths.slice(0, 5)).toEqual([
      'training.optimizer.learningRate',
      'training.batchSize',
      'training.optimizer.type',
      'training.epochs',
      'training.optimizer.clipNorm',
    ]);
    expect(paths).toEqual(
      expect.arrayContaining([
        'hiddenLayers',
        'layers[*dense].units',
        'layers[dense_1].units',
        'layers[dropout_1].rate',
        'layers[dense_2].activation',
      ]),
    );
    expect(paths.some((p) => p.includes('output'))).toBe(false);
    // Only an SGD-like optimizer has momentum; a single dropout layer needs no "every dropout" field.
    expect(paths).not.toContain('training.optimizer.momentum');
    expect(paths).not.toContain('layers[*dropout].rate');
    const lr = fields[0];
    expect(lr?.start).toEqual({ distribution: 'logUniform', min: 0.001, max: 0.1 });
    expect(fields.find((f) => f.path === 'layers[*dense].units')).toMatchObject({
      current: '32, 16',
      start: { distribution: 'int', min: 8, max: 128, log: true },
    });
    expect(fields.find((f) => f.path === 'training.batchSize')?.start.values).toEqual([16, 32, 64]);
  });
});

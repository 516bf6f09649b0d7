import { describe, expect, it } from 'vitest';
import {
  draftFor,
  draftJson,
  formatValue,
  paramLabel,
  sweepFields,
  withDistribution,
  type ParamDraft,
} from './sweep-fields.ts';

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

describe('parameter rows', () => {
  const row = (patch: Partial<ParamDraft>): ParamDraft => ({
    ...draftFor({ path: 'x', start: { distribution: 'uniform', min: 0, max: 1 } }, 1),
    ...patch,
  });

  it('writes search-space entries, keeping what is not a number as typed for the engine to report', () => {
    expect(draftJson(row({ min: '0.1', max: ' 0.5 ' }))).toEqual({ distribution: 'uniform', min: 0.1, max: 0.5 });
    expect(draftJson(row({ min: 'abc', max: '' }))).toEqual({ distribution: 'uniform', min: 'abc', max: undefined });
    expect(draftJson(row({ distribution: 'int', min: '4', max: '64', log: true }))).toEqual({
      distribution: 'int',
      min: 4,
      max: 64,
      log: true,
    });
    expect(draftJson(row({ distribution: 'choice', values: '16, 32,, relu, true' }))).toEqual({
      distribution: 'choice',
      values: [16, 32, 'relu', true],
    });
  });

  it('turns a range into choices and back when the distribution changes', () => {
    const choice = withDistribution(row({ min: '16', max: '64' }), 'choice');
    expect(choice.values).toBe('16, 64');
    const back = withDistribution({ ...choice, values: '8, 128, 32' }, 'int');
    expect([back.min, back.max]).toEqual(['8', '128']);
  });
});

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

import { describe, expect, it } from 'vitest';
import type { Project } from './project.svelte.ts';
import { paramPrefix, rowMessage, rowPart, SweepSpace } from './sweep-space.svelte.ts';

function fakeProject(): Project {
  return {
    network: {
      allLayers: [
        { id: 'dense_1', type: 'dense', units: 16 },
        { id: 'output', type: 'dense', units: 'auto' },
      ],
    },
    training: { epochs: 20, seed: 7, optimizer: { type: 'adam', learningRate: 0.01 } },
    dataset: { summary: { task: { kind: 'classification', classes: ['a', 'b'] } } },
    check: null,
  } as unknown as Project;
}

describe('SweepSpace', () => {
  it('starts from the learning rate and the hidden units, and writes the search-space file', () => {
    const space = new SweepSpace(fakeProject());
    space.seedDefaults();
    space.trials = '8';
    expect(space.json).toEqual({
      format: 'backprop-studio/search-space',
      version: 1,
      strategy: 'random',
      trials: 8,
      seed: 7,
      objective: { metric: 'valAccuracy', direction: 'maximize' },
      parameters: {
        'training.optimizer.learningRate': { distribution: 'logUniform', min: 0.001, max: 0.1 },
        'layers[*dense].units': { distribution: 'int', min: 4, max: 64, log: true },
      },
    });
    space.setMetric('valLoss');
    expect(space.json.objective).toEqual({ metric: 'valLoss', direction: 'minimize' });
    const restored = new SweepSpace(fakeProject());
    restored.restore(space.toDraft());
    expect(restored.json).toEqual(space.json);
  });

  it("says the engine's messages about a row in terms of its boxes", () => {
    const prefix = paramPrefix('layers[dense_1].units');
    const message = `${prefix}.max (2) must be greater than ${prefix}.min (8). Swap or widen the bounds.`;
    expect(rowPart(`${prefix}.max`, prefix)).toBe('max');
    expect(rowPart(`${prefix}.values[2]`, prefix)).toBe('values');
    expect(rowPart(prefix, prefix)).toBe('row');
    expect(rowMessage(message, prefix)).toBe('Max (2) must be greater than min (8). Swap or widen the bounds.');
    expect(rowMessage(`${prefix}: the network has no layer 'h9'.`, prefix)).toBe("The network has no layer 'h9'.");
    expect(rowMessage(`${prefix}.values[1] repeats 32. List each value once.`, prefix)).toBe(
      'Value 2 repeats 32. List each value once.',
    );
  });
});

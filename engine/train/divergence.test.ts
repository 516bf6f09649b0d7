/** Divergence: the suggested rate is one likely to work, and a steadily training run is never called diverged. */
import { describe, expect, it } from 'vitest';
import { DivergenceWatch, suggestedRate } from './divergence.ts';
import type { EpochSummary } from './types.ts';

describe('suggestedRate', () => {
  it("a tenth of the rate that diverged, never above the optimizer's safe rate", () => {
    expect(suggestedRate('rmsprop', 1e300)).toBe(0.001);
    expect(suggestedRate('sgd', 1000)).toBe(0.01);
    expect(suggestedRate('adam', 1e6)).toBe(0.001);
    expect(suggestedRate('adam', 0.005)).toBe(0.0005);
    expect(suggestedRate('sgd', 0.03)).toBe(0.003);
  });
});

describe('DivergenceWatch', () => {
  const epoch = (n: number, loss: number, weightNorm: number): EpochSummary => ({
    epoch: n,
    epochs: 10,
    loss,
    penalty: 0,
    totalLoss: loss,
    metrics: {},
    valLoss: null,
    valMetrics: null,
    learningRate: 0.1,
    elapsedMs: 1,
    layers: [{ id: 'd', gradNorm: 1, weightNorm }],
  });
  it('lets weights grow a thousandfold and the loss wobble', () => {
    const w = new DivergenceWatch([{ id: 'd', gradNorm: 0, weightNorm: 2 }], 'sgd');
    expect(() => [epoch(1, 1, 20), epoch(2, 0.5, 200), epoch(3, 40, 2000)].forEach((e) => w.check(e))).not.toThrow();
  });
  it('regression: large weights while the loss improves are not divergence (an unscaled target); once it stops improving they are', () => {
    const w = new DivergenceWatch([{ id: 'd', gradNorm: 0, weightNorm: 2 }], 'adam', true);
    expect(() => [epoch(1, 1e9, 5e4), epoch(2, 1e8, 9e4)].forEach((e) => w.check(e))).not.toThrow();
    expect(() => w.check(epoch(3, 2e8, 1e5))).toThrow(
      "Training diverged: the weights of layer 'd' grew to norm 1.00e+5 (from 2 at the start) by epoch 3.",
    );
  });

  it('stops on exploding weights, an exploding loss, or a non-finite one', () => {
    const w = new DivergenceWatch([{ id: 'd', gradNorm: 0, weightNorm: 2 }], 'sgd');
    expect(() => w.check(epoch(1, 1, 3e4))).toThrow(
      "Training diverged: the weights of layer 'd' grew to norm 3.00e+4 (from 2 at the start) by epoch 1. Lower the learning rate (now 0.1) to 0.01 or less",
    );
    const l = new DivergenceWatch([{ id: 'd', gradNorm: 0, weightNorm: 2 }], 'sgd');
    l.check(epoch(1, 0.5, 3));
    expect(() => l.check(epoch(2, 6000, 3))).toThrow(
      'Training diverged: the loss exploded to 6000 in epoch 2 (it was 0.5).',
    );
    expect(() => l.check(epoch(3, NaN, 3))).toThrow('Training diverged: the loss became NaN or infinite in epoch 3.');
  });
});

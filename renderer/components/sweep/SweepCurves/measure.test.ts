import { describe, expect, it } from 'vitest';
import { lossCurve } from './measure.ts';

const point = { epoch: 3, loss: 0.4, valLoss: 0.5, objective: 0.9 };

describe('the learning-curve toggle', () => {
  it('offers a loss that is not the objective', () => {
    const accuracy = lossCurve('valAccuracy', true)!;
    expect([accuracy.label, accuracy.pick(point)]).toEqual(['Validation loss', 0.5]);
    // Validation loss is the objective: the other choice is the training loss, not "Validation loss" again.
    const valLoss = lossCurve('valLoss', true)!;
    expect([valLoss.label, valLoss.pick(point)]).toEqual(['Training loss', 0.4]);
    const trainLoss = lossCurve('loss', true)!;
    expect([trainLoss.label, trainLoss.pick(point)]).toEqual(['Validation loss', 0.5]);
  });

  it('without validation rows offers the training loss, and nothing when that is the objective', () => {
    const accuracy = lossCurve('accuracy', false)!;
    expect([accuracy.label, accuracy.pick({ ...point, valLoss: null })]).toEqual(['Training loss', 0.4]);
    expect(lossCurve('loss', false)).toBeNull();
  });
});

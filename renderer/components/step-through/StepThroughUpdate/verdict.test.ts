import { describe, expect, it } from 'vitest';
import { LOSS_FLOOR, lossVerdict } from './verdict.ts';

describe('what the update did to the loss', () => {
  it('gives a percentage when the loss really moved', () => {
    expect(lossVerdict('categoricalCrossentropy', 0.5, 0.4, 1)).toEqual({
      kind: 'down',
      badge: 'went down 20%',
      note: null,
    });
    expect(lossVerdict('categoricalCrossentropy', 0.5, 0.6, 8)).toEqual({
      kind: 'up',
      badge: 'went up 20%',
      note: null,
    });
    expect(lossVerdict('meanSquaredError', 0.5, 0.5 + 1e-9, 1)).toEqual({
      kind: 'unchanged',
      badge: 'unchanged',
      note: null,
    });
  });

  it('at the clip floor says so instead of "went down 96%"', () => {
    // A fitted row (loss 2.265e-6) pushed onto −ln(1 − 1e-7).
    const v = lossVerdict('categoricalCrossentropy', 2.265e-6, -Math.log(1 - 1e-7), 1);
    expect(v.kind).toBe('floor');
    expect(v.badge).toBe('down to its floor');
    expect(v.note).toBe(
      'The loss is on its floor: probabilities are clipped to [1e-7, 1 − 1e-7] so that ln never sees 0, so it cannot go below about 1e-7. ' +
        'It was already tiny (2.265e-6): the prediction was right and all but certain. The drop to 1.000e-7 (96%) only means the step made it surer; there was nothing left to learn from this row.',
    );
    // A float32 kernel's floor, −ln(0.99999988), is the floor too.
    expect(lossVerdict('binaryCrossentropy', 3e-6, LOSS_FLOOR, 4).kind).toBe('floor');
    // Regression losses have no clip, hence no floor.
    expect(lossVerdict('meanSquaredError', 2.265e-6, 1e-7, 1).kind).toBe('down');
  });
});

/** Gradient-health advice names the app's field and leaves out what the network already has. */
import { describe, expect, it } from 'vitest';
import { checkGradients } from './diagnostics.ts';

const exploding = [{ id: 'dense-1', gradNorm: 5000, weightNorm: 3 }];

describe('exploding-gradient advice', () => {
  it('without batch norm or clipping: all three remedies, clipping named as the app labels it', () => {
    expect(checkGradients(exploding, 2, new Set(), { hasBatchNorm: false, clipNorm: null })[0].message).toBe(
      "Gradients at layer 'dense-1' are exploding (norm 5.00e+3 against weights of norm 3.00): steps are too large to learn steadily. Lower the learning rate, turn on 'Gradient clipping (max norm)' (clipNorm in a spec), or add batch normalization.",
    );
  });
  it('with batch norm and clipping on: no "add batch normalization", and the clipping norm is to be lowered', () => {
    expect(checkGradients(exploding, 2, new Set(), { hasBatchNorm: true, clipNorm: 5 })[0].message).toBe(
      "Gradients at layer 'dense-1' are exploding (norm 5.00e+3 against weights of norm 3.00): steps are too large to learn steadily. Lower the learning rate, or lower 'Gradient clipping (max norm)' (clipNorm in a spec), now 5.",
    );
  });
});

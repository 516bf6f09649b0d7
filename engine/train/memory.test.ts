/** Gradients over many rows at once are refused before allocating when they would not fit. */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.ts';
import { SpecError } from '../errors.ts';
import { parseSpec } from '../spec/index.ts';
import { computeGradients } from './gradients.ts';

describe('memory check of computeGradients', () => {
  it('names the rows and suggests fewer at once', async () => {
    const spec = parseSpec({
      layers: [
        { id: 'h', type: 'dense', units: 50_000 },
        { id: 'o', type: 'dense', units: 'auto' },
      ],
    });
    const rows = 5000;
    const err = await computeGradients(
      spec,
      { kind: 'regression' },
      [],
      new Float32Array(rows * 2),
      new Float32Array(rows),
      rows,
      new CpuBackend(),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpecError);
    expect((err as SpecError).message).toBe(
      'Training this network (200,001 parameters, batches of 5,000 rows) needs about 7.5 GB for weights, gradients, optimizer state and activations, over the limit of 1 GB. Use fewer or smaller layers, or fewer rows at once.',
    );
  });
});

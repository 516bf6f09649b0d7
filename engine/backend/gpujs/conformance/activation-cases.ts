/** Conformance cases: every activation forward and backward, with overflow-prone inputs. */
import type { Backend } from '../../backend.ts';
import { ACTIVATION_NAMES, type ActivationName } from '../../../spec/types.ts';
import { FLOAT32, type CaseOutputs, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

/** z for [rows, cols]: uniform in [−6, 6) with ±40 in the first and last element (overflow checks). */
function logits(seed: number, rows: number, cols: number): Float32Array {
  const z = uniform(seed, rows * cols, -6, 6);
  z[0] = 40;
  z[z.length - 1] = -40;
  return z;
}

async function forwardBackward(
  be: Backend,
  name: ActivationName,
  rows: number,
  cols: number,
  seed: number,
): Promise<CaseOutputs> {
  const z = be.tensor([rows, cols], logits(seed, rows, cols));
  const y = be.tensor([rows, cols]);
  const dy = be.tensor([rows, cols], uniform(seed + 1, rows * cols));
  const dz = be.tensor([rows, cols]);
  be.activationForward(name, z, y);
  be.activationBackward(name, z, y, dy, dz);
  // in place, as the interface allows: dz === dy
  be.activationBackward(name, z, y, dy, dy);
  const out = await readAll(be, { y, dz, dzInPlace: dy });
  disposeAll(be, [z, y, dy, dz]);
  return out;
}

/** Activation cases: [7, 5] for each activation, plus softmax over 10 classes. */
export const ACTIVATION_CASES: readonly ConformanceCase[] = [
  ...ACTIVATION_NAMES.map((name): ConformanceCase => ({
    name: `activation: ${name} forward and backward [7, 5]`,
    tolerance: FLOAT32,
    run: (be) => forwardBackward(be, name, 7, 5, 20),
  })),
  { name: 'activation: softmax [4, 10]', tolerance: FLOAT32, run: (be) => forwardBackward(be, 'softmax', 4, 10, 30) },
];

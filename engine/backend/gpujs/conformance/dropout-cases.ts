/** Conformance cases: dropout masks from the seeded counter hash must match bit for bit. */
import type { Backend } from '../../backend.ts';
import { FLOAT32, type CaseOutputs, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

async function dropout(be: Backend, rate: number, seed: number, step: number): Promise<CaseOutputs> {
  const [rows, cols] = [17, 23];
  const x = be.tensor([rows, cols], uniform(40, rows * cols));
  const mask = be.tensor([rows, cols]);
  const y = be.tensor([rows, cols]);
  const dy = be.tensor([rows, cols], uniform(41, rows * cols));
  const dx = be.tensor([rows, cols]);
  be.dropoutForward(x, mask, y, rate, seed, step);
  be.dropoutBackward(dy, mask, dx);
  const out = await readAll(be, { mask, y, dx });
  disposeAll(be, [x, mask, y, dy, dx]);
  return out;
}

/** Dropout cases over rates, seeds (including the full 32-bit range) and steps. */
export const DROPOUT_CASES: readonly ConformanceCase[] = [
  [0.3, 0xdeadbeef, 5],
  [0.5, 0, 0],
  [0.1, 4294967295, 123456],
  [0, 7, 1],
  [0.9, 0x9e3779b1, 2 ** 31 + 3],
].map(([rate, seed, step]): ConformanceCase => ({
  name: `dropout: rate ${rate}, seed ${seed}, step ${step} (mask exact)`,
  tolerance: FLOAT32,
  exact: ['mask'],
  run: (be) => dropout(be, rate, seed, step),
}));

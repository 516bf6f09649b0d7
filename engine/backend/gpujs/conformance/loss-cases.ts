/** Conformance cases: every loss, accumulated twice and differentiated plain and fused. */
import type { Backend } from '../../backend.ts';
import { LOSS_NAMES, type LossName } from '../../../spec/types.ts';
import { FLOAT32, type CaseOutputs, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

const ROWS = 9;

/** pred and target for a loss: edge values included (p = 0, 1, ½; ties; p = y). */
function inputs(loss: LossName): { cols: number; pred: Float32Array; target: Float32Array } {
  if (loss === 'categoricalCrossentropy') {
    const cols = 4;
    const pred = uniform(60, ROWS * cols, 0, 1);
    for (let r = 0; r < ROWS; r++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += pred[r * cols + j];
      for (let j = 0; j < cols; j++) pred[r * cols + j] /= s;
    }
    pred.set([1, 0, 0, 0], 0);
    pred.set([0.25, 0.25, 0.25, 0.25], cols);
    const target = Float32Array.from({ length: ROWS }, (_, r) => (r * 3) % cols);
    return { cols, pred, target };
  }
  const cols = 3;
  const pred = loss === 'binaryCrossentropy' ? uniform(61, ROWS * cols, 0, 1) : uniform(61, ROWS * cols, -2, 2);
  const target =
    loss === 'binaryCrossentropy'
      ? Float32Array.from({ length: ROWS * cols }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0))
      : uniform(62, ROWS * cols, -2, 2);
  pred.set(loss === 'binaryCrossentropy' ? [0, 1, 0.5] : [target[0], 5, -5], 0);
  return { cols, pred, target };
}

async function lossCase(be: Backend, loss: LossName): Promise<CaseOutputs> {
  const { cols, pred, target } = inputs(loss);
  const p = be.tensor([ROWS, cols], pred);
  const t = be.tensor([ROWS, target.length / ROWS], target);
  const acc = be.tensor([2]);
  const d = be.tensor([ROWS, cols]);
  const dFused = be.tensor([ROWS, cols]);
  be.lossAccumulate(loss, p, t, acc, 0.7);
  be.lossAccumulate(loss, p, t, acc, 0.7);
  be.lossGradient(loss, p, t, d, 0.7, false);
  be.lossGradient(loss, p, t, dFused, 0.7, true);
  const out = await readAll(be, { acc, dpred: d, dpredFused: dFused });
  disposeAll(be, [p, t, acc, d, dFused]);
  return out;
}

/**
 * lossStep (one launch for the rows and the gradient on gpu.js): twice into one accumulator, plain then fused,
 * with `rows` rows (over 256: the accumulator's two-level sum).
 */
async function lossStepCase(be: Backend, loss: LossName, rows: number): Promise<CaseOutputs> {
  const { cols, pred, target } = inputs(loss);
  const reps = rows / ROWS;
  const p = be.tensor([rows, cols], tile(pred, reps));
  const t = be.tensor([rows, target.length / ROWS], tile(target, reps));
  const acc = be.tensor([2]);
  be.fill(acc, 0.5);
  const d = be.tensor([rows, cols]);
  const dFused = be.tensor([rows, cols]);
  be.lossStep(loss, { out: p, target: t, acc, dpred: d }, 0.7, false, false);
  be.lossStep(loss, { out: p, target: t, acc, dpred: dFused }, 0.7, true, false);
  const out = await readAll(be, { acc, dpred: d, dpredFused: dFused });
  disposeAll(be, [p, t, acc, d, dFused]);
  return out;
}

/**
 * Softmax and categorical cross-entropy from logits in one op: logits of both signs, a row of ties and a row
 * whose logits are far apart (p rounds to 0 and 1), accumulated twice.
 */
async function logitsCase(be: Backend, rows: number): Promise<CaseOutputs> {
  const cols = 4;
  const logits = uniform(63, rows * cols, -4, 4);
  logits.set([2, 2, 2, 2, 40, -40, 0, 1], 0);
  const z = be.tensor([rows, cols], logits);
  const t = be.tensor(
    [rows, 1],
    Float32Array.from({ length: rows }, (_, r) => (r * 5) % cols),
  );
  const acc = be.tensor([2]);
  const d = be.tensor([rows, cols]);
  be.lossStep('categoricalCrossentropy', { out: z, target: t, acc, dpred: d }, 0, true, true);
  be.lossStep('categoricalCrossentropy', { out: z, target: t, acc, dpred: d }, 0, true, true);
  const out = await readAll(be, { acc, dlogits: d });
  disposeAll(be, [z, t, acc, d]);
  return out;
}

function tile(a: Float32Array, reps: number): Float32Array {
  const out = new Float32Array(a.length * reps);
  for (let k = 0; k < reps; k++) out.set(a, k * a.length);
  return out;
}

/** One case per loss, for the separate ops and for lossStep; softmax from logits. */
export const LOSS_CASES: readonly ConformanceCase[] = [
  ...LOSS_NAMES.map((loss): ConformanceCase => ({
    name: `loss: ${loss} accumulate ×2 and gradient (plain, fused)`,
    tolerance: FLOAT32,
    run: (be) => lossCase(be, loss),
  })),
  ...LOSS_NAMES.map((loss): ConformanceCase => ({
    name: `loss step: ${loss} ×2 (plain, fused), rows and gradient in one op`,
    tolerance: FLOAT32,
    run: (be) => lossStepCase(be, loss, ROWS),
  })),
  {
    name: 'loss step: binaryCrossentropy on 297 rows (accumulated in two levels)',
    tolerance: FLOAT32,
    run: (be) => lossStepCase(be, 'binaryCrossentropy', 33 * ROWS),
  },
  {
    name: 'loss step: softmax + categoricalCrossentropy from logits ×2, 9 rows',
    tolerance: FLOAT32,
    run: (be) => logitsCase(be, ROWS),
  },
  {
    name: 'loss step: softmax + categoricalCrossentropy from logits, 270 rows',
    tolerance: FLOAT32,
    run: (be) => logitsCase(be, 30 * ROWS),
  },
];

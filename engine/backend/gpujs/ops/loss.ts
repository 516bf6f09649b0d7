/**
 * Loss ops: per-row values and hits reduced into the accumulator, and the gradient. The GPU side of the
 * loss table in losses/ (a Record by LossName, so a new loss fails to compile until it has kernels here).
 */
import { assert } from '../../../errors.ts';
import { LOSSES } from '../../../losses/index.ts';
import type { LossName } from '../../../spec/types.ts';
import { GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef } from '../kernel-runner.ts';
import * as k from '../kernels/loss.ts';
import * as step from '../kernels/loss-step.ts';
import { atLeastHalf, clipProbability, equalsInteger } from '../kernels/math.ts';
import { rowsCols, type OpContext } from './op-context.ts';
import { sumIntoAccumulator } from './reduction.ts';

type Def = KernelDef<k.LossSizes>;

const helpers = [clipProbability, atLeastHalf, equalsInteger];

function kernels(name: string, rows: Def['body'], grad: Def['body'], fused: Def['body']): { [K in Kind]: Def } {
  return {
    rows: { name: `${name}Rows`, body: rows, helpers },
    grad: { name: `${name}Grad`, body: grad, helpers },
    step: { name: `${name}Step`, body: fused, helpers },
  };
}

type Kind = 'rows' | 'grad' | 'step';

/** The table: per-row values, the gradient, and both in one launch (lossStep). */
const KERNELS: Readonly<Record<LossName, { [K in Kind]: Def }>> = {
  meanSquaredError: kernels('mse', k.mseRows, k.mseGrad, step.mseStep),
  meanAbsoluteError: kernels('mae', k.maeRows, k.maeGrad, step.maeStep),
  huber: kernels('huber', k.huberRows, k.huberGrad, step.huberStep),
  binaryCrossentropy: kernels('bce', k.bceRows, k.bceGrad, step.bceStep),
  categoricalCrossentropy: kernels('cce', k.cceRows, k.cceGrad, step.cceStep),
};
/** Softmax with categorical cross-entropy, from the logits. */
const CCE_LOGITS: Def = { name: 'cceLogitsStep', body: step.cceLogitsStep, helpers };

function checkTarget(loss: LossName, pred: GpuJsTensor, target: GpuJsTensor): [number, number] {
  const [rows, cols] = rowsCols(pred);
  const want = LOSSES[loss].kind === 'sparse' ? rows : rows * cols;
  assert(target.size === want, `loss '${loss}': target of ${target.size} values, expected ${want}`);
  return [rows, cols];
}

/** acc[0] += Σ_rows loss(row); classification losses also add the correct predictions to acc[1]. */
export function lossAccumulate(
  ctx: OpContext,
  loss: LossName,
  pred: GpuJsTensor,
  target: GpuJsTensor,
  acc: GpuJsTensor,
  huberDelta: number,
): void {
  const [rows, cols] = checkTarget(loss, pred, target);
  const classification = LOSSES[loss].isClassification;
  assert(acc.size >= (classification ? 2 : 1), 'loss accumulator too small');
  const perRow = new GpuJsTensor([2 * rows], 2 * rows);
  ctx.runner.exec({
    def: KERNELS[loss].rows,
    size: 2 * rows,
    constants: { rows, cols },
    args: [pred, target, huberDelta],
    outputs: [{ tensor: perRow, offset: 0 }],
    loop: cols,
  });
  sumIntoAccumulator(
    ctx,
    { source: perRow, length: rows, segments: classification ? 2 : 1, slots: [0, classification ? 1 : -1] },
    acc,
  );
  ctx.runner.enqueue('lossAccumulate', () => perRow.unbind());
}

/** dpred = ∂(mean loss)/∂pred, or ∂/∂logits when fused with the output activation. */
export function lossGradient(
  ctx: OpContext,
  loss: LossName,
  pred: GpuJsTensor,
  target: GpuJsTensor,
  dpred: GpuJsTensor,
  huberDelta: number,
  fusedLogits: boolean,
): void {
  const [rows, cols] = checkTarget(loss, pred, target);
  assert(dpred.size === pred.size, 'dpred must be shaped like pred');
  const scale = LOSSES[loss].kind === 'sparse' ? 1 / rows : 1 / (rows * cols);
  ctx.runner.exec({
    def: KERNELS[loss].grad,
    size: pred.size,
    constants: { rows, cols },
    args: [pred, target, huberDelta, fusedLogits ? 1 : 0, scale],
    outputs: [{ tensor: dpred, offset: 0 }],
  });
}

/**
 * A training step's loss: acc += the rows' losses (and correct predictions) and dpred = the gradient, from
 * one kernel (kernels/loss-step.ts) and one accumulator launch. With `fromLogits`, `out` holds the
 * logits of a softmax output layer that skipped its softmax; the kernel applies it.
 */
export function lossStep(
  ctx: OpContext,
  loss: LossName,
  tensors: { out: GpuJsTensor; target: GpuJsTensor; acc: GpuJsTensor; dpred: GpuJsTensor },
  huberDelta: number,
  fusedLogits: boolean,
  fromLogits: boolean,
): void {
  const { out, target, acc, dpred } = tensors;
  const [rows, cols] = checkTarget(loss, out, target);
  assert(dpred.size === out.size, 'dpred must be shaped like pred');
  assert(!fromLogits || (loss === 'categoricalCrossentropy' && fusedLogits), 'logits only fuse with softmax and CCE');
  const classification = LOSSES[loss].isClassification;
  assert(acc.size >= (classification ? 2 : 1), 'loss accumulator too small');
  const scale = LOSSES[loss].kind === 'sparse' ? 1 / rows : 1 / (rows * cols);
  const perRow = new GpuJsTensor([2 * rows], 2 * rows);
  ctx.runner.exec({
    def: fromLogits ? CCE_LOGITS : KERNELS[loss].step,
    size: out.size + 2 * rows,
    constants: { rows, cols },
    args: [out, target, huberDelta, fusedLogits ? 1 : 0, scale],
    outputs: [
      { tensor: dpred, offset: 0 },
      { tensor: perRow, offset: out.size },
    ],
    loop: cols,
  });
  sumIntoAccumulator(
    ctx,
    { source: perRow, length: rows, segments: classification ? 2 : 1, slots: [0, classification ? 1 : -1] },
    acc,
  );
  ctx.runner.enqueue('lossStep', () => perRow.unbind());
}

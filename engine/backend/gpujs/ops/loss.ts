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
import { atLeastHalf, clipProbability, equalsInteger } from '../kernels/math.ts';
import { rowsCols, type OpContext } from './op-context.ts';
import { sumIntoAccumulator } from './reduction.ts';

type Def = KernelDef<k.LossSizes>;

function pair(name: string, rows: Def['body'], grad: Def['body']): { rows: Def; grad: Def } {
  const helpers = [clipProbability, atLeastHalf, equalsInteger];
  return { rows: { name: `${name}Rows`, body: rows, helpers }, grad: { name: `${name}Grad`, body: grad, helpers } };
}

/** The table. */
const KERNELS: Readonly<Record<LossName, { rows: Def; grad: Def }>> = {
  meanSquaredError: pair('mse', k.mseRows, k.mseGrad),
  meanAbsoluteError: pair('mae', k.maeRows, k.maeGrad),
  huber: pair('huber', k.huberRows, k.huberGrad),
  binaryCrossentropy: pair('bce', k.bceRows, k.bceGrad),
  categoricalCrossentropy: pair('cce', k.cceRows, k.cceGrad),
};

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

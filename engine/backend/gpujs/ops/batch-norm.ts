/**
 * Batch-normalization ops over the rows of x [n, f]: statistics in one launch (packed per feature),
 * then y and x̂ in one launch; backward: dγ and dβ in one launch, then dx.
 */
import { assert } from '../../../errors.ts';
import { GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef } from '../kernel-runner.ts';
import {
  batchNormApplyKernel,
  batchNormInferStatsKernel,
  batchNormInputGradKernel,
  batchNormParamGradKernel,
  batchNormTrainStatsKernel,
  type BatchNormSizes,
} from '../kernels/batch-norm.ts';
import { rowsCols, type OpContext } from './op-context.ts';

type Def = KernelDef<BatchNormSizes>;
const TRAIN_STATS: Def = { name: 'batchNormTrainStats', body: batchNormTrainStatsKernel };
const INFER_STATS: Def = { name: 'batchNormInferStats', body: batchNormInferStatsKernel };
const APPLY: Def = { name: 'batchNormApply', body: batchNormApplyKernel };
const PARAM_GRAD: Def = { name: 'batchNormParamGrad', body: batchNormParamGradKernel };
const INPUT_GRAD: Def = { name: 'batchNormInputGrad', body: batchNormInputGradKernel };

/** The tensors batchNormForward reads and writes. */
export interface BatchNormForwardTensors {
  x: GpuJsTensor;
  gamma: GpuJsTensor;
  beta: GpuJsTensor;
  runningMean: GpuJsTensor;
  runningVar: GpuJsTensor;
  y: GpuJsTensor;
  xhat: GpuJsTensor;
  invStd: GpuJsTensor;
}

/** Training: batch statistics and running updates; inference: running statistics. x̂ = (x − μ)·invStd, y = γx̂ + β. */
export function batchNormForward(
  ctx: OpContext,
  t: BatchNormForwardTensors,
  momentum: number,
  epsilon: number,
  training: boolean,
): void {
  const [rows, features] = rowsCols(t.x);
  const s: BatchNormSizes = { rows, features };
  for (const p of [t.gamma, t.beta, t.runningMean, t.runningVar, t.invStd])
    assert(p.size === features, 'batchNorm: a per-feature tensor has the wrong size');
  assert(t.y.size === t.x.size && t.xhat.size === t.x.size, 'batchNorm: y and x̂ must be shaped like x');
  const mean = new GpuJsTensor([features], features);
  if (training) {
    ctx.runner.exec({
      def: TRAIN_STATS,
      size: 4 * features,
      constants: s,
      args: [t.x, t.runningMean, t.runningVar, momentum, epsilon],
      loop: rows,
      outputs: [
        { tensor: t.invStd, offset: 0 },
        { tensor: t.runningMean, offset: features },
        { tensor: t.runningVar, offset: 2 * features },
        { tensor: mean, offset: 3 * features },
      ],
    });
  } else {
    ctx.runner.exec({
      def: INFER_STATS,
      size: 2 * features,
      constants: s,
      args: [t.runningMean, t.runningVar, epsilon],
      outputs: [
        { tensor: t.invStd, offset: 0 },
        { tensor: mean, offset: features },
      ],
    });
  }
  ctx.runner.exec({
    def: APPLY,
    size: 2 * t.x.size,
    constants: s,
    args: [t.x, mean, t.invStd, t.gamma, t.beta],
    outputs: [
      { tensor: t.y, offset: 0 },
      { tensor: t.xhat, offset: t.x.size },
    ],
  });
  ctx.runner.enqueue('batchNorm', () => mean.unbind());
}

/** The tensors batchNormBackward reads and writes. */
export interface BatchNormBackwardTensors {
  dy: GpuJsTensor;
  xhat: GpuJsTensor;
  gamma: GpuJsTensor;
  invStd: GpuJsTensor;
  dx: GpuJsTensor;
  dgamma: GpuJsTensor;
  dbeta: GpuJsTensor;
}

/** dγ = Σ_rows dy⊙x̂, dβ = Σ_rows dy (packed); training dx = γ·invStd/n·(n·dy − dβ − x̂·dγ), inference dx = γ·invStd·dy. */
export function batchNormBackward(ctx: OpContext, t: BatchNormBackwardTensors, training: boolean): void {
  const [rows, features] = rowsCols(t.dy);
  const s: BatchNormSizes = { rows, features };
  assert(t.xhat.size === t.dy.size && t.dx.size === t.dy.size, 'batchNorm backward: x̂ and dx must be shaped like dy');
  for (const p of [t.gamma, t.invStd, t.dgamma, t.dbeta])
    assert(p.size === features, 'batchNorm backward: a per-feature tensor has the wrong size');
  ctx.runner.exec({
    def: PARAM_GRAD,
    size: 2 * features,
    constants: s,
    args: [t.dy, t.xhat],
    loop: rows,
    outputs: [
      { tensor: t.dgamma, offset: 0 },
      { tensor: t.dbeta, offset: features },
    ],
  });
  ctx.runner.exec({
    def: INPUT_GRAD,
    size: t.dy.size,
    constants: s,
    args: [t.dy, t.xhat, t.gamma, t.invStd, t.dgamma, t.dbeta, training ? 1 : 0],
    outputs: [{ tensor: t.dx, offset: 0 }],
  });
}

/** Dropout ops: the seeded mask and y in one launch, and the backward product. */
import { assert } from '../../../errors.ts';
import type { GpuJsTensor } from '../device-buffer.ts';
import { dropoutStepSeed, dropoutThreshold } from '../dropout-seed.ts';
import type { KernelDef } from '../kernel-runner.ts';
import { dropoutBackwardKernel, dropoutForwardKernel } from '../kernels/dropout.ts';
import { keepElement, modPow2, mulHigh, mulLow, xor16 } from '../kernels/dropout-hash.ts';
import type { OpContext } from './op-context.ts';

const FORWARD: KernelDef<{ size: number }> = {
  name: 'dropoutForward',
  body: dropoutForwardKernel,
  helpers: [modPow2, xor16, mulLow, mulHigh, keepElement],
};
const BACKWARD: KernelDef<Record<string, number>> = { name: 'dropoutBackward', body: dropoutBackwardKernel };

/** maskᵢ = [hashUniform(seed, step, i) ≥ rate]/(1 − rate), y = x ⊙ mask, packed [y | mask]. */
export function dropoutForward(
  ctx: OpContext,
  x: GpuJsTensor,
  mask: GpuJsTensor,
  y: GpuJsTensor,
  rate: number,
  seed: number,
  step: number,
): void {
  assert(mask.size === x.size && y.size === x.size, 'dropoutForward: mask and y must be shaped like x');
  assert(rate >= 0 && rate < 1, `dropout rate ${rate} outside [0, 1)`);
  assert(x.size < 16777216, 'dropout over 2²⁴ elements would lose index precision in float32');
  const s = dropoutStepSeed(seed, step);
  const t = dropoutThreshold(rate);
  ctx.runner.exec({
    def: FORWARD,
    size: 2 * x.size,
    constants: { size: x.size },
    args: [x, s.high, s.low, t.high, t.low, 1 / (1 - rate)],
    outputs: [
      { tensor: y, offset: 0 },
      { tensor: mask, offset: x.size },
    ],
    loop: 16,
  });
}

/** dx = dy ⊙ mask. */
export function dropoutBackward(ctx: OpContext, dy: GpuJsTensor, mask: GpuJsTensor, dx: GpuJsTensor): void {
  assert(mask.size === dy.size && dx.size === dy.size, 'dropoutBackward: sizes differ');
  ctx.runner.exec({
    def: BACKWARD,
    size: dy.size,
    constants: {},
    args: [dy, mask],
    outputs: [{ tensor: dx, offset: 0 }],
  });
}

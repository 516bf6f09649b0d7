/**
 * Optimizer ops: one fused launch per tensor. The new weight and state come out packed in one buffer
 * ([w' | state…], see kernels/optimizer.ts) and w and the slots become views of it — so Adam's whole
 * update (w, m and v) is a single kernel on every gpu.js backend, kernel maps not needed.
 */
import { assert } from '../../../errors.ts';
import type { OptimizerUpdate } from '../../backend.ts';
import type { GpuJsTensor } from '../device-buffer.ts';
import type { KernelCall, KernelDef } from '../kernel-runner.ts';
import {
  adagradKernel,
  adamKernel,
  partOf,
  regularizeKernel,
  rmspropKernel,
  sgdKernel,
  sgdMomentumKernel,
  type UpdateSize,
} from '../kernels/optimizer.ts';
import type { OpContext } from './op-context.ts';

type Def = KernelDef<UpdateSize>;
const helpers = [partOf];
const SGD: Def = { name: 'sgd', body: sgdKernel };
const SGD_MOMENTUM: Def = { name: 'sgdMomentum', body: sgdMomentumKernel, helpers };
const RMSPROP: Def = { name: 'rmsprop', body: rmspropKernel, helpers };
const ADAGRAD: Def = { name: 'adagrad', body: adagradKernel, helpers };
const ADAM: Def = { name: 'adam', body: adamKernel, helpers };
const REGULARIZE: KernelDef<Record<string, number>> = { name: 'regularize', body: regularizeKernel };

/** The optimizer's state tensors. */
export interface Slots {
  a: GpuJsTensor;
  b: GpuJsTensor;
}

/** One fused update of w with gradient g (formulas on OptimizerUpdate). */
export function applyUpdate(ctx: OpContext, step: OptimizerUpdate, w: GpuJsTensor, g: GpuJsTensor, slots: Slots): void {
  ctx.runner.exec(updateCall(step, w, g, slots));
}

/** Asserts that g and the slots the optimizer uses are shaped like w. */
export function checkSlots(step: OptimizerUpdate, w: GpuJsTensor, g: GpuJsTensor, slots: Slots): void {
  const n = w.size;
  assert(
    g.size === n && slots.a.size === n,
    `optimizer: gradient or state of a tensor of ${n} elements has another size`,
  );
  if (step.type === 'adam') assert(slots.b.size === n, 'adam needs slot b shaped like the weight');
  if (step.type === 'rmsprop' && step.momentum > 0)
    assert(slots.b.size === n, 'rmsprop with momentum needs slot b shaped like the weight');
}

/** The launch of one tensor's update. */
export function updateCall(
  step: OptimizerUpdate,
  w: GpuJsTensor,
  g: GpuJsTensor,
  slots: Slots,
): KernelCall<UpdateSize> {
  checkSlots(step, w, g, slots);
  const n = w.size;
  const constants = { size: n };
  const at = (k: number) => k * n;
  switch (step.type) {
    case 'sgd':
      if (step.momentum === 0) {
        return { def: SGD, size: n, constants, args: [w, g, step.learningRate], outputs: [{ tensor: w, offset: 0 }] };
      }
      return {
        def: SGD_MOMENTUM,
        size: 2 * n,
        constants,
        args: [w, g, slots.a, step.learningRate, step.momentum, step.nesterov ? 1 : 0],
        outputs: [
          { tensor: w, offset: 0 },
          { tensor: slots.a, offset: at(1) },
        ],
      };
    case 'rmsprop': {
      const withMomentum = step.momentum > 0;
      // without momentum slot b is a 1-element placeholder: pass slot a in its place so no read leaves bounds
      const b = withMomentum ? slots.b : slots.a;
      const outputs = [
        { tensor: w, offset: 0 },
        { tensor: slots.a, offset: at(1) },
      ];
      if (withMomentum) outputs.push({ tensor: slots.b, offset: at(2) });
      return {
        def: RMSPROP,
        size: (withMomentum ? 3 : 2) * n,
        constants,
        args: [w, g, slots.a, b, step.learningRate, step.rho, step.epsilon, step.momentum],
        outputs,
      };
    }
    case 'adagrad':
      return {
        def: ADAGRAD,
        size: 2 * n,
        constants,
        args: [w, g, slots.a, step.learningRate, step.epsilon],
        outputs: [
          { tensor: w, offset: 0 },
          { tensor: slots.a, offset: at(1) },
        ],
      };
    case 'adam': {
      const c1 = 1 / (1 - Math.pow(step.beta1, step.t));
      const c2 = 1 / (1 - Math.pow(step.beta2, step.t));
      const decay = 1 - step.learningRate * step.weightDecay;
      return {
        def: ADAM,
        size: 3 * n,
        constants,
        args: [w, g, slots.a, slots.b, step.learningRate, step.beta1, step.beta2, step.epsilon, decay, c1, c2],
        outputs: [
          { tensor: w, offset: 0 },
          { tensor: slots.a, offset: at(1) },
          { tensor: slots.b, offset: at(2) },
        ],
      };
    }
  }
}

/** g ← g + l1·sign(w) + 2·l2·w. */
export function addRegularizationGradient(
  ctx: OpContext,
  w: GpuJsTensor,
  g: GpuJsTensor,
  l1: number,
  l2: number,
): void {
  assert(w.size === g.size, 'regularization: gradient and weight sizes differ');
  ctx.runner.exec({
    def: REGULARIZE,
    size: w.size,
    constants: {},
    args: [w, g, l1, l2],
    outputs: [{ tensor: g, offset: 0 }],
  });
}

/**
 * Activation ops. The GPU side of the activation table in layers/activations.ts: one entry per
 * ActivationName (a Record, so a new activation fails to compile until it has kernels here).
 */
import { assert } from '../../../errors.ts';
import { ELU_ALPHA, LEAKY_RELU_SLOPE } from '../../../layers/activations.ts';
import type { ActivationName } from '../../../spec/types.ts';
import type { GpuJsTensor } from '../device-buffer.ts';
import type { Constants, KernelDef } from '../kernel-runner.ts';
import * as k from '../kernels/activation.ts';
import { erfApprox, stableSigmoid, stableTanh } from '../kernels/math.ts';
import { copyInto } from './memory.ts';
import type { OpContext } from './op-context.ts';

type Empty = Record<string, number>;

/** How one activation runs on gpu.js. */
type ActivationKernels =
  /** y = z and dz = dy: the output views the input's memory. */
  | { kind: 'identity' }
  /** Elementwise, with one parameter p passed to both kernels. */
  | { kind: 'elementwise'; forward: KernelDef<Empty>; backward: KernelDef<Empty>; p: number }
  /** Row-wise over the columns (softmax). */
  | { kind: 'rowwise'; forward: KernelDef<{ cols: number }>; backward: KernelDef<{ cols: number }> };

function elementwise(
  name: string,
  forward: KernelDef<Empty>['body'],
  backward: KernelDef<Empty>['body'],
  helpers: KernelDef<Empty>['helpers'],
  p = 0,
): ActivationKernels {
  return {
    kind: 'elementwise',
    forward: { name: `${name}Forward`, body: forward, helpers },
    backward: { name: `${name}Backward`, body: backward, helpers },
    p,
  };
}

/** The table. */
const KERNELS: Readonly<Record<ActivationName, ActivationKernels>> = {
  linear: { kind: 'identity' },
  sigmoid: elementwise('sigmoid', k.sigmoidForward, k.sigmoidBackward, [stableSigmoid]),
  tanh: elementwise('tanh', k.tanhForward, k.tanhBackward, [stableTanh]),
  relu: elementwise('relu', k.reluForward, k.reluBackward, []),
  leakyRelu: elementwise('leakyRelu', k.leakyReluForward, k.leakyReluBackward, [], LEAKY_RELU_SLOPE),
  elu: elementwise('elu', k.eluForward, k.eluBackward, [], ELU_ALPHA),
  gelu: elementwise('gelu', k.geluForward, k.geluBackward, [erfApprox]),
  softplus: elementwise('softplus', k.softplusForward, k.softplusBackward, [stableSigmoid]),
  softmax: {
    kind: 'rowwise',
    forward: { name: 'softmaxForward', body: k.softmaxForward },
    backward: { name: 'softmaxBackward', body: k.softmaxBackward },
  },
};

function cols(t: GpuJsTensor): number {
  return t.shape.length === 1 ? t.size : t.size / t.shape[0];
}

/** y = f(z) elementwise, or row-wise softmax. */
export function activationForward(ctx: OpContext, name: ActivationName, z: GpuJsTensor, y: GpuJsTensor): void {
  assert(z.size === y.size, `activation '${name}': output of ${y.size} elements for ${z.size} inputs`);
  const a = KERNELS[name];
  const out = [{ tensor: y, offset: 0 }];
  if (a.kind === 'identity') copyInto(ctx, z, y);
  else if (a.kind === 'elementwise')
    ctx.runner.exec({ def: a.forward, size: z.size, constants: {}, args: [z, a.p], outputs: out });
  else {
    const c: Constants & { cols: number } = { cols: cols(z) };
    ctx.runner.exec({ def: a.forward, size: z.size, constants: c, args: [z], outputs: out, loop: c.cols });
  }
}

/** dz = dy ⊙ f'(z) (softmax: dz = y ⊙ (dy − Σ_j dy_j y_j) per row); dz may be dy. */
export function activationBackward(
  ctx: OpContext,
  name: ActivationName,
  z: GpuJsTensor,
  y: GpuJsTensor,
  dy: GpuJsTensor,
  dz: GpuJsTensor,
): void {
  assert(z.size === y.size && dy.size === z.size && dz.size === z.size, `activation '${name}' backward: sizes differ`);
  const a = KERNELS[name];
  const out = [{ tensor: dz, offset: 0 }];
  if (a.kind === 'identity') copyInto(ctx, dy, dz);
  else if (a.kind === 'elementwise')
    ctx.runner.exec({ def: a.backward, size: z.size, constants: {}, args: [z, y, dy, a.p], outputs: out });
  else {
    const c = { cols: cols(z) };
    ctx.runner.exec({ def: a.backward, size: z.size, constants: c, args: [y, dy], outputs: out, loop: c.cols });
  }
}

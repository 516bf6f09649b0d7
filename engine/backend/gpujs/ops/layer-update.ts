/**
 * The optimizer update of one layer's tensors: two at a time in one launch (kernels/layer-update.ts), so a
 * dense layer's kernel and bias, or batch norm's γ and β, cost one launch per step instead of two.
 *
 * Which tensors share a buffer is only known when the launch runs (ops are queued), so the launch is
 * planned then: the kernel reads at most four buffers, and when the eight tensors sit in more (the first
 * step, before the update has packed them together, or after a write), the pair falls back to one
 * launch per tensor (ops/optimizer.ts). Every later step finds the layer's weights and slots in the
 * last update's output and the gradients in one or two more buffers: one launch.
 */
import type { OptimizerUpdate } from '../../backend.ts';
import type { DeviceBuffer, GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef, Launch } from '../kernel-runner.ts';
import { layerUpdateKernel, type LayerUpdateSizes } from '../kernels/layer-update.ts';
import type { OpContext } from './op-context.ts';
import { applyUpdate, checkSlots, updateCall, type Slots } from './optimizer.ts';

const LAYER_UPDATE: KernelDef<LayerUpdateSizes> = { name: 'layerUpdate', body: layerUpdateKernel };

/** Buffers one launch reads (WebGPU: 8 storage buffers per stage, the output among them). */
const BUFFERS = 4;

/** One tensor's update: its weight, gradient and optimizer slots. */
interface TensorUpdate {
  w: GpuJsTensor;
  g: GpuJsTensor;
  slots: Slots;
}

/** The update of every tensor of one layer: pairs in one launch each, a tensor left over alone. */
export function applyLayerUpdate(ctx: OpContext, step: OptimizerUpdate, updates: readonly TensorUpdate[]): void {
  for (const u of updates) checkSlots(step, u.w, u.g, u.slots);
  for (let k = 0; k + 1 < updates.length; k += 2) {
    const pair = [updates[k], updates[k + 1]] as const;
    ctx.runner.execPlanned('layerUpdate', () => planPair(ctx, step, pair));
  }
  if (updates.length % 2 === 1) {
    const last = updates[updates.length - 1];
    applyUpdate(ctx, step, last.w, last.g, last.slots);
  }
}

/** Parts of the packed output, and the optimizer's numbers in the kernel's order (h0…h6). */
function numbers(step: OptimizerUpdate): { kind: number; parts: number; h: number[] } {
  switch (step.type) {
    case 'sgd':
      if (step.momentum === 0) return { kind: 0, parts: 1, h: [step.learningRate, 0, 0, 0, 0, 0, 0] };
      return { kind: 1, parts: 2, h: [step.learningRate, step.momentum, step.nesterov ? 1 : 0, 0, 0, 0, 0] };
    case 'rmsprop':
      return {
        kind: 2,
        parts: step.momentum > 0 ? 3 : 2,
        h: [step.learningRate, step.rho, step.epsilon, step.momentum, 0, 0, 0],
      };
    case 'adagrad':
      return { kind: 3, parts: 2, h: [step.learningRate, step.epsilon, 0, 0, 0, 0, 0] };
    case 'adam': {
      const c1 = 1 / (1 - Math.pow(step.beta1, step.t));
      const c2 = 1 / (1 - Math.pow(step.beta2, step.t));
      const decay = 1 - step.learningRate * step.weightDecay;
      return { kind: 4, parts: 3, h: [step.learningRate, step.beta1, step.beta2, step.epsilon, decay, c1, c2] };
    }
  }
}

/** The launches of one pair, from the buffers its tensors are bound to now. */
function planPair(ctx: OpContext, step: OptimizerUpdate, pair: readonly [TensorUpdate, TensorUpdate]): Launch[] {
  const { kind, parts, h } = numbers(step);
  // slot b is a 1-element placeholder when unused: read slot a in its place so no read leaves bounds
  const usesB = parts === 3;
  const read = pair.flatMap((u) => [u.w, u.g, u.slots.a, usesB ? u.slots.b : u.slots.a]);
  const buffers: DeviceBuffer[] = [];
  const holders: GpuJsTensor[] = [];
  const source = read.map((t) => {
    const { buffer } = t.bound();
    let k = buffers.indexOf(buffer);
    if (k < 0) {
      k = buffers.push(buffer) - 1;
      holders.push(t);
    }
    return k;
  });
  if (buffers.length > BUFFERS) return pair.map((u) => ctx.runner.launchOf(updateCall(step, u.w, u.g, u.slots)));
  while (holders.length < BUFFERS) holders.push(holders[0]);
  const [n0, n1] = [pair[0].w.size, pair[1].w.size];
  const n = n0 + n1;
  const [sw0, sg0, sa0, sb0, sw1, sg1, sa1, sb1] = source;
  const outputs = [
    { tensor: pair[0].w, offset: 0 },
    { tensor: pair[1].w, offset: n0 },
  ];
  if (parts > 1) outputs.push({ tensor: pair[0].slots.a, offset: n }, { tensor: pair[1].slots.a, offset: n + n0 });
  if (usesB) outputs.push({ tensor: pair[0].slots.b, offset: 2 * n }, { tensor: pair[1].slots.b, offset: 2 * n + n0 });
  return [
    ctx.runner.launchOf({
      def: LAYER_UPDATE,
      size: parts * n,
      constants: { n0, n1, kind, sw0, sg0, sa0, sb0, sw1, sg1, sa1, sb1 },
      args: [...holders, ...read.map((t) => t.bound().offset), ...h],
      outputs,
    }),
  ];
}

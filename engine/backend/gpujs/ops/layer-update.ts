/**
 * The optimizer update of one layer's tensors: two at a time in one launch (kernels/layer-update.ts), so a
 * dense layer's kernel and bias, or batch norm's γ and β, cost one launch per step instead of two.
 *
 * Which tensors share a buffer is only known when the launch runs (ops are queued), so the launch is
 * planned then, from the bindings: the first step finds eight buffers and updates tensor by tensor
 * (ops/optimizer.ts); the second finds each tensor's [w | a | b] packed by the first plus the gradients
 * (at most four buffers) and runs the general kernel, whose output packs the whole layer's state in one
 * buffer; every later step runs a packed kernel that reads that buffer and the gradients' directly.
 */
import type { OptimizerUpdate } from '../../backend.ts';
import type { DeviceBuffer, GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef, Launch } from '../kernel-runner.ts';
import {
  layerUpdateKernel,
  packedSplitUpdateKernel,
  packedUpdateKernel,
  updatedPart,
  type LayerUpdateSizes,
  type PackedUpdateSizes,
} from '../kernels/layer-update.ts';
import type { OpContext } from './op-context.ts';
import { applyUpdate, checkSlots, updateCall, type Slots } from './optimizer.ts';

const helpers = [updatedPart];
const LAYER_UPDATE: KernelDef<LayerUpdateSizes> = { name: 'layerUpdate', body: layerUpdateKernel, helpers };
const PACKED: KernelDef<PackedUpdateSizes> = { name: 'packedLayerUpdate', body: packedUpdateKernel, helpers };
const PACKED_SPLIT: KernelDef<PackedUpdateSizes> = {
  name: 'packedSplitLayerUpdate',
  body: packedSplitUpdateKernel,
  helpers,
};

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
  // a slot the optimizer does not use (b is then a 1-element placeholder) is read as the tensor before it, so
  // no read leaves bounds and it adds no buffer
  const usesB = parts === 3;
  const [u0, u1] = pair;
  const a0 = parts > 1 ? u0.slots.a : u0.w;
  const a1 = parts > 1 ? u1.slots.a : u1.w;
  const b0 = usesB ? u0.slots.b : a0;
  const b1 = usesB ? u1.slots.b : a1;
  const [n0, n1] = [u0.w.size, u1.w.size];
  const n = n0 + n1;
  const outputs = [
    { tensor: u0.w, offset: 0 },
    { tensor: u1.w, offset: n0 },
  ];
  if (parts > 1) outputs.push({ tensor: u0.slots.a, offset: n }, { tensor: u1.slots.a, offset: n + n0 });
  if (usesB) outputs.push({ tensor: u0.slots.b, offset: 2 * n }, { tensor: u1.slots.b, offset: 2 * n + n0 });
  const at = (t: GpuJsTensor) => t.bound().offset;
  const state = [u0.w, a0, b0, u1.w, a1, b1];
  if (distinct(state).length === 1) {
    // every step after the first two: the last update's output holds the whole state
    const offsets = [u0.w, a0, b0, u0.g, u1.w, a1, b1, u1.g].map(at);
    const oneGradBuffer = distinct([u0.g, u1.g]).length === 1;
    return [
      ctx.runner.launchOf({
        def: oneGradBuffer ? PACKED : PACKED_SPLIT,
        size: parts * n,
        constants: { n0, n1, kind },
        args: [u0.w, ...(oneGradBuffer ? [u0.g] : [u0.g, u1.g]), ...offsets, ...h],
        outputs,
      }),
    ];
  }
  const read = [u0.w, u0.g, a0, b0, u1.w, u1.g, a1, b1];
  const buffers = distinct(read);
  if (buffers.length > BUFFERS) return pair.map((u) => ctx.runner.launchOf(updateCall(step, u.w, u.g, u.slots)));
  // a tensor in each buffer stands for it as the kernel's argument (its offset is passed on its own)
  const holders = buffers.map((b) => read.find((t) => t.bound().buffer === b)!);
  while (holders.length < BUFFERS) holders.push(holders[0]);
  const [sw0, sg0, sa0, sb0, sw1, sg1, sa1, sb1] = read.map((t) => buffers.indexOf(t.bound().buffer));
  return [
    ctx.runner.launchOf({
      def: LAYER_UPDATE,
      size: parts * n,
      constants: { n0, n1, kind, sw0, sg0, sa0, sb0, sw1, sg1, sa1, sb1 },
      args: [...holders, ...read.map(at), ...h],
      outputs,
    }),
  ];
}

/** The buffers the tensors are bound to, each once, in order of first use. */
function distinct(ts: readonly GpuJsTensor[]): DeviceBuffer[] {
  const out: DeviceBuffer[] = [];
  for (const t of ts) if (!out.includes(t.bound().buffer)) out.push(t.bound().buffer);
  return out;
}

/** Reductions into accumulator tensors (loss sums, squared norms) and clipping by the global norm, without a read-back. */
import { assert } from '../../../errors.ts';
import { GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef } from '../kernel-runner.ts';
import {
  accumulateKernel, blockSumKernel, blockSumSquaresKernel, clipKernel, type AccumulateSlots, type BlockSizes, type ClipRange,
} from '../kernels/reduction.ts';
import type { OpContext } from './op-context.ts';

const BLOCK_SUM: KernelDef<BlockSizes> = { name: 'blockSum', body: blockSumKernel };
const BLOCK_SUM_SQUARES: KernelDef<BlockSizes> = { name: 'blockSumSquares', body: blockSumSquaresKernel };
const ACCUMULATE: KernelDef<AccumulateSlots> = { name: 'accumulate', body: accumulateKernel };
const CLIP: KernelDef<ClipRange> = { name: 'clipByGlobalNorm', body: clipKernel };

/** Elements one thread sums in the first level (the second level sums ⌈length/BLOCK⌉ partials per slot). */
const BLOCK = 256;

/** What to sum: `segments` equal runs of `length` elements of `source`, into acc slots (−1: none). */
export interface SumSpec {
  source: GpuJsTensor;
  length: number;
  segments: 1 | 2;
  squares: boolean;
  slots: readonly [number, number];
}

/** acc[slot of segment s] += Σ segment s (of squares, when asked): two launches, one accumulator write. */
export function sumIntoAccumulator(ctx: OpContext, spec: SumSpec, acc: GpuJsTensor): void {
  assert(spec.source.size >= spec.segments * spec.length, 'sum over more elements than the source holds');
  assert(!(spec.squares && spec.segments === 2), 'sums of squares take one segment');
  for (const s of spec.slots) assert(s < acc.size, `accumulator slot ${s} outside an accumulator of ${acc.size}`);
  const blocks = Math.ceil(spec.length / BLOCK);
  const block = Math.min(BLOCK, spec.length);
  const partial = new GpuJsTensor([spec.segments * blocks], spec.segments * blocks);
  ctx.runner.exec({
    def: spec.squares ? BLOCK_SUM_SQUARES : BLOCK_SUM, size: partial.size, constants: { length: spec.length, block, blocks },
    args: [spec.source], outputs: [{ tensor: partial, offset: 0 }], loop: block,
  });
  ctx.runner.exec({
    def: ACCUMULATE, size: acc.size, constants: { blocks, slot0: spec.slots[0], slot1: spec.slots[1] },
    args: [acc, partial], outputs: [{ tensor: acc, offset: 0 }], loop: blocks,
  });
  ctx.runner.enqueue('sum', () => partial.unbind());
}

/** acc[index] += Σ t². */
export function accumulateSquaredNorm(ctx: OpContext, t: GpuJsTensor, acc: GpuJsTensor, index: number): void {
  sumIntoAccumulator(ctx, { source: t, length: t.size, segments: 1, squares: true, slots: [index, -1] }, acc);
}

/** g ← g · min(1, maxNorm / √(Σ_i acc[i] for i in [from, to))), for every g; the scale is computed on the device. */
export function clipByGlobalNorm(ctx: OpContext, grads: readonly GpuJsTensor[], acc: GpuJsTensor, from: number, to: number, maxNorm: number): void {
  assert(from >= 0 && to <= acc.size && from < to, `clip range [${from}, ${to}) outside an accumulator of ${acc.size}`);
  for (const g of grads) {
    ctx.runner.exec({
      def: CLIP, size: g.size, constants: { from, count: to - from }, args: [g, acc, maxNorm],
      outputs: [{ tensor: g, offset: 0 }], loop: to - from,
    });
  }
}

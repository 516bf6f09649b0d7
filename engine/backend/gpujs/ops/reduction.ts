/** Reductions into accumulator tensors (loss sums, squared norms) and clipping by the global norm, without a read-back. */
import { assert } from '../../../errors.ts';
import { GpuJsTensor } from '../device-buffer.ts';
import type { KernelDef } from '../kernel-runner.ts';
import {
  accumulateKernel,
  blockSumKernel,
  clipKernel,
  multiAccumulateKernel,
  multiBlockSumSquaresKernel,
  type AccumulateSlots,
  type BlockSizes,
  type ClipRange,
  type MultiAccumulateSlots,
  type MultiBlockSizes,
} from '../kernels/reduction.ts';
import type { OpContext } from './op-context.ts';

const BLOCK_SUM: KernelDef<BlockSizes> = { name: 'blockSum', body: blockSumKernel };
const ACCUMULATE: KernelDef<AccumulateSlots> = { name: 'accumulate', body: accumulateKernel };
const CLIP: KernelDef<ClipRange> = { name: 'clipByGlobalNorm', body: clipKernel };
const MULTI_BLOCK_SUM_SQUARES: KernelDef<MultiBlockSizes> = {
  name: 'multiBlockSumSquares',
  body: multiBlockSumSquaresKernel,
};
const MULTI_ACCUMULATE: KernelDef<MultiAccumulateSlots> = { name: 'multiAccumulate', body: multiAccumulateKernel };

/** Elements one thread sums in the first level (the second level sums ⌈length/BLOCK⌉ partials per slot). */
const BLOCK = 256;

/** What to sum: `segments` equal runs of `length` elements of `source`, into acc slots (−1: none). */
export interface SumSpec {
  source: GpuJsTensor;
  length: number;
  segments: 1 | 2;
  slots: readonly [number, number];
}

/**
 * acc[slot of segment s] += Σ segment s: two launches (block sums, then one accumulator write), or only the
 * accumulator write, summing the segment itself, when a segment fits in one block.
 */
export function sumIntoAccumulator(ctx: OpContext, spec: SumSpec, acc: GpuJsTensor): void {
  assert(spec.source.size >= spec.segments * spec.length, 'sum over more elements than the source holds');
  for (const s of spec.slots) assert(s < acc.size, `accumulator slot ${s} outside an accumulator of ${acc.size}`);
  if (spec.length <= BLOCK) {
    ctx.runner.exec({
      def: ACCUMULATE,
      size: acc.size,
      constants: { blocks: spec.length, slot0: spec.slots[0], slot1: spec.slots[1] },
      args: [acc, spec.source],
      outputs: [{ tensor: acc, offset: 0 }],
      loop: spec.length,
    });
    return;
  }
  const blocks = Math.ceil(spec.length / BLOCK);
  const block = Math.min(BLOCK, spec.length);
  const partial = new GpuJsTensor([spec.segments * blocks], spec.segments * blocks);
  ctx.runner.exec({
    def: BLOCK_SUM,
    size: partial.size,
    constants: { length: spec.length, block, blocks },
    args: [spec.source],
    outputs: [{ tensor: partial, offset: 0 }],
    loop: block,
  });
  ctx.runner.exec({
    def: ACCUMULATE,
    size: acc.size,
    constants: { blocks, slot0: spec.slots[0], slot1: spec.slots[1] },
    args: [acc, partial],
    outputs: [{ tensor: acc, offset: 0 }],
    loop: blocks,
  });
  ctx.runner.enqueue('sum', () => partial.unbind());
}

/** Tensors one multi-tensor launch sums (WebGPU guarantees 8 storage buffers per stage: 4 inputs, the output, constants). */
const TENSORS_PER_LAUNCH = 4;

/** acc[first + i] += Σ ts[i]²: two launches per four tensors (block sums of squares, then one accumulator write). */
export function accumulateSquaredNorms(
  ctx: OpContext,
  ts: readonly GpuJsTensor[],
  acc: GpuJsTensor,
  first: number,
): void {
  assert(
    first >= 0 && first + ts.length <= acc.size,
    `squared-norm slots [${first}, ${first + ts.length}) outside an accumulator of ${acc.size}`,
  );
  for (let c = 0; c < ts.length; c += TENSORS_PER_LAUNCH)
    sumSquaresOfFour(ctx, ts.slice(c, c + TENSORS_PER_LAUNCH), acc, first + c);
}

function sumSquaresOfFour(ctx: OpContext, ts: readonly GpuJsTensor[], acc: GpuJsTensor, first: number): void {
  const n = [0, 1, 2, 3].map((k) => ts[k]?.size ?? 0);
  const block = Math.min(BLOCK, Math.max(...n));
  const blocks = n.map((size) => Math.ceil(size / block));
  let end = 0;
  const ends = blocks.map((b) => (end += b));
  const most = Math.max(...blocks);
  const partial = new GpuJsTensor([ends[3]], ends[3]);
  // unused inputs repeat the first tensor (their counts are 0, so nothing of them is read)
  const inputs = [0, 1, 2, 3].map((k) => ts[k] ?? ts[0]);
  ctx.runner.exec({
    def: MULTI_BLOCK_SUM_SQUARES,
    size: partial.size,
    constants: { block, n0: n[0], n1: n[1], n2: n[2], n3: n[3], e0: ends[0], e1: ends[1], e2: ends[2], e3: ends[3] },
    args: inputs,
    outputs: [{ tensor: partial, offset: 0 }],
    loop: block,
  });
  ctx.runner.exec({
    def: MULTI_ACCUMULATE,
    size: acc.size,
    constants: { first, count: ts.length, most, e0: ends[0], e1: ends[1], e2: ends[2], e3: ends[3] },
    args: [acc, partial],
    outputs: [{ tensor: acc, offset: 0 }],
    loop: most,
  });
  ctx.runner.enqueue('sum', () => partial.unbind());
}

/** g ← g · min(1, maxNorm / √(Σ_i acc[i] for i in [from, to))), for every g; the scale is computed on the device. */
export function clipByGlobalNorm(
  ctx: OpContext,
  grads: readonly GpuJsTensor[],
  acc: GpuJsTensor,
  from: number,
  to: number,
  maxNorm: number,
): void {
  assert(from >= 0 && to <= acc.size && from < to, `clip range [${from}, ${to}) outside an accumulator of ${acc.size}`);
  for (const g of grads) {
    ctx.runner.exec({
      def: CLIP,
      size: g.size,
      constants: { from, count: to - from },
      args: [g, acc, maxNorm],
      outputs: [{ tensor: g, offset: 0 }],
      loop: to - from,
    });
  }
}

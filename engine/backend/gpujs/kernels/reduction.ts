/**
 * Reductions in two levels (plain bodies compiled by gpu.js; style rules in kernel-types.ts): block
 * partial sums of one or two equal segments, then one thread per accumulator slot adding its partials.
 */
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/** Segment length, block length and blocks per segment. */
export type BlockSizes = {
  length: number;
  block: number;
  blocks: number;
};

/** Partial sums: output t = Σ a over block b of segment s (t = s·blocks + b, a segment is `length` long). */
export function blockSumKernel(this: KernelThis<BlockSizes>, a: DeviceArray, ao: number): number {
  const t = Math.floor(this.thread.x);
  const seg = Math.floor((t + 0.5) / this.constants.blocks);
  const first = (t - seg * this.constants.blocks) * this.constants.block;
  const count = Math.min(this.constants.block, this.constants.length - first);
  let s = 0;
  for (var q = 0; q < this.constants.block; q++) s += q < count ? a[ao + seg * this.constants.length + first + q] : 0;
  return s;
}

/** Partial sums of squares: output b = Σ a² over block b. */
export function blockSumSquaresKernel(this: KernelThis<BlockSizes>, a: DeviceArray, ao: number): number {
  const first = Math.floor(this.thread.x) * this.constants.block;
  const count = Math.min(this.constants.block, this.constants.length - first);
  let s = 0;
  for (var q = 0; q < this.constants.block; q++) s += q < count ? a[ao + first + q] * a[ao + first + q] : 0;
  return s;
}

/** Which accumulator slots receive segments 0 and 1 (−1: none), and blocks per segment. */
export type AccumulateSlots = {
  blocks: number;
  slot0: number;
  slot1: number;
};

/** acc'ᵢ = accᵢ + Σ_b part[s·blocks + b] when i is the slot of segment s, else accᵢ. */
export function accumulateKernel(
  this: KernelThis<AccumulateSlots>, acc: DeviceArray, ao: number, part: DeviceArray, po: number,
): number {
  const i = Math.floor(this.thread.x);
  let s = acc[ao + i];
  if (i === this.constants.slot0) {
    for (var b = 0; b < this.constants.blocks; b++) s += part[po + b];
  }
  if (i === this.constants.slot1) {
    for (var c = 0; c < this.constants.blocks; c++) s += part[po + this.constants.blocks + c];
  }
  return s;
}

/** Slots [from, from + count) of the norm accumulator. */
export type ClipRange = {
  from: number;
  count: number;
};

/** g' = g·min(1, maxNorm/‖·‖) with ‖·‖ = √(Σ acc[from..from+count)); no scaling when the norm is not above maxNorm. */
export function clipKernel(
  this: KernelThis<ClipRange>, g: DeviceArray, go: number, acc: DeviceArray, ao: number, maxNorm: number,
): number {
  const i = Math.floor(this.thread.x);
  let s = 0;
  for (var q = 0; q < this.constants.count; q++) s += acc[ao + this.constants.from + q];
  const norm = Math.sqrt(s);
  const k = norm > maxNorm ? maxNorm / norm : 1;
  return g[go + i] * k;
}

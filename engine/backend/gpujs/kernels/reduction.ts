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

/**
 * Up to four tensors summed in one launch: element counts n0…n3 (0 for an unused slot), the block length,
 * and where each tensor's blocks end in the output (e0 ≤ e1 ≤ e2 ≤ e3 = total blocks).
 */
export type MultiBlockSizes = {
  block: number;
  n0: number;
  n1: number;
  n2: number;
  n3: number;
  e0: number;
  e1: number;
  e2: number;
  e3: number;
};

/**
 * Partial sums of squares of up to four tensors: output t is block b of tensor k, where tensor k's blocks are
 * outputs [e(k−1), e(k)). Each thread reads one tensor (the others' counts are 0 for it), from an index
 * clamped at 0 so no read ever goes below a tensor's start.
 */
export function multiBlockSumSquaresKernel(
  this: KernelThis<MultiBlockSizes>,
  a0: DeviceArray,
  o0: number,
  a1: DeviceArray,
  o1: number,
  a2: DeviceArray,
  o2: number,
  a3: DeviceArray,
  o3: number,
): number {
  const t = Math.floor(this.thread.x);
  const f0 = t * this.constants.block;
  const f1 = Math.max(0, t - this.constants.e0) * this.constants.block;
  const f2 = Math.max(0, t - this.constants.e1) * this.constants.block;
  const f3 = Math.max(0, t - this.constants.e2) * this.constants.block;
  const c0 = t < this.constants.e0 ? Math.min(this.constants.block, this.constants.n0 - f0) : 0;
  const c1 =
    t >= this.constants.e0 && t < this.constants.e1 ? Math.min(this.constants.block, this.constants.n1 - f1) : 0;
  const c2 =
    t >= this.constants.e1 && t < this.constants.e2 ? Math.min(this.constants.block, this.constants.n2 - f2) : 0;
  const c3 = t >= this.constants.e2 ? Math.min(this.constants.block, this.constants.n3 - f3) : 0;
  let s = 0;
  let v = 0;
  for (var q = 0; q < this.constants.block; q++) {
    v = q < c0 ? a0[o0 + f0 + q] : q < c1 ? a1[o1 + f1 + q] : q < c2 ? a2[o2 + f2 + q] : q < c3 ? a3[o3 + f3 + q] : 0;
    s += v * v;
  }
  return s;
}

/** Accumulator slots first…first+count−1 receive tensors 0…count−1 (count ≤ 4); block ends as MultiBlockSizes. */
export type MultiAccumulateSlots = {
  first: number;
  count: number;
  most: number;
  e0: number;
  e1: number;
  e2: number;
  e3: number;
};

/** acc'ᵢ = accᵢ + Σ of tensor k's partial sums when i = first + k (k < count), else accᵢ. */
export function multiAccumulateKernel(
  this: KernelThis<MultiAccumulateSlots>,
  acc: DeviceArray,
  ao: number,
  part: DeviceArray,
  po: number,
): number {
  const i = Math.floor(this.thread.x);
  const k = i - this.constants.first;
  const start = k < 0.5 ? 0 : k < 1.5 ? this.constants.e0 : k < 2.5 ? this.constants.e1 : this.constants.e2;
  const end =
    k < 0.5 ? this.constants.e0 : k < 1.5 ? this.constants.e1 : k < 2.5 ? this.constants.e2 : this.constants.e3;
  const blocks = k >= 0 && k < this.constants.count ? end - start : 0;
  let s = acc[ao + i];
  for (var b = 0; b < this.constants.most; b++) s += b < blocks ? part[po + start + b] : 0;
  return s;
}

/** Which accumulator slots receive segments 0 and 1 (−1: none), and blocks per segment. */
export type AccumulateSlots = {
  blocks: number;
  slot0: number;
  slot1: number;
};

/** acc'ᵢ = accᵢ + (Σ_b part[s·blocks + b]) when i is the slot of segment s, else accᵢ (the sum first, then added). */
export function accumulateKernel(
  this: KernelThis<AccumulateSlots>,
  acc: DeviceArray,
  ao: number,
  part: DeviceArray,
  po: number,
): number {
  const i = Math.floor(this.thread.x);
  let s = 0;
  if (i === this.constants.slot0) {
    for (var b = 0; b < this.constants.blocks; b++) s += part[po + b];
  }
  if (i === this.constants.slot1) {
    for (var c = 0; c < this.constants.blocks; c++) s += part[po + this.constants.blocks + c];
  }
  return acc[ao + i] + s;
}

/** Slots [from, from + count) of the norm accumulator. */
export type ClipRange = {
  from: number;
  count: number;
};

/** g' = g·min(1, maxNorm/‖·‖) with ‖·‖ = √(Σ acc[from..from+count)); no scaling when the norm is not above maxNorm. */
export function clipKernel(
  this: KernelThis<ClipRange>,
  g: DeviceArray,
  go: number,
  acc: DeviceArray,
  ao: number,
  maxNorm: number,
): number {
  const i = Math.floor(this.thread.x);
  let s = 0;
  for (var q = 0; q < this.constants.count; q++) s += acc[ao + this.constants.from + q];
  const norm = Math.sqrt(s);
  const k = norm > maxNorm ? maxNorm / norm : 1;
  return g[go + i] * k;
}

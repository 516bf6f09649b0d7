/**
 * The optimizer update of two tensors of one layer (a dense layer's kernel and bias, batch norm's γ and β)
 * in one launch (plain body compiled by gpu.js; style rules in kernel-types.ts). The two tensors are laid
 * end to end, N = n0 + n1 elements, and the packed output is [w0' w1' | a0' a1' | b0' b1'] (as many parts
 * as the optimizer has; see kernels/optimizer.ts for the one-tensor layout): thread i computes the
 * whole update of element e = i mod N and returns part ⌊i/N⌋ of it.
 *
 * WebGPU gives a kernel at most 8 storage buffers (7 inputs and the output), and the eight tensors read
 * (w, g, a, b of each) would need 8 inputs on their own. So the kernel reads up to four *buffers*,
 * s0…s3: the constants say which buffer holds each tensor (`sw0` = 2: w0 lives in s2) and the offsets
 * where, so tensors that share a buffer (after one update, every w, a and b of the layer) cost one input.
 * Which buffer is a compile-time constant, but a renderer may still fetch every operand of the `?:` chain
 * (SwiftShader does: 4× the fetches), so once the layer's state sits in one buffer the packed kernels
 * read it directly: `packedUpdateKernel` (both gradients in one buffer, as dense and batch norm write
 * them) and `packedSplitUpdateKernel` (a buffer each, after regularization or clipping).
 */
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/**
 * Element counts of the two tensors; `kind`: 0 sgd, 1 sgd with momentum, 2 rmsprop, 3 adagrad, 4 adam(w);
 * and for each of the eight tensors the buffer (0…3) it is read from.
 */
export type LayerUpdateSizes = {
  n0: number;
  n1: number;
  kind: number;
  sw0: number;
  sg0: number;
  sa0: number;
  sb0: number;
  sw1: number;
  sg1: number;
  sa1: number;
  sb1: number;
};

/** The general kernel: the eight tensors read from up to four buffers (formulas on `updatedPart`). */
export function layerUpdateKernel(
  this: KernelThis<LayerUpdateSizes>,
  s0: DeviceArray,
  p0: number,
  s1: DeviceArray,
  p1: number,
  s2: DeviceArray,
  p2: number,
  s3: DeviceArray,
  p3: number,
  ow0: number,
  og0: number,
  oa0: number,
  ob0: number,
  ow1: number,
  og1: number,
  oa1: number,
  ob1: number,
  h0: number,
  h1: number,
  h2: number,
  h3: number,
  h4: number,
  h5: number,
  h6: number,
): number {
  const i = Math.floor(this.thread.x);
  const n = this.constants.n0 + this.constants.n1;
  const part = Math.floor((i + 0.5) / n);
  const e = i - part * n;
  // index into tensor 0 and into tensor 1, each clamped into its tensor so no read leaves bounds
  const l0 = Math.min(e, this.constants.n0 - 1);
  const l1 = Math.max(0, e - this.constants.n0);
  const sw = e < this.constants.n0 ? this.constants.sw0 : this.constants.sw1;
  const xw = e < this.constants.n0 ? ow0 + l0 : ow1 + l1;
  const w = sw < 0.5 ? s0[xw] : sw < 1.5 ? s1[xw] : sw < 2.5 ? s2[xw] : s3[xw];
  const sg = e < this.constants.n0 ? this.constants.sg0 : this.constants.sg1;
  const xg = e < this.constants.n0 ? og0 + l0 : og1 + l1;
  const g = sg < 0.5 ? s0[xg] : sg < 1.5 ? s1[xg] : sg < 2.5 ? s2[xg] : s3[xg];
  const sa = e < this.constants.n0 ? this.constants.sa0 : this.constants.sa1;
  const xa = e < this.constants.n0 ? oa0 + l0 : oa1 + l1;
  const a = sa < 0.5 ? s0[xa] : sa < 1.5 ? s1[xa] : sa < 2.5 ? s2[xa] : s3[xa];
  const sb = e < this.constants.n0 ? this.constants.sb0 : this.constants.sb1;
  const xb = e < this.constants.n0 ? ob0 + l0 : ob1 + l1;
  const b = sb < 0.5 ? s0[xb] : sb < 1.5 ? s1[xb] : sb < 2.5 ? s2[xb] : s3[xb];
  return updatedPart(this.constants.kind, part, w, g, a, b, h0, h1, h2, h3, h4, h5, h6);
}

/** Sizes of the packed kernels: the two tensors' element counts and the optimizer (`kind` as above). */
export type PackedUpdateSizes = {
  n0: number;
  n1: number;
  kind: number;
};

/** The layer's w, a, b in buffer s and both gradients in buffer g, at the offsets given (formulas on `updatedPart`). */
export function packedUpdateKernel(
  this: KernelThis<PackedUpdateSizes>,
  s: DeviceArray,
  so: number,
  g: DeviceArray,
  go: number,
  ow0: number,
  oa0: number,
  ob0: number,
  og0: number,
  ow1: number,
  oa1: number,
  ob1: number,
  og1: number,
  h0: number,
  h1: number,
  h2: number,
  h3: number,
  h4: number,
  h5: number,
  h6: number,
): number {
  const i = Math.floor(this.thread.x);
  const n = this.constants.n0 + this.constants.n1;
  const part = Math.floor((i + 0.5) / n);
  const e = i - part * n;
  const l0 = Math.min(e, this.constants.n0 - 1);
  const l1 = Math.max(0, e - this.constants.n0);
  const w = s[e < this.constants.n0 ? ow0 + l0 : ow1 + l1];
  const a = s[e < this.constants.n0 ? oa0 + l0 : oa1 + l1];
  const b = s[e < this.constants.n0 ? ob0 + l0 : ob1 + l1];
  const gv = g[e < this.constants.n0 ? og0 + l0 : og1 + l1];
  return updatedPart(this.constants.kind, part, w, gv, a, b, h0, h1, h2, h3, h4, h5, h6);
}

/** As packedUpdateKernel, with each gradient in a buffer of its own (g0, g1). */
export function packedSplitUpdateKernel(
  this: KernelThis<PackedUpdateSizes>,
  s: DeviceArray,
  so: number,
  g0: DeviceArray,
  g0o: number,
  g1: DeviceArray,
  g1o: number,
  ow0: number,
  oa0: number,
  ob0: number,
  og0: number,
  ow1: number,
  oa1: number,
  ob1: number,
  og1: number,
  h0: number,
  h1: number,
  h2: number,
  h3: number,
  h4: number,
  h5: number,
  h6: number,
): number {
  const i = Math.floor(this.thread.x);
  const n = this.constants.n0 + this.constants.n1;
  const part = Math.floor((i + 0.5) / n);
  const e = i - part * n;
  const l0 = Math.min(e, this.constants.n0 - 1);
  const l1 = Math.max(0, e - this.constants.n0);
  const w = s[e < this.constants.n0 ? ow0 + l0 : ow1 + l1];
  const a = s[e < this.constants.n0 ? oa0 + l0 : oa1 + l1];
  const b = s[e < this.constants.n0 ? ob0 + l0 : ob1 + l1];
  const gv = e < this.constants.n0 ? g0[og0 + l0] : g1[og1 + l1];
  return updatedPart(this.constants.kind, part, w, gv, a, b, h0, h1, h2, h3, h4, h5, h6);
}

/**
 * Part `part` (0: w′, 1: a′, 2: b′) of one element's update (h: the optimizer's numbers, in the order
 * ops/layer-update.ts passes them; kind: 0 sgd, 1 momentum, 2 rmsprop, 3 adagrad, 4 adam):
 * - sgd (h0 = lr): w ← w − lr·g
 * - momentum (lr, μ, nesterov): a ← μa + g; w ← w − lr·(nesterov ? g + μa : a)
 * - rmsprop (lr, ρ, ε, μ): a ← ρa + (1−ρ)g²; u = g/(√a + ε); μ > 0: b ← μb + u, w ← w − lr·b; else w ← w − lr·u
 * - adagrad (lr, ε): a ← a + g²; w ← w − lr·g/(√a + ε)
 * - adam (lr, β₁, β₂, ε, decay, c1, c2): a ← β₁a + (1−β₁)g; b ← β₂b + (1−β₂)g²; w ← w·decay − lr·a·c1/(√(b·c2) + ε)
 */
export function updatedPart(
  kind: number,
  part: number,
  w: number,
  g: number,
  a: number,
  b: number,
  h0: number,
  h1: number,
  h2: number,
  h3: number,
  h4: number,
  h5: number,
  h6: number,
): number {
  const a1 =
    kind < 1.5 ? h1 * a + g : kind < 2.5 ? h1 * a + (1 - h1) * g * g : kind < 3.5 ? a + g * g : h1 * a + (1 - h1) * g;
  const b1 = h2 * b + (1 - h2) * g * g;
  // one square root and one division for whichever optimizer runs (a renderer may evaluate every arm of a ?:,
  // so the arms hold only cheap arithmetic): rmsprop g/(√a + ε), adagrad lr·g/(√a + ε), adam lr·m·c1/(√(v·c2) + ε)
  const q =
    (kind < 2.5 ? g : kind < 3.5 ? h0 * g : h0 * a1 * h5) /
    (Math.sqrt(kind < 3.5 ? a1 : b1 * h6) + (kind < 2.5 ? h2 : kind < 3.5 ? h1 : h3));
  const rb = h3 > 0 ? h3 * b + q : q;
  const w1 =
    kind < 0.5
      ? w - h0 * g
      : kind < 1.5
        ? w - h0 * (h2 > 0.5 ? g + h1 * a1 : a1)
        : kind < 2.5
          ? w - h0 * rb
          : kind < 3.5
            ? w - q
            : w * h4 - q;
  return part < 0.5 ? w1 : part < 1.5 ? a1 : kind < 2.5 ? rb : b1;
}

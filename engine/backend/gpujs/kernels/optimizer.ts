/**
 * Optimizer updates, one fused launch per tensor (plain bodies compiled by gpu.js; style rules in kernel-types.ts).
 * gpu.js gives a kernel one output, so the new weight and the new state are packed in it: thread i
 * computes the whole update of element e = i mod size and returns part ⌊i/size⌋ of it. The weight is
 * part 0, so it stays a plain view at offset 0 for the next forward pass.
 */
import type { DeviceArray, KernelThis } from './kernel-types.ts';

/** Elements of the tensor being updated. */
export type UpdateSize = {
  size: number;
};

type K = KernelThis<UpdateSize>;

/** Which part of the packed output thread i writes, and its element. */
export function partOf(i: number, size: number): number {
  return Math.floor((i + 0.5) / size);
}

/** Plain SGD: w ← w − lr·g (one part). */
export function sgdKernel(this: K, w: DeviceArray, wo: number, g: DeviceArray, go: number, lr: number): number {
  const i = Math.floor(this.thread.x);
  return w[wo + i] - lr * g[go + i];
}

/** Momentum SGD, [w' | v']: v ← μv + g; w ← w − lr·(nesterov ? g + μv : v). */
export function sgdMomentumKernel(
  this: K,
  w: DeviceArray,
  wo: number,
  g: DeviceArray,
  go: number,
  a: DeviceArray,
  ao: number,
  lr: number,
  mu: number,
  nesterov: number,
): number {
  const i = Math.floor(this.thread.x);
  const part = partOf(i, this.constants.size);
  const e = i - part * this.constants.size;
  const gi = g[go + e];
  const v = mu * a[ao + e] + gi;
  const w1 = w[wo + e] - lr * (nesterov > 0.5 ? gi + mu * v : v);
  return part < 0.5 ? w1 : v;
}

/** RMSprop, [w' | s'] (μ = 0) or [w' | s' | b'] (μ > 0): s ← ρs + (1−ρ)g²; u = g/(√s + ε); b ← μb + u, w ← w − lr·b; or w ← w − lr·u. */
export function rmspropKernel(
  this: K,
  w: DeviceArray,
  wo: number,
  g: DeviceArray,
  go: number,
  a: DeviceArray,
  ao: number,
  b: DeviceArray,
  bo: number,
  lr: number,
  rho: number,
  epsilon: number,
  mu: number,
): number {
  const i = Math.floor(this.thread.x);
  const part = partOf(i, this.constants.size);
  const e = i - part * this.constants.size;
  const gi = g[go + e];
  const s = rho * a[ao + e] + (1 - rho) * gi * gi;
  const u = gi / (Math.sqrt(s) + epsilon);
  const m = mu > 0 ? mu * b[bo + e] + u : u;
  const w1 = w[wo + e] - lr * m;
  return part < 0.5 ? w1 : part < 1.5 ? s : m;
}

/** Adagrad, [w' | a']: a ← a + g²; w ← w − lr·g/(√a + ε). */
export function adagradKernel(
  this: K,
  w: DeviceArray,
  wo: number,
  g: DeviceArray,
  go: number,
  a: DeviceArray,
  ao: number,
  lr: number,
  epsilon: number,
): number {
  const i = Math.floor(this.thread.x);
  const part = partOf(i, this.constants.size);
  const e = i - part * this.constants.size;
  const gi = g[go + e];
  const s = a[ao + e] + gi * gi;
  const w1 = w[wo + e] - (lr * gi) / (Math.sqrt(s) + epsilon);
  return part < 0.5 ? w1 : s;
}

/**
 * Adam(W), [w' | m' | v'] in one launch: m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²;
 * w ← w·decay − lr·m·c1/(√(v·c2) + ε), decay = 1 − lr·λ, c1 = 1/(1−β₁ᵗ), c2 = 1/(1−β₂ᵗ).
 */
export function adamKernel(
  this: K,
  w: DeviceArray,
  wo: number,
  g: DeviceArray,
  go: number,
  a: DeviceArray,
  ao: number,
  b: DeviceArray,
  bo: number,
  lr: number,
  beta1: number,
  beta2: number,
  epsilon: number,
  decay: number,
  c1: number,
  c2: number,
): number {
  const i = Math.floor(this.thread.x);
  const part = partOf(i, this.constants.size);
  const e = i - part * this.constants.size;
  const gi = g[go + e];
  const m = beta1 * a[ao + e] + (1 - beta1) * gi;
  const v = beta2 * b[bo + e] + (1 - beta2) * gi * gi;
  const w1 = w[wo + e] * decay - (lr * m * c1) / (Math.sqrt(v * c2) + epsilon);
  return part < 0.5 ? w1 : part < 1.5 ? m : v;
}

/** Regularization: g ← g + l1·sign(w) + 2·l2·w. */
export function regularizeKernel(
  this: KernelThis<Record<string, number>>,
  w: DeviceArray,
  wo: number,
  g: DeviceArray,
  go: number,
  l1: number,
  l2: number,
): number {
  const i = Math.floor(this.thread.x);
  const wi = w[wo + i];
  return g[go + i] + l1 * Math.sign(wi) + 2 * l2 * wi;
}

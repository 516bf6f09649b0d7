/**
 * Fused optimizer updates, one pass per tensor. Math in f64 lanes (f64x2), term for term as the
 * reference (state rounded to float32 on store, updates from the unrounded values), so results are
 * bit-identical to it. Two elements per step; an odd last element goes through the same code with
 * one-lane loads and stores.
 */

// @ts-ignore: decorator
@inline function ld(p: usize, i: i32, wide: bool): v128 {
  const q = p + (<usize>i << 2);
  return f64x2.promote_low_f32x4(wide ? v128.load64_zero(q) : v128.load32_zero(q));
}

// @ts-ignore: decorator
@inline function st(p: usize, i: i32, v: v128, wide: bool): void {
  const q = p + (<usize>i << 2);
  const h = f32x4.demote_f64x2_zero(v);
  if (wide) v128.store64_lane(q, h, 0);
  else v128.store32_lane(q, h, 0);
}

// @ts-ignore: decorator
@inline function k(x: f64): v128 {
  return f64x2.splat(x);
}

// @ts-ignore: decorator
@inline function sgdAt(w: usize, g: usize, a: usize, i: i32, lr: f64, mu: f64, nesterov: bool, wide: bool): void {
  const gi = ld(g, i, wide);
  const v = f64x2.add(f64x2.mul(k(mu), ld(a, i, wide)), gi);
  st(a, i, v, wide);
  const u = nesterov ? f64x2.add(gi, f64x2.mul(k(mu), v)) : v;
  st(w, i, f64x2.sub(ld(w, i, wide), f64x2.mul(k(lr), u)), wide);
}

/** SGD: μ = 0: w ← w − lr·g; else v ← μv + g; w ← w − lr·(nesterov ? g + μv : v). */
export function sgd(w: usize, g: usize, a: usize, n: i32, lr: f64, mu: f64, nesterov: bool): void {
  let i = 0;
  if (mu == 0) {
    for (; i + 2 <= n; i += 2) st(w, i, f64x2.sub(ld(w, i, true), f64x2.mul(k(lr), ld(g, i, true))), true);
    if (i < n) st(w, i, f64x2.sub(ld(w, i, false), f64x2.mul(k(lr), ld(g, i, false))), false);
    return;
  }
  for (; i + 2 <= n; i += 2) sgdAt(w, g, a, i, lr, mu, nesterov, true);
  if (i < n) sgdAt(w, g, a, i, lr, mu, nesterov, false);
}

// @ts-ignore: decorator
@inline function rmspropAt(w: usize, g: usize, a: usize, b: usize, i: i32, lr: f64, rho: f64, eps: f64, mu: f64, wide: bool): void {
  const gi = ld(g, i, wide);
  const s = f64x2.add(f64x2.mul(k(rho), ld(a, i, wide)), f64x2.mul(f64x2.mul(k(1 - rho), gi), gi));
  st(a, i, s, wide);
  const u = f64x2.div(gi, f64x2.add(f64x2.sqrt(s), k(eps)));
  if (mu > 0) {
    st(b, i, f64x2.add(f64x2.mul(k(mu), ld(b, i, wide)), u), wide);
    st(w, i, f64x2.sub(ld(w, i, wide), f64x2.mul(k(lr), ld(b, i, wide))), wide);
  } else {
    st(w, i, f64x2.sub(ld(w, i, wide), f64x2.mul(k(lr), u)), wide);
  }
}

/** RMSprop: s ← ρs + (1−ρ)g²; μ > 0: b ← μb + g/(√s + ε), w ← w − lr·b; μ = 0: w ← w − lr·g/(√s + ε). */
export function rmsprop(w: usize, g: usize, a: usize, b: usize, n: i32, lr: f64, rho: f64, eps: f64, mu: f64): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) rmspropAt(w, g, a, b, i, lr, rho, eps, mu, true);
  if (i < n) rmspropAt(w, g, a, b, i, lr, rho, eps, mu, false);
}

// @ts-ignore: decorator
@inline function adagradAt(w: usize, g: usize, a: usize, i: i32, lr: f64, eps: f64, wide: bool): void {
  const gi = ld(g, i, wide);
  const s = f64x2.add(ld(a, i, wide), f64x2.mul(gi, gi));
  st(a, i, s, wide);
  st(w, i, f64x2.sub(ld(w, i, wide), f64x2.div(f64x2.mul(k(lr), gi), f64x2.add(f64x2.sqrt(s), k(eps)))), wide);
}

/** Adagrad: a ← a + g²; w ← w − lr·g/(√a + ε). */
export function adagrad(w: usize, g: usize, a: usize, n: i32, lr: f64, eps: f64): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) adagradAt(w, g, a, i, lr, eps, true);
  if (i < n) adagradAt(w, g, a, i, lr, eps, false);
}

// @ts-ignore: decorator
@inline function adamAt(
  w: usize, g: usize, a: usize, b: usize, i: i32,
  lr: f64, beta1: f64, beta2: f64, eps: f64, decay: f64, c1: f64, c2: f64, wide: bool,
): void {
  const gi = ld(g, i, wide);
  const m = f64x2.add(f64x2.mul(k(beta1), ld(a, i, wide)), f64x2.mul(k(1 - beta1), gi));
  const v = f64x2.add(f64x2.mul(k(beta2), ld(b, i, wide)), f64x2.mul(f64x2.mul(k(1 - beta2), gi), gi));
  st(a, i, m, wide);
  st(b, i, v, wide);
  const step = f64x2.div(f64x2.mul(f64x2.mul(k(lr), m), k(c1)), f64x2.add(f64x2.sqrt(f64x2.mul(v, k(c2))), k(eps)));
  st(w, i, f64x2.sub(f64x2.mul(ld(w, i, wide), k(decay)), step), wide);
}

/**
 * Adam(W): w ← w·decay; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; w ← w − lr·m·c1/(√(v·c2) + ε),
 * with decay = 1 − lr·λ, c1 = 1/(1−β₁ᵗ), c2 = 1/(1−β₂ᵗ) computed by the caller.
 */
export function adam(
  w: usize, g: usize, a: usize, b: usize, n: i32,
  lr: f64, beta1: f64, beta2: f64, eps: f64, decay: f64, c1: f64, c2: f64,
): void {
  let i = 0;
  for (; i + 2 <= n; i += 2) adamAt(w, g, a, b, i, lr, beta1, beta2, eps, decay, c1, c2, true);
  if (i < n) adamAt(w, g, a, b, i, lr, beta1, beta2, eps, decay, c1, c2, false);
}

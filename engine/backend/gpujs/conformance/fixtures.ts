/** Seeded inputs for the conformance cases (identical on every run and platform). */
import type { Backend, Tensor } from '../../backend.ts';
import { Random } from '../../../random.ts';

/** n uniform values in [lo, hi), from `seed`. */
export function uniform(seed: number, n: number, lo = -1, hi = 1): Float32Array {
  const r = new Random(seed);
  return Float32Array.from({ length: n }, () => r.uniform(lo, hi));
}

/** n standard-normal values from `seed`. */
export function normal(seed: number, n: number, scale = 1): Float32Array {
  const r = new Random(seed);
  return Float32Array.from({ length: n }, () => scale * r.normal());
}

/** Read several tensors into named outputs. */
export async function readAll(be: Backend, tensors: Record<string, Tensor>): Promise<Record<string, Float32Array>> {
  const out: Record<string, Float32Array> = {};
  for (const [k, t] of Object.entries(tensors)) out[k] = await be.read(t);
  return out;
}

/** Dispose every tensor (cases clean up so long suites do not hold memory). */
export function disposeAll(be: Backend, tensors: readonly Tensor[]): void {
  for (const t of tensors) be.dispose(t);
}

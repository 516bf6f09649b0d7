/** Decides whether helper threads pay off here, by timing one multiply on 1 thread and on all of them. */
import { INIT_ZERO } from './kernels.ts';
import type { KernelThreads } from './threads.ts';
import type { WasmBackend } from './wasm-backend.ts';

/** Square size of the timed multiply (~0.6 ms on one core), rounds, and multiplies per round. */
const SIZE = 256;
const ROUNDS = 3;
const REPS = 6;

/** Milliseconds, sub-millisecond where the runtime has `performance` (Node, browsers, workers). */
const clock: () => number = (() => {
  const p = (globalThis as unknown as { performance?: { now(): number } }).performance;
  return p ? () => p.now() : () => Date.now();
})();

/** Best-of-rounds time on 1 thread ÷ on `threads` for a [SIZE]³ multiply (about 40 ms in all, warm-up included). */
export function calibrateThreads(backend: WasmBackend, threads: KernelThreads): number {
  const bytes = SIZE * SIZE * 4;
  const [a, b, c] = [backend.allocBytes(bytes), backend.allocBytes(bytes), backend.allocBytes(bytes)];
  const one = () => backend.gemmOn(null, a, SIZE, 1, b, SIZE, c, SIZE, SIZE, SIZE, SIZE, INIT_ZERO, 0);
  const all = () => backend.gemmOn(threads, a, SIZE, 1, b, SIZE, c, SIZE, SIZE, SIZE, SIZE, INIT_ZERO, 0);
  const best = (f: () => void) => {
    let t = Infinity;
    for (let r = 0; r < ROUNDS; r++) {
      const start = clock();
      for (let i = 0; i < REPS; i++) f();
      t = Math.min(t, (clock() - start) / REPS);
    }
    return t;
  };
  try {
    // Warm up: the first calls run baseline-compiled code and wake a sleeping helper.
    for (let i = 0; i < 3 * REPS; i++) {
      one();
      all();
    }
    return best(one) / Math.max(1e-3, best(all));
  } finally {
    for (const p of [a, b, c]) backend.free(p);
  }
}

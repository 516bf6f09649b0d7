/**
 * How many threads the app's engine worker gives the wasm backend. The page's own thread (rendering,
 * input) needs a core to stay under the 50 ms long-task budget while a run trains, so the engine takes
 * the other cores, up to four (the benchmark's shapes gain little past that: bands of 4 rows get thin).
 * On a 2-core machine that is one thread: a second busy core made the page miss frames.
 */

/** Most threads the engine worker uses, itself included. */
export const MAX_APP_WASM_THREADS = 4;

/** Threads for the wasm backend, and why, given `navigator.hardwareConcurrency` (undefined when unknown). */
export function appWasmThreads(hardwareConcurrency: number | undefined): { count: number; reason: string } {
  const cores =
    Number.isInteger(hardwareConcurrency) && (hardwareConcurrency ?? 0) > 0 ? (hardwareConcurrency as number) : 1;
  const count = Math.max(1, Math.min(MAX_APP_WASM_THREADS, cores - 1));
  const why =
    cores === 1
      ? 'this machine reports 1 logical CPU'
      : `this machine has ${cores} logical CPUs and the page keeps one`;
  return { count, reason: `${count} thread${count > 1 ? 's' : ''}: ${why}` };
}

/** Milliseconds from a monotonic clock: `performance.now` where the runtime has it (Node, browsers, workers), else Date.now. */
export const now: () => number = (() => {
  const p = (globalThis as unknown as { performance?: { now(): number } }).performance;
  return p && typeof p.now === 'function' ? () => p.now() : () => Date.now();
})();

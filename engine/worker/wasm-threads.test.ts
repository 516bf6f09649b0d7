import { describe, expect, it } from 'vitest';
import { appWasmThreads, MAX_APP_WASM_THREADS } from './wasm-threads.ts';

describe('threads the app gives the wasm backend', () => {
  it('leaves one core to the page and uses the rest, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 8, 16].map((c) => appWasmThreads(c).count)).toEqual([1, 1, 2, 3, 4, 4, 4]);
    expect(appWasmThreads(64).count).toBe(MAX_APP_WASM_THREADS);
  });
  it('runs on one thread when the core count is unknown or nonsense', () => {
    for (const c of [undefined, 0, -3, 2.5, Number.NaN]) expect(appWasmThreads(c).count).toBe(1);
  });
  it('says why, for the run log', () => {
    expect(appWasmThreads(2).reason).toBe('1 thread: this machine has 2 logical CPUs and the page keeps one');
    expect(appWasmThreads(8).reason).toBe('4 threads: this machine has 8 logical CPUs and the page keeps one');
  });
});

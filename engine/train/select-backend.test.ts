/** `auto` calibration: times the real step without per-step read-backs, after warm-up, and keeps the fastest. */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../backend/backend.ts';
import { CpuBackend, registerBackend } from '../backend/index.ts';
import type { NetworkSpec, Task } from '../spec/types.ts';
import { selectBackend, timeSteps } from './select-backend.ts';

const task: Task = { kind: 'classification', classes: ['a', 'b', 'c'] };
const spec: NetworkSpec = {
  layers: [
    { id: 'h', type: 'dense', units: 8, activation: 'relu' },
    { id: 'out', type: 'dense', units: 'auto' },
  ],
  training: { batchSize: 16, optimizer: { type: 'adam', learningRate: 1e-3 } },
};

/** A CPU backend whose every op advances a shared fake clock by `cost`, and which counts its read-backs. */
function clocked(clock: { t: number }, cost: number, name: Backend['name'] = 'cpu'): CpuBackend & { reads: number[] } {
  const b = Object.assign(new CpuBackend(), { reads: [] as number[] });
  return new Proxy(b, {
    get(target, key, receiver) {
      if (key === 'name') return name;
      const v = Reflect.get(target, key, receiver) as unknown;
      if (typeof v !== 'function' || key === 'destroy') return v;
      return (...args: unknown[]) => {
        clock.t += cost;
        if (key === 'read') target.reads.push(clock.t);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

describe('timeSteps', () => {
  it('times only the steps after warm-up and reads the loss back once, at the end', async () => {
    const clock = { t: 0 };
    const b = clocked(clock, 1);
    let started = -1;
    const ms = await timeSteps(b, spec, 4, task, () => {
      if (started < 0) started = clock.t;
      return clock.t;
    });
    // one read after the warm-up, one after the timed steps: none per step
    expect(b.reads).toHaveLength(2);
    expect(b.reads[0]).toBeLessThanOrEqual(started + 1);
    // ops per step: uploads, forward, loss, backward, norms, 4 optimizer updates, and the final read
    expect(ms).toBeGreaterThan(10);
    expect(ms).toBeLessThan(40);
  });
});

describe('selectBackend', () => {
  it('keeps the candidate whose steps ran fastest and says so', async () => {
    const clock = { t: 0 };
    // stand-ins for a GPU that is 5× slower per op and the wasm path
    registerBackend({
      name: 'gpujs-webgl2',
      unavailable: async () => null,
      create: async () => clocked(clock, 5, 'gpujs-webgl2'),
    });
    registerBackend({ name: 'wasm', unavailable: async () => null, create: async () => clocked(clock, 1, 'wasm') });
    const chosen = await selectBackend('auto', spec, 4, task, () => clock.t);
    expect(chosen.backend.name).toBe('wasm');
    expect(chosen.calibration.map((c) => c.name)).toEqual(['gpujs-webgl2', 'wasm']);
    const [gpu, wasm] = chosen.calibration.map((c) => c.msPerStep!);
    expect(gpu / wasm).toBeCloseTo(5, 5);
    expect(chosen.reason).toMatch(
      /^auto: fastest for this network at batch size 16 — [\d.]+ ms per step \(vs gpujs-webgl2 [\d.]+ ms\)$/,
    );
  });
});

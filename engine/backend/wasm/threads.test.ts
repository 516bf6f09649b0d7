/**
 * The wasm backend on 2 and 3 threads (helpers on worker_threads) gives bit-identical results to 1
 * thread: threads split a multiply by whole output rows and an Adam update by elements, so every
 * element is computed by the same instructions in the same order.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodeThreadHost } from '../../node/wasm-thread-host.ts';
import type { Tensor } from '../backend.ts';
import { Random } from '../../random.ts';
import { createWasmBackend } from './index.ts';
import type { WasmBackend } from './wasm-backend.ts';

const backends: WasmBackend[] = [];
afterAll(() => backends.forEach((b) => b.destroy()));

async function setup(threads: number): Promise<WasmBackend> {
  const b = await createWasmBackend(threads > 1 ? { threads: { host: nodeThreadHost, count: threads } } : {});
  backends.push(b);
  return b;
}

describe('wasm backend on helper threads', () => {
  it('labels its thread count', async () => {
    const b = await setup(2);
    expect(b.label).toBe('WebAssembly SIMD · 2 threads');
    expect(b.threadCount).toBe(2);
  });

  for (const threads of [2, 3]) {
    it(`dense forward/backward and Adam on ${threads} threads equal 1 thread bit for bit`, async () => {
      const [one, many] = [await setup(1), await setup(threads)];
      const rng = new Random(threads);
      for (const [n, inputs, units] of [
        [1, 300, 257],
        [37, 129, 61],
        [130, 50, 10],
        [256, 784, 256],
        [128, 32, 128],
        [5, 999, 33],
      ]) {
        const data = (size: number) => Float32Array.from({ length: size }, () => rng.uniform(-1, 1));
        const make = (shape: number[], values = data(shape.reduce((a, b) => a * b, 1))) =>
          [one.tensor(shape, values), many.tensor(shape, values)] as const;
        const [x, w, b, z, dz, dw, db, dx] = [
          make([n, inputs]),
          make([inputs, units]),
          make([units]),
          make([n, units]),
          make([n, units]),
          make([inputs, units]),
          make([units]),
          make([n, inputs]),
        ];
        const m = make([inputs, units], new Float32Array(inputs * units));
        const v = make([inputs, units], new Float32Array(inputs * units));
        [one, many].forEach((be, i) => {
          be.denseForward(x[i], w[i], b[i], z[i]);
          be.denseBackward(x[i], w[i], dz[i], dw[i], db[i], dx[i]);
          for (let t = 1; t <= 3; t++) {
            be.applyUpdate(
              { type: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0, t },
              w[i],
              dw[i],
              { a: m[i], b: v[i] },
            );
          }
        });
        for (const [a, c] of [z, dw, db, dx, w, m, v] as (readonly [Tensor, Tensor])[]) {
          expect(Array.from(await many.read(c))).toEqual(Array.from(await one.read(a)));
        }
      }
    });
  }

  it('runs every chunk itself and pauses splitting when no helper ever takes work', async () => {
    // A host whose "threads" never start: the calling thread must still finish every job, alone.
    const idle = await createWasmBackend({
      threads: { host: { start: async () => ({ terminate: () => {} }) }, count: 2 },
    });
    const one = await setup(1);
    backends.push(idle);
    const rng = new Random(9);
    const both = (shape: number[]) => {
      const values = Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform(-1, 1));
      return [one.tensor(shape, values), idle.tensor(shape, values)];
    };
    const [x, w, b, z] = [both([64, 96]), both([96, 96]), both([96]), both([64, 96])];
    for (let i = 0; i < 200; i++) idle.denseForward(x[1], w[1], b[1], z[1]);
    one.denseForward(x[0], w[0], b[0], z[0]);
    expect(Array.from(await idle.read(z[1]))).toEqual(Array.from(await one.read(z[0])));
    const stats = idle.threadStats!;
    // Windows of 64 split jobs without help, each followed by a pause twice as long as the last:
    // 64 split, 64 alone, 64 split, then the last 8 of a 128-job pause.
    expect(stats.helped).toBe(0);
    expect(stats.jobs).toBe(128);
    expect(stats.alone).toBe(72);
  });
});

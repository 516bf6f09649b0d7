/**
 * Dense forward/backward on the wasm backend against the CPU reference.
 * Tolerance: max |wasm − cpu| ≤ 1e-5 · max(1, max |cpu|) (float32 sums of up to ~800 terms,
 * accumulated in a different order and with separate multiply/add roundings).
 */
import { describe, expect, it } from 'vitest';
import { createPairContext } from './fixtures/pair.ts';

const TOLERANCE = 1e-5;

/** [rows, inputs, units]: n = 1, sizes off the 4- and 8-wide tiles, and the benchmark's shapes. */
const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [1, 3, 5],
  [1, 784, 10],
  [2, 7, 9],
  [3, 5, 4],
  [5, 33, 17],
  [7, 13, 8],
  [9, 6, 3],
  [13, 64, 4],
  [31, 29, 23],
  [130, 50, 10],
  [128, 32, 128],
  [256, 256, 128],
  [67, 784, 37],
];

describe('wasm dense layer matches the CPU reference', () => {
  for (const [n, inputs, units] of SHAPES) {
    it(`[${n}, ${inputs}] · [${inputs}, ${units}]`, async () => {
      const c = await createPairContext(n * 1000 + inputs * 10 + units);
      const x = c.pair([n, inputs]);
      const w = c.pair([inputs, units]);
      const b = c.pair([units]);
      const z = c.pair([n, units]);
      for (const k of [c.wasm, c.cpu] as const) {
        const s = k === c.wasm ? 'wasm' : 'cpu';
        k.denseForward(x[s], w[s], b[s], z[s]);
      }
      expect(await c.relativeError(z)).toBeLessThanOrEqual(TOLERANCE);

      const dz = c.pair([n, units]);
      const dw = c.pair([inputs, units]);
      const db = c.pair([units]);
      const dx = c.pair([n, inputs]);
      c.wasm.denseBackward(x.wasm, w.wasm, dz.wasm, dw.wasm, db.wasm, dx.wasm);
      c.cpu.denseBackward(x.cpu, w.cpu, dz.cpu, dw.cpu, db.cpu, dx.cpu);
      expect(await c.relativeError(dw)).toBeLessThanOrEqual(TOLERANCE);
      expect(await c.relativeError(dx)).toBeLessThanOrEqual(TOLERANCE);
      // db sums float32 values in row order on both backends: identical.
      expect(await c.absoluteError(db)).toBe(0);
    });
  }

  it('skips dx when it is null and leaves neighbouring memory alone', async () => {
    const c = await createPairContext(7);
    const x = c.pair([5, 6]);
    const w = c.pair([6, 3]);
    const dz = c.pair([5, 3]);
    const dw = c.pair([6, 3]);
    const db = c.pair([3]);
    const guard = c.pair([11]);
    c.wasm.denseBackward(x.wasm, w.wasm, dz.wasm, dw.wasm, db.wasm, null);
    c.cpu.denseBackward(x.cpu, w.cpu, dz.cpu, dw.cpu, db.cpu, null);
    expect(await c.relativeError(dw)).toBeLessThanOrEqual(TOLERANCE);
    expect(await c.absoluteError(guard)).toBe(0);
  });

  it('forward overwrites a z that held old values', async () => {
    const c = await createPairContext(8);
    const x = c.pair([6, 10]);
    const w = c.pair([10, 12]);
    const b = c.pair([12]);
    const z = c.pair([6, 12], undefined, 50, 60);
    c.wasm.denseForward(x.wasm, w.wasm, b.wasm, z.wasm);
    c.cpu.denseForward(x.cpu, w.cpu, b.cpu, z.cpu);
    expect(await c.relativeError(z)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('activations fused into the dense forward kernel', () => {
  const FUSED = ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu'] as const;
  // [rows, inputs, units]: a band split across tiles and edge columns, and the benchmark's W1 hidden layer.
  for (const [n, inputs, units] of [
    [7, 13, 5],
    [128, 32, 128],
  ] as const) {
    for (const activation of FUSED) {
      it(`${activation} on [${n}, ${inputs}]·[${inputs}, ${units}] equals the unfused pair bit for bit, on wasm and on the reference`, async () => {
        const c = await createPairContext(n + inputs + units);
        const x = c.pair([n, inputs], undefined, -6, 6);
        const w = c.pair([inputs, units]);
        const b = c.pair([units]);
        const dy = c.pair([n, units]);
        for (const [be, s] of [
          [c.wasm, 'wasm'],
          [c.cpu, 'cpu'],
        ] as const) {
          const [y, dz, z, y2, dz2] = [0, 1, 2, 3, 4].map(() => be.tensor([n, units]));
          be.denseForward(x[s], w[s], b[s], y, activation);
          be.activationBackward(activation, y, y, dy[s], dz);
          be.denseForward(x[s], w[s], b[s], z);
          be.activationForward(activation, z, y2);
          be.activationBackward(activation, z, y2, dy[s], dz2);
          expect(await be.read(y)).toEqual(await be.read(y2));
          expect(await be.read(dz)).toEqual(await be.read(dz2));
        }
      });
    }
  }
});

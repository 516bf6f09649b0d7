/**
 * Activations, dropout and batch norm on the wasm backend against the CPU reference. Both compute in
 * float64 and round once to float32, so results agree to the last bit except where libm's exp/tanh/log
 * differ by an ulp in float64: tolerance max |wasm − cpu| ≤ 1e-6 · max(1, max |cpu|).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../spec/types.ts';
import { createPairContext } from './fixtures/pair.ts';

const TOLERANCE = 1e-6;
const SHAPES: number[][] = [[1, 1], [1, 7], [3, 5], [17, 10], [64, 33], [9]];

describe('wasm activations match the CPU reference', () => {
  for (const name of ACTIVATION_NAMES) {
    for (const shape of SHAPES) {
      it(`${name} on [${shape.join(', ')}]`, async () => {
        const c = await createPairContext(shape.length * 100 + shape[0]);
        const z = c.pair(shape, undefined, -6, 6);
        const y = c.pair(shape);
        const dy = c.pair(shape);
        const dz = c.pair(shape);
        c.wasm.activationForward(name, z.wasm, y.wasm);
        c.cpu.activationForward(name, z.cpu, y.cpu);
        expect(await c.relativeError(y)).toBeLessThanOrEqual(TOLERANCE);
        c.wasm.activationBackward(name, z.wasm, y.wasm, dy.wasm, dz.wasm);
        c.cpu.activationBackward(name, z.cpu, y.cpu, dy.cpu, dz.cpu);
        expect(await c.relativeError(dz)).toBeLessThanOrEqual(TOLERANCE);
        // In place, dz === dy, as the interface allows.
        c.wasm.activationBackward(name, z.wasm, y.wasm, dy.wasm, dy.wasm);
        c.cpu.activationBackward(name, z.cpu, y.cpu, dy.cpu, dy.cpu);
        expect(await c.relativeError(dy)).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }

  it('relu maps exact zeros and negatives like the reference', async () => {
    const c = await createPairContext(1);
    const z = c.pair([6], new Float32Array([0, -0, -1e-30, 1e-30, -3, 3]));
    const y = c.pair([6]);
    c.wasm.activationForward('relu', z.wasm, y.wasm);
    c.cpu.activationForward('relu', z.cpu, y.cpu);
    expect(await c.absoluteError(y)).toBe(0);
  });
});

describe('wasm dropout draws the very same mask as the CPU reference', () => {
  for (const [size, rate, seed, step] of [
    [1, 0.5, 1, 0],
    [37, 0.1, 42, 3],
    [1000, 0.5, 0xdeadbeef, 123456],
    [257, 0.9, -5, 2 ** 31 + 7],
  ]) {
    it(`${size} values, rate ${rate}, seed ${seed}, step ${step}`, async () => {
      const c = await createPairContext(size);
      const x = c.pair([size]);
      const mask = c.pair([size]);
      const y = c.pair([size]);
      c.wasm.dropoutForward(x.wasm, mask.wasm, y.wasm, rate, seed, step);
      c.cpu.dropoutForward(x.cpu, mask.cpu, y.cpu, rate, seed, step);
      expect(await c.absoluteError(mask)).toBe(0);
      expect(await c.absoluteError(y)).toBe(0);
      const dy = c.pair([size]);
      const dx = c.pair([size]);
      c.wasm.dropoutBackward(dy.wasm, mask.wasm, dx.wasm);
      c.cpu.dropoutBackward(dy.cpu, mask.cpu, dx.cpu);
      expect(await c.absoluteError(dx)).toBe(0);
    });
  }
});

describe('wasm batch norm matches the CPU reference', () => {
  for (const [n, f] of [
    [1, 3],
    [2, 1],
    [7, 5],
    [33, 17],
    [128, 64],
  ]) {
    for (const training of [true, false]) {
      it(`[${n}, ${f}], ${training ? 'training' : 'inference'}`, async () => {
        const c = await createPairContext(n * 31 + f);
        const x = c.pair([n, f], undefined, -3, 5);
        const gamma = c.pair([f], undefined, 0.5, 1.5);
        const beta = c.pair([f]);
        const mean = c.pair([f]);
        const variance = c.pair([f], undefined, 0.5, 2);
        const [y, xhat, dx] = [c.pair([n, f]), c.pair([n, f]), c.pair([n, f])];
        const invStd = c.pair([f]);
        for (const s of ['wasm', 'cpu'] as const) {
          c[s].batchNormForward(
            x[s],
            gamma[s],
            beta[s],
            mean[s],
            variance[s],
            y[s],
            xhat[s],
            invStd[s],
            0.9,
            1e-3,
            training,
          );
        }
        for (const t of [y, xhat, invStd, mean, variance])
          expect(await c.relativeError(t)).toBeLessThanOrEqual(TOLERANCE);
        const dy = c.pair([n, f]);
        const [dgamma, dbeta] = [c.pair([f]), c.pair([f])];
        for (const s of ['wasm', 'cpu'] as const) {
          c[s].batchNormBackward(dy[s], xhat[s], gamma[s], invStd[s], dx[s], dgamma[s], dbeta[s], training);
        }
        for (const t of [dx, dgamma, dbeta]) expect(await c.relativeError(t)).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }
});

/**
 * Optimizer steps, regularization, norms and clipping on the wasm backend against the CPU reference,
 * over several iterations. The kernels compute in float64 lanes term for term as the reference, so the
 * results must be bit-identical (tolerance 0); norms are summed in another order: ≤ 1e-6 relative.
 */
import { describe, expect, it } from 'vitest';
import type { OptimizerUpdate, Tensor } from '../backend.ts';
import { createPairContext, type Pair } from './fixtures/pair.ts';

const STEPS: OptimizerUpdate[] = [
  { type: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false },
  { type: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: false },
  { type: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
  { type: 'rmsprop', learningRate: 0.01, rho: 0.9, epsilon: 1e-7, momentum: 0 },
  { type: 'rmsprop', learningRate: 0.01, rho: 0.9, epsilon: 1e-7, momentum: 0.5 },
  { type: 'adagrad', learningRate: 0.1, epsilon: 1e-7 },
  { type: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0, t: 1 },
  { type: 'adam', learningRate: 1e-2, beta1: 0.8, beta2: 0.99, epsilon: 1e-8, weightDecay: 0.01, t: 1 },
];

describe('wasm optimizer steps match the CPU reference bit for bit', () => {
  for (const step of STEPS) {
    for (const size of [1, 2, 3, 17, 1000]) {
      it(`${JSON.stringify(step)} on ${size} weights, 5 steps`, async () => {
        const c = await createPairContext(size);
        const w = c.pair([size]);
        const a = c.pair([size], new Float32Array(size).fill(step.type === 'adagrad' ? 0.1 : 0));
        const b = c.pair([size], new Float32Array(size));
        const g = c.pair([size]);
        for (let t = 1; t <= 5; t++) {
          const grad = c.uniform(size);
          c.wasm.write(g.wasm, grad);
          c.cpu.write(g.cpu, grad);
          const s = step.type === 'adam' ? { ...step, t } : step;
          c.wasm.applyUpdate(s, w.wasm, g.wasm, { a: a.wasm, b: b.wasm });
          c.cpu.applyUpdate(s, w.cpu, g.cpu, { a: a.cpu, b: b.cpu });
        }
        for (const t of [w, a, b]) expect(await c.absoluteError(t)).toBe(0);
      });
    }
  }
});

describe("one layer's update (applyLayerUpdate) on wasm and CPU is applyUpdate on each tensor, bit for bit", () => {
  for (const step of STEPS) {
    it(`${JSON.stringify(step)} on a [6, 4] kernel and its [4] bias, 3 steps`, async () => {
      const c = await createPairContext(7);
      const slotData = (n: number) => new Float32Array(n).fill(step.type === 'adagrad' ? 0.1 : 0);
      const shapes = [[6, 4], [4]];
      const layer = shapes.map((shape) => {
        const n = shape.reduce((x, y) => x * y, 1);
        return { w: c.pair(shape), g: c.pair(shape), a: c.pair(shape, slotData(n)), b: c.pair(shape, slotData(n)) };
      });
      // the reference: the same start, applyUpdate tensor by tensor on the CPU backend
      const copy = async (t: Pair) => c.cpu.tensor(t.cpu.shape, await c.cpu.read(t.cpu));
      const single: { w: Tensor; a: Tensor; b: Tensor }[] = [];
      for (const u of layer) single.push({ w: await copy(u.w), a: await copy(u.a), b: await copy(u.b) });
      for (let t = 1; t <= 3; t++) {
        const s = step.type === 'adam' ? { ...step, t } : step;
        for (const u of layer) {
          const grad = c.uniform(u.g.cpu.size);
          c.wasm.write(u.g.wasm, grad);
          c.cpu.write(u.g.cpu, grad);
        }
        for (const side of ['wasm', 'cpu'] as const) {
          c[side].applyLayerUpdate(
            s,
            layer.map((u) => ({ w: u.w[side], g: u.g[side], slots: { a: u.a[side], b: u.b[side] } })),
          );
        }
        layer.forEach((u, k) => c.cpu.applyUpdate(s, single[k].w, u.g.cpu, { a: single[k].a, b: single[k].b }));
      }
      for (const u of layer) for (const t of [u.w, u.a, u.b]) expect(await c.absoluteError(t)).toBe(0);
      for (const [k, u] of layer.entries()) {
        for (const name of ['w', 'a', 'b'] as const)
          expect(await c.cpu.read(u[name].cpu)).toEqual(await c.cpu.read(single[k][name]));
      }
    });
  }
});

describe('wasm gradient utilities match the CPU reference', () => {
  for (const size of [1, 5, 64, 1001]) {
    it(`regularization, squared norms and clipping on ${size} values`, async () => {
      const c = await createPairContext(size + 1);
      const w = c.pair(
        [size],
        c.uniform(size).map((v, i) => (i % 7 === 0 ? 0 : v)),
      );
      const g = c.pair([size]);
      for (const s of ['wasm', 'cpu'] as const) c[s].addRegularizationGradient(w[s], g[s], 0.01, 0.02);
      expect(await c.absoluteError(g)).toBe(0);

      const h = c.pair([3, 7]);
      const acc = c.pair([3], new Float32Array([0.25, 0, 0]));
      for (const s of ['wasm', 'cpu'] as const) {
        c[s].accumulateSquaredNorms([g[s]], acc[s], 0);
        c[s].accumulateSquaredNorms([h[s]], acc[s], 2);
      }
      expect(await c.relativeError(acc)).toBeLessThanOrEqual(1e-6);

      for (const maxNorm of [1e6, 0.5]) {
        for (const s of ['wasm', 'cpu'] as const) c[s].clipByGlobalNorm([g[s], h[s]], acc[s], 0, 3, maxNorm);
        expect(await c.relativeError(g)).toBeLessThanOrEqual(1e-6);
        expect(await c.relativeError(h)).toBeLessThanOrEqual(1e-6);
      }
    });
  }
});

/**
 * Losses (accumulate and gradient, plain and fused) on the wasm backend against the CPU reference.
 * Both compute in float64 like losses/*.ts; tolerance max |wasm − cpu| ≤ 1e-6 · max(1, max |cpu|).
 */
import { describe, expect, it } from 'vitest';
import { LOSS_NAMES, type LossName } from '../../spec/types.ts';
import { createPairContext, type PairContext } from './fixtures/pair.ts';

const TOLERANCE = 1e-6;

/** Predictions and targets fit for the loss: probabilities and class indices/0-1 labels for classification. */
function inputs(c: PairContext, loss: LossName, n: number, k: number) {
  if (loss === 'categoricalCrossentropy') {
    const p = c.uniform(n * k, 0, 1);
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += p[r * k + j];
      for (let j = 0; j < k; j++) p[r * k + j] /= s;
    }
    p[0] = 0; // clipped to ε before the log
    const y = Float32Array.from({ length: n }, () => c.random.int(k));
    return { pred: c.pair([n, k], p), target: c.pair([n, 1], y) };
  }
  if (loss === 'binaryCrossentropy') {
    const p = c.uniform(n * k, 0, 1);
    p[0] = 1;
    const y = Float32Array.from({ length: n * k }, () => c.random.int(2));
    return { pred: c.pair([n, k], p), target: c.pair([n, k], y) };
  }
  const pred = c.pair([n, k], undefined, -3, 3);
  const y = c.uniform(n * k, -3, 3);
  return { pred, target: c.pair([n, k], y) };
}

describe('wasm losses match the CPU reference', () => {
  for (const loss of LOSS_NAMES) {
    for (const [n, k] of [
      [1, 1],
      [1, 3],
      [5, 1],
      [17, 4],
      [64, 10],
      [129, 7],
    ]) {
      it(`${loss} on [${n}, ${k}]`, async () => {
        const c = await createPairContext(n * 17 + k);
        const { pred, target } = inputs(c, loss, n, k);
        const acc = c.pair([2], new Float32Array([1.5, 2]));
        for (const s of ['wasm', 'cpu'] as const) {
          c[s].lossAccumulate(loss, pred[s], target[s], acc[s], 0.7);
          c[s].lossAccumulate(loss, pred[s], target[s], acc[s], 0.7);
        }
        expect(await c.relativeError(acc)).toBeLessThanOrEqual(TOLERANCE);
        for (const fused of [false, true]) {
          const d = c.pair([n, k]);
          for (const s of ['wasm', 'cpu'] as const) c[s].lossGradient(loss, pred[s], target[s], d[s], 0.7, fused);
          expect(await c.relativeError(d)).toBeLessThanOrEqual(TOLERANCE);
        }
      });
    }
  }

  it('counts correct rows with ties resolved to the first maximum', async () => {
    const c = await createPairContext(3);
    const pred = c.pair([3, 3], new Float32Array([0.4, 0.4, 0.2, 0.1, 0.1, 0.8, 0.3, 0.3, 0.3]));
    const target = c.pair([3, 1], new Float32Array([1, 2, 0]));
    const acc = c.pair([2], new Float32Array(2));
    c.wasm.lossAccumulate('categoricalCrossentropy', pred.wasm, target.wasm, acc.wasm, 1);
    c.cpu.lossAccumulate('categoricalCrossentropy', pred.cpu, target.cpu, acc.cpu, 1);
    expect((await c.wasm.read(acc.wasm))[1]).toBe(2);
    expect(await c.relativeError(acc)).toBeLessThanOrEqual(TOLERANCE);
  });
});

describe('lossStep (rows and gradient in one op) on wasm and CPU', () => {
  for (const loss of LOSS_NAMES) {
    it(`${loss}: wasm matches the CPU reference, and each is its lossAccumulate + lossGradient`, async () => {
      const [n, k] = [17, 4];
      const c = await createPairContext(41);
      const { pred, target } = inputs(c, loss, n, k);
      for (const fused of [false, true]) {
        const acc = c.pair([2], new Float32Array([1.5, 2]));
        const d = c.pair([n, k]);
        for (const s of ['wasm', 'cpu'] as const)
          c[s].lossStep(loss, { out: pred[s], target: target[s], acc: acc[s], dpred: d[s] }, 0.7, fused, false);
        expect(await c.relativeError(acc)).toBeLessThanOrEqual(TOLERANCE);
        expect(await c.relativeError(d)).toBeLessThanOrEqual(TOLERANCE);
        const acc2 = c.cpu.tensor([2], new Float32Array([1.5, 2]));
        const d2 = c.cpu.tensor([n, k]);
        c.cpu.lossAccumulate(loss, pred.cpu, target.cpu, acc2, 0.7);
        c.cpu.lossGradient(loss, pred.cpu, target.cpu, d2, 0.7, fused);
        expect(await c.cpu.read(acc.cpu)).toEqual(await c.cpu.read(acc2));
        expect(await c.cpu.read(d.cpu)).toEqual(await c.cpu.read(d2));
      }
    });
  }

  it('from logits: softmax + categorical cross-entropy, the same as the softmax op then the loss ops', async () => {
    const [n, k] = [33, 10];
    const c = await createPairContext(43);
    const z = c.pair([n, k], undefined, -6, 6);
    const target = c.pair(
      [n, 1],
      Float32Array.from({ length: n }, (_, r) => (r * 7) % k),
    );
    const acc = c.pair([2], new Float32Array([0.5, 1]));
    const d = c.pair([n, k]);
    for (const s of ['wasm', 'cpu'] as const)
      c[s].lossStep(
        'categoricalCrossentropy',
        { out: z[s], target: target[s], acc: acc[s], dpred: d[s] },
        0,
        true,
        true,
      );
    expect(await c.relativeError(acc)).toBeLessThanOrEqual(TOLERANCE);
    expect(await c.relativeError(d)).toBeLessThanOrEqual(TOLERANCE);
    const p = c.cpu.tensor([n, k]);
    const acc2 = c.cpu.tensor([2], new Float32Array([0.5, 1]));
    const d2 = c.cpu.tensor([n, k]);
    c.cpu.activationForward('softmax', z.cpu, p);
    c.cpu.lossAccumulate('categoricalCrossentropy', p, target.cpu, acc2, 0);
    c.cpu.lossGradient('categoricalCrossentropy', p, target.cpu, d2, 0, true);
    expect(await c.cpu.read(acc.cpu)).toEqual(await c.cpu.read(acc2));
    expect(await c.cpu.read(d.cpu)).toEqual(await c.cpu.read(d2));
    // the logits are left as they were
    expect(await c.relativeError(z)).toBe(0);
  });
});

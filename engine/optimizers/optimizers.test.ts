/** Optimizer steps against values worked out by hand (w = 1, g = 0.5 unless stated). */
import { describe, expect, it } from 'vitest';
import { CpuBackend } from '../backend/cpu/index.ts';
import type { OptimizerSpec } from '../spec/types.ts';
import { createOptimizer } from './index.ts';
import { createSchedule } from './schedules.ts';

/** Run `steps` updates of one weight with a constant gradient; returns w after each step. */
function run(spec: OptimizerSpec, grads: number[], w0 = 1): number[] {
  const b = new CpuBackend({ precision: 'float64' });
  const opt = createOptimizer(spec);
  const w = b.tensor([1], new Float64Array([w0]));
  const g = b.tensor([1]);
  const a = b.tensor([1]);
  b.fill(a, opt.slotInit.a);
  const s = b.tensor([1]);
  return grads.map((gv, i) => {
    b.write(g, new Float64Array([gv]));
    b.applyUpdate(opt.step(spec.learningRate, i + 1), w, g, { a, b: s });
    return b.readExact(w)[0];
  });
}

describe('optimizers', () => {
  it('sgd: w ← w − lr·g', () => {
    // 1 − 0.1·0.5 = 0.95; 0.95 − 0.05 = 0.9
    expect(run({ type: 'sgd', learningRate: 0.1 }, [0.5, 0.5])).toEqual([0.95, 0.9].map((v) => expect.closeTo(v, 12)));
  });
  it('sgd with momentum 0.9', () => {
    // v1 = 0.5, w1 = 1 − 0.05 = 0.95; v2 = 0.45 + 0.5 = 0.95, w2 = 0.95 − 0.095 = 0.855
    const [w1, w2] = run({ type: 'sgd', learningRate: 0.1, momentum: 0.9 }, [0.5, 0.5]);
    expect(w1).toBeCloseTo(0.95, 12);
    expect(w2).toBeCloseTo(0.855, 12);
  });
  it('sgd with Nesterov momentum', () => {
    // v1 = 0.5; w1 = 1 − 0.1·(0.5 + 0.9·0.5) = 0.905; v2 = 0.95; w2 = 0.905 − 0.1·(0.5 + 0.855) = 0.7695
    const [w1, w2] = run({ type: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true }, [0.5, 0.5]);
    expect(w1).toBeCloseTo(0.905, 12);
    expect(w2).toBeCloseTo(0.7695, 12);
  });
  it('rmsprop', () => {
    // s1 = 0.1·0.25 = 0.025; w1 = 1 − 0.01·0.5/(√0.025 + 1e-7) = 1 − 0.031622677 = 0.968377323
    const [w1] = run({ type: 'rmsprop', learningRate: 0.01 }, [0.5]);
    expect(w1).toBeCloseTo(1 - 0.005 / (Math.sqrt(0.025) + 1e-7), 12);
    expect(w1).toBeCloseTo(0.9683773, 6);
  });
  it('adagrad starts its accumulator at 0.1', () => {
    // a1 = 0.1 + 0.25 = 0.35; w1 = 1 − 0.1·0.5/√0.35 = 1 − 0.0845154 = 0.9154846
    const [w1] = run({ type: 'adagrad', learningRate: 0.1 }, [0.5]);
    expect(w1).toBeCloseTo(0.9154846, 6);
  });
  it('adam: the first step moves every weight by about lr', () => {
    // m1 = 0.05, v1 = 0.00025; m̂ = 0.5, v̂ = 0.25; w1 = 1 − 0.001·0.5/(0.5 + 1e-7) = 0.9990000002
    const [w1, w2] = run({ type: 'adam', learningRate: 0.001 }, [0.5, -0.5]);
    expect(w1).toBeCloseTo(0.9990000002, 9);
    // m2 = 0.9·0.05 − 0.05 = −0.005, m̂ = −0.005/0.19 = −0.0263158; v2 = 0.999·0.00025 + 0.00025 = 0.00049975,
    // v̂ = 0.00049975/0.001999 = 0.25; w2 = w1 + 0.001·0.0263158/0.5 = 0.9990526318
    expect(w2).toBeCloseTo(0.9990526318, 8);
  });
  it('adamw decays the weight before the Adam step', () => {
    // w ← 1·(1 − 0.001·0.01) = 0.99999; then −0.001·0.5/(0.5 + 1e-7) → 0.9989900002
    const [w1] = run({ type: 'adamw', learningRate: 0.001, weightDecay: 0.01 }, [0.5]);
    expect(w1).toBeCloseTo(0.9989900002, 9);
  });
  it('gradient clipping by global norm scales every gradient by maxNorm/‖g‖', () => {
    const b = new CpuBackend({ precision: 'float64' });
    const g1 = b.tensor([2], new Float64Array([3, 0]));
    const g2 = b.tensor([1], new Float64Array([4]));
    const acc = b.tensor([2]);
    b.accumulateSquaredNorms([g1, g2], acc, 0);
    b.clipByGlobalNorm([g1, g2], acc, 0, 2, 1); // ‖g‖ = 5 → scale 0.2
    expect(Array.from(b.readExact(g1))).toEqual([0.6000000000000001, 0].map((v) => expect.closeTo(v, 12)));
    expect(b.readExact(g2)[0]).toBeCloseTo(0.8, 12);
  });
});

describe('learning-rate schedules', () => {
  it('step halves every 2 epochs', () => {
    const s = createSchedule({ type: 'step', stepSize: 2, gamma: 0.5 }, 0.1, 10, 'loss');
    expect([0, 1, 2, 3, 4].map((e) => s.rate(e))).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
  });
  it('exponential and cosine', () => {
    expect(createSchedule({ type: 'exponential', gamma: 0.9 }, 1, 10, 'loss').rate(2)).toBeCloseTo(0.81, 12);
    const c = createSchedule({ type: 'cosine' }, 1, 10, 'loss');
    expect(c.rate(0)).toBe(1);
    expect(c.rate(5)).toBeCloseTo(0.5, 12);
    expect(c.rate(10)).toBeCloseTo(0, 12);
  });
  it('reduce on plateau cuts the rate after patience epochs without improvement', () => {
    const s = createSchedule({ type: 'reduceOnPlateau', patience: 1, factor: 0.5 }, 1, 10, 'valLoss');
    for (const v of [1, 0.5, 0.6, 0.7]) s.observe({ valLoss: v });
    expect(s.rate(4)).toBe(0.5);
  });
});

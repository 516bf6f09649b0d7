/** Conformance cases: three steps of every optimizer, regularization, norms and clipping. */
import type { Backend, OptimizerUpdate, Tensor } from '../../backend.ts';
import { FLOAT32, type CaseOutputs, type ConformanceCase } from './conformance-types.ts';
import { disposeAll, readAll, uniform } from './fixtures.ts';

const SHAPE = [9, 7];
const SIZE = 63;

/** Named optimizer settings; `t` of Adam is set per step. */
const STEPS: readonly [string, OptimizerUpdate, number][] = [
  ['sgd', { type: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false }, 0],
  ['sgd momentum', { type: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: false }, 0],
  ['sgd nesterov', { type: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true }, 0],
  ['rmsprop', { type: 'rmsprop', learningRate: 0.01, rho: 0.9, epsilon: 1e-7, momentum: 0 }, 0],
  ['rmsprop momentum', { type: 'rmsprop', learningRate: 0.01, rho: 0.9, epsilon: 1e-7, momentum: 0.5 }, 0],
  ['adagrad', { type: 'adagrad', learningRate: 0.1, epsilon: 1e-7 }, 0.1],
  ['adam', { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0, t: 1 }, 0],
  ['adamw', { type: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7, weightDecay: 0.01, t: 1 }, 0],
];

async function threeSteps(be: Backend, step: OptimizerUpdate, slotInit: number): Promise<CaseOutputs> {
  const w = be.tensor(SHAPE, uniform(70, SIZE));
  const g = be.tensor(SHAPE);
  const a = be.tensor(SHAPE);
  if (slotInit !== 0) be.fill(a, slotInit);
  const usesB = step.type === 'adam' || (step.type === 'rmsprop' && step.momentum > 0);
  const b = be.tensor(usesB ? SHAPE : [1]);
  for (let t = 1; t <= 3; t++) {
    be.write(g, uniform(70 + t, SIZE));
    be.applyUpdate(step.type === 'adam' ? { ...step, t } : step, w, g, { a, b });
  }
  const out = await readAll(be, usesB ? { w, a, b } : { w, a });
  disposeAll(be, [w, g, a, b]);
  return out;
}

/** Weight, gradient and slots of one tensor of a layer, for `applyLayerUpdate`. */
function layerTensor(be: Backend, shape: number[], seed: number, step: OptimizerUpdate, slotInit: number) {
  const size = shape.reduce((x, y) => x * y, 1);
  const a = be.tensor(shape);
  if (slotInit !== 0) be.fill(a, slotInit);
  const usesB = step.type === 'adam' || (step.type === 'rmsprop' && step.momentum > 0);
  return {
    w: be.tensor(shape, uniform(seed, size)),
    g: be.tensor(shape),
    slots: { a, b: be.tensor(usesB ? shape : [1]) },
  };
}

/**
 * Three steps of one layer's update (a [9, 7] kernel and its [7] bias, plus a third tensor when `three`): the
 * first finds every tensor in its own buffer, the later ones the packed output of the step before (gpu.js:
 * one launch per pair). With `penalty`, the gradients pass through regularization first (a buffer each).
 */
async function layerSteps(
  be: Backend,
  step: OptimizerUpdate,
  slotInit: number,
  opts: { three?: boolean; penalty?: boolean } = {},
): Promise<CaseOutputs> {
  const shapes = opts.three ? [SHAPE, [7], [3]] : [SHAPE, [7]];
  const ts = shapes.map((shape, k) => layerTensor(be, shape, 100 + k, step, slotInit));
  for (let t = 1; t <= 3; t++) {
    ts.forEach((u, k) => be.write(u.g, uniform(110 + 10 * t + k, u.w.size)));
    if (opts.penalty) for (const u of ts) be.addRegularizationGradient(u.w, u.g, 0.01, 0.02);
    be.applyLayerUpdate(step.type === 'adam' ? { ...step, t } : step, ts);
  }
  const named: Record<string, Tensor> = {};
  ts.forEach((u, k) => Object.assign(named, { [`w${k}`]: u.w, [`a${k}`]: u.slots.a, [`b${k}`]: u.slots.b }));
  const out = await readAll(be, named);
  disposeAll(be, Object.values(named).concat(ts.map((u) => u.g)));
  return out;
}

async function normsAndClip(be: Backend, maxNorm: number): Promise<CaseOutputs> {
  const w = be.tensor([1000], uniform(80, 1000));
  const g1 = be.tensor([1000], uniform(81, 1000));
  const g2 = be.tensor([3], uniform(82, 3, -3, 3));
  const acc = be.tensor([4]);
  be.fill(acc, 0.5);
  be.addRegularizationGradient(w, g1, 0.01, 0.02);
  be.accumulateSquaredNorms([g1], acc, 1);
  be.accumulateSquaredNorms([g2], acc, 3);
  be.accumulateSquaredNorms([g2], acc, 3);
  be.clipByGlobalNorm([g1, g2], acc, 1, 4, maxNorm);
  const out = await readAll(be, { acc, g1, g2 });
  disposeAll(be, [w, g1, g2, acc]);
  return out;
}

/**
 * Squared norms of six tensors in one call (a network's kernels and biases): sizes from 1 to several blocks,
 * into slots after an occupied one, twice (sums add up), plus a call with one tensor.
 */
async function manyNorms(be: Backend): Promise<CaseOutputs> {
  const sizes = [784 * 3, 3, 700, 1, 256, 513];
  const ts = sizes.map((n, i) => be.tensor([n], uniform(90 + i, n, -2, 2)));
  const acc = be.tensor([9]);
  be.fill(acc, 0.25);
  be.accumulateSquaredNorms(ts, acc, 1);
  be.accumulateSquaredNorms(ts, acc, 1);
  be.accumulateSquaredNorms([ts[4]], acc, 8);
  const out = await readAll(be, { acc });
  disposeAll(be, [...ts, acc]);
  return out;
}

/** Optimizer and gradient-utility cases. */
export const OPTIMIZER_CASES: readonly ConformanceCase[] = [
  ...STEPS.map(([name, step, slotInit]): ConformanceCase => ({
    name: `optimizer: ${name}, three steps`,
    tolerance: FLOAT32,
    run: (be) => threeSteps(be, step, slotInit),
  })),
  ...STEPS.map(([name, step, slotInit]): ConformanceCase => ({
    name: `optimizer: ${name}, one layer's kernel and bias together, three steps`,
    tolerance: FLOAT32,
    run: (be) => layerSteps(be, step, slotInit),
  })),
  {
    name: 'optimizer: adam, a layer of three tensors with regularized gradients, three steps',
    tolerance: FLOAT32,
    run: (be) => layerSteps(be, STEPS[6][1], 0, { three: true, penalty: true }),
  },
  {
    name: 'optimizer: rmsprop momentum, a layer with regularized gradients, three steps',
    tolerance: FLOAT32,
    run: (be) => layerSteps(be, STEPS[4][1], 0, { penalty: true }),
  },
  {
    name: 'gradients: regularization, squared norms, clipping that scales',
    tolerance: FLOAT32,
    run: (be) => normsAndClip(be, 5),
  },
  {
    name: 'gradients: clipping below the threshold leaves gradients alone',
    tolerance: FLOAT32,
    run: (be) => normsAndClip(be, 1e6),
  },
  { name: 'gradients: squared norms of six tensors in one call', tolerance: FLOAT32, run: manyNorms },
];

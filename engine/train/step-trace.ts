/**
 * One training iteration made visible: the four steps of backpropagation on chosen rows, with every
 * number taken from the engine on the given backend.
 * 1. forward pass (per layer: input, weighted sum z, activation y),
 * 2. loss (value, per row, and the formula with the numbers filled in for the first row),
 * 3. backward pass (per layer, from the output: dLoss/dOutput and, for dense layers, dLoss/dz; dLoss/dW),
 * 4. update (old value, gradient, new value per weight) and the loss recomputed on the same rows.
 */
import type { Backend, Tensor } from '../backend/backend.ts';
import { LOSSES } from '../losses/index.ts';
import { ACTIVATIONS } from '../layers/activations.ts';
import { createOptimizer } from '../optimizers/index.ts';
import { resolveNetwork } from '../spec/resolve.ts';
import type { NetworkSpec, OptimizerSpec, Task } from '../spec/types.ts';
import { resolveTraining } from './config.ts';
import { meanLoss } from './metrics.ts';
import { Network } from './network.ts';
import type { WeightTensor } from './types.ts';

/** A matrix [rows, cols] as flat row-major numbers. */
export interface TraceMatrix { rows: number; cols: number; data: number[] }

/** Forward values of one layer for the traced rows. */
export interface ForwardTrace {
  layerId: string;
  type: string;
  activation: string | null;
  /** Formula of the activation (dense and activation layers). */
  formula: string | null;
  input: TraceMatrix;
  /** Weighted sum x·W + b (dense layers only). */
  z: TraceMatrix | null;
  output: TraceMatrix;
}

/** Backward values of one layer, in backward order (output layer first). */
export interface BackwardTrace {
  layerId: string;
  /** dLoss/dOutput of the layer (for the fused output layer: dLoss/dz, and `fused` is true). */
  dOutput: TraceMatrix;
  /** dLoss/dz for dense layers: dOutput ⊙ f'(z). */
  dz: TraceMatrix | null;
  fused: boolean;
}

/** Old value, gradient and new value of one weight tensor. */
export interface UpdateTrace { layer: string; name: string; shape: number[]; before: number[]; grad: number[]; after: number[] }

/** The whole iteration. */
export interface StepTrace {
  rows: number;
  task: Task;
  forward: ForwardTrace[];
  /** Network outputs (probabilities or values), and the targets (class index or value, standardized for regression). */
  output: TraceMatrix;
  target: number[];
  loss: { name: string; formula: string; value: number; perRow: number[]; example: string };
  backward: BackwardTrace[];
  gradients: WeightTensor[];
  update: { optimizer: string; learningRate: number; note: string; tensors: UpdateTrace[] };
  lossAfter: number;
}

/** Options of a trace. */
export interface TraceOptions {
  spec: NetworkSpec;
  task: Task;
  weights: readonly WeightTensor[];
  x: Float32Array;
  y: Float32Array;
  rows: number;
  backend: Backend;
  /** Defaults to the spec's optimizer. */
  optimizer?: OptimizerSpec;
}

/** Run forward, loss, backward and one update on the rows, recording every intermediate value. */
export async function traceStep(o: TraceOptions): Promise<StepTrace> {
  const { backend, rows } = o;
  const net = resolveNetwork(o.spec, o.x.length / Math.max(1, rows), o.task);
  const network = new Network(net, backend, 0, o.weights);
  const read = async (t: Tensor, cols: number): Promise<TraceMatrix> => ({ rows, cols, data: Array.from(await backend.read(t)) });
  const temps: Tensor[] = [];
  const keep = (t: Tensor): Tensor => {
    const c = backend.tensor(t.shape);
    backend.copy(t, c);
    temps.push(c);
    return c;
  };
  try {
    const xt = backend.tensor([rows, net.inputs], o.x.subarray(0, rows * net.inputs));
    const yt = backend.tensor([rows, 1], o.y.subarray(0, rows));
    const d = backend.tensor([rows, net.outputs]);
    temps.push(xt, yt, d);
    // 1. forward (dropout off, batch norm on running statistics, as in `gradients`)
    const mode = { training: false, seed: 0, step: 0 };
    const out = network.forward(xt, rows, mode);
    const bound = network.bind(rows);
    const forward: ForwardTrace[] = [];
    for (let i = 0; i < bound.length; i++) {
      const l = net.layers[i];
      const buf = bound[i].buffers();
      const act = l.type === 'dense' || l.type === 'activation' ? l.activation : null;
      const inCols = i === 0 ? net.inputs : net.layers[i - 1].units;
      forward.push({
        layerId: l.id, type: l.type, activation: act, formula: act ? ACTIVATIONS[act].formula : null,
        input: await read(buf.input, inCols), z: l.type === 'dense' ? await read(buf.z, l.units) : null,
        output: await read(buf.y, l.units),
      });
    }
    // 2. loss
    const outHost = await backend.read(out);
    const yHost = Array.from(o.y.subarray(0, rows));
    const math = LOSSES[net.loss];
    const perRow = yHost.map((_, r) => meanLoss(net.loss, outHost.subarray(r * net.outputs, (r + 1) * net.outputs), o.y.subarray(r, r + 1), 1, net.outputs, net.huberDelta));
    const value = perRow.reduce((a, b) => a + b, 0) / rows;
    // 3. backward
    backend.lossGradient(net.loss, out, yt, d, net.huberDelta, net.fused);
    const arriving: { i: number; g: Tensor; fused: boolean }[] = [];
    network.backward(rows, d, (i, g, fused) => arriving.push({ i, g: keep(g), fused }));
    const backward: BackwardTrace[] = [];
    for (const a of arriving) {
      const l = net.layers[a.i];
      const buf = bound[a.i].buffers();
      let dz: TraceMatrix | null = null;
      if (l.type === 'dense') {
        dz = a.fused || l.activation === 'linear' ? await read(a.g, l.units) : await read(buf.dz, l.units);
      }
      backward.push({ layerId: l.id, dOutput: await read(a.g, l.units), dz, fused: a.fused });
    }
    const gradients: WeightTensor[] = [];
    for (const p of network.trainable) {
      if (p.l1 || p.l2) backend.addRegularizationGradient(p.value, p.grad!, p.l1, p.l2);
      gradients.push({ layer: p.layer, name: p.name, shape: [...p.shape], data: Array.from(await backend.read(p.grad!)) });
    }
    // 4. update: one step of a fresh optimizer (t = 1)
    const spec = o.optimizer ?? resolveTraining(o.spec.training).optimizer;
    const opt = createOptimizer(spec);
    const tensors: UpdateTrace[] = [];
    for (const p of network.trainable) {
      const before = Array.from(await backend.read(p.value));
      const a = backend.tensor(p.shape);
      if (opt.slotInit.a) backend.fill(a, opt.slotInit.a);
      const b = backend.tensor(opt.usesSlotB ? p.shape : [1]);
      temps.push(a, b);
      backend.optimizerStep(opt.step(opt.learningRate, 1), p.value, p.grad!, { a, b });
      tensors.push({ layer: p.layer, name: p.name, shape: [...p.shape], before, grad: gradients.find((g) => g.layer === p.layer && g.name === p.name)!.data, after: Array.from(await backend.read(p.value)) });
    }
    const after = await backend.read(network.forward(xt, rows, mode));
    const lossAfter = meanLoss(net.loss, after, o.y, rows, net.outputs, net.huberDelta);
    return {
      rows, task: o.task, forward, output: { rows, cols: net.outputs, data: Array.from(outHost) }, target: yHost,
      loss: { name: net.loss, formula: math.formula, value, perRow, example: lossExample(net.loss, outHost, yHost[0], net.outputs, o.task, perRow[0]) },
      backward, gradients,
      update: {
        optimizer: spec.type, learningRate: spec.learningRate,
        note: spec.type === 'sgd' && !spec.momentum ? 'w ← w − learningRate · ∂L/∂w' : `one ${spec.type} step from a fresh optimizer state (step t = 1)`,
        tensors,
      },
      lossAfter,
    };
  } finally {
    for (const t of temps) backend.dispose(t);
    network.dispose();
  }
}

function lossExample(loss: string, out: Float32Array, y: number, k: number, task: Task, value: number): string {
  const f = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toPrecision(4));
  if (loss === 'categoricalCrossentropy' && task.kind === 'classification') {
    return `L = −ln p[${task.classes[y]}] = −ln ${f(out[y])} = ${f(value)}`;
  }
  if (loss === 'binaryCrossentropy' && task.kind === 'classification') {
    return y === 1 ? `L = −ln p = −ln ${f(out[0])} = ${f(value)}` : `L = −ln(1 − p) = −ln(1 − ${f(out[0])}) = ${f(value)}`;
  }
  if (k === 1 && loss === 'meanSquaredError') return `L = (p − y)² = (${f(out[0])} − ${f(y)})² = ${f(value)}`;
  if (k === 1 && loss === 'meanAbsoluteError') return `L = |p − y| = |${f(out[0])} − ${f(y)}| = ${f(value)}`;
  return `L = ${f(value)} (prediction ${f(out[0])}, target ${f(y)})`;
}
